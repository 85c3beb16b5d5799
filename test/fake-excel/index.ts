/** In-memory fake of the Excel JavaScript API subset the Office adapter uses. See fake.ts. */
export { createFakeExcel, FakeOfficeError, charsFromPoints } from "./fake";
export type { FakeExcel, FakeExcelOptions, FakeStats, SyncRecord, FakeRunFn } from "./fake";
export { buildBook, dumpSheet, cellAt, sheetOf, usedRect, parseAddress, formatAddress, colName, cellKey } from "./model";
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
} from "./model";
