/**
 * The few Office.js calls the task pane makes outside the workbook port: selecting a cell the
 * user clicked in a list of findings.
 */
import type { ExcelRun } from "../workbook/office";

/** Activates `sheet` and selects `address` there (one round trip). */
export async function selectCell(run: ExcelRun, sheet: string, address: string): Promise<void> {
  await run(async (ctx) => {
    const worksheet = ctx.workbook.worksheets.getItem(sheet);
    worksheet.activate();
    worksheet.getRange(address).select();
    await ctx.sync();
  });
}
