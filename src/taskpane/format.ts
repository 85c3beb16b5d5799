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
/** A change of a share, in points as reports say it: +0.2pt, -0.2pt, 0.0pt. */
export function fmtSignedShare(v: number): string {
  const points = Math.round(v * 1000) / 10;
  if (points === 0) return "0.0pt";
  return `${points > 0 ? "+" : "-"}${Math.abs(points).toFixed(1)}pt`;
}

/** The 基準日 as the bar shows it: `2025/02/04` and `令和7年2月4日`, never in the OS locale's order. */
export function asOfLabel(iso: string): { slash: string; era: string } {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return { slash: iso, era: "" };
  return { slash: `${m[1]}/${m[2]}/${m[3]}`, era: japaneseEraDate(iso) };
}

/** `2025-02-04` → 令和7年2月4日 (平成 before 2019-05-01; 元年 for the first year). */
export function japaneseEraDate(iso: string): string {
  const [y, mo, d] = iso.split("-").map(Number);
  const era = iso >= "2019-05-01" ? { name: "令和", base: 2018 } : iso >= "1989-01-08" ? { name: "平成", base: 1988 } : { name: "昭和", base: 1925 };
  const year = y - era.base;
  return `${era.name}${year === 1 ? "元" : year}年${mo}月${d}日`;
}

/** What the user typed in the 基準日 bar as an ISO date (any SPEC §1 form), or null. */
export function readAsOf(text: string): string | null {
  const d = parseDate(text.trim());
  return d.ok ? d.value : null;
}

/** A date in a narrow table column: `2024-09-30` → `R6.9.30`, a month `2024-09` → `R6.9`. */
export function shortEraDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(iso);
  if (!m) return iso;
  const y = Number(m[1]);
  const reiwa = `${m[1]}-${m[2]}` >= "2019-05";
  const era = reiwa ? `R${y - 2018}` : `H${y - 1988}`;
  return `${era}.${Number(m[2])}${m[3] ? `.${Number(m[3])}` : ""}`;
}

/** A plan in a narrow column: `2024-09` → R6.9, `2025-04以降` → R7.4以降; labels (登録済み, 未定 …) as they are. */
export function shortPlan(plan: string): string {
  if (isValidIsoMonth(plan)) return shortEraDate(plan);
  const m = /^(\d{4}-\d{2})以降$/.exec(plan);
  if (m && isValidIsoMonth(m[1])) return `${shortEraDate(m[1])}以降`;
  return plan;
}

/** A finding's value as typed, with its spaces made visible (␣ for a space, □ for a full-width one). */
export function visibleSpaces(text: string): string {
  return text.replace(/ /g, "␣").replace(/\u3000/g, "□").replace(/\t/g, "⇥");
}

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
