/**
 * maskedCopy: the task pane's way to share — a masked copy as .xlsx bytes, without writing to the
 * workbook it reads. Every sheet is read through the port (one listSheets, one readSheets) into a
 * scratch workbook made by the factory the caller passes (the composition root chooses it: the
 * memory workbook in the task pane and tests), the `mask` command runs there, and the scratch book
 * is written as a values-only .xlsx (no comments, formulas, styles, hidden metadata or document
 * properties: see workbook/xlsx-writer.ts).
 */
import type { ScratchWorkbookFactory, WorkbookPort } from "../workbook/port";
import { mask, type MaskOptions, type MaskResult } from "./mask";
import type { Step } from "./steps";

export interface MaskedCopy extends MaskResult {
  /** The .xlsx file. */
  bytes: Uint8Array;
  /** Sheets in the copy, in tab order (all sheets of the source). */
  sheetNames: string[];
}

export interface MaskedCopyOptions extends MaskOptions {
  /** Makes the in-memory copy the masking runs on. */
  scratch: ScratchWorkbookFactory;
  /** Called once the book has been read, before masking (the task pane reports a step). */
  afterRead?: () => Promise<void>;
}

/** The steps maskedCopy takes: reading the book, then building the copy (reported by afterRead). */
export const maskedCopySteps = (): Step[] => ["list", "read", "build"];

/** Reads the whole book through `port` (read only), masks a copy in memory and serialises it. */
export async function maskedCopy(port: WorkbookPort, options: MaskedCopyOptions): Promise<MaskedCopy> {
  const copy = await options.scratch(port);
  await options.afterRead?.();
  const result = await mask(copy, { hashCodes: options.hashCodes, salt: options.salt, blankFreeText: options.blankFreeText });
  return { ...result, bytes: copy.toXlsx(), sheetNames: copy.sheetNames() };
}

/** `【マスク】<name>.xlsx` for a workbook name (with or without its extension). */
export function maskedBookName(bookName: string): string {
  const base = bookName.replace(/\.(xlsx|xlsm|xlsb|xls)$/iu, "");
  return `【マスク】${base}.xlsx`;
}
