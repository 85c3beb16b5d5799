/**
 * The workbook port: everything a command may ask of a workbook. Two adapters implement it —
 * `xlsx/` (ExcelJS, for the CLI and tests) and `office/` (Office.js, for the task pane).
 *
 * Commands read everything they need in one `readSheets` call and hand all their writes to one
 * `commit`, so the Office adapter can keep round trips constant in the row count.
 */
import type { OutCell, RawCell } from "../domain/cell";

/** The used range of one worksheet. */
export interface SheetGrid {
  name: string;
  /** 1-based row number (as Excel shows it) of values[0]. */
  top: number;
  /** 1-based column number of values[r][0]. */
  left: number;
  /** Row-major cell values; every row has the same length. */
  values: RawCell[][];
  /** Number formats parallel to values (e.g. `yyyy/m/d`, `General`, `@`); may be omitted. */
  formats?: string[][];
  /** Merged areas (1-based, inclusive), when the adapter can tell; new columns are placed clear of them. */
  merges?: { top: number; left: number; bottom: number; right: number }[];
  /**
   * 1-based rows that look like totals, when the adapter can tell: an Excel table's totals row, or a
   * row holding =SUM(…) / =SUBTOTAL(…). Such a row without an office code is a total.
   */
  totalsRows?: number[];
}

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

/** A sheet the add-in owns: replaced whole on every run, never half-written. */
export interface GeneratedSheet {
  name: string;
  blocks: SheetBlock[];
  /** Column widths in characters, by column index (0-based). */
  widths?: number[];
  /** Freeze the rows above the first block's first data row. */
  freezeHeader?: boolean;
  chart?: ChartSpec;
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
}

export interface WorkbookPort {
  /** Worksheet names in tab order. */
  listSheets(): Promise<string[]>;
  /** Reads the used range of each named sheet. Names that do not exist are absent from the map. */
  readSheets(names: string[]): Promise<Map<string, SheetGrid>>;
  /** Applies all writes of one command together. */
  commit(batch: WriteBatch): Promise<void>;
}
