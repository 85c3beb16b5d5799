/**
 * The ExcelJS adapter: a WorkbookPort over an in-memory ExcelJS workbook, used by the CLI and tests.
 * Writing touches only the cells a command names; everything else the user had (other sheets,
 * unknown columns, formulas, fills, comments, widths) is left to ExcelJS to carry through as is.
 */
import ExcelJS from "exceljs";
import type { OutCell, RawCell } from "../../domain/cell";
import { isDateOut } from "../../domain/cell";
import {
  HIGHLIGHT_MARKER,
  type AppendRows,
  type GeneratedSheet,
  type HighlightSpec,
  type RangeWrite,
  type SheetGrid,
  type WorkbookPort,
  type WriteBatch,
} from "../port";
import { dateToSerial, isoToUtcDate } from "./serial";
import { columnLetters } from "../../domain/schema/table";

const DATE_FORMAT = "yyyy/m/d";

/** A RawCell from whatever ExcelJS holds in a cell. */
export function toRawCell(value: ExcelJS.CellValue): RawCell {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : dateToSerial(value);
  if (typeof value === "object") {
    if ("richText" in value && Array.isArray(value.richText)) return value.richText.map((r) => r.text ?? "").join("");
    if ("error" in value) return String(value.error);
    if ("formula" in value || "sharedFormula" in value) {
      const result = (value as { result?: unknown }).result;
      if (result === undefined || result === null) return null;
      if (typeof result === "object" && result !== null && "error" in result) return String((result as { error: unknown }).error);
      return toRawCell(result as ExcelJS.CellValue);
    }
    if ("text" in value) {
      const text = (value as { text: unknown }).text;
      if (typeof text === "string") return text;
      if (text && typeof text === "object" && "richText" in text) return toRawCell(text as ExcelJS.CellValue);
      return text == null ? null : String(text);
    }
  }
  return String(value);
}

/**
 * The used range of a worksheet as a grid (cells that hold a value; formatting alone does not count).
 * One pass over the stored cells: each row's values and formats are collected densely from column 1
 * while the bounds are found, then cut to the used columns (no copy when the table starts in A).
 */
export function readGrid(ws: ExcelJS.Worksheet): SheetGrid {
  let top = Infinity;
  let bottom = 0;
  let left = Infinity;
  let right = 0;
  const rowNumbers: number[] = [];
  // values[k][c - 1] / formats[k][c - 1] of the k-th stored row, from column 1 to its last cell.
  const rowValues: RawCell[][] = [];
  const rowFormats: string[][] = [];
  // Rows holding =SUM(…) / =SUBTOTAL(…): a total when they hold no office code (the engine decides).
  const sumRows: number[] = [];
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const vals: RawCell[] = [];
    const fmts: string[] = [];
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      const value = cell.value;
      if (isTotalFormula(value)) sumRows.push(r);
      if (value !== null && value !== undefined && value !== "") {
        if (r < top) top = r;
        if (r > bottom) bottom = r;
        if (c < left) left = c;
        if (c > right) right = c;
      }
      while (vals.length < c - 1) {
        vals.push(null);
        fmts.push("General");
      }
      vals.push(toRawCell(value));
      fmts.push(cell.numFmt || "General");
    });
    rowNumbers.push(r);
    rowValues.push(vals);
    rowFormats.push(fmts);
  });
  const merges = mergedAreas(ws);
  const totals = [...new Set([...totalsRows(ws), ...sumRows])];
  const extra = totals.length > 0 ? { merges, totalsRows: totals } : { merges };
  if (bottom === 0) return { name: ws.name, top: 1, left: 1, values: [], formats: [], ...extra };
  const width = right - left + 1;
  const height = bottom - top + 1;
  const values: RawCell[][] = new Array(height);
  const formats: string[][] = new Array(height);
  // Rows with no stored cell share one blank row: a stray cell at row 1,048,576 must not cost a
  // million arrays. Nobody writes into a grid (it is what the sheet held when read).
  const blankValues: RawCell[] = new Array(width).fill(null);
  const blankFormats: string[] = new Array(width).fill("General");
  let k = 0;
  for (let i = 0; i < height; i++) {
    const r = top + i;
    while (k < rowNumbers.length && rowNumbers[k] < r) k++;
    let vals: RawCell[];
    let fmts: string[];
    if (k < rowNumbers.length && rowNumbers[k] === r) {
      vals = rowValues[k];
      fmts = rowFormats[k];
      if (left > 1) {
        vals = vals.slice(left - 1, right);
        fmts = fmts.slice(left - 1, right);
      } else if (vals.length > width) {
        vals.length = width;
        fmts.length = width;
      }
    } else {
      values[i] = blankValues;
      formats[i] = blankFormats;
      continue;
    }
    while (vals.length < width) {
      vals.push(null);
      fmts.push("General");
    }
    values[i] = vals;
    formats[i] = fmts;
  }
  return { name: ws.name, top, left, values, formats, ...extra };
}

const TOTAL_FORMULA = /^\s*=?\s*(?:SUM|SUBTOTAL|AGGREGATE)\(/iu;

/** True for a cell holding =SUM(…), =SUBTOTAL(…) or =AGGREGATE(…). */
function isTotalFormula(value: ExcelJS.CellValue): boolean {
  if (value === null || typeof value !== "object" || !("formula" in value)) return false;
  const formula = (value as { formula?: unknown }).formula;
  return typeof formula === "string" && TOTAL_FORMULA.test(formula);
}

/** The sheet rows of the Excel tables' totals rows (ExcelJS keeps each table's ref and totalsRow flag). */
function totalsRows(ws: ExcelJS.Worksheet): number[] {
  const tables = (ws as unknown as { tables?: Record<string, { table?: { tableRef?: string; ref?: string; totalsRow?: boolean } }> }).tables ?? {};
  const rows: number[] = [];
  for (const t of Object.values(tables)) {
    const ref = t.table?.tableRef ?? t.table?.ref;
    const m = ref ? /:[A-Z]+(\d+)$/u.exec(ref) : null;
    if (t.table?.totalsRow && m) rows.push(Number(m[1]));
  }
  return rows;
}

/** ExcelJS keeps merges in an untyped map of master address → range. */
function mergedAreas(ws: ExcelJS.Worksheet): NonNullable<SheetGrid["merges"]> {
  const merges = (ws as unknown as { _merges?: Record<string, { top: number; left: number; bottom: number; right: number }> })._merges ?? {};
  return Object.values(merges).map(({ top, left, bottom, right }) => ({ top, left, bottom, right }));
}

function toExcelValue(v: OutCell): ExcelJS.CellValue {
  if (v === null) return null;
  if (isDateOut(v)) return isoToUtcDate(v.date);
  if (typeof v === "number" && !Number.isFinite(v)) return String(v);
  // Plain strings are stored as text by ExcelJS (a formula needs { formula }), so `=…` stays text.
  return v;
}

function formatCell(cell: ExcelJS.Cell, v: OutCell, format?: string): void {
  if (format) cell.numFmt = format;
  else if (isDateOut(v)) cell.numFmt = DATE_FORMAT;
}

function setCell(ws: ExcelJS.Worksheet, row: number, col: number, v: OutCell, format?: string): void {
  const cell = ws.getCell(row, col);
  // ExcelJS redirects a write into a merged area to its top-left cell, overwriting what the user
  // wrote there; Excel itself discards values written to the other cells of a merge. Do as Excel.
  if (cell.isMerged && cell.master.address !== cell.address) return;
  cell.value = toExcelValue(v);
  formatCell(cell, v, format);
}

/** Excel tables need at least one row and distinct, non-empty header texts. */
function canBeTable(header: string[], rowCount: number): boolean {
  return rowCount > 0 && header.every((h) => h.trim() !== "") && new Set(header).size === header.length;
}

function lastUsedRow(ws: ExcelJS.Worksheet): number {
  let last = 0;
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    if (row.hasValues) last = r;
  });
  return last;
}

export class XlsxWorkbook implements WorkbookPort {
  constructor(readonly book: ExcelJS.Workbook) {}

  async listSheets(): Promise<string[]> {
    return this.book.worksheets.map((ws) => ws.name);
  }

  async readSheets(names: string[]): Promise<Map<string, SheetGrid>> {
    const out = new Map<string, SheetGrid>();
    for (const name of names) {
      const ws = this.book.getWorksheet(name);
      if (ws) out.set(name, readGrid(ws));
    }
    return out;
  }

  async commit(batch: WriteBatch): Promise<void> {
    for (const w of batch.ranges ?? []) this.writeRange(w);
    for (const a of batch.appends ?? []) this.append(a);
    for (const s of batch.sheets ?? []) this.replaceSheet(s);
    for (const h of batch.highlights ?? []) this.highlight(h);
  }

  private sheet(name: string): ExcelJS.Worksheet {
    const ws = this.book.getWorksheet(name);
    if (!ws) throw new Error(`シート「${name}」がありません。`);
    return ws;
  }

  private writeRange(w: RangeWrite): void {
    const ws = this.sheet(w.sheet);
    w.values.forEach((rowValues, i) =>
      rowValues.forEach((v, j) => setCell(ws, w.row + i, w.col + j, v, w.formats?.[j])),
    );
  }

  private append(a: AppendRows): void {
    let ws = this.book.getWorksheet(a.sheet);
    if (!ws) {
      ws = this.book.addWorksheet(a.sheet);
      a.header.forEach((h, j) => (ws!.getCell(1, j + 1).value = h));
      ws.getRow(1).font = { bold: true };
      ws.views = [{ state: "frozen", ySplit: 1 }];
    }
    const start = Math.max(lastUsedRow(ws), 1) + 1;
    a.rows.forEach((rowValues, i) => rowValues.forEach((v, j) => setCell(ws!, start + i, j + 1, v, a.formats?.[j])));
  }

  /** Removes the old sheet (if any) and builds the new one at the same tab position. */
  private replaceSheet(spec: GeneratedSheet): void {
    const old = this.book.getWorksheet(spec.name);
    // ExcelJS orders tabs by the (untyped) orderNo; reusing the old one keeps the tab in place.
    const orderNo = (old as unknown as { orderNo?: number } | undefined)?.orderNo;
    if (old) this.book.removeWorksheet(old.id);
    const ws = this.book.addWorksheet(spec.name);
    if (orderNo !== undefined) (ws as unknown as { orderNo: number }).orderNo = orderNo;
    let row = 1;
    let firstDataRow = 0;
    spec.blocks.forEach((block, b) => {
      if (b > 0) row++;
      if (block.title) {
        ws.getCell(row, 1).value = block.title;
        ws.getCell(row, 1).font = { bold: true };
        row++;
      }
      if (b === 0) firstDataRow = row + 1;
      if (block.tableName && canBeTable(block.header, block.rows.length)) {
        // A real Excel table (ListObject): filter buttons and banding, as the user would make it.
        ws.addTable({
          name: this.uniqueTableName(block.tableName),
          ref: `A${row}`,
          headerRow: true,
          style: { theme: "TableStyleLight9", showRowStripes: true },
          columns: block.header.map((name) => ({ name, filterButton: true })),
          rows: block.rows.map((r) => r.map(toExcelValue)),
        });
        row++;
        for (const values of block.rows) {
          values.forEach((v, j) => formatCell(ws.getCell(row, j + 1), v, block.formats?.[j]));
          row++;
        }
      } else {
        block.header.forEach((h, j) => {
          const cell = ws.getCell(row, j + 1);
          cell.value = h;
          cell.font = { bold: true };
          cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } };
          cell.border = { bottom: { style: "thin" } };
        });
        row++;
        for (const values of block.rows) {
          values.forEach((v, j) => setCell(ws, row, j + 1, v, block.formats?.[j]));
          row++;
        }
      }
      for (const note of block.notes ?? []) {
        ws.getCell(row, 1).value = note;
        row++;
      }
    });
    spec.widths?.forEach((w, j) => (ws.getColumn(j + 1).width = w));
    if (spec.freezeHeader && firstDataRow > 1) ws.views = [{ state: "frozen", ySplit: firstDataRow - 1 }];
  }

  /** Table names are unique per workbook and may not hold spaces or start with a digit. */
  private uniqueTableName(wanted: string): string {
    const base = wanted.replace(/[^\p{L}\p{N}_.]/gu, "_").replace(/^(?=[\p{N}.])/u, "_");
    const taken = new Set(this.book.worksheets.flatMap((ws) => ws.getTables().map((t) => (t as unknown as { name: string }).name)));
    let name = base;
    for (let i = 2; taken.has(name); i++) name = `${base}_${i}`;
    return name;
  }

  private highlight(h: HighlightSpec): void {
    const ws = this.sheet(h.sheet);
    ws.removeConditionalFormatting((cf: ExcelJS.ConditionalFormattingOptions) =>
      !cf.rules.some((r) => "formulae" in r && (r.formulae ?? []).some((f: unknown) => String(f).includes(HIGHLIGHT_MARKER))),
    );
    if (h.lastRow < h.firstRow) return;
    const ref = `A${h.firstRow}:${columnLetters(h.lastCol)}${h.lastRow}`;
    ws.addConditionalFormatting({
      ref,
      rules: h.rules.map((rule, i) => ({
        type: "expression",
        priority: i + 1,
        formulae: [rule.formula.replace(/^=/u, "")],
        style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: `FF${rule.fill.replace("#", "")}` } } },
      })),
    });
  }
}


export async function loadXlsx(path: string): Promise<XlsxWorkbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  return new XlsxWorkbook(book);
}

export async function loadXlsxBuffer(data: ArrayBuffer | Uint8Array): Promise<XlsxWorkbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(data as ArrayBuffer);
  return new XlsxWorkbook(book);
}

/** Adds a sheet with rows from A1, as a user pasting a list would (fixtures and the demo). */
export function pasteSheet(book: XlsxWorkbook, sheet: { name: string; rows: OutCell[][] }): void {
  const ws = book.book.addWorksheet(sheet.name);
  sheet.rows.forEach((row, i) => row.forEach((v, j) => v !== null && setCell(ws, i + 1, j + 1, v)));
}

/** A new workbook with the given sheets, rows written from A1 (used by fixtures and the demo). */
export function buildXlsx(sheets: { name: string; rows: OutCell[][] }[]): XlsxWorkbook {
  const book = new XlsxWorkbook(new ExcelJS.Workbook());
  for (const s of sheets) pasteSheet(book, s);
  return book;
}
