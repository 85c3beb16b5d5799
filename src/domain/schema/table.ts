/**
 * Finding a table inside a sheet's used range: the header row (the first of the first 15 rows that
 * holds enough known header names), the field each column maps to, and the data rows below it.
 * Titles and notes above the table, blank rows inside it, unknown columns and any column order are
 * all fine; unknown columns are simply carried along untouched.
 */
import type { RawCell } from "../cell";
import type { SheetGrid } from "../grid";
import { parseOfficeCode } from "../codes";
import { compactKey, isBlank } from "../text";
import { classifyNonOfficeRow, isCodeAttempt, type NonOfficeReason } from "./rows";
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
 * The header texts of row r, with two-row headers composed on every sheet: a lower cell under an
 * upper (merged) cell becomes upper + lower when that names a known header (`資格情報` over
 * `登録開始日` → 資格情報登録開始日), and 加入中 / 資格喪失 / 合計 under an upper cell mentioning
 * 資格情報 or 医療情報 becomes `資格情報_加入中` etc. A merged upper cell shows its text only in its
 * first column, so we carry it rightwards. In such a two-row header, columns merged vertically
 * (保険者コード over a blank) take the upper text.
 */
function headerTexts(grid: SheetGrid, r: number, lookup?: ReadonlyMap<string, string>): string[] {
  const row = grid.values[r] ?? [];
  const upper = r > 0 ? grid.values[r - 1] : undefined;
  if (!upper) return row.map(cellText);
  let group = "";
  let carried = "";
  let composed = false;
  const texts = row.map((v, c) => {
    const text = cellText(v);
    const above = cellText(upper[c] ?? null);
    if (above.trim()) {
      // Look for the group word before brackets are stripped: the seed writes ×（資格情報）1か月経過.
      const plain = above.normalize("NFKC");
      group = GROUPS.find((g) => plain.includes(g)) ?? "";
      carried = above.trim();
    }
    if (!text.trim()) return text;
    const key = headerKey(text);
    if (group && SUB_HEADERS.has(key)) {
      composed = true;
      return `${group}_${key}`;
    }
    if (lookup && carried) {
      const joined = carried + text.trim();
      if (lookup.has(headerKey(joined))) {
        composed = true;
        return joined;
      }
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
  /** Bracketed qualifiers that are not mere annotations (（R6.3）, （支払基金）…), NFKC. */
  qualifiers?: string[];
}

export interface TableRow {
  /** 1-based sheet row. */
  row: number;
  /** 0-based index into grid.values. */
  index: number;
  cells: RawCell[];
}

/** A row inside a table that is not an office (SPEC §2 "Which rows are offices"). */
export interface NonOfficeRow {
  row: TableRow;
  reason: NonOfficeReason;
}

export interface Table {
  sheet: string;
  kind: SheetKind;
  grid: SheetGrid;
  /** 1-based sheet row of the header. */
  headerRow: number;
  headerIndex: number;
  columns: Column[];
  /** Field key → index into a row's cells (the first column that maps to it, or the one 設定 chose). */
  fieldIndex: Map<string, number>;
  /** Fields that more than one column maps to. */
  duplicateFields: { field: string; columns: Column[] }[];
  /**
   * Duplicated fields where the columns differ by a qualifier (被保護者数（R5.3） and 被保護者数（R6.3））
   * and 設定 列_<field> did not pick one: no figure may be computed from such a field.
   */
  ambiguousFields: { field: string; columns: Column[] }[];
  /** Required columns that are absent (field keys; "a|b" for a one-of group). */
  missingColumns: string[];
  /** Columns whose header starts with 判定_ (owned by the add-in). */
  judgeColumns: Column[];
  /** Every non-blank row below the header. */
  rows: TableRow[];
  /** The rows validation rules check: `rows` without totals, headings, unit rows, notes and stray rows below the table. */
  checkedRows: TableRow[];
  /**
   * The rows every figure counts: rows holding a 保険者コード (in マスタ one per code: the first row
   * of a repeated code). Tables without a 保険者コード column (設定) count every row.
   */
  officeRows: TableRow[];
  /** Rows that are not offices, each reported once as row-not-office. */
  nonOfficeRows: NonOfficeRow[];
  /** How many rows of `rows` no figure counts (rows.length − officeRows.length). */
  excludedRows: number;
  /** 1-based rows that are blank but lie between data rows of the table. */
  blankRows: number[];
}

/** Field label (as 設定 names it, e.g. 被保護者数) → the header text of the chosen column. */
export type ColumnChoices = ReadonlyMap<string, string>;

/** Bracketed words that only annotate a header: units, 略称, 単位, footnote marks. */
const NEUTRAL_QUALIFIER =
  /^(?:単位.*|.*単位|人|人数|名|件|件数|円|千円|万円|世帯|世帯数|%|日|月|年月|年月日|か所|箇所|ヶ所|カ所|略称|略|正式名称|任意|必須|半角|全角|数字|数値|半角数字|\d+桁|注\d*|\d+|※.*|yyyy.*|西暦|和暦)$/u;

/** Qualifiers that change a header's meaning so that it no longer names the field. */
const DISQUALIFYING_QUALIFIER = /予定|見込|見通し|参考|計画|予測|目標|^旧$|^案$|^仮$/u;

const BRACKET_CONTENT = /\(([^)]*)\)|\[([^\]]*)\]|【([^】]*)】|〔([^〕]*)〕/gu;

/**
 * The qualifiers of a header that are not meaning-neutral annotations: `被保護者数（R6.3）` → [R6.3],
 * `資格情報登録開始日（予定）` → [予定], `被保護者 人数(人)` → [].
 */
export function headerQualifiers(text: string): string[] {
  const nfkc = text.normalize("NFKC").replace(ANNOTATION_AFTER_MARK, "");
  const out: string[] = [];
  for (const m of nfkc.matchAll(BRACKET_CONTENT)) {
    const inner = (m[1] ?? m[2] ?? m[3] ?? m[4] ?? "").replace(SPACES, "");
    if (inner && !NEUTRAL_QUALIFIER.test(inner)) out.push(inner);
  }
  return out;
}

/** True when a qualifier makes the header mean something else (（予定）, （見込）, （参考）, （旧）…). */
export const isDisqualifying = (qualifier: string): boolean => DISQUALIFYING_QUALIFIER.test(qualifier);

function countMatches(texts: string[], lookup: Map<string, string>): number {
  const seen = new Set<string>();
  for (const t of texts) {
    const f = lookup.get(headerKey(t));
    if (f) seen.add(f);
  }
  return seen.size;
}

/** True when a row holds a readable 保険者コード in any cell (a data row, never a header). */
function holdsCode(cells: readonly RawCell[]): boolean {
  for (const v of cells) if (v !== null && parseOfficeCode(v).ok) return true;
  return false;
}

/**
 * The 0-based header row index, or -1 when no row of the first 15 qualifies. When the row below
 * the first qualifying row completes a two-row header (it names more fields once composed with the
 * row above, and holds no code), the lower row is the header: it is never read as data.
 */
export function findHeaderIndex(grid: SheetGrid, schema: SheetSchema): number {
  const lookup = lookupFor(schema);
  const limit = Math.min(HEADER_SEARCH_ROWS - (grid.top - 1), grid.values.length);
  for (let r = 0; r < limit; r++) {
    const matches = countMatches(headerTexts(grid, r, lookup), lookup);
    if (matches < schema.minHeaderMatches) continue;
    const below = r + 1 < grid.values.length ? grid.values[r + 1] : undefined;
    if (below && !holdsCode(below) && countMatches(headerTexts(grid, r + 1, lookup), lookup) > matches) return r + 1;
    return r;
  }
  return -1;
}

/** The best number of known header names any of the first rows holds, for kind detection. */
function bestMatchCount(grid: SheetGrid, schema: SheetSchema): number {
  const lookup = lookupFor(schema);
  const limit = Math.min(HEADER_SEARCH_ROWS, grid.values.length);
  let best = 0;
  for (let r = 0; r < limit; r++) best = Math.max(best, countMatches(headerTexts(grid, r, lookup), lookup));
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

/** The field key a 設定 label names (`被保護者数`, or a synonym), if any. */
function fieldOfLabel(label: string, lookup: ReadonlyMap<string, string>): string | undefined {
  return lookup.get(headerKey(label));
}

/** Maps each column to its field: qualifiers that change the meaning unmap it; 設定's choice wins. */
function mapColumns(texts: string[], grid: SheetGrid, lookup: Map<string, string>, choices: ColumnChoices | undefined): Column[] {
  const chosen = new Map<string, string>(); // field → compact header text
  for (const [label, header] of choices ?? []) {
    const field = fieldOfLabel(label, lookup);
    if (field && header.trim()) chosen.set(field, compactKey(header));
  }
  const chosenIndex = new Map<string, number>();
  texts.forEach((text, index) => {
    const key = compactKey(text.trim());
    for (const [field, header] of chosen) if (key === header && !chosenIndex.has(field)) chosenIndex.set(field, index);
  });
  return texts.map((text, index) => {
    const header = text.trim();
    const column: Column = { index, col: grid.left + index, header };
    if (!header) return column;
    const pick = [...chosenIndex].find(([, i]) => i === index);
    if (pick) {
      column.field = pick[0];
      return column;
    }
    const field = lookup.get(headerKey(header));
    if (!field || chosenIndex.has(field)) return column;
    const qualifiers = headerQualifiers(header);
    if (qualifiers.some(isDisqualifying)) return column;
    column.field = field;
    if (qualifiers.length > 0) column.qualifiers = qualifiers;
    return column;
  });
}

/** Reads a sheet as a table of the given kind; null when no header row is found. */
export function readTable(grid: SheetGrid, kind: SheetKind, choices?: ColumnChoices): Table | null {
  const schema = SCHEMAS[kind];
  const headerIndex = findHeaderIndex(grid, schema);
  if (headerIndex < 0) return null;
  const lookup = lookupFor(schema);
  const columns = mapColumns(headerTexts(grid, headerIndex, lookup), grid, lookup, choices);
  const fieldIndex = new Map<string, number>();
  const byField = new Map<string, Column[]>();
  const judgeColumns: Column[] = [];
  for (const column of columns) {
    const field = column.field;
    if (field) {
      if (!fieldIndex.has(field)) fieldIndex.set(field, column.index);
      const list = byField.get(field);
      if (list) list.push(column);
      else byField.set(field, [column]);
    }
    if (column.header.startsWith(JUDGE_PREFIX)) judgeColumns.push(column);
  }
  const duplicateFields = [...byField].filter(([, cols]) => cols.length > 1).map(([field, cols]) => ({ field, columns: cols }));
  const ambiguousFields = duplicateFields.filter((d) => d.columns.some((c) => c.qualifiers !== undefined));
  const missingColumns = schema.requiredColumns
    .filter((req) => (Array.isArray(req) ? !req.some((k) => fieldIndex.has(k)) : !fieldIndex.has(req)))
    .map((req) => (Array.isArray(req) ? req.join("|") : req));

  const body = readBody(grid, headerIndex, columns, fieldIndex.get("code"), kind === "master");
  return {
    sheet: grid.name,
    kind,
    grid,
    headerRow: grid.top + headerIndex,
    headerIndex,
    columns,
    fieldIndex,
    duplicateFields,
    ambiguousFields,
    missingColumns,
    judgeColumns,
    ...body,
  };
}

type Body = Pick<Table, "rows" | "checkedRows" | "officeRows" | "nonOfficeRows" | "excludedRows" | "blankRows">;

/**
 * The rows below the header, in one pass over the used range (never spreading rows into a call's
 * arguments: a stray cell at row 1,048,576 makes a million blank rows). Blank rows are kept as runs
 * and only the runs inside the table become blank-row findings. Where the table has a 保険者コード
 * column, it ends at the last row that holds a code (or a mistyped one) and the rows directly
 * below it; rows after a blank gap are stray content below the table.
 */
function readBody(grid: SheetGrid, headerIndex: number, columns: Column[], codeIndex: number | undefined, oncePerCode: boolean): Body {
  const rows: TableRow[] = [];
  const blankRuns: [number, number][] = []; // [first, last] 1-based rows, only runs after the first data row
  let runStart = -1;
  for (let r = headerIndex + 1; r < grid.values.length; r++) {
    const cells = grid.values[r];
    const row = grid.top + r;
    if (isBlankRow(cells)) {
      if (runStart < 0) runStart = row;
      continue;
    }
    if (runStart >= 0 && rows.length > 0) blankRuns.push([runStart, row - 1]);
    runStart = -1;
    rows.push({ row, index: r, cells });
  }
  if (codeIndex === undefined) {
    return { rows, checkedRows: rows, officeRows: rows, nonOfficeRows: [], excludedRows: 0, blankRows: runsToRows(blankRuns, rows.length > 0 ? rows[rows.length - 1].row : 0) };
  }
  // The table's last row: the last row holding a code attempt, and the rows directly below it.
  let end = -1;
  for (let i = rows.length - 1; i >= 0; i--) {
    if (isCodeAttempt(rows[i].cells[codeIndex] ?? null)) {
      end = i;
      break;
    }
  }
  if (end < 0) end = rows.length - 1;
  while (end + 1 < rows.length && rows[end + 1].row === rows[end].row + 1) end++;

  const checkedRows: TableRow[] = [];
  const officeRows: TableRow[] = [];
  const nonOfficeRows: NonOfficeRow[] = [];
  const seen = new Set<string>();
  const tableColumns = columns.filter((c) => c.header !== "").map((c) => c.index);
  const totalsRows = new Set(grid.totalsRows ?? []);
  rows.forEach((row, i) => {
    if (i > end) {
      nonOfficeRows.push({ row, reason: "below" });
      return;
    }
    const value = row.cells[codeIndex] ?? null;
    const code = parseOfficeCode(value);
    if (code.ok) {
      checkedRows.push(row);
      // マスタ holds one row per office; a Payment Fund list may repeat a code on purpose (by 制度, by person).
      if (!oncePerCode) officeRows.push(row);
      else if (!seen.has(code.value)) {
        seen.add(code.value);
        officeRows.push(row);
      }
      return;
    }
    if (isCodeAttempt(value)) {
      // A mistyped code: code-format reports it; it is not an office until the code is fixed.
      checkedRows.push(row);
      return;
    }
    const reason = classifyNonOfficeRow(grid, row, tableColumns, totalsRows);
    nonOfficeRows.push({ row, reason });
    // Totals, headings, units and notes are not offices at all; a row with a name but no code is
    // still checked (its missing code is an error the user should fix).
    if (reason === "no-code") checkedRows.push(row);
  });
  const lastRow = end >= 0 ? rows[end].row : 0;
  return { rows, checkedRows, officeRows, nonOfficeRows, excludedRows: rows.length - officeRows.length, blankRows: runsToRows(blankRuns, lastRow) };
}

/** The rows of the blank runs that end before `lastRow` (a run after the table's last row is trailing). */
function runsToRows(runs: readonly [number, number][], lastRow: number): number[] {
  const out: number[] = [];
  for (const [first, last] of runs) {
    if (last >= lastRow) break;
    for (let r = first; r <= last; r++) out.push(r);
  }
  return out;
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
