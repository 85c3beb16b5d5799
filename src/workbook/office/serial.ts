/**
 * Excel 1900 date system: serial numbers for ISO dates. Excel counts 1900-02-29 (a day that never
 * existed), so from 1900-03-01 on the serial is the number of days since 1899-12-30, and before it
 * the number of days since 1899-12-31.
 */
import type { IsoDate } from "../../domain/cell";

const DAY_MS = 86_400_000;
const EPOCH = Date.UTC(1899, 11, 30);
const LEAP_BUG_END = Date.UTC(1900, 2, 1);

/** Serial number of an ISO date (`YYYY-MM-DD`); throws on anything that is not a real date. */
export function isoToSerial(iso: IsoDate): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new Error(`not an ISO date: ${iso}`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = Date.UTC(y, mo - 1, d);
  const check = new Date(t);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || y < 1900) {
    throw new Error(`not a valid Excel date: ${iso}`);
  }
  const days = Math.round((t - EPOCH) / DAY_MS);
  return t >= LEAP_BUG_END ? days : days - 1;
}
