/**
 * Reading for the Office adapter: the used ranges of any number of sheets in one sync; when Excel
 * rejects the response as too large, sizes first and then rows in chunks of about `readChunkCells`
 * cells (halved again on every rejection).
 */
import type { SheetGrid } from "../../domain/grid";
import { isPayloadError, lower, toRaw } from "./values";

/** What reading needs from the adapter: Excel.run, its options and the chunk size. */
export interface ExcelReader {
  run: typeof Excel.run;
  runOptions: (forWrite: boolean) => Excel.RunOptions;
  readChunkCells: number;
}

export async function readSheets(excel: ExcelReader, names: string[]): Promise<Map<string, SheetGrid>> {
  const { run, runOptions } = excel;
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
  await readSheetsChunked(excel, unique, out);
  return out;
}

/** Fallback when one response would be too large: read sizes first, then rows in chunks. */
async function readSheetsChunked(excel: ExcelReader, names: string[], out: Map<string, SheetGrid>): Promise<void> {
  const { run, runOptions } = excel;
  const readChunkCells = excel.readChunkCells;
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
