/** Display formatting: counts with separators, shares rounded only here (data stays exact). */
import type { IsoDate } from "../domain/cell";
import { formatSlashDate } from "../domain/dates";

const INT = new Intl.NumberFormat("ja-JP", { maximumFractionDigits: 0 });
const PCT = new Intl.NumberFormat("ja-JP", { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 });

export const fmtCount = (v: number): string => INT.format(v);
export const fmtShare = (v: number): string => PCT.format(v);
export const fmtSignedCount = (v: number): string => (v > 0 ? `+${INT.format(v)}` : INT.format(v));
export const fmtSignedShare = (v: number): string => (v > 0 ? `+${PCT.format(v)}` : PCT.format(v));

/** `2024-12-02` → `2024/12/2` (how Excel shows the dates in the sheets; the domain's one date display). */
export function fmtDate(d: IsoDate): string {
  return formatSlashDate(d);
}

/** Any cell-ish value for a table cell. */
export function fmtValue(v: unknown): string {
  if (v === null || v === undefined || v === "") return "";
  if (typeof v === "number") return INT.format(v) === "NaN" ? String(v) : Number.isInteger(v) ? INT.format(v) : String(v);
  return String(v);
}
