/**
 * `--engine office-sim`: runs a command through the task pane's own adapter (src/workbook/office)
 * against the simulated Excel host, loaded from the book the CLI opened.
 *
 * Reads come from the simulated host only, so every figure is computed from what the Office adapter
 * read (chunking, number formats, formulas, merges as Excel would return them). Every batch the
 * command commits is applied to the simulated host through the Office adapter and then to the xlsx
 * book, which the CLI saves with its usual surgical save: the file on disk is written by one code
 * path whichever engine ran.
 */
import type { OutCell } from "../../domain/cell";
import { isoToSerial } from "../../domain/dates";
import type { SheetGrid } from "../../domain/grid";
import type { WriteBatch } from "../../domain/writes";
import { createOfficeWorkbook } from "../office/adapter";
import type { WorkbookPort } from "../port";
import { createFakeExcel, type FakeExcel, type SyncRecord } from "./host";
import { GENERAL, cellKey, newSheet, type FakeBook, type FakeSheet } from "./model";
import { PLATFORMS, type PlatformName } from "./platforms";

export interface SimulatedEngineOptions {
  /** Excel on the web's limits (5 MB per request and per response, GeneralException on large requests). */
  web?: boolean;
  /** Which Excel the host pretends to be (default: Microsoft 365 on Windows, or the web with `web`). */
  platform?: PlatformName;
}

export interface SimulatedEngine {
  /** The port a command runs on: reads through the Office adapter, writes to both books. */
  port: WorkbookPort;
  host: FakeExcel;
  /** Adds a sheet as a user pasting a list would (the demo's rounds), to both books. */
  paste(sheet: { name: string; rows: OutCell[][] }, mirror: (s: { name: string; rows: OutCell[][] }) => void): void;
  /** Round trips and the largest request and response, for `--stats`. */
  stats(): EngineStats;
}

/** Round trips of a run, and the largest request and response Excel accepted. */
export interface EngineStats {
  runs: number;
  syncs: number;
  failedSyncs: number;
  maxRequestBytes: number;
  maxResponseBytes: number;
}

/** Fills a simulated sheet from a grid as the xlsx adapter read it (values, formats, formulas, merges). */
export function fillSheet(sheet: FakeSheet, grid: SheetGrid): void {
  grid.values.forEach((row, r) =>
    row.forEach((v, c) => {
      const fmt = grid.formats?.[r]?.[c] ?? GENERAL;
      if ((v === null || v === "") && fmt === GENERAL) return;
      sheet.cells.set(cellKey(grid.top - 1 + r, grid.left - 1 + c), { value: v ?? "", numberFormat: fmt });
    }),
  );
  for (const [address, formula] of Object.entries(grid.formulas ?? {})) {
    const m = /^([A-Z]+)(\d+)$/.exec(address);
    if (!m) continue;
    let col = 0;
    for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
    const key = cellKey(Number(m[2]) - 1, col - 1);
    const cell = sheet.cells.get(key) ?? { value: "", numberFormat: GENERAL };
    sheet.cells.set(key, { ...cell, formula });
  }
  for (const m of grid.merges ?? []) {
    sheet.merges.push({ row: m.top - 1, col: m.left - 1, rows: m.bottom - m.top + 1, cols: m.right - m.left + 1 });
  }
}

/** Copies every sheet of `source` into a new simulated book. */
export async function loadSimulatedBook(source: WorkbookPort): Promise<FakeBook> {
  const names = await source.listSheets();
  const grids = await source.readSheets(names);
  const book: FakeBook = { sheets: [], activeSheetId: 0, nextId: 1 };
  for (const name of names) {
    const sheet = newSheet(book, name);
    const grid = grids.get(name);
    if (grid) fillSheet(sheet, grid);
    book.sheets.push(sheet);
  }
  if (book.sheets.length > 0) book.activeSheetId = book.sheets[0].id;
  return book;
}

/** Builds the simulated host from `mirror` and a port that runs the Office adapter on it. */
export async function createSimulatedEngine(mirror: WorkbookPort, opts: SimulatedEngineOptions = {}): Promise<SimulatedEngine> {
  const platform = PLATFORMS[opts.platform ?? (opts.web ? "web" : "m365")];
  const host = createFakeExcel(await loadSimulatedBook(mirror), platform.host);
  const office = createOfficeWorkbook(host.Excel.run, {
    isSetSupported: platform.isSetSupported,
    payloadBudgetBytes: platform.payloadBudgetBytes,
  });
  const port: WorkbookPort = {
    listSheets: () => office.listSheets(),
    readSheets: (names) => office.readSheets(names),
    commit: async (batch: WriteBatch) => {
      await office.commit(batch);
      await mirror.commit(batch);
    },
  };
  return {
    port,
    host,
    paste(sheet, mirrorPaste) {
      const fake = newSheet(host.book, sheet.name);
      fillSheet(fake, {
        name: sheet.name,
        top: 1,
        left: 1,
        values: sheet.rows.map((r) => r.map((v) => (v !== null && typeof v === "object" ? null : v))),
      });
      // Dates in pasted lists are DateOut objects: stored as serials with a date format, as Excel would.
      sheet.rows.forEach((r, i) =>
        r.forEach((v, j) => {
          if (v !== null && typeof v === "object") {
            fake.cells.set(cellKey(i, j), { value: isoToSerial(v.date), numberFormat: "yyyy/m/d" });
          }
        }),
      );
      host.book.sheets.push(fake);
      mirrorPaste(sheet);
    },
    stats: () => statsOf(host.stats.runs, host.stats.requests),
  };
}

function statsOf(runs: number, requests: SyncRecord[]): EngineStats {
  return {
    runs,
    syncs: requests.length,
    failedSyncs: requests.filter((r) => !r.ok).length,
    // What Excel accepted and sent: a rejected response is never delivered (the adapter reads smaller).
    maxRequestBytes: requests.reduce((m, r) => (r.ok ? Math.max(m, r.requestBytes) : m), 0),
    maxResponseBytes: requests.reduce((m, r) => (r.ok ? Math.max(m, r.responseBytes) : m), 0),
  };
}

/** One line for stderr: `Excel.run 4 回, 往復 9 回（失敗 1）, 最大要求 1.20 MB, 最大応答 3.10 MB`. */
export function formatEngineStats(s: EngineStats, platform: string): string {
  const mb = (b: number): string => `${(b / 1024 / 1024).toFixed(2)} MB`;
  return `office-sim（${platform}）: Excel.run ${s.runs} 回, 往復 ${s.syncs} 回（失敗 ${s.failedSyncs}）, 最大要求 ${mb(s.maxRequestBytes)}, 最大応答 ${mb(s.maxResponseBytes)}`;
}
