/**
 * Reading for the Office adapter, in one Excel.run:
 * 1. one sync loads every sheet's used range with its dimensions, values and formats, where its
 *    formulas are, its merged areas (ExcelApi 1.13) and the 1904 date system (ExcelApi 1.16);
 * 2. only when formula cells exist, one sync for their text (SheetGrid.formulas);
 * 3. a sheet whose values came back null (recent Excel's answer above its 5,000,000-cell read
 *    limit, office-js #4783 / #6781) — or every sheet, when the response was rejected as too large
 *    (Excel on the web: 5 MB; some builds say GeneralException) and only the dimensions were read —
 *    is read in row blocks of at most `readChunkCells` cells, halved on every rejection.
 */
import type { SheetGrid } from "../../domain/grid";
import { cellAddress } from "../../domain/schema/table";
import { HostError, isPayloadError, lower, toRaw } from "./values";

/** What reading needs from the adapter: Excel.run, its options, the chunk size and the host's API level. */
export interface ExcelReader {
  run: typeof Excel.run;
  runOptions: (forWrite: boolean) => Excel.RunOptions;
  readChunkCells: number;
  isSetSupported: (name: string, version: string) => boolean;
}

/** More separate formula areas than this on one sheet are not read (a formula in every other row of a list). */
const MAX_FORMULA_AREAS = 2_000;
/** A read of more cells than this that fails with GeneralException is retried smaller. */
const LARGE_READ_CELLS = 50_000;

export const DATE_1904_MESSAGE =
  "このブックは 1904 年から日付を数える設定（1904 年日付システム）になっているため、日付を正しく読めません。Excel の［ファイル］›［オプション］›［詳細設定］で「1904 年から計算する」をオフにしてから実行してください。";

interface Piece {
  grid: SheetGrid;
  sheet: string;
  row: number;
  col: number;
  rows: number;
  cols: number;
  /** Index in grid.values of the piece's first row. */
  at: number;
}

/** Parses `'マスタ'!A1:C2,'マスタ'!E5` into 1-based inclusive areas. */
export function parseAreas(address: string): { top: number; left: number; bottom: number; right: number }[] {
  const out: { top: number; left: number; bottom: number; right: number }[] = [];
  for (const part of address.split(",")) {
    const bare = part.slice(part.lastIndexOf("!") + 1).replace(/\$/g, "").trim();
    const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(bare);
    if (!m) continue;
    const col = (s: string): number => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    out.push({ top: Number(m[2]), left: col(m[1]), bottom: Number(m[4] ?? m[2]), right: col(m[3] ?? m[1]) });
  }
  return out;
}

export async function readSheets(excel: ExcelReader, names: string[]): Promise<Map<string, SheetGrid>> {
  const { run, runOptions } = excel;
  const unique = [...new Map(names.map((n) => [lower(n), n])).values()];
  const out = new Map<string, SheetGrid>();
  if (unique.length === 0) return out;
  const merges = excel.isSetSupported("ExcelApi", "1.13");
  const date1904 = excel.isSetSupported("ExcelApi", "1.16");
  await run(runOptions(false), async (ctx) => {
    const workbook = ctx.workbook as Excel.Workbook & { use1904DateSystem?: boolean };
    // 1. One request: each sheet's used range with its dimensions, values and formats; where its
    //    formulas are (ExcelApi 1.9) and its merged areas (1.13); the date system (1.16).
    const probes = unique.map((name) => {
      const sheet = ctx.workbook.worksheets.getItemOrNullObject(name);
      sheet.load("name");
      // valuesOnly: formatting alone (e.g. a coloured column) does not stretch the grid.
      const used = sheet.getUsedRangeOrNullObject(true);
      used.load("rowIndex,columnIndex,rowCount,columnCount,values,numberFormat");
      const withFormulas = used.getSpecialCellsOrNullObject("Formulas").load("address,areaCount");
      // Merged areas anywhere on the sheet: a merge right of the values still blocks new columns.
      const merged = merges ? sheet.getRange().getMergedAreasOrNullObject().load("address") : null;
      // Without that API (ExcelApi < 1.13), the used range with formats is where merges may be.
      const formatted = merges ? null : sheet.getUsedRangeOrNullObject(false).load("columnIndex,columnCount");
      return { name, sheet, used, withFormulas, merged, formatted };
    });
    if (date1904) workbook.load("use1904DateSystem");
    let whole = true;
    try {
      await ctx.sync();
    } catch (e) {
      // Too large for one response: read the dimensions alone, then the cells in blocks.
      if (!isPayloadError(e, true)) throw e;
      whole = false;
      for (const p of probes) p.sheet.load("name");
      for (const p of probes) p.used.load("rowIndex,columnIndex,rowCount,columnCount");
      for (const p of probes) p.withFormulas.load("address,areaCount");
      for (const p of probes) p.merged?.load("address");
      for (const p of probes) p.formatted?.load("columnIndex,columnCount");
      if (date1904) workbook.load("use1904DateSystem");
      await ctx.sync();
    }
    if (date1904 && workbook.use1904DateSystem) throw new HostError(DATE_1904_MESSAGE);

    let pieces: Piece[] = [];
    const formulaAreas: { grid: SheetGrid; sheet: string; address: string }[] = [];
    for (const { name, sheet, used, withFormulas, merged, formatted } of probes) {
      if (sheet.isNullObject) continue;
      const areas = merged && !merged.isNullObject ? parseAreas(merged.address) : undefined;
      const extra = {
        ...(areas ? { merges: areas } : {}),
        ...(formatted && !formatted.isNullObject ? { formattedRight: formatted.columnIndex + formatted.columnCount } : {}),
      };
      if (used.isNullObject) {
        out.set(name, { name: sheet.name, top: 1, left: 1, values: [], formats: [], ...extra });
        continue;
      }
      // Above the cell limit recent Excel answers null instead of failing: read that sheet in blocks.
      const complete = whole && used.values !== null && used.numberFormat !== null;
      const grid: SheetGrid = {
        name: sheet.name,
        top: used.rowIndex + 1,
        left: used.columnIndex + 1,
        values: complete ? used.values.map((row) => row.map(toRaw)) : new Array(used.rowCount),
        formats: complete ? used.numberFormat.map((row) => row.map(String)) : new Array(used.rowCount),
        ...extra,
      };
      out.set(name, grid);
      if (!complete) {
        pieces.push({ grid, sheet: sheet.name, row: used.rowIndex, col: used.columnIndex, rows: used.rowCount, cols: used.columnCount, at: 0 });
      }
      if (!withFormulas.isNullObject && withFormulas.areaCount <= MAX_FORMULA_AREAS) {
        formulaAreas.push({ grid, sheet: sheet.name, address: withFormulas.address });
      }
    }

    // 2. Only when there are formulas: their text, one request for every sheet.
    if (formulaAreas.length > 0) {
      const loads = formulaAreas.flatMap((f) =>
        f.address.split(",").map((a) => ({ f, range: ctx.workbook.worksheets.getItem(f.sheet).getRange(a.slice(a.lastIndexOf("!") + 1)).load("formulas,rowIndex,columnIndex") })),
      );
      await ctx.sync();
      for (const { f, range } of loads) {
        range.formulas.forEach((row, r) =>
          row.forEach((text, c) => {
            if (typeof text === "string" && text.startsWith("=")) (f.grid.formulas ??= {})[cellAddress(range.rowIndex + r + 1, range.columnIndex + c + 1)] = text;
          }),
        );
      }
    }

    // 3. Sheets too large for one response: blocks of at most `readChunkCells` cells, batched.
    const chunk = (p: Piece, cells: number): Piece[] => {
      const step = Math.max(1, Math.floor(cells / p.cols));
      const parts: Piece[] = [];
      for (let r = 0; r < p.rows; r += step) parts.push({ ...p, row: p.row + r, rows: Math.min(step, p.rows - r), at: p.at + r });
      return parts;
    };
    let cellBudget = excel.readChunkCells;
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
      let rejected: boolean;
      try {
        await ctx.sync();
        rejected = ranges.some((r) => r.values === null || r.numberFormat === null);
      } catch (e) {
        if (!isPayloadError(e, cells > LARGE_READ_CELLS)) throw e;
        rejected = true;
      }
      if (rejected) {
        if (batch.length === 1 && batch[0].rows === 1) throw new HostError("シートの1行が大きすぎて Excel から読み込めません。");
        cellBudget = Math.max(1, Math.floor(Math.min(cellBudget, cells) / 2));
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
  return out;
}

