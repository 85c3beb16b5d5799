/**
 * What a command asks a workbook to write, as plain data: range writes, appended log rows, the
 * generated sheets (blocks of title / header / rows / notes) and the master's highlight rules.
 * The domain builds these; the adapters in src/workbook carry them out. Decisions that do not
 * depend on the host (which block becomes an Excel table, how our highlight formulas are marked
 * and recognised, where each block's rows go) are made here, once, so both adapters write the same book.
 */
import type { OutCell } from "./cell";

/** A rectangular block of values written starting at (row, col), both 1-based. */
export interface RangeWrite {
  sheet: string;
  row: number;
  col: number;
  values: OutCell[][];
  /** Number format per column of the block (undefined = leave as it is / General). */
  formats?: (string | undefined)[];
}

/** One table inside a generated sheet. */
export interface SheetBlock {
  /** A title line written above the table (e.g. `資格情報未登録福祉事務所の状況 ※2月4日時点`). */
  title?: string;
  header: string[];
  rows: OutCell[][];
  /** Number format per column: `#,##0`, `0.0%`, `yyyy/m/d`, `+#,##0;-#,##0;0` … */
  formats?: (string | undefined)[];
  /** Notes written under the table, one line each. */
  notes?: string[];
  /** Write as an Excel table (ListObject) with this name when the adapter can. */
  tableName?: string;
}

/** A line chart over one block's columns (used for the unregistered trend on スナップショット). */
export interface ChartSpec {
  title: string;
  /** Index into GeneratedSheet.blocks. */
  block: number;
  /** Header of the category column (x axis). */
  category: string;
  /** Headers of the series columns. */
  series: string[];
}

/**
 * A sheet the add-in owns: replaced whole on every run. A run that fails part-way in Excel may leave
 * it partly rebuilt (see WorkbookPort.commit); the next run replaces it whole again.
 */
export interface GeneratedSheet {
  name: string;
  blocks: SheetBlock[];
  /** Column widths in characters, by column index (0-based). */
  widths?: number[];
  /** Freeze the rows above the first block's first data row. */
  freezeHeader?: boolean;
  chart?: ChartSpec;
  /** The 基準日 the sheet describes (YYYY-MM-DD), printed in the page header. */
  asOf?: string;
}

/** Rows appended below the existing content of a log sheet (created with `header` when missing). */
export interface AppendRows {
  sheet: string;
  header: string[];
  rows: OutCell[][];
  formats?: (string | undefined)[];
}

/**
 * Conditional formatting the add-in owns on a sheet (the master's highlights). Applying it first
 * removes every rule this add-in added earlier (recognised by MARKER in the formula), and never
 * touches the user's own rules or fills.
 */
export interface HighlightSpec {
  sheet: string;
  /** The rows the rules cover, 1-based inclusive, over columns 1..lastCol. */
  firstRow: number;
  lastRow: number;
  lastCol: number;
  /** Evaluated top-down; formulas are relative to the first row (e.g. `=$Z2="優先"`). */
  rules: { formula: string; fill: string; label: string }[];
}

/** Text embedded in every conditional-format formula we write, so that we can find our own rules. */
export const HIGHLIGHT_MARKER = "onshi";

/** Everything one command writes, applied in this order: ranges, appends, sheets, highlights. */
export interface WriteBatch {
  ranges?: RangeWrite[];
  appends?: AppendRows[];
  sheets?: GeneratedSheet[];
  highlights?: HighlightSpec[];
  /**
   * Cells that must still hold what the command read before anything is written (the 保険者コード
   * of every マスタ row written by position). An adapter whose book can change between the read and
   * the commit (Office) checks them first and writes nothing when one differs.
   */
  guards?: RowGuard[];
}

/** One column's cells as read: `text` is the value as text ("" when blank). */
export interface RowGuard {
  sheet: string;
  /** 1-based sheet column. */
  col: number;
  rows: { row: number; text: string }[];
}

// ---------------------------------------------------------------------------------------------
// Layout decisions both adapters share

/** Our highlight formulas always carry the marker, so that the next run can find (and replace) them. */
export function markedFormula(formula: string): string {
  if (formula.includes(HIGHLIGHT_MARKER)) return formula;
  const body = formula.startsWith("=") ? formula.slice(1) : formula;
  return `=AND(${body},"${HIGHLIGHT_MARKER}"<>"")`;
}

/** A conditional format this add-in wrote (and may delete); the user's own rules never match. */
export const isOwnHighlightFormula = (formula: string): boolean => formula.includes(HIGHLIGHT_MARKER);

/**
 * The table name a block is written with, or null when it is written as a plain range: Excel tables
 * need at least one row and header texts that are non-empty and distinct as Excel compares them
 * (case-insensitively). Otherwise Excel renames the headers itself (a blank one to 列1 — Column1 in
 * English Excel —, a repeat to 名前2), and the sheet would differ from what the command wrote.
 * Rows wider than the header would give the table blank headers too.
 */
export function tableNameOf(block: SheetBlock): string | null {
  if (block.tableName === undefined || block.rows.length === 0 || block.header.length === 0) return null;
  const distinct = new Set(block.header.map((h) => h.trim().toLowerCase())).size === block.header.length;
  const fits = block.rows.every((r) => r.length <= block.header.length);
  return distinct && fits && block.header.every((h) => h.trim() !== "") ? block.tableName : null;
}

/** Where one block of a generated sheet goes; rows are 0-based (row 0 is Excel's row 1). */
export interface BlockPlacement {
  /** The title line, when the block has one. */
  titleRow: number | null;
  headerRow: number;
  /** First data row (headerRow + 1); the rows follow without gaps. */
  firstDataRow: number;
  /** Columns the block spans: its header or its longest row, whichever is wider. */
  width: number;
  /** One row per note, right under the data. */
  noteRows: number[];
  /** The Excel table to make of header + rows, or null (see tableNameOf). */
  table: string | null;
}

export interface SheetLayout {
  blocks: BlockPlacement[];
  /** Rows to freeze (everything above the first block's data) when the sheet asks for it; else 0. */
  freezeRows: number;
}

/** Blocks stacked from the top-left cell with one blank row between them. */
export function layoutSheet(spec: GeneratedSheet): SheetLayout {
  let row = 0;
  const blocks = spec.blocks.map((b, i): BlockPlacement => {
    if (i > 0) row++;
    const titleRow = b.title !== undefined && b.title !== "" ? row++ : null;
    const headerRow = row++;
    const firstDataRow = row;
    row += b.rows.length;
    const noteRows = (b.notes ?? []).map(() => row++);
    const width = b.rows.reduce((m, r) => Math.max(m, r.length), b.header.length);
    return { titleRow, headerRow, firstDataRow, width, noteRows, table: tableNameOf(b) };
  });
  return { blocks, freezeRows: spec.freezeHeader && blocks.length > 0 ? blocks[0].firstDataRow : 0 };
}

// ---------------------------------------------------------------------------------------------
// Printing (SPEC §6): every generated sheet prints landscape, one page wide, with its title rows
// repeated, a page break between tables and the 基準日 in the header — alike from every adapter.

/** How a generated sheet prints; rows are 1-based as Excel counts them. */
export interface PrintSetup {
  landscape: true;
  /** Fit to one page wide (any number of pages tall). */
  fitToWidth: 1;
  /** Rows repeated at the top of every page: the table's title and header (one-table sheets). */
  titleRows: { first: number; last: number } | null;
  /** A page ends after each of these rows (the blank row before each further table). */
  breaksAfter: number[];
  /** Left header: the sheet name; right header: 「基準日 2025/2/4」 when the sheet has one. */
  leftHeader: string;
  rightHeader: string;
  /** Centre footer: page n / m. */
  centerFooter: string;
}

/** `2025-02-04` → `2025/2/4`. */
const slashDate = (iso: string): string => `${iso.slice(0, 4)}/${Number(iso.slice(5, 7))}/${Number(iso.slice(8, 10))}`;

/** Text in an Excel header/footer, where `&` starts a code: a literal ampersand is `&&`. */
export const headerText = (s: string): string => s.replace(/&/g, "&&");

/** The print setup of a generated sheet from its layout (the same rows every adapter writes). */
export function printSetupOf(spec: GeneratedSheet, layout: SheetLayout = layoutSheet(spec)): PrintSetup {
  const first = layout.blocks[0];
  // Excel repeats one range of rows per sheet: a one-table sheet repeats its title and header;
  // a sheet of several tables starts each on its own page, under its own title and header.
  const titleRows = layout.blocks.length === 1 && first ? { first: (first.titleRow ?? first.headerRow) + 1, last: first.headerRow + 1 } : null;
  const breaksAfter = layout.blocks.slice(1).map((b) => b.titleRow ?? b.headerRow);
  return {
    landscape: true,
    fitToWidth: 1,
    titleRows,
    breaksAfter,
    leftHeader: "&A",
    rightHeader: spec.asOf ? headerText(`基準日 ${slashDate(spec.asOf)}`) : "",
    centerFooter: "&P / &N",
  };
}
