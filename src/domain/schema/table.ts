/**
 * Finding a table inside a sheet's used range: the header row (the first of the first 15 rows that
 * holds enough known header names), the field each column maps to, and the data rows below it.
 * Titles and notes above the table, blank rows inside it, unknown columns and any column order are
 * all fine; unknown columns are simply carried along untouched.
 */
import type { RawCell } from "../cell";
import { isBlank } from "../text";
import type { SheetGrid } from "../grid";
import {
  JUDGE_PREFIX,
  PAYMENT_FUND_KINDS,
  SCHEMAS,
  type PaymentFundKind,
  type SheetKind,
  type SheetSchema,
} from "./fields";

/** How many rows from the top may hold the header row. */
export const HEADER_SEARCH_ROWS = 15;

const ANNOTATION_AFTER_MARK = /※.*$/su;
const BRACKETED = /\([^)]*\)|\[[^\]]*\]|【[^】]*】|〔[^〕]*〕|［[^］]*］/gu;
const SPACES = /[\s\u3000]+/gu;

/**
 * The comparable form of a header: NFKC, annotations (text after ※, bracketed units) removed,
 * spaces and line breaks removed. `福祉事務所名 ※保険者コード単位` → `福祉事務所名`,
 * `被保護者 人数(人)` → `被保護者人数`, `ベンダ （略称）` → `ベンダ`.
 */
export function headerKey(text: string): string {
  const nfkc = text.normalize("NFKC").replace(ANNOTATION_AFTER_MARK, "");
  const stripped = nfkc.replace(BRACKETED, "").replace(SPACES, "");
  // A header that is only a bracketed word (e.g. `(人)`) keeps its text rather than vanishing.
  return stripped || nfkc.replace(SPACES, "");
}

function cellText(v: RawCell): string {
  if (v === null) return "";
  return typeof v === "string" ? v : String(v);
}

/** A blank cell: the one definition of domain/text (no-break and zero-width spaces included). */
export const isBlankCell = isBlank;

export function isBlankRow(cells: RawCell[]): boolean {
  for (const v of cells) if (!isBlankCell(v)) return false;
  return true;
}

const SUB_HEADERS = new Set(["加入中", "資格喪失", "合計"]);
const GROUPS = ["資格情報", "医療情報"];

/**
 * The header texts of row r, with two-row headers composed: a lower cell 加入中 / 資格喪失 / 合計
 * under an upper (merged) cell mentioning 資格情報 or 医療情報 becomes `資格情報_加入中` etc. A
 * merged upper cell shows its text only in its first column, so we carry it rightwards. In such a
 * two-row header, columns merged vertically (保険者コード over a blank) take the upper text.
 */
function headerTexts(grid: SheetGrid, r: number): string[] {
  const row = grid.values[r] ?? [];
  const upper = r > 0 ? grid.values[r - 1] : undefined;
  if (!upper) return row.map(cellText);
  let group = "";
  let composed = false;
  const texts = row.map((v, c) => {
    const text = cellText(v);
    const above = cellText(upper[c] ?? null);
    if (above.trim()) {
      // Look for the group word before brackets are stripped: the seed writes ×（資格情報）1か月経過.
      const plain = above.normalize("NFKC");
      group = GROUPS.find((g) => plain.includes(g)) ?? "";
    }
    const key = headerKey(text);
    if (group && SUB_HEADERS.has(key)) {
      composed = true;
      return `${group}_${key}`;
    }
    return text;
  });
  if (!composed) return texts;
  return texts.map((t, c) => (t.trim() === "" ? cellText(upper[c] ?? null) : t));
}

const lookupCache = new Map<SheetKind, Map<string, string>>();

/** headerKey → field key for one sheet kind (labels and synonyms). */
function lookupFor(schema: SheetSchema): Map<string, string> {
  let lookup = lookupCache.get(schema.kind);
  if (!lookup) {
    lookup = new Map();
    for (const f of schema.fields) {
      for (const name of [f.label, ...f.synonyms]) lookup.set(headerKey(name), f.key);
    }
    lookupCache.set(schema.kind, lookup);
  }
  return lookup;
}

export interface Column {
  /** 0-based index into the grid's rows. */
  index: number;
  /** 1-based sheet column. */
  col: number;
  /** The header as the user wrote it (trimmed). */
  header: string;
  field?: string;
}

export interface TableRow {
  /** 1-based sheet row. */
  row: number;
  /** 0-based index into grid.values. */
  index: number;
  cells: RawCell[];
}

export interface Table {
  sheet: string;
  kind: SheetKind;
  grid: SheetGrid;
  /** 1-based sheet row of the header. */
  headerRow: number;
  headerIndex: number;
  columns: Column[];
  /** Field key → index into a row's cells (the first column that maps to it). */
  fieldIndex: Map<string, number>;
  /** Fields that more than one column maps to. */
  duplicateFields: { field: string; columns: Column[] }[];
  /** Required columns that are absent (field keys; "a|b" for a one-of group). */
  missingColumns: string[];
  /** Columns whose header starts with 判定_ (owned by the add-in). */
  judgeColumns: Column[];
  rows: TableRow[];
  /** 1-based rows that are blank but lie between data rows. */
  blankRows: number[];
}

function countMatches(texts: string[], lookup: Map<string, string>): number {
  const seen = new Set<string>();
  for (const t of texts) {
    const f = lookup.get(headerKey(t));
    if (f) seen.add(f);
  }
  return seen.size;
}

/** The 0-based header row index, or -1 when no row of the first 15 qualifies. */
export function findHeaderIndex(grid: SheetGrid, schema: SheetSchema): number {
  const lookup = lookupFor(schema);
  const limit = Math.min(HEADER_SEARCH_ROWS - (grid.top - 1), grid.values.length);
  for (let r = 0; r < limit; r++) {
    if (countMatches(headerTexts(grid, r), lookup) >= schema.minHeaderMatches) return r;
  }
  return -1;
}

/** The best number of known header names any of the first rows holds, for kind detection. */
function bestMatchCount(grid: SheetGrid, schema: SheetSchema): number {
  const lookup = lookupFor(schema);
  const limit = Math.min(HEADER_SEARCH_ROWS, grid.values.length);
  let best = 0;
  for (let r = 0; r < limit; r++) best = Math.max(best, countMatches(headerTexts(grid, r), lookup));
  return best;
}

/** The Payment Fund list kind whose headers a sheet matches best (at least three), or null. */
export function detectPaymentFundKind(grid: SheetGrid): PaymentFundKind | null {
  let best: PaymentFundKind | null = null;
  let bestCount = 2;
  for (const kind of PAYMENT_FUND_KINDS) {
    const n = bestMatchCount(grid, SCHEMAS[kind]);
    if (n > bestCount) {
      best = kind;
      bestCount = n;
    }
  }
  return best;
}

/** Reads a sheet as a table of the given kind; null when no header row is found. */
export function readTable(grid: SheetGrid, kind: SheetKind): Table | null {
  const schema = SCHEMAS[kind];
  const headerIndex = findHeaderIndex(grid, schema);
  if (headerIndex < 0) return null;
  const lookup = lookupFor(schema);
  const texts = headerTexts(grid, headerIndex);
  const columns: Column[] = [];
  const fieldIndex = new Map<string, number>();
  const byField = new Map<string, Column[]>();
  const judgeColumns: Column[] = [];
  texts.forEach((text, index) => {
    const header = text.trim();
    const column: Column = { index, col: grid.left + index, header };
    const field = header ? lookup.get(headerKey(header)) : undefined;
    if (field) {
      column.field = field;
      if (!fieldIndex.has(field)) fieldIndex.set(field, index);
      byField.set(field, [...(byField.get(field) ?? []), column]);
    }
    if (header.startsWith(JUDGE_PREFIX)) judgeColumns.push(column);
    columns.push(column);
  });
  const duplicateFields = [...byField].filter(([, cols]) => cols.length > 1).map(([field, cols]) => ({ field, columns: cols }));
  const missingColumns = schema.requiredColumns
    .filter((req) => (Array.isArray(req) ? !req.some((k) => fieldIndex.has(k)) : !fieldIndex.has(req)))
    .map((req) => (Array.isArray(req) ? req.join("|") : req));

  const rows: TableRow[] = [];
  const blankRows: number[] = [];
  let pendingBlanks: number[] = [];
  for (let r = headerIndex + 1; r < grid.values.length; r++) {
    const cells = grid.values[r];
    const row = grid.top + r;
    if (isBlankRow(cells)) {
      pendingBlanks.push(row);
      continue;
    }
    if (rows.length > 0) blankRows.push(...pendingBlanks);
    pendingBlanks = [];
    rows.push({ row, index: r, cells });
  }
  return {
    sheet: grid.name,
    kind,
    grid,
    headerRow: grid.top + headerIndex,
    headerIndex,
    columns,
    fieldIndex,
    duplicateFields,
    missingColumns,
    judgeColumns,
    rows,
    blankRows,
  };
}

/** The raw value of a field in a row (null when the column is absent). */
export function fieldValue(table: Table, row: TableRow, field: string): RawCell {
  const i = table.fieldIndex.get(field);
  return i === undefined ? null : (row.cells[i] ?? null);
}

/** The number format of a field's cell in a row, when the adapter supplied formats. */
export function fieldFormat(table: Table, row: TableRow, field: string): string | undefined {
  const i = table.fieldIndex.get(field);
  return i === undefined ? undefined : table.grid.formats?.[row.index]?.[i];
}

/** Excel column letters for a 1-based column number (1 → A, 27 → AA). */
export function columnLetters(col: number): string {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** A1 address of a 1-based (row, col). */
export function cellAddress(row: number, col: number): string {
  return `${columnLetters(col)}${row}`;
}
