/**
 * The Office.js implementation of WorkbookPort (the task pane's adapter): reading in read.ts,
 * request packing in pack.ts, writing in write.ts, cell conversion in values.ts.
 *
 * Round trips are what make Office.js slow, so the adapter keeps them constant in the row count:
 * - listSheets: 1 sync; readSheets: 1 sync for any number of sheets (a chunked fallback runs only
 *   when Excel rejects the response as too large);
 * - commit: 1 sync to look at the target sheets (existence, used range, tables, charts, our
 *   conditional formats) plus 1 sync for all writes, unless the writes exceed the payload budget;
 *   then they are split into row chunks (about `payloadBudgetBytes` each), and a request that Excel
 *   still rejects with RequestPayloadSizeLimitExceeded is retried with half the budget.
 *
 * Only ExcelApi <= 1.9 members are used (getItemOrNullObject / getUsedRangeOrNullObject 1.4,
 * conditional formats 1.6, getRangeByIndexes / freezePanes 1.7); `mergeUndoGroup` (ExcelApi 1.20)
 * is requested only when the host reports that requirement set.
 */
import type { WorkbookPort } from "../port";
import { readSheets } from "./read";
import { commit } from "./write";

export type ExcelRun = typeof Excel.run;

export interface OfficeWorkbookOptions {
  /** Target size of one write request in bytes (default 2 MB; Excel on the web rejects > 5 MB). */
  payloadBudgetBytes?: number;
  /** Cells per load when a sheet is too large for one response (default 200,000). */
  readChunkCells?: number;
  /**
   * Requirement-set probe; defaults to `Office.context.requirements.isSetSupported` when Office is
   * loaded. Used to decide whether `mergeUndoGroup` (ExcelApi 1.20) may be passed to Excel.run.
   */
  isSetSupported?: (name: string, version: string) => boolean;
  /** Group all syncs of one commit into one undo step when ExcelApi 1.20 is available (default true). */
  mergeUndoGroup?: boolean;
}

const DEFAULT_BUDGET = 2 * 1024 * 1024;

function defaultIsSetSupported(name: string, version: string): boolean {
  const office = (globalThis as { Office?: typeof Office }).Office;
  try {
    return office?.context?.requirements?.isSetSupported(name, version) === true;
  } catch {
    return false;
  }
}

export function createOfficeWorkbook(run: ExcelRun, opts: OfficeWorkbookOptions = {}): WorkbookPort {
  const isSetSupported = opts.isSetSupported ?? defaultIsSetSupported;
  const runOptions = (forWrite: boolean): Excel.RunOptions => {
    const o: Excel.RunOptions = { delayForCellEdit: true };
    if (forWrite && opts.mergeUndoGroup !== false && isSetSupported("ExcelApi", "1.20")) o.mergeUndoGroup = true;
    return o;
  };
  const reader = { run, runOptions, readChunkCells: opts.readChunkCells ?? 200_000, isSetSupported };
  const writer = { run, runOptions, payloadBudgetBytes: opts.payloadBudgetBytes ?? DEFAULT_BUDGET };

  return {
    listSheets: () =>
      run(runOptions(false), async (ctx) => {
        const sheets = ctx.workbook.worksheets;
        sheets.load("items/name");
        await ctx.sync();
        return sheets.items.map((s) => s.name);
      }),
    readSheets: (names) => readSheets(reader, names),
    commit: (batch) => commit(writer, batch),
  };
}
