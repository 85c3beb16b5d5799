/**
 * Sheets the tool writes whole (the generated sheets, and 変更履歴 when it does not exist yet): a
 * small cell model built from the port's GeneratedSheet with the same layout the ExcelJS adapter
 * uses, and its worksheet / table XML.
 */
import { isDateOut, type OutCell } from "../../../domain/cell";
import { columnLetters } from "../../../domain/schema/table";
import type { GeneratedSheet } from "../../port";
import { escapeAttr } from "./opc";
import { cellXml, DATE_FORMAT } from "./sheet";
import type { CellLook, StyleSheet } from "./styles";

export interface NewCell {
  value: OutCell;
  look: CellLook;
}

export interface NewTable {
  /** The name asked for; made unique in the workbook when saved. */
  name: string;
  top: number;
  bottom: number;
  columns: string[];
}

export interface NewSheet {
  cells: Map<number, Map<number, NewCell>>;
  tables: NewTable[];
  widths?: number[];
  /** Rows frozen at the top. */
  freezeRows?: number;
}

export function putCell(sheet: NewSheet, row: number, col: number, cell: NewCell): void {
  let r = sheet.cells.get(row);
  if (!r) sheet.cells.set(row, (r = new Map()));
  r.set(col, cell);
}

const dataLook = (v: OutCell, format?: string): CellLook => ({ numFmt: format ?? (isDateOut(v) ? DATE_FORMAT : undefined) });

/** Excel tables need at least one row and distinct, non-empty header texts. */
export function canBeTable(header: string[], rowCount: number): boolean {
  return rowCount > 0 && header.every((h) => h.trim() !== "") && new Set(header).size === header.length;
}

/** The layout of a generated sheet (the same as the ExcelJS adapter's replaceSheet). */
export function newSheetFrom(spec: GeneratedSheet): NewSheet {
  const sheet: NewSheet = { cells: new Map(), tables: [], widths: spec.widths };
  let row = 1;
  let firstDataRow = 0;
  spec.blocks.forEach((block, b) => {
    if (b > 0) row++;
    if (block.title) {
      putCell(sheet, row, 1, { value: block.title, look: { bold: true } });
      row++;
    }
    if (b === 0) firstDataRow = row + 1;
    const table = block.tableName !== undefined && canBeTable(block.header, block.rows.length);
    block.header.forEach((h, j) => putCell(sheet, row, j + 1, { value: h, look: table ? {} : { header: true } }));
    if (table) sheet.tables.push({ name: block.tableName!, top: row, bottom: row + block.rows.length, columns: block.header });
    row++;
    for (const values of block.rows) {
      values.forEach((v, j) => putCell(sheet, row, j + 1, { value: v, look: dataLook(v, block.formats?.[j]) }));
      row++;
    }
    for (const note of block.notes ?? []) {
      putCell(sheet, row, 1, { value: note, look: {} });
      row++;
    }
  });
  if (spec.freezeHeader && firstDataRow > 1) sheet.freezeRows = firstDataRow - 1;
  return sheet;
}

/** A log sheet created by its first append: a bold header row, frozen. */
export function newLogSheet(header: string[]): NewSheet {
  const sheet: NewSheet = { cells: new Map(), tables: [], freezeRows: 1 };
  header.forEach((h, j) => putCell(sheet, 1, j + 1, { value: h, look: { bold: true } }));
  return sheet;
}

export function lastRowOf(sheet: NewSheet): number {
  let last = 0;
  for (const [r, cells] of sheet.cells) if (r > last && [...cells.values()].some((c) => c.value !== null && c.value !== "")) last = r;
  return last;
}

const NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Excel's column width for w characters, as ExcelJS stores it. */
const widthText = (w: number) => String(w);

export function newSheetXml(sheet: NewSheet, styles: StyleSheet, date1904: boolean, tableRelIds: string[]): string {
  const rows = [...sheet.cells.keys()].sort((a, b) => a - b);
  let maxCol = 0;
  const rowXml: string[] = [];
  for (const r of rows) {
    const cells = [...sheet.cells.get(r)!.entries()].sort((a, b) => a[0] - b[0]);
    const inner = cells.map(([c, cell]) => cellXml("", `${columnLetters(c)}${r}`, cell.value, styles.look(cell.look), date1904)).join("");
    if (!inner) continue;
    maxCol = Math.max(maxCol, cells[cells.length - 1][0]);
    rowXml.push(`<row r="${r}">${inner}</row>`);
  }
  const lastRow = rows.length ? rows[rows.length - 1] : 1;
  const dimension = maxCol > 0 ? `A1:${columnLetters(maxCol)}${lastRow}` : "A1";
  const pane = sheet.freezeRows
    ? `<pane ySplit="${sheet.freezeRows}" topLeftCell="A${sheet.freezeRows + 1}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A${sheet.freezeRows + 1}" sqref="A${sheet.freezeRows + 1}"/>`
    : "";
  const cols = (sheet.widths ?? [])
    .map((w, j) => (w > 0 ? `<col min="${j + 1}" max="${j + 1}" width="${widthText(w)}" customWidth="1"/>` : ""))
    .join("");
  return (
    HEAD +
    `<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">` +
    `<dimension ref="${dimension}"/>` +
    `<sheetViews><sheetView workbookViewId="0">${pane}</sheetView></sheetViews>` +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    (cols ? `<cols>${cols}</cols>` : "") +
    (rowXml.length ? `<sheetData>${rowXml.join("")}</sheetData>` : "<sheetData/>") +
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
    (tableRelIds.length ? `<tableParts count="${tableRelIds.length}">${tableRelIds.map((id) => `<tablePart r:id="${id}"/>`).join("")}</tableParts>` : "") +
    "</worksheet>"
  );
}

export function tableXml(t: NewTable, id: number, name: string): string {
  const ref = `A${t.top}:${columnLetters(t.columns.length)}${t.bottom}`;
  const cols = t.columns.map((c, i) => `<tableColumn id="${i + 1}" name="${escapeAttr(c)}"/>`).join("");
  return (
    HEAD +
    `<table xmlns="${NS_MAIN}" id="${id}" name="${escapeAttr(name)}" displayName="${escapeAttr(name)}" ref="${ref}" totalsRowShown="0">` +
    `<autoFilter ref="${ref}"/>` +
    `<tableColumns count="${t.columns.length}">${cols}</tableColumns>` +
    '<tableStyleInfo name="TableStyleLight9" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/>' +
    "</table>"
  );
}
