/**
 * Fictional workbooks built the way consultants really keep them: a title and notes above the
 * table, a units row under the header, section headings merged across the table, a 合計 row with
 * =SUM formulas, notes under the table, a repeated code, Excel tables with a totals row, two-row
 * headers, two 被保護者数 columns, a planned-date column, a stray cell at row 1,048,576.
 * Built with ExcelJS directly so that merges, formulas (with their cached results) and tables are
 * in the file as Excel would write them.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { makeOfficeCode } from "../../src/domain/codes";
import { isoToUtcDate } from "../../src/workbook/xlsx/serial";
import { loadXlsxBuffer, type XlsxWorkbook } from "../../src/workbook/xlsx/adapter";

export const code = (i: number): string => makeOfficeCode("12", 13, i);

export interface OfficeSpec {
  code: string;
  name: string;
  recipients: number;
  start: string | null;
  region: "関東" | "近畿";
  vendor: string;
}

/** Ten offices (the ninth row repeats 二市's code) as a person would list them by hand. */
export const OFFICES: OfficeSpec[] = [
  { code: code(1), name: "一市福祉事務所", recipients: 1200, start: null, region: "関東", vendor: "ベンダA" },
  { code: code(2), name: "二市福祉事務所", recipients: 300, start: null, region: "関東", vendor: "ベンダA" },
  { code: code(3), name: "三市福祉事務所", recipients: 5000, start: "2024-11-01", region: "関東", vendor: "ベンダB" },
  { code: code(4), name: "四市福祉事務所", recipients: 800, start: null, region: "関東", vendor: "ベンダB" },
  { code: code(5), name: "五市福祉事務所", recipients: 2500, start: null, region: "関東", vendor: "ベンダA" },
  { code: code(6), name: "六市福祉事務所", recipients: 150, start: "2024-12-01", region: "近畿", vendor: "ベンダA" },
  { code: code(7), name: "七町福祉事務所", recipients: 40, start: null, region: "近畿", vendor: "ベンダB" },
  { code: code(8), name: "八市福祉事務所", recipients: 3000, start: "2024-10-01", region: "近畿", vendor: "ベンダB" },
  { code: code(9), name: "九村福祉事務所", recipients: 60, start: null, region: "近畿", vendor: "ベンダA" },
];
/** The row that repeats 二市's code (a copy-paste slip): counted once. */
export const DUPLICATE: OfficeSpec = { ...OFFICES[1], name: "二市福祉事務所（重複）" };

/**
 * By hand, at 2025-02-04: unregistered = 一, 二, 四, 五, 七, 九 → 6 offices with
 * 1,200 + 300 + 800 + 2,500 + 40 + 60 = 4,900 recipients; large (≥ 1,000) = 一, 五 → 2 offices,
 * 3,700 recipients, 3,700 / 4,900 of the unregistered.
 */
export const BY_HAND = { unregistered: 6, recipients: 4900, large: 2, largeRecipients: 3700 } as const;

export const SETTINGS_ROWS: (string | number)[][] = [["項目", "値"], ["全数_福祉事務所数", 1104], ["全数_被保護者数", 2_008_090]];

const HEADER = ["保険者コード", "福祉事務所名", "被保護者数", "資格情報登録開始日", "ベンダ", "備考"];

function officeRow(ws: ExcelJS.Worksheet, r: number, o: OfficeSpec): void {
  ws.getCell(r, 1).value = o.code;
  ws.getCell(r, 2).value = o.name;
  ws.getCell(r, 3).value = o.recipients;
  if (o.start) {
    ws.getCell(r, 4).value = isoToUtcDate(o.start);
    ws.getCell(r, 4).numFmt = "yyyy/m/d";
  }
  ws.getCell(r, 5).value = o.vendor;
}

function addSettings(book: ExcelJS.Workbook, extra: (string | number)[][] = []): void {
  const ws = book.addWorksheet("設定");
  [...SETTINGS_ROWS, ...extra].forEach((row) => ws.addRow(row));
}

/**
 * マスタ as kept by hand (sheet rows):
 *  1 title, 2 note, 3 blank, 4 header, 5 units `(人)`, 6 【関東】 merged A:F, 7–11 関東 offices,
 *  12 【近畿】 merged A:F, 13–16 近畿 offices, 17 the repeated code, 18 合計 with =SUM, 19 blank,
 *  20–21 notes under the table.
 * Excluded from every figure: rows 5, 6, 12, 17, 18, 20, 21 → 7 rows.
 */
export function handKeptMaster(book: ExcelJS.Workbook, name = "マスタ"): ExcelJS.Worksheet {
  const ws = book.addWorksheet(name);
  ws.getCell("A1").value = "資格情報未登録福祉事務所 管理表（架空データ）";
  ws.getCell("A2").value = "※被保護者数は令和6年3月の被保護者調査による";
  HEADER.forEach((h, i) => (ws.getCell(4, i + 1).value = h));
  ws.getCell(5, 3).value = "(人)";
  ws.getCell(6, 1).value = "【関東】";
  ws.mergeCells(6, 1, 6, HEADER.length);
  OFFICES.slice(0, 5).forEach((o, i) => officeRow(ws, 7 + i, o));
  ws.getCell(12, 1).value = "【近畿】";
  ws.mergeCells(12, 1, 12, HEADER.length);
  OFFICES.slice(5).forEach((o, i) => officeRow(ws, 13 + i, o));
  officeRow(ws, 17, DUPLICATE);
  ws.getCell(18, 2).value = "合計";
  const sum = [...OFFICES, DUPLICATE].reduce((s, o) => s + o.recipients, 0);
  ws.getCell(18, 3).value = { formula: "SUM(C7:C17)", result: sum } as ExcelJS.CellFormulaValue;
  ws.getCell(20, 1).value = "※ 登録開始日は支払基金の登録状況一覧（2025年2月4日）による";
  ws.getCell(21, 1).value = "※ 二市は重複入力あり（確認中）";
  return ws;
}

export const HAND_KEPT_EXCLUDED = 7;

/** The same offices in an Excel table (ListObject) whose totals row sums 被保護者数 (no label). */
export function tableMaster(book: ExcelJS.Workbook): ExcelJS.Worksheet {
  const ws = book.addWorksheet("マスタ");
  ws.getCell("A1").value = "管理表";
  ws.addTable({
    name: "事務所一覧",
    ref: "A3",
    headerRow: true,
    totalsRow: true,
    columns: [
      { name: "保険者コード" },
      { name: "福祉事務所名" },
      { name: "被保護者数", totalsRowFunction: "sum" },
      { name: "資格情報登録開始日" },
      { name: "ベンダ" },
    ],
    rows: OFFICES.map((o) => [o.code, o.name, o.recipients, o.start ? isoToUtcDate(o.start) : null, o.vendor]),
  });
  // Excel stores the totals row's cached result; ExcelJS writes the formula only.
  const totalsRow = 3 + OFFICES.length + 1;
  const sum = OFFICES.reduce((s, o) => s + o.recipients, 0);
  ws.getCell(totalsRow, 3).value = { formula: "SUBTOTAL(109,事務所一覧[被保護者数])", result: sum } as ExcelJS.CellFormulaValue;
  return ws;
}

/** マスタ with a two-row header: 資格情報 merged over 登録開始日 and 登録予定時期, the others merged vertically. */
export function twoRowHeaderMaster(book: ExcelJS.Workbook): ExcelJS.Worksheet {
  const ws = book.addWorksheet("マスタ");
  ws.getCell("A1").value = "管理表（二段見出し）";
  ["保険者コード", "福祉事務所名", "被保護者数"].forEach((h, i) => {
    ws.getCell(2, i + 1).value = h;
    ws.mergeCells(2, i + 1, 3, i + 1);
  });
  ws.getCell(2, 4).value = "資格情報";
  ws.mergeCells(2, 4, 2, 5);
  ws.getCell(3, 4).value = "登録開始日";
  ws.getCell(3, 5).value = "登録予定時期";
  OFFICES.forEach((o, i) => {
    officeRow(ws, 4 + i, o);
    ws.getCell(4 + i, 5).value = o.start ? null : "令和7年3月";
  });
  return ws;
}

/** マスタ with two 被保護者数 columns (R5.3 is the old survey, R6.3 the current one). */
export function twoRecipientColumns(book: ExcelJS.Workbook): ExcelJS.Worksheet {
  const ws = book.addWorksheet("マスタ");
  ws.addRow(["保険者コード", "福祉事務所名", "被保護者数（R5.3）", "被保護者数（R6.3）", "資格情報登録開始日"]);
  OFFICES.forEach((o) => ws.addRow([o.code, o.name, o.recipients + 100, o.recipients, o.start ? isoToUtcDate(o.start) : null]));
  return ws;
}

/** マスタ whose only date column holds planned dates (資格情報登録開始日（予定）). */
export function plannedDateMaster(book: ExcelJS.Workbook): ExcelJS.Worksheet {
  const ws = book.addWorksheet("マスタ");
  ws.addRow(["保険者コード", "福祉事務所名", "被保護者数", "資格情報登録開始日（予定）"]);
  OFFICES.forEach((o) => ws.addRow([o.code, o.name, o.recipients, isoToUtcDate("2025-01-15")]));
  return ws;
}

/** A 閲覧停止 list with a 合計 row and a note under it. */
export function suspensionList(book: ExcelJS.Workbook): ExcelJS.Worksheet {
  const ws = book.addWorksheet("支払基金_閲覧停止_20250107");
  ws.addRow(["保険者コード", "保険者名", "医療情報_加入中", "医療情報_資格喪失", "医療情報_合計"]);
  const counts: [string, number][] = [[code(1), 30], [code(5), 50], [code(7), 20]];
  counts.forEach(([c, n]) => ws.addRow([c, "x", n, 0, n]));
  const total = counts.reduce((s, [, n]) => s + n, 0);
  ws.addRow(["合計", null, total, 0, { formula: "SUM(E2:E4)", result: total }]);
  ws.addRow([]);
  ws.addRow(["※ 件数は架空"]);
  return ws;
}

export async function reload(book: ExcelJS.Workbook): Promise<XlsxWorkbook> {
  return loadXlsxBuffer(new Uint8Array(await book.xlsx.writeBuffer()));
}

export async function saveFile(book: ExcelJS.Workbook): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), "onshi-real-"));
  const file = path.join(dir, "book.xlsx");
  writeFileSync(file, new Uint8Array(await book.xlsx.writeBuffer()));
  return file;
}

export function newBook(settingsExtra?: (string | number)[][]): ExcelJS.Workbook {
  const book = new ExcelJS.Workbook();
  addSettings(book, settingsExtra);
  return book;
}
