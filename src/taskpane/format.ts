/** Display formatting: counts with separators, shares rounded only here (data stays exact). */
import type { IsoDate } from "../domain/cell";
import { formatJapaneseMonth, formatSlashDate, isValidIsoMonth, parseDate } from "../domain/dates";
import { splitList } from "../domain/text";
import { M } from "./messages";

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

/** `2024-08` → 令和6年8月, `2025-04以降` → 令和7年4月以降; other labels as they are. */
export function planText(plan: string): string {
  if (isValidIsoMonth(plan)) return formatJapaneseMonth(plan);
  const m = /^(\d{4}-\d{2})以降$/.exec(plan);
  if (m && isValidIsoMonth(m[1])) return M.summary.openEnded(formatJapaneseMonth(m[1]));
  return plan;
}

/** Splits the dates box on commas / spaces; returns the bad entries too. */
export function parseDateList(text: string): { dates: string[]; bad: string[] } {
  const parts = splitList(text);
  const bad = parts.filter((p) => !parseDate(p).ok);
  return { dates: parts, bad };
}
