/**
 * mask: turns the book into a copy that can be shared (【マスク】…). Office and municipality names
 * and every personal field become ■, probable 個人番号 are removed, office codes are kept or (with
 * hashCodes) replaced by pseudo codes. See domain/mask.ts for what is found where.
 *
 * It changes the port's workbook in place: the CLI writes the result to a new file and never over
 * the original; the task pane runs it on a copy. Nothing is logged to 変更履歴 on purpose — the log
 * would have to hold the old values, which is exactly what the copy must not contain.
 */
import { planMask } from "../domain/mask";
import type { RangeWrite, WorkbookPort } from "../workbook/port";
import { editRuns } from "../domain/mask";

export interface MaskOptions {
  /** Replace 保険者コード by pseudo codes (default: keep the codes). */
  hashCodes?: boolean;
  /** Secret for the pseudo codes; default a random one, so pseudo codes cannot be recomputed. */
  salt?: string;
  /** Empty the free-text columns (現状, 方針, 回答理由, 備考) in the copy. */
  blankFreeText?: boolean;
}

export interface MaskResult {
  /** Cells replaced by ■. */
  masked: number;
  /** Cells emptied because they held a probable 個人番号. */
  removedMyNumbers: number;
  /** Cells whose office code became a pseudo code (0 unless hashCodes). */
  hashedCodes: number;
  /** Free-text cells emptied (0 unless blankFreeText). */
  blankedFreeText?: number;
  /** Sheets that were changed. */
  sheets: string[];
}

export { FREE_TEXT_HEADERS, MASKED_FIELD_LABELS } from "../domain/mask";

/** A random salt from the platform's CSPRNG (Node 20 and browsers both have globalThis.crypto). */
function randomSalt(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

export async function mask(port: WorkbookPort, options: MaskOptions = {}): Promise<MaskResult> {
  const names = await port.listSheets();
  const grids = await port.readSheets(names);
  const plan = planMask(
    names.filter((n) => grids.has(n)).map((n) => grids.get(n)!),
    { hashCodes: options.hashCodes === true, salt: options.salt ?? randomSalt(), blankFreeText: options.blankFreeText === true },
  );
  const ranges: RangeWrite[] = editRuns(plan.edits).map((run) => ({
    sheet: run.sheet,
    row: run.row,
    col: run.col,
    values: run.values.map((v) => [v]),
  }));
  if (ranges.length > 0) await port.commit({ ranges });
  return {
    masked: plan.masked,
    removedMyNumbers: plan.removedMyNumbers,
    hashedCodes: plan.hashedCodes,
    ...(options.blankFreeText ? { blankedFreeText: plan.blankedFreeText } : {}),
    sheets: plan.sheets,
  };
}
