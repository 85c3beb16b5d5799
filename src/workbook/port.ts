/**
 * The workbook port: everything a command may ask of a workbook. Two adapters implement it —
 * `xlsx/` (ExcelJS, for the CLI and tests) and `office/` (Office.js, for the task pane).
 *
 * Commands read everything they need in one `readSheets` call and hand all their writes to one
 * `commit`, so the Office adapter can keep round trips constant in the row count.
 */

export type { SheetGrid } from "../domain/grid";
export {
  HIGHLIGHT_MARKER,
  type AppendRows,
  type ChartSpec,
  type GeneratedSheet,
  type HighlightSpec,
  type RangeWrite,
  type RowGuard,
  type SheetBlock,
  type WriteBatch,
} from "../domain/writes";
import type { SheetGrid } from "../domain/grid";
import type { WriteBatch } from "../domain/writes";

export interface WorkbookPort {
  /** Worksheet names in tab order. */
  listSheets(): Promise<string[]>;
  /** Reads the used range of each named sheet. Names that do not exist are absent from the map. */
  readSheets(names: string[]): Promise<Map<string, SheetGrid>>;
  /** Applies all writes of one command together. */
  commit(batch: WriteBatch): Promise<void>;
}

/**
 * A workbook in memory that a command may fill and hand back as a file (the 共有 screen's masked
 * copy). Commands receive a factory for it from the composition root, so they never construct an
 * adapter themselves.
 */
export interface ScratchWorkbook extends WorkbookPort {
  /** Worksheet names in tab order. */
  sheetNames(): string[];
  /** The book as a values-only .xlsx file. */
  toXlsx(): Uint8Array;
}

/** Copies every sheet of `source` (one listSheets, one readSheets on it) into a new scratch workbook. */
export type ScratchWorkbookFactory = (source: WorkbookPort) => Promise<ScratchWorkbook>;
