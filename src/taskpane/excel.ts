/**
 * The few Office.js calls the task pane makes outside the workbook port: selecting a cell the
 * user clicked in a list of findings, and the workbook's file name.
 */

/** Excel.run, handed in by the composition root (index.tsx) so that tests can pass a fake. */
export type ExcelRun = typeof Excel.run;

/** Activates `sheet` and selects `address` there (one round trip). */
export async function selectCell(run: ExcelRun, sheet: string, address: string): Promise<void> {
  await run(async (ctx) => {
    const worksheet = ctx.workbook.worksheets.getItem(sheet);
    worksheet.activate();
    worksheet.getRange(address).select();
    await ctx.sync();
  });
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
