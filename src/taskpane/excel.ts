/**
 * The few Office.js calls the task pane makes outside the workbook port: selecting a cell the
 * user clicked in a list of findings, and the workbook's file name.
 */
import { CommandError } from "../commands/context";

/** Excel.run, handed in by the composition root (index.tsx) so that tests can pass a fake. */
export type ExcelRun = typeof Excel.run;

/**
 * Activates `sheet` and selects `address` there (one round trip). Excel refuses to activate a hidden
 * sheet; then a second look says so in plain words instead of an unexpected error.
 */
export async function selectCell(run: ExcelRun, sheet: string, address: string): Promise<void> {
  try {
    await run(async (ctx) => {
      const worksheet = ctx.workbook.worksheets.getItem(sheet);
      worksheet.activate();
      worksheet.getRange(address).select();
      await ctx.sync();
    });
  } catch (e) {
    if (await isHidden(run, sheet)) throw new CommandError(`シート「${sheet}」は非表示のため選べません。シート見出しを右クリックして「再表示」を選んでから、もう一度クリックしてください。`);
    throw e;
  }
}

/** Whether `sheet` exists and is hidden (false when Excel cannot tell). */
async function isHidden(run: ExcelRun, sheet: string): Promise<boolean> {
  try {
    return await run(async (ctx) => {
      const worksheet = ctx.workbook.worksheets.getItemOrNullObject(sheet);
      worksheet.load("visibility");
      await ctx.sync();
      return !worksheet.isNullObject && worksheet.visibility !== "Visible";
    });
  } catch {
    return false;
  }
}

/** The open workbook's file name (`Workbook.name`, ExcelApi 1.7); null when Excel cannot tell. */
export async function workbookName(run: ExcelRun): Promise<string | null> {
  try {
    return await run(async (ctx) => {
      const book = ctx.workbook;
      book.load("name");
      await ctx.sync();
      return typeof book.name === "string" && book.name.trim() !== "" ? book.name : null;
    });
  } catch {
    return null;
  }
}
