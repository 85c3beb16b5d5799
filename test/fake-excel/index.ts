/** In-memory fake of the Excel JavaScript API subset the Office adapter uses. Now the simulated host in src/workbook/office-sim/ (the CLI runs commands on it with --engine office-sim). */
export { createFakeExcel, FakeOfficeError, charsFromPoints } from "../../src/workbook/office-sim/host";
export type { FakeExcel, FakeExcelOptions, FakeStats, SyncRecord, FakeRunFn } from "../../src/workbook/office-sim/host";
export { buildBook, dumpSheet, cellAt, sheetOf, usedRect, parseAddress, formatAddress, colName, cellKey } from "../../src/workbook/office-sim/model";
export type {
  FakeBook,
  FakeSheet,
  FakeCell,
  FakeTable,
  FakeChart,
  FakeConditionalFormat,
  FakeValue,
  Rect,
  SeedCell,
  SheetSeed,
} from "../../src/workbook/office-sim/model";
