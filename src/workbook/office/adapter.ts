/**
 * The Office.js implementation of WorkbookPort (the task pane's adapter).
 *
 * Round trips are what make Office.js slow, so the adapter keeps them constant in the row count:
 * - listSheets: 1 sync; readSheets: 1 sync for any number of sheets (a chunked fallback runs only
 *   when Excel rejects the response as too large);
 * - commit: 1 sync to look at the target sheets (existence, used range, tables, charts, our
 *   conditional formats) plus 1 sync for all writes, unless the writes exceed the payload budget;
 *   then they are split into row chunks (about `payloadBudgetBytes` each), and a request that Excel
 *   still rejects with RequestPayloadSizeLimitExceeded is retried with half the budget.
 *
 * Only ExcelApi <= 1.9 members are used (getItemOrNullObject / getUsedRangeOrNullObject 1.4,
 * conditional formats 1.6, getRangeByIndexes / freezePanes 1.7); `mergeUndoGroup` (ExcelApi 1.20)
 * is requested only when the host reports that requirement set.
 *
 * Strings are always written as text: every non-empty string is sent with a leading apostrophe,
 * which Excel treats as the "this is text" prefix (it is not stored in the value). That keeps
 * `=SUM(A1)`, `+81…`, `-`, `@…` from becoming formulas and `00123` / `2024-10` from becoming numbers
 * or dates, without touching the cell's number format.
 */
import { isDateOut, type OutCell, type RawCell } from "../../domain/cell";
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
import { isoToSerial } from "../../domain/dates";
import { cellAddress } from "../../domain/schema/table";

export type ExcelRun = typeof Excel.run;

export interface OfficeWorkbookOptions {
  /** Target size of one write request in bytes (default 2 MB; Excel on the web rejects > 5 MB). */
  payloadBudgetBytes?: number;
  /** Cells per load when a sheet is too large for one response (default 200,000). */
  readChunkCells?: number;
  /**
   * Requirement-set probe; defaults to `Office.context.requirements.isSetSupported` when Office is
   * loaded. Used to decide whether `mergeUndoGroup` (ExcelApi 1.20) may be passed to Excel.run.
   */
  isSetSupported?: (name: string, version: string) => boolean;
  /** Group all syncs of one commit into one undo step when ExcelApi 1.20 is available (default true). */
  mergeUndoGroup?: boolean;
}

const DEFAULT_BUDGET = 2 * 1024 * 1024;
const MIN_BUDGET = 4 * 1024;
/** Rough size of one queued operation's object path and envelope in a request. */
const OP_OVERHEAD = 300;
const DEFAULT_DATE_FORMAT = "yyyy/m/d";

const utf8 = new TextEncoder();
const byteLength = (s: string): number => utf8.encode(s).length;

const PAYLOAD_CODES = new Set(["RequestPayloadSizeLimitExceeded", "ResponsePayloadSizeLimitExceeded"]);
function isPayloadError(e: unknown): boolean {
  if (typeof e !== "object" || e === null) return false;
  const err = e as { code?: unknown; message?: unknown };
  return (
    (typeof err.code === "string" && PAYLOAD_CODES.has(err.code)) ||
    (typeof err.message === "string" && /payload size/i.test(err.message))
  );
}

/** A cell as sent to Excel through `Range.values`. */
type ExcelInput = string | number | boolean;

/** Converts an OutCell to what `values` needs: strings escaped as text, dates as serials. */
export function toExcelInput(v: OutCell): ExcelInput {
  if (v === null) return "";
  if (typeof v === "string") return v === "" ? "" : `'${v}`;
  if (typeof v === "number") return Number.isFinite(v) ? v : "";
  if (typeof v === "boolean") return v;
  if (isDateOut(v)) {
    // A date Excel cannot hold (before 1900) is written as its text rather than lost.
    const serial = isoToSerial(v.date);
    return Number.isNaN(serial) ? `'${v.date}` : serial;
  }
  throw new Error(`unsupported cell value ${JSON.stringify(v)}`);
}

/** Column width in points for a width in characters (Calibri 11: 7 px a character + 5 px). */
const pointsForChars = (chars: number): number => Math.round((chars * 7 + 5) * 0.75 * 100) / 100;

const lower = (s: string): string => s.toLowerCase();

function defaultIsSetSupported(name: string, version: string): boolean {
  const office = (globalThis as { Office?: typeof Office }).Office;
  try {
    return office?.context?.requirements?.isSetSupported(name, version) === true;
  } catch {
    return false;
  }
}

// ---- write units ------------------------------------------------------------------------------

/** One piece of a commit: queues operations on a context; row blocks can be cut in two. */
interface Unit {
  bytes: number;
  apply(ctx: Excel.RequestContext): void;
  /** Cuts off a head of at most `bytes` estimated bytes; null when no such head exists. */
  splitAt?(bytes: number): [Unit, Unit] | null;
}

const op = (bytes: number, apply: (ctx: Excel.RequestContext) => void): Unit => ({
  bytes: bytes + OP_OVERHEAD,
  apply,
});

/** A block of values at a 0-based position, with optional per-column formats. */
interface GridWrite {
  sheet: string;
  row0: number;
  col0: number;
  cells: OutCell[][];
  /** Per column; undefined = leave the format alone (dates still get DEFAULT_DATE_FORMAT). */
  formats?: (string | undefined)[];
  bold?: boolean;
}

/** One unit for a whole grid write; the packer cuts it into row chunks that fit a request. */
function gridUnits(w: GridWrite): Unit[] {
  const width = w.cells.reduce((m, r) => Math.max(m, r.length), 0);
  if (w.cells.length === 0 || width === 0) return [];
  const inputs = w.cells.map((r) => {
    const row = r.map(toExcelInput);
    while (row.length < width) row.push("");
    return row;
  });
  const fmtBytes = (w.formats ?? []).reduce((n, f) => n + (f === undefined ? 0 : byteLength(f) + 6), 0);
  // prefix[i] = estimated bytes of rows [0, i)
  const prefix = [0];
  inputs.forEach((r, i) => {
    const dates = w.cells[i].reduce<number>((n, c, j) => n + (isDateOut(c) && w.formats?.[j] === undefined ? 20 : 0), 0);
    prefix.push(prefix[i] + byteLength(JSON.stringify(r)) + 1 + fmtBytes + dates);
  });
  const overhead = OP_OVERHEAD * (2 + width);
  const segment = (a: number, z: number): Unit => ({
    bytes: overhead + prefix[z] - prefix[a],
    apply: (ctx) => queueGrid(ctx, w, inputs, width, a, z),
    splitAt: (bytes) => {
      // Largest e in (a, z) with overhead + rows [a, e) <= bytes.
      let lo = a;
      let hi = z - 1;
      while (lo < hi) {
        const mid = Math.ceil((lo + hi) / 2);
        if (overhead + prefix[mid] - prefix[a] <= bytes) lo = mid;
        else hi = mid - 1;
      }
      return lo > a ? [segment(a, lo), segment(lo, z)] : null;
    },
  });
  return [segment(0, inputs.length)];
}

/** Queues formats then values for rows [from, to) of a grid write. */
function queueGrid(
  ctx: Excel.RequestContext,
  w: GridWrite,
  inputs: ExcelInput[][],
  width: number,
  from: number,
  to: number,
): void {
  const ws = ctx.workbook.worksheets.getItem(w.sheet);
  const n = to - from;
  const top = w.row0 + from;
  for (let c = 0; c < width; c++) {
    const fmt = w.formats?.[c];
    if (fmt !== undefined) {
      ws.getRangeByIndexes(top, w.col0 + c, n, 1).numberFormat = Array.from({ length: n }, () => [fmt]);
      continue;
    }
    // No column format: give date cells a date format, run by run, leaving other cells alone.
    let r = from;
    while (r < to) {
      if (!isDateOut(w.cells[r][c])) {
        r++;
        continue;
      }
      const start = r;
      while (r < to && isDateOut(w.cells[r][c])) r++;
      ws.getRangeByIndexes(w.row0 + start, w.col0 + c, r - start, 1).numberFormat = Array.from(
        { length: r - start },
        () => [DEFAULT_DATE_FORMAT],
      );
    }
  }
  const range = ws.getRangeByIndexes(top, w.col0, n, width);
  range.values = inputs.slice(from, to);
  if (w.bold) range.format.font.bold = true;
}

// ---- what the prepare sync finds out ----------------------------------------------------------

interface SheetProbe {
  sheet: Excel.Worksheet;
  tables?: Excel.TableCollection;
  charts?: Excel.ChartCollection;
  used?: Excel.Range;
  conditionalFormats?: Excel.ConditionalFormatCollection;
}

// ---- the adapter ------------------------------------------------------------------------------

export function createOfficeWorkbook(run: ExcelRun, opts: OfficeWorkbookOptions = {}): WorkbookPort {
  const budget0 = opts.payloadBudgetBytes ?? DEFAULT_BUDGET;
  const readChunkCells = opts.readChunkCells ?? 200_000;
  const isSetSupported = opts.isSetSupported ?? defaultIsSetSupported;

  const runOptions = (forWrite: boolean): Excel.RunOptions => {
    const o: Excel.RunOptions = { delayForCellEdit: true };
    if (forWrite && opts.mergeUndoGroup !== false && isSetSupported("ExcelApi", "1.20")) o.mergeUndoGroup = true;
    return o;
  };

  async function listSheets(): Promise<string[]> {
    return run(runOptions(false), async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      sheets.load("items/name");
      await ctx.sync();
      return sheets.items.map((s) => s.name);
    });
  }

  async function readSheets(names: string[]): Promise<Map<string, SheetGrid>> {
    const unique = [...new Map(names.map((n) => [lower(n), n])).values()];
    const out = new Map<string, SheetGrid>();
    if (unique.length === 0) return out;
    try {
      await run(runOptions(false), async (ctx) => {
        const probes = unique.map((name) => {
          const sheet = ctx.workbook.worksheets.getItemOrNullObject(name);
          sheet.load("name");
          // valuesOnly: formatting alone (e.g. a coloured column) does not stretch the grid.
          const used = sheet.getUsedRangeOrNullObject(true);
          used.load("values,numberFormat,rowIndex,columnIndex");
          return { name, sheet, used };
        });
        await ctx.sync();
        for (const { name, sheet, used } of probes) {
          if (sheet.isNullObject) continue;
          out.set(
            name,
            used.isNullObject
              ? { name: sheet.name, top: 1, left: 1, values: [], formats: [] }
              : {
                  name: sheet.name,
                  top: used.rowIndex + 1,
                  left: used.columnIndex + 1,
                  values: used.values.map((row) => row.map(toRaw)),
                  formats: used.numberFormat.map((row) => row.map(String)),
                },
          );
        }
      });
      return out;
    } catch (e) {
      if (!isPayloadError(e)) throw e;
    }
    out.clear();
    await readSheetsChunked(unique, out);
    return out;
  }

  /** Fallback when one response would be too large: read sizes first, then rows in chunks. */
  async function readSheetsChunked(names: string[], out: Map<string, SheetGrid>): Promise<void> {
    await run(runOptions(false), async (ctx) => {
      const probes = names.map((name) => {
        const sheet = ctx.workbook.worksheets.getItemOrNullObject(name);
        sheet.load("name");
        const used = sheet.getUsedRangeOrNullObject(true);
        used.load("rowIndex,columnIndex,rowCount,columnCount");
        return { name, sheet, used };
      });
      await ctx.sync();
      interface Piece {
        grid: SheetGrid;
        sheet: string;
        row: number;
        col: number;
        rows: number;
        cols: number;
        at: number;
      }
      let pieces: Piece[] = [];
      let cellBudget = readChunkCells;
      for (const { name, sheet, used } of probes) {
        if (sheet.isNullObject) continue;
        if (used.isNullObject) {
          out.set(name, { name: sheet.name, top: 1, left: 1, values: [], formats: [] });
          continue;
        }
        const grid: SheetGrid = {
          name: sheet.name,
          top: used.rowIndex + 1,
          left: used.columnIndex + 1,
          values: new Array(used.rowCount),
          formats: new Array(used.rowCount),
        };
        out.set(name, grid);
        pieces.push({ grid, sheet: sheet.name, row: used.rowIndex, col: used.columnIndex, rows: used.rowCount, cols: used.columnCount, at: 0 });
      }
      const chunk = (p: Piece, cells: number): Piece[] => {
        const step = Math.max(1, Math.floor(cells / p.cols));
        const parts: Piece[] = [];
        for (let r = 0; r < p.rows; r += step) {
          parts.push({ ...p, row: p.row + r, rows: Math.min(step, p.rows - r), at: p.at + r });
        }
        return parts;
      };
      pieces = pieces.flatMap((p) => chunk(p, cellBudget));
      let next = 0;
      while (next < pieces.length) {
        const batch: Piece[] = [];
        let cells = 0;
        while (next < pieces.length && (batch.length === 0 || cells + pieces[next].rows * pieces[next].cols <= cellBudget)) {
          const p = pieces[next++];
          cells += p.rows * p.cols;
          batch.push(p);
        }
        const ranges = batch.map((p) => {
          const range = ctx.workbook.worksheets.getItem(p.sheet).getRangeByIndexes(p.row, p.col, p.rows, p.cols);
          range.load("values,numberFormat");
          return range;
        });
        try {
          await ctx.sync();
        } catch (e) {
          const single = batch.length === 1 && batch[0].rows === 1;
          if (!isPayloadError(e) || single) throw e;
          cellBudget = Math.max(1, Math.floor(cellBudget / 2));
          // Re-cut everything still to read, not just this batch: the queued pieces were cut for the
          // old budget and would each be rejected in turn.
          pieces = [...batch, ...pieces.slice(next)].flatMap((p) => chunk(p, cellBudget));
          next = 0;
          continue;
        }
        batch.forEach((p, i) => {
          ranges[i].values.forEach((row, r) => {
            p.grid.values[p.at + r] = row.map(toRaw);
            (p.grid.formats as string[][])[p.at + r] = ranges[i].numberFormat[r].map(String);
          });
        });
      }
    });
  }

  async function commit(batch: WriteBatch): Promise<void> {
    const ranges = batch.ranges ?? [];
    const appends = batch.appends ?? [];
    const sheets = batch.sheets ?? [];
    const highlights = batch.highlights ?? [];
    if (ranges.length + appends.length + sheets.length + highlights.length === 0) return;

    await run(runOptions(true), async (ctx) => {
      const suspend = (): void => {
        const app = ctx.workbook.application as Excel.Application & { suspendApiCalculationUntilNextSync?: () => void };
        if (typeof app.suspendApiCalculationUntilNextSync === "function") app.suspendApiCalculationUntilNextSync();
      };

      // 1. Prepare: one sync to learn what exists on the sheets we append to, replace or highlight.
      const probes = new Map<string, SheetProbe>();
      const probe = (name: string): SheetProbe => {
        let p = probes.get(lower(name));
        if (!p) {
          const sheet = ctx.workbook.worksheets.getItemOrNullObject(name);
          sheet.load("name");
          p = { sheet };
          probes.set(lower(name), p);
        }
        return p;
      };
      for (const g of sheets) {
        const p = probe(g.name);
        p.tables ??= p.sheet.tables.load("items/name");
        p.charts ??= p.sheet.charts.load("items/name");
      }
      for (const a of appends) {
        const p = probe(a.sheet);
        p.used ??= p.sheet.getUsedRangeOrNullObject(true).load("rowIndex,rowCount");
      }
      for (const h of highlights) {
        const p = probe(h.sheet);
        p.conditionalFormats ??= p.sheet
          .getRange()
          .conditionalFormats.load("items/type,items/customOrNullObject/rule/formula");
      }
      if (probes.size > 0) await ctx.sync();
      const exists = (name: string): boolean => {
        const p = probes.get(lower(name));
        return p !== undefined && !p.sheet.isNullObject;
      };
      for (const h of highlights) {
        if (!exists(h.sheet)) throw new Error(`cannot highlight: sheet ${h.sheet} does not exist`);
      }

      // 2. Build every write, in the port's order: ranges, appends, sheets, highlights.
      const units: Unit[] = [];
      for (const w of ranges) units.push(...rangeUnits(w));
      // Appends go below the used range as it will be after this batch's range writes.
      const appendNext = new Map<string, number>();
      for (const w of ranges) {
        const key = lower(w.sheet);
        if (!appends.some((a) => lower(a.sheet) === key) || w.values.length === 0) continue;
        const p = probes.get(key) as SheetProbe;
        if (p.sheet.isNullObject) continue;
        const used = !p.sheet.isNullObject && p.used && !p.used.isNullObject ? p.used.rowIndex + p.used.rowCount : 0;
        appendNext.set(key, Math.max(appendNext.get(key) ?? used, w.row - 1 + w.values.length));
      }
      for (const a of appends) units.push(...appendUnits(a, probes.get(lower(a.sheet)) as SheetProbe, appendNext));
      const generated = new Set(sheets.map((g) => lower(g.name)));
      for (const g of sheets) units.push(...generatedUnits(g, probes.get(lower(g.name)) as SheetProbe));
      for (const h of highlights) {
        units.push(...highlightUnits(h, probes.get(lower(h.sheet)) as SheetProbe, generated.has(lower(h.sheet))));
      }

      // 3. Send them in as few requests as the payload budget allows.
      await sendUnits(ctx, units, budget0, suspend);
    });
  }

  return { listSheets, readSheets, commit };
}

const toRaw = (v: unknown): RawCell => {
  if (v === "" || v === null || v === undefined) return null;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  return String(v);
};

/**
 * Packs units into requests of at most `budget` estimated bytes, cutting row blocks to fill each
 * request; when Excel still rejects a request as too large, the budget is halved and the same
 * units are packed again (a rejected request applies nothing).
 */
async function sendUnits(
  ctx: Excel.RequestContext,
  units: Unit[],
  initialBudget: number,
  beforeSync: () => void,
): Promise<void> {
  let budget = initialBudget;
  const queue = [...units];
  let i = 0;
  while (i < queue.length) {
    let j = i;
    let bytes = 0;
    while (j < queue.length) {
      const u = queue[j];
      const room = budget - bytes;
      if (u.bytes <= room) {
        bytes += u.bytes;
        j++;
        continue;
      }
      const parts = u.splitAt?.(room) ?? null;
      if (parts) {
        queue.splice(j, 1, parts[0], parts[1]);
        bytes += parts[0].bytes;
        j++;
      } else if (j === i) {
        // An indivisible unit larger than the budget goes alone.
        bytes += u.bytes;
        j++;
      }
      break;
    }
    beforeSync();
    for (let k = i; k < j; k++) queue[k].apply(ctx);
    try {
      await ctx.sync();
      i = j;
    } catch (e) {
      const indivisible = j - i === 1 && (queue[i].splitAt?.(Math.floor(queue[i].bytes / 2)) ?? null) === null;
      if (!isPayloadError(e) || budget <= MIN_BUDGET || indivisible) throw e;
      budget = Math.max(MIN_BUDGET, Math.floor(budget / 2));
    }
  }
}

function rangeUnits(w: RangeWrite): Unit[] {
  if (w.row < 1 || w.col < 1) throw new Error(`range write outside the sheet: ${w.sheet} R${w.row}C${w.col}`);
  return gridUnits({ sheet: w.sheet, row0: w.row - 1, col0: w.col - 1, cells: w.values, formats: w.formats });
}

function appendUnits(a: AppendRows, p: SheetProbe, next: Map<string, number>): Unit[] {
  const units: Unit[] = [];
  const key = lower(a.sheet);
  let row = next.get(key);
  if (row === undefined) {
    const exists = !p.sheet.isNullObject;
    if (!exists) units.push(op(byteLength(a.sheet), (ctx) => void ctx.workbook.worksheets.add(a.sheet)));
    const used = exists && p.used && !p.used.isNullObject ? p.used : undefined;
    if (used) row = used.rowIndex + used.rowCount;
    else {
      units.push(...gridUnits({ sheet: a.sheet, row0: 0, col0: 0, cells: [a.header], bold: true }));
      row = 1;
    }
  }
  units.push(...gridUnits({ sheet: a.sheet, row0: row, col0: 0, cells: a.rows, formats: a.formats }));
  next.set(key, row + a.rows.length);
  return units;
}

function generatedUnits(g: GeneratedSheet, p: SheetProbe): Unit[] {
  const units: Unit[] = [];
  const name = g.name;
  if (p.sheet.isNullObject) {
    units.push(op(byteLength(name), (ctx) => void ctx.workbook.worksheets.add(name)));
  } else {
    // Clear in place: deleting the sheet would also clear the user's undo stack.
    const tables = p.tables?.items ?? [];
    const charts = p.charts?.items ?? [];
    units.push(
      op(100 * (tables.length + charts.length), (ctx) => {
        for (const t of tables) t.delete();
        for (const c of charts) c.delete();
        const ws = ctx.workbook.worksheets.getItem(name);
        ws.getRange().conditionalFormats.clearAll();
        ws.getRange().clear("All");
        ws.freezePanes.unfreeze();
      }),
    );
  }

  let row = 0;
  let freezeAt = 0;
  const blockAt: { header: number; width: number }[] = [];
  g.blocks.forEach((b, bi) => {
    if (bi > 0) row++; // one blank row between blocks
    if (b.title !== undefined) {
      units.push(...gridUnits({ sheet: name, row0: row, col0: 0, cells: [[b.title]], bold: true }));
      row++;
    }
    const headerRow = row;
    const width = b.rows.reduce((m, r) => Math.max(m, r.length), b.header.length);
    units.push(...gridUnits({ sheet: name, row0: row, col0: 0, cells: [b.header], bold: true }));
    row++;
    if (bi === 0) freezeAt = row;
    units.push(...gridUnits({ sheet: name, row0: row, col0: 0, cells: b.rows, formats: b.formats }));
    row += b.rows.length;
    if (b.tableName !== undefined && b.rows.length > 0 && b.header.length > 0) {
      const tableName = b.tableName;
      const rows = b.rows.length;
      units.push(
        op(byteLength(tableName), (ctx) => {
          const ws = ctx.workbook.worksheets.getItem(name);
          const table = ws.tables.add(ws.getRangeByIndexes(headerRow, 0, rows + 1, width), true);
          table.name = tableName;
        }),
      );
    }
    blockAt.push({ header: headerRow, width });
    for (const note of b.notes ?? []) {
      units.push(...gridUnits({ sheet: name, row0: row, col0: 0, cells: [[note]] }));
      row++;
    }
  });

  const widths = g.widths ?? [];
  if (widths.length > 0 || g.freezeHeader) {
    units.push(
      op(20 * widths.length, (ctx) => {
        const ws = ctx.workbook.worksheets.getItem(name);
        widths.forEach((w, c) => {
          if (w !== undefined && w !== null && w > 0) ws.getRangeByIndexes(0, c, 1, 1).format.columnWidth = pointsForChars(w);
        });
        if (g.freezeHeader && freezeAt > 0) ws.freezePanes.freezeRows(freezeAt);
      }),
    );
  }

  const chart = g.chart;
  if (chart) {
    const block = g.blocks[chart.block];
    const at = blockAt[chart.block];
    if (!block || !at) throw new Error(`chart refers to missing block ${chart.block} on ${name}`);
    const cols = [chart.category, ...chart.series].map((h) => {
      const c = block.header.indexOf(h);
      if (c < 0) throw new Error(`chart column ${h} is not in block ${chart.block} of ${name}`);
      return c;
    });
    if (block.rows.length > 0) {
      // The source is the contiguous column span from the category to the last series, header
      // included; with seriesBy Columns Excel takes the first (category) column as the x axis.
      const first = Math.min(...cols);
      const last = Math.max(...cols);
      const rows = block.rows.length + 1;
      units.push(
        op(byteLength(chart.title), (ctx) => {
          const ws = ctx.workbook.worksheets.getItem(name);
          const source = ws.getRangeByIndexes(at.header, first, rows, last - first + 1);
          const added = ws.charts.add("Line", source, "Columns");
          added.title.text = chart.title;
          added.setPosition(cellAddress(at.header + 1, at.width + 2), cellAddress(at.header + 16, at.width + 9));
        }),
      );
    }
  }
  return units;
}


/** Our rule formulas always carry the marker so that the next run can find (and replace) them. */
function markedFormula(formula: string): string {
  if (formula.includes(HIGHLIGHT_MARKER)) return formula;
  const body = formula.startsWith("=") ? formula.slice(1) : formula;
  return `=AND(${body},"${HIGHLIGHT_MARKER}"<>"")`;
}

function highlightUnits(h: HighlightSpec, p: SheetProbe, clearedInBatch: boolean): Unit[] {
  const ours = clearedInBatch
    ? []
    : (p.conditionalFormats?.items ?? []).filter(
        (cf) =>
          cf.type === "Custom" &&
          !cf.customOrNullObject.isNullObject &&
          cf.customOrNullObject.rule.formula.includes(HIGHLIGHT_MARKER),
      );
  const rows = h.lastRow - h.firstRow + 1;
  const rules = rows > 0 && h.lastCol > 0 ? h.rules : [];
  return [
    op(
      rules.reduce((n, r) => n + byteLength(r.formula) + r.fill.length + 200, 40 * ours.length),
      (ctx) => {
        for (const cf of ours) cf.delete();
        if (rules.length === 0) return;
        const range = ctx.workbook.worksheets.getItem(h.sheet).getRangeByIndexes(h.firstRow - 1, 0, rows, h.lastCol);
        // Excel puts each new rule at the top priority, so add the last rule first.
        for (const rule of [...rules].reverse()) {
          const cf = range.conditionalFormats.add("Custom");
          cf.custom.rule.formula = markedFormula(rule.formula);
          cf.custom.format.fill.color = rule.fill;
        }
      },
    ),
  ];
}
