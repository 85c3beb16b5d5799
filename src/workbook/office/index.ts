/** The Office.js workbook adapter (task pane). */
export { createOfficeWorkbook } from "./adapter";
export type { ExcelRun, OfficeWorkbookOptions } from "./adapter";
export { toExcelInput } from "./values";
export { createWorkbookWithin, WEB_CREATE_WORKBOOK_BYTES } from "./create";
export { DATE_1904_MESSAGE } from "./read";
export { diagnoseExcel, diagnosisText, highestExcelApi } from "./diagnose";
export type { Diagnosis, DiagnosisItem, DiagnoseEnv } from "./diagnose";
