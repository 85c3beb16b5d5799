/**
 * Sheets the tool writes whole (the generated sheets, and 変更履歴 when it does not exist yet): a
 * small cell model built from the port's GeneratedSheet with the same layout the ExcelJS adapter
 * uses, and its worksheet / table XML.
 */
import { isDateOut, type OutCell } from "../../../domain/cell";
import { columnLetters } from "../../../domain/schema/table";
import { printSetupOf, type PrintSetup } from "../../../domain/writes";
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

/** A line chart over columns of the sheet itself (1-based rows and columns). */
export interface NewChart {
  title: string;
  categoryCol: number;
  seriesCols: number[];
  headerRow: number;
  lastRow: number;
  /** Anchor, 0-based as DrawingML counts: from (col, row) to (col, row). */
  from: { col: number; row: number };
  to: { col: number; row: number };
}

export interface NewSheet {
  cells: Map<number, Map<number, NewCell>>;
  tables: NewTable[];
  chart?: NewChart;
  widths?: number[];
  /** Rows frozen at the top. */
  freezeRows?: number;
  /** How the sheet prints (generated sheets; a log sheet prints as Excel's default). */
  print?: PrintSetup;
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
    if (spec.chart?.block === b) sheet.chart = chartFor(spec.chart, block.header, row, block.rows.length);
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
  sheet.print = printSetupOf(spec);
  return sheet;
}

/** The chart beside its block, placed as the Office adapter places it (header row, two columns to the right). */
function chartFor(chart: NonNullable<GeneratedSheet["chart"]>, header: string[], headerRow: number, rows: number): NewChart | undefined {
  const col = (h: string) => header.indexOf(h) + 1;
  if (rows === 0 || col(chart.category) < 1 || chart.series.some((h) => col(h) < 1)) return undefined;
  return {
    title: chart.title,
    categoryCol: col(chart.category),
    seriesCols: chart.series.map(col),
    headerRow,
    lastRow: headerRow + rows,
    from: { col: header.length + 1, row: headerRow },
    to: { col: header.length + 9, row: headerRow + 16 },
  };
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

export function newSheetXml(sheet: NewSheet, styles: StyleSheet, date1904: boolean, tableRelIds: string[], drawingRelId?: string): string {
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
    (sheet.print ? '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' : "") +
    `<dimension ref="${dimension}"/>` +
    `<sheetViews><sheetView workbookViewId="0">${pane}</sheetView></sheetViews>` +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    (cols ? `<cols>${cols}</cols>` : "") +
    (rowXml.length ? `<sheetData>${rowXml.join("")}</sheetData>` : "<sheetData/>") +
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
    (sheet.print ? printXml(sheet.print) : "") +
    (drawingRelId ? `<drawing r:id="${drawingRelId}"/>` : "") +
    (tableRelIds.length ? `<tableParts count="${tableRelIds.length}">${tableRelIds.map((id) => `<tablePart r:id="${id}"/>`).join("")}</tableParts>` : "") +
    "</worksheet>"
  );
}

/** pageSetup, headerFooter and rowBreaks of a generated sheet (print titles are a defined name: print.ts). */
export function printXml(p: PrintSetup): string {
  const header = `&L${p.leftHeader}${p.rightHeader ? `&R${p.rightHeader}` : ""}`;
  const breaks = p.breaksAfter.length
    ? `<rowBreaks count="${p.breaksAfter.length}" manualBreakCount="${p.breaksAfter.length}">${p.breaksAfter.map((r) => `<brk id="${r}" max="16383" man="1"/>`).join("")}</rowBreaks>`
    : "";
  return (
    `<pageSetup paperSize="9" orientation="${p.landscape ? "landscape" : "portrait"}" fitToWidth="${p.fitToWidth}" fitToHeight="0"/>` +
    `<headerFooter><oddHeader>${escapeAttr(header)}</oddHeader><oddFooter>${escapeAttr(`&C${p.centerFooter}`)}</oddFooter></headerFooter>` +
    breaks
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

const NS_A = "http://schemas.openxmlformats.org/drawingml/2006/main";
const NS_C = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const NS_XDR = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";

/** The drawing that holds the chart (its relationship to the chart part is rId1). */
export function drawingXml(chart: NewChart): string {
  const at = (p: { col: number; row: number }) => `<xdr:col>${p.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${p.row}</xdr:row><xdr:rowOff>0</xdr:rowOff>`;
  return (
    HEAD +
    `<xdr:wsDr xmlns:xdr="${NS_XDR}" xmlns:a="${NS_A}"><xdr:twoCellAnchor editAs="oneCell"><xdr:from>${at(chart.from)}</xdr:from><xdr:to>${at(chart.to)}</xdr:to>` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="${escapeAttr(chart.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
    `<a:graphic><a:graphicData uri="${NS_C}"><c:chart xmlns:c="${NS_C}" xmlns:r="${NS_REL}" r:id="rId1"/></a:graphicData></a:graphic>` +
    "</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>"
  );
}

const xmlText = (s: string) => s.replace(/&/gu, "&amp;").replace(/</gu, "&lt;").replace(/>/gu, "&gt;");

/** A line chart over the sheet's own cells (no cached values: Excel and LibreOffice read the ranges). */
export function chartXml(chart: NewChart, sheetName: string): string {
  const sheet = `'${sheetName.replace(/'/gu, "''")}'`;
  const ref = (col: number, top: number, bottom: number) =>
    xmlText(`${sheet}!$${columnLetters(col)}$${top}${bottom > top ? `:$${columnLetters(col)}$${bottom}` : ""}`);
  const series = chart.seriesCols
    .map(
      (col, i) =>
        `<c:ser><c:idx val="${i}"/><c:order val="${i}"/><c:tx><c:strRef><c:f>${ref(col, chart.headerRow, chart.headerRow)}</c:f></c:strRef></c:tx>` +
        '<c:marker><c:symbol val="circle"/><c:size val="5"/></c:marker>' +
        `<c:cat><c:numRef><c:f>${ref(chart.categoryCol, chart.headerRow + 1, chart.lastRow)}</c:f></c:numRef></c:cat>` +
        `<c:val><c:numRef><c:f>${ref(col, chart.headerRow + 1, chart.lastRow)}</c:f></c:numRef></c:val><c:smooth val="0"/></c:ser>`,
    )
    .join("");
  return (
    HEAD +
    `<c:chartSpace xmlns:c="${NS_C}" xmlns:a="${NS_A}" xmlns:r="${NS_REL}"><c:roundedCorners val="0"/><c:chart>` +
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:r><a:t>${xmlText(chart.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>` +
    '<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/><c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>' +
    series +
    '<c:marker val="1"/><c:axId val="500000001"/><c:axId val="500000002"/></c:lineChart>' +
    '<c:catAx><c:axId val="500000001"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:numFmt formatCode="yyyy/m/d" sourceLinked="1"/>' +
    '<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="500000002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>' +
    '<c:valAx><c:axId val="500000002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:majorGridlines/><c:numFmt formatCode="#,##0" sourceLinked="1"/>' +
    '<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="500000001"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx></c:plotArea>' +
    '<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>'
  );
}
