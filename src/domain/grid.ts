/**
 * What a workbook looks like to the domain: the used range of one sheet as values and formats.
 * Adapters (src/workbook) produce these; the domain only reads them.
 */
import type { RawCell } from "./cell";

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
   * 1-based last column of the used range counting formatted cells too, when the adapter cannot
   * read merged areas (Excel before ExcelApi 1.13): a merge is formatted, so new columns placed right
   * of it are clear of every merge.
   */
  formattedRight?: number;
  /**
   * 1-based rows that look like totals, when the adapter can tell: an Excel table's totals row, or a
   * row holding =SUM(…) / =SUBTOTAL(…). Such a row without an office code is a total.
   */
  totalsRows?: number[];
  /** Formula text by cell address (`D5` → `=VLOOKUP(…)`), when the adapter can tell; values hold the results. */
  formulas?: Record<string, string>;
}
