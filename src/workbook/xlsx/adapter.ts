/**
 * The ExcelJS adapter: a WorkbookPort over an in-memory ExcelJS workbook, used by the CLI and tests.
 * Writing updates the in-memory model (so a command can read what it wrote) and records the
 * writes in a SavePlan; a book loaded from a file is saved by applying that plan to the original
 * package (package/save.ts), so whatever ExcelJS does not model is kept byte for byte.
 */
import { readFile } from "node:fs/promises";
import ExcelJS from "exceljs";
import type { OutCell, RawCell } from "../../domain/cell";
import { isDateOut } from "../../domain/cell";
import { isOwnHighlightFormula, layoutSheet, markedFormula, printSetupOf, type PrintSetup } from "../../domain/writes";
import {
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
import { applySavePlan, SavePlan } from "./package/save";
import { readableCopy } from "./package/readable";

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
  let formulas: Record<string, string> | undefined;
  // Rows holding =SUM(…) / =SUBTOTAL(…): a total when they hold no office code (the engine decides).
  const sumRows: number[] = [];
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const vals: RawCell[] = [];
    const fmts: string[] = [];
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      const value = cell.value;
      if (value !== null && typeof value === "object" && ("formula" in value || "sharedFormula" in value)) {
        const text = cell.formula;
        if (text) (formulas ??= {})[cell.address] = `=${text}`;
      }
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
  const extra = { merges, ...(totals.length > 0 ? { totalsRows: totals } : {}), ...(formulas ? { formulas } : {}) };
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

/** Writes one cell of the model; false when Excel would discard the write (inside a merge). */
function setCell(ws: ExcelJS.Worksheet, row: number, col: number, v: OutCell, format?: string): boolean {
  const cell = ws.getCell(row, col);
  // ExcelJS redirects a write into a merged area to its top-left cell, overwriting what the user
  // wrote there; Excel itself discards values written to the other cells of a merge. Do as Excel.
  if (cell.isMerged && cell.master.address !== cell.address) return false;
  cell.value = toExcelValue(v);
  formatCell(cell, v, format);
  return true;
}

function lastUsedRow(ws: ExcelJS.Worksheet): number {
  let last = 0;
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    if (row.hasValues) last = r;
  });
  return last;
}

export class XlsxWorkbook implements WorkbookPort {
  /** Every write of this session, to be applied to `source` when saving. */
  readonly plan = new SavePlan();

  /** `source`: the bytes the book was loaded from (absent for books built in memory). */
  constructor(readonly book: ExcelJS.Workbook, readonly source?: Uint8Array) {}

  /**
   * The bytes to save: the original package with only this session's writes applied, or null when
   * they change nothing. A book built in memory has no original and is written whole by ExcelJS.
   */
  async saveBytes(): Promise<Uint8Array | null> {
    if (!this.source) return new Uint8Array(await this.book.xlsx.writeBuffer());
    return applySavePlan(this.source, this.plan);
  }

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
      rowValues.forEach((v, j) => {
        if (setCell(ws, w.row + i, w.col + j, v, w.formats?.[j])) this.plan.writeCell(w.sheet, w.row + i, w.col + j, { value: v, format: w.formats?.[j] });
      }),
    );
  }

  private append(a: AppendRows): void {
    let ws = this.book.getWorksheet(a.sheet);
    if (!ws) {
      ws = this.book.addWorksheet(a.sheet);
      a.header.forEach((h, j) => (ws!.getCell(1, j + 1).value = h));
      ws.getRow(1).font = { bold: true };
      ws.views = [{ state: "frozen", ySplit: 1 }];
      this.plan.createLog(a.sheet, a.header);
    }
    const start = Math.max(lastUsedRow(ws), 1) + 1;
    a.rows.forEach((rowValues, i) =>
      rowValues.forEach((v, j) => {
        if (setCell(ws!, start + i, j + 1, v, a.formats?.[j])) this.plan.writeCell(a.sheet, start + i, j + 1, { value: v, format: a.formats?.[j] });
      }),
    );
  }

  /** Removes the old sheet (if any) and builds the new one at the same tab position. */
  private replaceSheet(spec: GeneratedSheet): void {
    this.plan.replace(spec);
    const old = this.book.getWorksheet(spec.name);
    // ExcelJS orders tabs by the (untyped) orderNo; reusing the old one keeps the tab in place.
    const orderNo = (old as unknown as { orderNo?: number } | undefined)?.orderNo;
    if (old) this.book.removeWorksheet(old.id);
    const ws = this.book.addWorksheet(spec.name);
    if (orderNo !== undefined) (ws as unknown as { orderNo: number }).orderNo = orderNo;
    // layoutSheet's rows are 0-based; ExcelJS's are 1-based.
    const layout = layoutSheet(spec);
    spec.blocks.forEach((block, b) => {
      const at = layout.blocks[b];
      if (at.titleRow !== null) {
        ws.getCell(at.titleRow + 1, 1).value = block.title ?? "";
        ws.getCell(at.titleRow + 1, 1).font = { bold: true };
      }
      const headerRow = at.headerRow + 1;
      const dataRow = at.firstDataRow + 1;
      if (at.table !== null) {
        // A real Excel table (ListObject): filter buttons and banding, as the user would make it.
        ws.addTable({
          name: this.uniqueTableName(at.table),
          ref: `A${headerRow}`,
          headerRow: true,
          style: { theme: "TableStyleLight9", showRowStripes: true },
          columns: block.header.map((name) => ({ name, filterButton: true })),
          rows: block.rows.map((r) => r.map(toExcelValue)),
        });
        block.rows.forEach((values, i) => values.forEach((v, j) => formatCell(ws.getCell(dataRow + i, j + 1), v, block.formats?.[j])));
      } else {
        block.header.forEach((h, j) => {
          const cell = ws.getCell(headerRow, j + 1);
          cell.value = h;
          cell.font = { bold: true };
          cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } };
          cell.border = { bottom: { style: "thin" } };
        });
        block.rows.forEach((values, i) => values.forEach((v, j) => setCell(ws, dataRow + i, j + 1, v, block.formats?.[j])));
      }
      (block.notes ?? []).forEach((note, k) => (ws.getCell(at.noteRows[k] + 1, 1).value = note));
    });
    spec.widths?.forEach((w, j) => (ws.getColumn(j + 1).width = w));
    if (layout.freezeRows > 0) ws.views = [{ state: "frozen", ySplit: layout.freezeRows }];
    applyPrintSetup(ws, printSetupOf(spec, layout));
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
    this.plan.highlight(h);
    ws.removeConditionalFormatting((cf: ExcelJS.ConditionalFormattingOptions) =>
      !cf.rules.some((r) => "formulae" in r && (r.formulae ?? []).some((f: unknown) => isOwnHighlightFormula(String(f)))),
    );
    if (h.lastRow < h.firstRow) return;
    const ref = `A${h.firstRow}:${columnLetters(h.lastCol)}${h.lastRow}`;
    ws.addConditionalFormatting({
      ref,
      rules: h.rules.map((rule, i) => ({
        type: "expression",
        priority: i + 1,
        formulae: [markedFormula(rule.formula).replace(/^=/u, "")],
        style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: `FF${rule.fill.replace("#", "")}` } } },
      })),
    });
  }
}


export async function loadXlsx(path: string): Promise<XlsxWorkbook> {
  return loadXlsxBuffer(await readFile(path));
}

/**
 * Reads a book, keeping its bytes for a surgical save. When ExcelJS chokes on a part it does not
 * need for reading (openpyxl's comments or charts, threaded comments, pivot caches …), it reads a
 * copy without those parts instead: the book is never refused for what it holds besides cells.
 */
export async function loadXlsxBuffer(data: ArrayBuffer | Uint8Array): Promise<XlsxWorkbook> {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    return new XlsxWorkbook(book, bytes);
  } catch (first) {
    // First without what hangs off the sheets, then with the cells and merges alone.
    for (const cellsOnly of [false, true]) {
      try {
        const again = new ExcelJS.Workbook();
        await again.xlsx.load(readableCopy(bytes, cellsOnly) as unknown as ArrayBuffer);
        return new XlsxWorkbook(again, bytes);
      } catch {
        // try the next, plainer copy
      }
    }
    throw first;
  }
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

/** The print setup in ExcelJS's model (books written whole by ExcelJS: demo.xlsx, scratch copies). */
function applyPrintSetup(ws: ExcelJS.Worksheet, p: PrintSetup): void {
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9,
    orientation: p.landscape ? "landscape" : "portrait",
    fitToPage: true,
    fitToWidth: p.fitToWidth,
    fitToHeight: 0,
    ...(p.titleRows ? { printTitlesRow: `${p.titleRows.first}:${p.titleRows.last}` } : {}),
  };
  ws.headerFooter = { oddHeader: `&L${p.leftHeader}${p.rightHeader ? `&R${p.rightHeader}` : ""}`, oddFooter: `&C${p.centerFooter}` };
  for (const row of p.breaksAfter) ws.getRow(row).addPageBreak();
}
