/**
 * The 判定_ columns of マスタ (the only master cells summary writes) and the in-place highlights.
 *
 * - Existing 判定_ columns are found by name wherever they are; missing ones are created to the
 *   right of the used range (never over a user's cell, even an unlabelled one).
 * - Values are written for every row from the first to the last data row; empty judgements are
 *   written as blank cells, so a row that lost its office also loses its stale judgement.
 * - 判定_検証 belongs to validate: its values are written only when findings are passed in,
 *   otherwise the column is left exactly as it is (its header is still created when missing).
 * - Highlights are conditional formats keyed on 判定_優先 / 判定_遅延, so sorting and filtering keep
 *   them right and the user's own fills are never touched. Each formula embeds HIGHLIGHT_MARKER
 *   (`ISTEXT("onshi")`, always true) so that the next run recognises and replaces its own rules.
 */
import type { IsoDate, OutCell } from "./cell";
import type { ClassEntry } from "./classes";
import { actionText, type DocumentEntry } from "./documents";
import { isRegisteredAt, type Master, type OfficeRecord } from "./master";
import { JUDGE_COLUMNS } from "./schema/fields";
import { columnLetters, headerKey } from "./schema/table";
import { HIGHLIGHT_MARKER, type HighlightSpec, type RangeWrite } from "./writes";
import { SEVERITY_LABEL, type Finding } from "./findings";

export type JudgeColumn = (typeof JUDGE_COLUMNS)[number];

export const JUDGE_VALUES = {
  registered: "登録済",
  unregistered: "未登録",
  priority: "優先",
  delayed: "遅延",
} as const;

export const HIGHLIGHT_FILLS = { priority: "#FFC7CE", delayed: "#FFEB9C" } as const;

/** A master row that describes an office (a row holding only stray or owned cells does not). */
export const isOfficeRow = (o: Pick<OfficeRecord, "code" | "name">): boolean => o.code !== null || o.name !== "";

/** The rows of マスタ that describe offices. */
export function officesOf(master: Master): OfficeRecord[] {
  return master.offices.filter(isOfficeRow);
}

/**
 * The last row 判定_ cells are written down to: the table's last row, stray cells far below it
 * excepted (a cell at row 1,048,576 must not cost a column of a million blanks). Rows that are not
 * offices inside that range get blank 判定_ cells, which also clears what an older version wrote.
 */
function lastCheckedRow(table: Master["table"]): number {
  let last = table.checkedRows.length > 0 ? table.checkedRows[table.checkedRows.length - 1].row : table.headerRow;
  for (const n of table.nonOfficeRows) if (n.reason !== "below" && n.row.row > last) last = n.row.row;
  return last;
}

export interface JudgeInput {
  master: Master;
  asOf: IsoDate;
  classes: readonly ClassEntry[];
  documents: readonly DocumentEntry[];
  /** 判定_検証 text per master row; when absent the column's values are left as they are. */
  verification?: ReadonlyMap<number, string>;
}

/** The judgement of one row, by column (null = blank). */
export type JudgeValues = Record<JudgeColumn, string | null>;

export function judgeValues(input: JudgeInput): Map<number, JudgeValues> {
  const classes = new Map(input.classes.map((c) => [c.row, c]));
  const docs = new Map(input.documents.map((d) => [d.row, d]));
  const out = new Map<number, JudgeValues>();
  for (const o of input.master.offices) {
    if (!isOfficeRow(o)) continue;
    const c = classes.get(o.row);
    const d = docs.get(o.row);
    out.set(o.row, {
      判定_登録状況: isRegisteredAt(o, input.asOf) ? JUDGE_VALUES.registered : JUDGE_VALUES.unregistered,
      判定_区分: c?.class ?? null,
      判定_優先: c?.priority ? JUDGE_VALUES.priority : null,
      判定_遅延: c?.delayed ? JUDGE_VALUES.delayed : null,
      判定_公文書: d ? actionText(d) : null,
      判定_検証: input.verification?.get(o.row) || null,
    });
  }
  return out;
}

/**
 * Where each wanted 判定_ column is (1-based sheet column) and which ones must be created; columns
 * not wanted are neither placed nor created.
 */
export function judgeColumnPlaces(
  master: Master,
  wanted: readonly JudgeColumn[] = JUDGE_COLUMNS,
): { cols: Record<JudgeColumn, number>; created: JudgeColumn[] } {
  const { table } = master;
  const found = new Map<string, number>();
  for (const c of table.columns) {
    const key = headerKey(c.header);
    if (!found.has(key)) found.set(key, c.col);
  }
  const width = table.grid.values.reduce((w, r) => Math.max(w, r.length), 0);
  // New columns go right of the used range and of any merged area: a write into a merge would land
  // in its top-left cell and overwrite the user's value.
  let next = (table.grid.merges ?? []).reduce((n, m) => Math.max(n, m.right + 1), table.grid.left + width);
  if (table.grid.formattedRight !== undefined) next = Math.max(next, table.grid.formattedRight + 1);
  const cols = {} as Record<JudgeColumn, number>;
  const created: JudgeColumn[] = [];
  for (const name of wanted) {
    const existing = found.get(headerKey(name));
    if (existing !== undefined) cols[name] = existing;
    else {
      cols[name] = next++;
      created.push(name);
    }
  }
  return { cols, created };
}

export interface JudgeWrites {
  ranges: RangeWrite[];
  highlight: HighlightSpec;
  values: Map<number, JudgeValues>;
}

/** The range writes (only 判定_ cells) and the highlight spec for マスタ. */
export function judgeWrites(input: JudgeInput): JudgeWrites {
  const { table } = input.master;
  const values = judgeValues(input);
  const { cols, created } = judgeColumnPlaces(input.master);
  const sheet = table.sheet;
  const ranges: RangeWrite[] = created.map((name) => ({ sheet, row: table.headerRow, col: cols[name], values: [[name]] }));
  const firstRow = table.headerRow + 1;
  const lastRow = lastCheckedRow(table);
  if (lastRow >= firstRow) {
    for (const name of JUDGE_COLUMNS) {
      if (name === "判定_検証" && !input.verification) continue;
      const column: OutCell[][] = [];
      for (let r = firstRow; r <= lastRow; r++) column.push([values.get(r)?.[name] ?? null]);
      ranges.push({ sheet, row: firstRow, col: cols[name], values: column });
    }
  }
  const lastCol = Math.max(table.grid.left + table.grid.values.reduce((w, r) => Math.max(w, r.length), 0) - 1, ...Object.values(cols));
  const rule = (name: JudgeColumn, value: string) =>
    `=AND($${columnLetters(cols[name])}${firstRow}="${value}",ISTEXT("${HIGHLIGHT_MARKER}"))`;
  return {
    ranges,
    values,
    highlight: {
      sheet,
      firstRow,
      lastRow,
      lastCol,
      rules: [
        { formula: rule("判定_優先", JUDGE_VALUES.priority), fill: HIGHLIGHT_FILLS.priority, label: "優先対応" },
        { formula: rule("判定_遅延", JUDGE_VALUES.delayed), fill: HIGHLIGHT_FILLS.delayed, label: "登録遅延" },
      ],
    },
  };
}


/**
 * 判定_検証 for every master row: the titles of the rules that found something on it, by severity
 * (`エラー: 検証番号が合わない／警告: 数値が文字列として入力`), blank for a clean row. Only this one
 * column is written (created at the right end when missing).
 */
export function verificationWrites(master: Master, findings: readonly Finding[], title: (rule: string) => string): RangeWrite[] {
  const { table } = master;
  const byRow = new Map<number, Map<Finding["severity"], Set<string>>>();
  for (const f of findings) {
    if (f.sheet !== table.sheet || f.row <= table.headerRow) continue;
    let bySeverity = byRow.get(f.row);
    if (!bySeverity) byRow.set(f.row, (bySeverity = new Map()));
    let titles = bySeverity.get(f.severity);
    if (!titles) bySeverity.set(f.severity, (titles = new Set()));
    titles.add(title(f.rule));
  }
  // Rows that are not offices (totals, headings, notes …) never get a 判定_ value.
  const notOffice = new Set(table.nonOfficeRows.map((n) => n.row.row));
  const text = (row: number): string | null => {
    const bySeverity = notOffice.has(row) ? undefined : byRow.get(row);
    if (!bySeverity) return null;
    return (["error", "warning", "info"] as const)
      .filter((s) => bySeverity.has(s))
      .map((s) => `${SEVERITY_LABEL[s]}: ${[...bySeverity.get(s)!].join("、")}`)
      .join("／");
  };
  const name: JudgeColumn = "判定_検証";
  const { cols, created } = judgeColumnPlaces(master, [name]);
  const writes: RangeWrite[] = created.map(() => ({ sheet: table.sheet, row: table.headerRow, col: cols[name], values: [[name]] }));
  const firstRow = table.headerRow + 1;
  const lastRow = lastCheckedRow(table);
  if (lastRow >= firstRow) {
    const column: OutCell[][] = [];
    for (let r = firstRow; r <= lastRow; r++) column.push([text(r)]);
    writes.push({ sheet: table.sheet, row: firstRow, col: cols[name], values: column });
  }
  return writes;
}
