/**
 * The in-memory workbook behind the Office.js fake: plain data, no proxies. Tests build it with
 * `buildBook`, hand it to `createFakeExcel`, and inspect it afterwards with `dumpSheet` / `cellAt`.
 */

export type FakeValue = number | string | boolean | "";

export interface FakeCell {
  /** The value Excel shows (for formula cells: what the fake pretends the result is). */
  value: FakeValue;
  /** Set when the cell holds a formula (always starts with `=`). */
  formula?: string;
  numberFormat: string;
  fill?: string;
  bold?: boolean;
  comment?: string;
}

/** A rectangle of cells, 0-based. */
export interface Rect {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

export interface FakeTable {
  id: number;
  name: string;
  rect: Rect;
  hasHeaders: boolean;
}

export interface FakeChart {
  id: number;
  name: string;
  type: string;
  title: string;
  source: Rect;
  seriesBy: string;
  position?: { start: string; end?: string };
  /** What Excel plots: one entry per line, with its values and x values (null: 1, 2, 3…). */
  series: { name: string; values: Rect; xValues: Rect | null }[];
  /** The category (x axis) cells, or null when Excel numbers the points. */
  categories: Rect | null;
}

export interface FakeConditionalFormat {
  id: number;
  /** Office's ConditionalFormatType string; the fake can only add `Custom`, but tests may seed others. */
  type: string;
  rect: Rect;
  /** For `Custom` rules: the rule formula (A1 style, relative to the top-left cell). */
  formula?: string;
  fill?: string;
  /**
   * office-js #6396: a rule whose deletion the user undid (Ctrl+Z). Loading any of its properties
   * or calling its methods fails with ItemNotFound until the book is reopened.
   */
  undoneDelete?: boolean;
}

export interface FakeSheet {
  id: number;
  name: string;
  /** Sparse grid keyed by `row * MAX_COLS + col` (0-based). */
  cells: Map<number, FakeCell>;
  /** Column widths in points, by 0-based column. */
  columnWidths: Map<number, number>;
  frozenRows: number;
  tables: FakeTable[];
  charts: FakeChart[];
  /** Highest priority first (Office adds new rules at the top). */
  conditionalFormats: FakeConditionalFormat[];
  /** Merged areas; only the top-left cell of each holds a value. */
  merges: Rect[];
  visibility?: "Visible" | "Hidden" | "VeryHidden";
  /** A protected sheet refuses every write with AccessDenied. */
  protected?: boolean;
  /** Page layout as set through worksheet.pageLayout / horizontalPageBreaks (absent = Excel's defaults). */
  print?: FakePrint;
}

export interface FakePrint {
  orientation?: string;
  zoom?: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  printTitleRows?: string;
  headers: Record<string, string>;
  /** Addresses of the ranges right after each horizontal page break. */
  breaks: string[];
}

export interface FakeBook {
  sheets: FakeSheet[];
  activeSheetId: number;
  nextId: number;
  /** The range last selected through `Range.select()` (address without the sheet), if any. */
  selection?: { sheet: string; address: string } | null;
  /** The book counts dates from 1904 (Excel for Mac's old default). */
  date1904?: boolean;
}

export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;
export const GENERAL = "General";

export const cellKey = (row: number, col: number): number => row * MAX_COLS + col;
export const keyRow = (key: number): number => Math.floor(key / MAX_COLS);
export const keyCol = (key: number): number => key % MAX_COLS;

export type SeedCell = string | number | boolean | null;

export interface SheetSeed {
  name: string;
  rows: SeedCell[][];
  /** Optional number formats parallel to rows (undefined/null = General). */
  formats?: (string | null | undefined)[][];
  /** Merged areas as A1 ranges (`A1:C1`). */
  merges?: string[];
  visibility?: "Visible" | "Hidden" | "VeryHidden";
  protected?: boolean;
}

export function newSheet(book: FakeBook, name: string): FakeSheet {
  return {
    id: book.nextId++,
    name,
    cells: new Map(),
    columnWidths: new Map(),
    frozenRows: 0,
    tables: [],
    charts: [],
    conditionalFormats: [],
    merges: [],
  };
}

/**
 * Builds a book from literal rows. Values are stored exactly as given (no Excel coercion): a
 * string stays a string even when it starts with `=`. `null` leaves the cell empty.
 */
export function buildBook(seeds: SheetSeed[] = [{ name: "Sheet1", rows: [] }]): FakeBook {
  const book: FakeBook = { sheets: [], activeSheetId: 0, nextId: 1 };
  for (const seed of seeds) {
    const sheet = newSheet(book, seed.name);
    seed.rows.forEach((row, r) =>
      row.forEach((v, c) => {
        const fmt = seed.formats?.[r]?.[c] ?? GENERAL;
        if (v === null && fmt === GENERAL) return;
        sheet.cells.set(cellKey(r, c), { value: v ?? "", numberFormat: fmt });
      }),
    );
    sheet.merges = (seed.merges ?? []).map(parseAddress);
    if (seed.visibility) sheet.visibility = seed.visibility;
    if (seed.protected) sheet.protected = true;
    book.sheets.push(sheet);
  }
  if (book.sheets.length > 0) book.activeSheetId = book.sheets[0].id;
  return book;
}

export function sheetOf(book: FakeBook, name: string): FakeSheet {
  const sheet = book.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  if (!sheet) throw new Error(`fake book has no sheet ${name}`);
  return sheet;
}

/** Bounds of the cells holding a value (valuesOnly) or any content/format. Null when empty. */
export function usedRect(sheet: FakeSheet, valuesOnly: boolean): Rect | null {
  let r0 = Infinity;
  let c0 = Infinity;
  let r1 = -1;
  let c1 = -1;
  for (const [key, cell] of sheet.cells) {
    const hasValue = cell.value !== "" || cell.formula !== undefined;
    const hasFormat = cell.numberFormat !== GENERAL || cell.fill !== undefined || cell.bold === true;
    if (!hasValue && (valuesOnly || !hasFormat)) continue;
    const r = keyRow(key);
    const c = keyCol(key);
    if (r < r0) r0 = r;
    if (r > r1) r1 = r;
    if (c < c0) c0 = c;
    if (c > c1) c1 = c;
  }
  if (!valuesOnly) {
    // A merged area is formatting: it stretches the used range like a coloured cell.
    for (const m of sheet.merges ?? []) {
      r0 = Math.min(r0, m.row);
      c0 = Math.min(c0, m.col);
      r1 = Math.max(r1, m.row + m.rows - 1);
      c1 = Math.max(c1, m.col + m.cols - 1);
    }
  }
  if (r1 < 0) return null;
  return { row: r0, col: c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 };
}

/** The values of a sheet from A1 to the bottom-right used cell; empty cells are null. */
export function dumpSheet(book: FakeBook, name: string): SeedCell[][] {
  const sheet = sheetOf(book, name);
  const used = usedRect(sheet, true);
  if (!used) return [];
  const out: SeedCell[][] = [];
  for (let r = 0; r < used.row + used.rows; r++) {
    const row: SeedCell[] = [];
    for (let c = 0; c < used.col + used.cols; c++) {
      const cell = sheet.cells.get(cellKey(r, c));
      row.push(cell === undefined || cell.value === "" ? null : cell.value);
    }
    out.push(row);
  }
  return out;
}

/** The cell at an A1 address (an empty General cell when nothing is stored there). */
export function cellAt(book: FakeBook, sheetName: string, address: string): FakeCell {
  const rect = parseAddress(address);
  const cell = sheetOf(book, sheetName).cells.get(cellKey(rect.row, rect.col));
  return cell ?? { value: "", numberFormat: GENERAL };
}

// ---- A1 addresses -------------------------------------------------------------------------

export function colName(col: number): string {
  let n = col + 1;
  let s = "";
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** Parses `A1`, `A1:C3`, `A:C`, `2:5`, optionally prefixed by `Sheet!` (which is ignored). */
export function parseAddress(address: string): Rect {
  const bare = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const parts = bare.replace(/\$/g, "").split(":");
  if (parts.length < 1 || parts.length > 2) throw new Error(`bad address ${address}`);
  const ends = parts.map((p) => {
    const m = /^([A-Za-z]*)(\d*)$/.exec(p);
    if (!m || (m[1] === "" && m[2] === "")) throw new Error(`bad address ${address}`);
    return { col: m[1] === "" ? null : colIndex(m[1]), row: m[2] === "" ? null : Number(m[2]) - 1 };
  });
  const a = ends[0];
  const b = ends[1] ?? a;
  const r0 = a.row ?? 0;
  const r1 = b.row ?? MAX_ROWS - 1;
  const c0 = a.col ?? 0;
  const c1 = b.col ?? MAX_COLS - 1;
  if (r0 < 0 || c0 < 0 || r1 >= MAX_ROWS || c1 >= MAX_COLS || r1 < r0 || c1 < c0) {
    throw new Error(`bad address ${address}`);
  }
  return { row: r0, col: c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 };
}

export function formatAddress(rect: Rect): string {
  const tl = `${colName(rect.col)}${rect.row + 1}`;
  if (rect.rows === 1 && rect.cols === 1) return tl;
  return `${tl}:${colName(rect.col + rect.cols - 1)}${rect.row + rect.rows}`;
}

export function quoteSheetName(name: string): string {
  return /^[\p{L}\p{N}_]+$/u.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export const rectContains = (outer: Rect, inner: Rect): boolean =>
  inner.row >= outer.row &&
  inner.col >= outer.col &&
  inner.row + inner.rows <= outer.row + outer.rows &&
  inner.col + inner.cols <= outer.col + outer.cols;

export const rectsIntersect = (a: Rect, b: Rect): boolean =>
  a.row < b.row + b.rows && b.row < a.row + a.rows && a.col < b.col + b.cols && b.col < a.col + a.cols;
