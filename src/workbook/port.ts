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
  /**
   * Applies all writes of one command. First the batch's guards are checked (the 保険者コード of the
   * マスタ rows written by position): when one moved, nothing at all is written. The xlsx adapter
   * then applies everything in memory (the CLI saves the file atomically, or not at all). The Office
   * adapter sends the writes in order — ranges, appends, generated sheets, highlights — in one or
   * more requests, and Excel applies each request as it arrives: when a later request fails, the
   * earlier ones stay applied (cells of マスタ written, rows appended to 変更履歴, a generated sheet
   * cleared or partly rebuilt, our old highlight rules deleted). Running the command again completes
   * it: it rewrites the same cells, rebuilds the sheets whole and replaces the highlight rules. With
   * ExcelApi 1.20 the requests form one undo step, so 元に戻す undoes what was applied.
   */
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
