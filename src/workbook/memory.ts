/**
 * An in-memory WorkbookPort over plain grids: values and number formats only (no comments,
 * formulas, styles, tables or charts). The task pane masks a copy of the open workbook here, so
 * that the workbook itself is never touched; tests use it as a small, exact port.
 *
 * Writes follow the other adapters: strings stay text, DateOut becomes an Excel serial number with
 * a date format (unless the write names a format), non-finite numbers and "" clear the cell.
 * Appended rows go below the last row that holds a value; generated sheets are replaced whole, laid
 * out like the ExcelJS adapter lays them out (title, header, rows, notes; a blank row between
 * blocks). Conditional formats are formatting, not values: they are kept in `highlights` for
 * inspection only.
 */
import { isDateOut, type OutCell, type RawCell } from "../domain/cell";
import { isoToSerial } from "../domain/dates";
import { layoutSheet } from "../domain/writes";
import type { AppendRows, GeneratedSheet, HighlightSpec, RangeWrite, ScratchWorkbook, ScratchWorkbookFactory, SheetGrid, WorkbookPort, WriteBatch } from "./port";
import { writeXlsx } from "./xlsx-writer";

const GENERAL = "General";
const DATE_FORMAT = "yyyy/m/d";

interface MemorySheet {
  name: string;
  /** Anchored at A1: values[r][c] is row r + 1, column c + 1. Rows may be ragged. */
  values: RawCell[][];
  formats: string[][];
}

/** Excel compares sheet names case-insensitively. */
const sameName = (a: string, b: string): boolean => a.toLocaleUpperCase("en-US") === b.toLocaleUpperCase("en-US");

function toRaw(v: OutCell): RawCell {
  if (v === null || v === "") return null;
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v === "string" || typeof v === "boolean") return v;
  if (isDateOut(v)) return isoToSerial(v.date);
  throw new Error(`unsupported cell value ${JSON.stringify(v)}`);
}

const isBlank = (v: RawCell | undefined): boolean => v === null || v === undefined || v === "";

export class MemoryWorkbook implements ScratchWorkbook {
  private readonly sheets: MemorySheet[] = [];
  /** Conditional formats committed so far (not applied: the memory book holds values only). */
  readonly highlights: HighlightSpec[] = [];

  /** Copies the grids (in tab order); later changes to either side do not reach the other. */
  constructor(grids: Iterable<SheetGrid> = []) {
    for (const grid of grids) {
      if (this.find(grid.name)) throw new Error(`duplicate sheet name: ${grid.name}`);
      const sheet = this.addSheet(grid.name);
      grid.values.forEach((row, r) =>
        row.forEach((v, c) => {
          if (!isBlank(v)) this.put(sheet, grid.top + r, grid.left + c, v);
          const f = grid.formats?.[r]?.[c];
          if (f !== undefined && f !== GENERAL) this.format(sheet, grid.top + r, grid.left + c, f);
        }),
      );
    }
  }

  /** Reads every sheet of another port into a new memory book (one listSheets, one readSheets). */
  static async copyOf(port: WorkbookPort): Promise<MemoryWorkbook> {
    const names = await port.listSheets();
    const grids = await port.readSheets(names);
    return new MemoryWorkbook(names.flatMap((n) => (grids.has(n) ? [grids.get(n)!] : [])));
  }

  async listSheets(): Promise<string[]> {
    return this.sheets.map((s) => s.name);
  }

  async readSheets(names: string[]): Promise<Map<string, SheetGrid>> {
    const out = new Map<string, SheetGrid>();
    for (const name of names) {
      const sheet = this.find(name);
      if (sheet) out.set(name, this.grid(sheet));
    }
    return out;
  }

  /** Every sheet's used range, in tab order. */
  grids(): SheetGrid[] {
    return this.sheets.map((s) => this.grid(s));
  }

  sheetNames(): string[] {
    return this.sheets.map((s) => s.name);
  }

  /** A values-only .xlsx (no comments, formulas, styles, hidden metadata: see xlsx-writer.ts). */
  toXlsx(): Uint8Array {
    return writeXlsx(this.grids());
  }

  async commit(batch: WriteBatch): Promise<void> {
    // Check first, so that a batch naming a missing sheet changes nothing.
    for (const w of batch.ranges ?? []) {
      if (!this.find(w.sheet)) throw new Error(`シート「${w.sheet}」がありません。`);
    }
    for (const w of batch.ranges ?? []) this.writeRange(w);
    for (const a of batch.appends ?? []) this.append(a);
    for (const s of batch.sheets ?? []) this.replaceSheet(s);
    this.highlights.push(...(batch.highlights ?? []).map((h) => structuredClone(h)));
  }

  // ---- internals ------------------------------------------------------------------------------

  private find(name: string): MemorySheet | undefined {
    return this.sheets.find((s) => sameName(s.name, name));
  }

  private addSheet(name: string, at = this.sheets.length): MemorySheet {
    const sheet: MemorySheet = { name, values: [], formats: [] };
    this.sheets.splice(at, 0, sheet);
    return sheet;
  }

  /** Stores a value at a 1-based cell. */
  private put(sheet: MemorySheet, row: number, col: number, v: RawCell): void {
    if (!Number.isInteger(row) || !Number.isInteger(col) || row < 1 || col < 1) {
      throw new Error(`invalid cell (${row}, ${col}) on ${sheet.name}`);
    }
    const cells = (sheet.values[row - 1] ??= []);
    while (cells.length < col - 1) cells.push(null);
    cells[col - 1] = v;
  }

  private format(sheet: MemorySheet, row: number, col: number, f: string): void {
    const cells = (sheet.formats[row - 1] ??= []);
    while (cells.length < col - 1) cells.push(GENERAL);
    cells[col - 1] = f;
  }

  /** Writes one OutCell with the adapters' rules for formats (a date gets a date format). */
  private set(sheet: MemorySheet, row: number, col: number, v: OutCell, format: string | undefined): void {
    this.put(sheet, row, col, toRaw(v));
    if (format !== undefined) this.format(sheet, row, col, format);
    else if (isDateOut(v)) this.format(sheet, row, col, DATE_FORMAT);
  }

  private writeRange(w: RangeWrite): void {
    const sheet = this.find(w.sheet)!;
    w.values.forEach((cells, i) => cells.forEach((v, j) => this.set(sheet, w.row + i, w.col + j, v, w.formats?.[j])));
  }

  private lastUsedRow(sheet: MemorySheet): number {
    for (let r = sheet.values.length - 1; r >= 0; r--) {
      if ((sheet.values[r] ?? []).some((v) => !isBlank(v))) return r + 1;
    }
    return 0;
  }

  private append(a: AppendRows): void {
    let sheet = this.find(a.sheet);
    if (!sheet) {
      sheet = this.addSheet(a.sheet);
      a.header.forEach((h, j) => this.set(sheet!, 1, j + 1, h, undefined));
    }
    const start = Math.max(this.lastUsedRow(sheet), 1) + 1;
    a.rows.forEach((cells, i) => cells.forEach((v, j) => this.set(sheet!, start + i, j + 1, v, a.formats?.[j])));
  }

  /** Replaces a generated sheet at the same tab position (new sheets go last). */
  private replaceSheet(spec: GeneratedSheet): void {
    const old = this.find(spec.name);
    const at = old ? this.sheets.indexOf(old) : this.sheets.length;
    if (old) this.sheets.splice(at, 1);
    const sheet = this.addSheet(spec.name, at);
    const { blocks } = layoutSheet(spec);
    spec.blocks.forEach((block, b) => {
      const at = blocks[b];
      // layoutSheet's rows are 0-based; the memory book's are 1-based like Excel's.
      if (at.titleRow !== null && block.title) this.set(sheet, at.titleRow + 1, 1, block.title, undefined);
      block.header.forEach((h, j) => this.set(sheet, at.headerRow + 1, j + 1, h, undefined));
      block.rows.forEach((cells, i) => cells.forEach((v, j) => this.set(sheet, at.firstDataRow + 1 + i, j + 1, v, block.formats?.[j])));
      (block.notes ?? []).forEach((note, i) => this.set(sheet, at.noteRows[i] + 1, 1, note, undefined));
    });
  }

  /** The used range (cells holding a value) as a rectangular grid with parallel formats. */
  private grid(sheet: MemorySheet): SheetGrid {
    let top = Infinity;
    let bottom = 0;
    let left = Infinity;
    let right = 0;
    sheet.values.forEach((cells, r) => {
      if (!cells) return;
      cells.forEach((v, c) => {
        if (isBlank(v)) return;
        top = Math.min(top, r + 1);
        bottom = Math.max(bottom, r + 1);
        left = Math.min(left, c + 1);
        right = Math.max(right, c + 1);
      });
    });
    if (bottom === 0) return { name: sheet.name, top: 1, left: 1, values: [], formats: [] };
    const values: RawCell[][] = [];
    const formats: string[][] = [];
    for (let r = top; r <= bottom; r++) {
      const vs: RawCell[] = [];
      const fs: string[] = [];
      for (let c = left; c <= right; c++) {
        const v = sheet.values[r - 1]?.[c - 1];
        vs.push(isBlank(v) ? null : (v as RawCell));
        fs.push(sheet.formats[r - 1]?.[c - 1] ?? GENERAL);
      }
      values.push(vs);
      formats.push(fs);
    }
    return { name: sheet.name, top, left, values, formats };
  }
}

/** The scratch workbook the composition roots hand to commands that build a copy (maskedCopy). */
export const memoryScratchWorkbook: ScratchWorkbookFactory = (source) => MemoryWorkbook.copyOf(source);
