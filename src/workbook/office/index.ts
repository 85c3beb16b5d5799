/** The Office.js workbook adapter (task pane). */
export { createOfficeWorkbook } from "./adapter";
export type { ExcelRun, OfficeWorkbookOptions } from "./adapter";
export { toExcelInput } from "./values";
