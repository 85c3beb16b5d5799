/**
 * maskedCopy: the task pane's way to share — a masked copy as .xlsx bytes, without writing to the
 * workbook it reads. Every sheet is read through the port (one listSheets, one readSheets), the
 * grids are copied into a MemoryWorkbook, the `mask` command runs there, and the masked grids are
 * written as a values-only .xlsx (no comments, formulas, styles, hidden metadata or document
 * properties: see workbook/xlsx-writer.ts).
 */
import { MemoryWorkbook } from "../workbook/memory";
import type { WorkbookPort } from "../workbook/port";
import { writeXlsx } from "../workbook/xlsx-writer";
import { mask, type MaskOptions, type MaskResult } from "./mask";

export interface MaskedCopy extends MaskResult {
  /** The .xlsx file. */
  bytes: Uint8Array;
  /** Sheets in the copy, in tab order (all sheets of the source). */
  sheetNames: string[];
}

export interface MaskedCopyOptions extends MaskOptions {
  /** Called once the book has been read, before masking (the task pane reports a step). */
  afterRead?: () => Promise<void>;
}

/** Reads the whole book through `port` (read only), masks a copy in memory and serialises it. */
export async function maskedCopy(port: WorkbookPort, options: MaskedCopyOptions = {}): Promise<MaskedCopy> {
  const copy = await MemoryWorkbook.copyOf(port);
  await options.afterRead?.();
  const result = await mask(copy, { hashCodes: options.hashCodes, salt: options.salt });
  const grids = copy.grids();
  return { ...result, bytes: writeXlsx(grids), sheetNames: grids.map((g) => g.name) };
}

/** `【マスク】<name>.xlsx` for a workbook name (with or without its extension). */
export function maskedBookName(bookName: string): string {
  const base = bookName.replace(/\.(xlsx|xlsm|xlsb|xls)$/iu, "");
  return `【マスク】${base}.xlsx`;
}
