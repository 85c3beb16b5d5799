/** The Office.js workbook adapter (task pane). */
export { createOfficeWorkbook, toExcelInput } from "./adapter";
export type { ExcelRun, OfficeWorkbookOptions } from "./adapter";
