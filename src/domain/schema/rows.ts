/**
 * Which rows of a table are offices (SPEC §2): a row counts only when its 保険者コード cell holds a
 * code. Everything else inside the table — totals, section headings, unit rows, notes, rows with a
 * name but no code, stray cells below the table — is excluded from every figure; this module says
 * why, so that row-not-office can tell the user in plain words.
 */
import type { RawCell } from "../cell";
import { isBlank, nfkc } from "../text";
import type { SheetGrid } from "../grid";

export type NonOfficeReason = "total" | "heading" | "units" | "note" | "no-code" | "below";

/** Japanese wording of each reason, for messages and notes. */
export const NON_OFFICE_REASON_JA: Record<NonOfficeReason, string> = {
  total: "合計の行",
  heading: "見出しの行",
  units: "単位の行",
  note: "注記の行",
  "no-code": "保険者コードのない行",
  below: "表の下の離れたセル",
};

/** Digits with the separators people type inside codes (spaces, hyphens, dots, commas, quotes). */
const CODE_ATTEMPT = /^[\s0-9\-\u2010-\u2015\u2212\u30FC.,'"]*[0-9][\s0-9\-\u2010-\u2015\u2212\u30FC.,'"]*$/u;

/**
 * True when a 保険者コード cell holds something meant as a code, right or mistyped (`12130480`,
 * `1213048`, `12-130-48`, a number): such a row is an office whose code-format is an error to fix,
 * never a total or a heading.
 */
export function isCodeAttempt(v: RawCell): boolean {
  if (typeof v === "number") return Number.isFinite(v);
  if (typeof v !== "string" || isBlank(v)) return false;
  return CODE_ATTEMPT.test(nfkc(v));
}

const TOTAL = /^(?:総?合計|小計|総計|計|集計|累計|総数|total|subtotal|grandtotal|sum)$/iu;
const TOTAL_SUFFIX = /(?:合計|小計|総計)$/u;
const HEADING_MARK = /^[【■□◆◇▼▽◎●○★☆<＜〈《]/u;
const UNIT = /^[(（[［〔].{0,8}[)）\]］〕]$|^単位/u;
const NOTE = /^(?:※|\*|＊|注[\d:：)）]|\(注|（注|注記|備考[:：])/u;

function texts(cells: readonly RawCell[], columns: readonly number[]): string[] {
  const out: string[] = [];
  for (const i of columns) {
    const v = cells[i] ?? null;
    if (isBlank(v)) continue;
    out.push(typeof v === "string" ? nfkc(v).trim() : String(v));
  }
  return out;
}

/** Whether a merged area starting on this sheet row spans at least two of the table's columns. */
function mergedAcross(grid: SheetGrid, row: number): boolean {
  for (const m of grid.merges ?? []) if (m.top === row && m.right > m.left) return true;
  return false;
}

/**
 * Why a row without a code is not an office. Unknown columns count too (a note may stand in any
 * column); an Excel table's totals row is known from the adapter when it can tell.
 */
export function classifyNonOfficeRow(
  grid: SheetGrid,
  row: { row: number; cells: readonly RawCell[] },
  tableColumns: readonly number[],
  totalsRows: ReadonlySet<number> = new Set(grid.totalsRows ?? []),
): NonOfficeReason {
  if (totalsRows.has(row.row)) return "total";
  const all = texts(row.cells, row.cells.map((_, i) => i));
  const inTable = tableColumns.length > 0 ? texts(row.cells, tableColumns) : all;
  const compact = all.map((t) => t.replace(/[\s\u3000]+/gu, ""));
  if (compact.some((t) => TOTAL.test(t) || TOTAL_SUFFIX.test(t))) return "total";
  const first = compact[0] ?? "";
  if (NOTE.test(first)) return "note";
  if (compact.length > 0 && compact.every((t) => UNIT.test(t) && !t.startsWith("【"))) return "units";
  // A lone text in the table's first column reads as a heading whether or not the adapter can tell
  // merges (Office.js does not say), so both engines classify it alike.
  const firstColumn = tableColumns[0];
  const lone = all.length === 1 && firstColumn !== undefined && !isBlank(row.cells[firstColumn] ?? null) && typeof row.cells[firstColumn] === "string";
  if (HEADING_MARK.test(first) || lone || (inTable.length <= 1 && mergedAcross(grid, row.row))) return "heading";
  return "no-code";
}

/**
 * The note shown beside every computed table when rows were left out (none when nothing was):
 * 「集計から除外した行: 3」 and what such rows are.
 */
export function excludedRowsNote(excluded: number | undefined): string[] {
  if (!excluded) return [];
  return [`集計から除外した行: ${excluded}（合計・見出し・単位・注記など保険者コードが読めない行と、重複した保険者コードの2行目以降。検証の「集計から除外する行」で確認できます）`];
}
