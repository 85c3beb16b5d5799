/**
 * Excel serial ↔ JS Date as ExcelJS uses them: ExcelJS builds date cells as UTC midnights, so we
 * convert with UTC arithmetic only and stay independent of the process time zone.
 */
import type { IsoDate } from "../../domain/cell";

const MS_PER_DAY = 86_400_000;
/** Serial of 1970-01-01 in the 1900 date system. */
const UNIX_EPOCH_SERIAL = 25_569;

export function dateToSerial(d: Date): number {
  return d.getTime() / MS_PER_DAY + UNIX_EPOCH_SERIAL;
}

export function isoToUtcDate(iso: IsoDate): Date {
  const [y, m, d] = iso.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}
