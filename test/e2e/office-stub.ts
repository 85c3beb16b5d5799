/**
 * Stands in for office.js in the browser tests and the preview: defines `window.Office` (onReady
 * resolving with host Excel, requirement-set probe) and `window.Excel` backed by the in-memory
 * strict fake, loaded with the fictional demo workbook and the Payment Fund 登録状況 lists of its
 * first two rounds pasted as sheets. `window.__fake` exposes the model for assertions.
 */
import { isDateOut, type OutCell } from "../../src/domain/cell";
import { isoToSerial, serialToIso } from "../../src/domain/dates";
import { buildSampleBook } from "../../src/demo/sample";
import {
  buildBook,
  cellKey,
  createFakeExcel,
  dumpSheet,
  sheetOf,
  usedRect,
  type FakeCell,
  type SeedCell,
  type SheetSeed,
} from "../fake-excel";

const DATE_FORMAT = "yyyy/m/d";

function toSeed(name: string, rows: OutCell[][]): SheetSeed {
  const formats: (string | null)[][] = [];
  const cells: SeedCell[][] = rows.map((row, r) =>
    row.map((v, c) => {
      if (isDateOut(v)) {
        (formats[r] ??= [])[c] = DATE_FORMAT;
        return isoToSerial(v.date);
      }
      return v as SeedCell;
    }),
  );
  return { name, rows: cells, formats };
}

/** How many 登録状況 lists (rounds) are pasted into the book. */
export const PASTED_ROUNDS = 2;

const sample = buildSampleBook();
const seeds = [
  ...sample.sheets.map((s) => toSeed(s.name, s.rows)),
  ...sample.rounds.slice(0, PASTED_ROUNDS).map((r) => toSeed(r.list.name, r.list.rows)),
];
const fake = createFakeExcel(buildBook(seeds));

/** Optional artificial latency per Excel.run (to test キャンセル between steps). */
let delayMs = 0;
const run = (async (...args: unknown[]) => {
  if (delayMs > 0) await new Promise((r) => setTimeout(r, delayMs));
  return (fake.Excel.run as unknown as (...a: unknown[]) => Promise<unknown>)(...args);
}) as unknown as typeof Excel.run;

const w = window as unknown as Record<string, unknown>;
w.Excel = { run, createWorkbook: fake.Excel.createWorkbook };
// `?platform=Mac` plays Excel for Mac (whose web view drops downloads); default Excel on the web.
const platform = new URLSearchParams(window.location.search).get("platform") ?? "OfficeOnline";
w.Office = {
  HostType: { Excel: "Excel" },
  PlatformType: { OfficeOnline: "OfficeOnline", Mac: "Mac" },
  onReady(callback?: (info: { host: string; platform: string }) => void) {
    const info = { host: "Excel", platform };
    return new Promise((resolve) => {
      setTimeout(() => {
        callback?.(info);
        resolve(info);
      }, 0);
    });
  },
  context: {
    platform,
    diagnostics: { host: "Excel", platform, version: "16.0.18000.10000" },
    requirements: {
      // ExcelApi up to 1.17 by default, like a current Excel on the web without the newest sets; a
      // page may set `window.__excelApiMinor` before load (20: the undo-group path; 8: too old).
      // Versions compare part by part ("1.8" < "1.17"), not as decimals.
      isSetSupported: (name: string, version?: string) => {
        const [major, minor] = (version ?? "1.1").split(".").map(Number);
        const highest = typeof w.__excelApiMinor === "number" ? w.__excelApiMinor : 17;
        return name === "ExcelApi" && (major < 1 || (major === 1 && (minor ?? 0) <= highest));
      },
    },
  },
};

/** A cell as Excel would roughly show it (dates and percentages formatted), for the preview grid. */
function shown(cell: FakeCell | undefined): string {
  if (!cell || cell.value === "") return "";
  const { value, numberFormat } = cell;
  if (typeof value === "number") {
    if (/[yd]/i.test(numberFormat) && !/%/.test(numberFormat)) return serialToIso(value) ?? String(value);
    if (numberFormat.includes("%")) return `${(value * 100).toFixed(1)}%`;
    return Number.isInteger(value) ? value.toLocaleString("en-US") : String(value);
  }
  return String(value);
}

/** The first `maxRows` rows of a sheet from A1, formatted, plus the full row count. */
function view(name: string, maxRows: number): { rows: string[][]; totalRows: number } {
  const sheet = sheetOf(fake.book, name);
  const used = usedRect(sheet, true);
  if (!used) return { rows: [], totalRows: 0 };
  const totalRows = used.row + used.rows;
  const cols = used.col + used.cols;
  const rows: string[][] = [];
  for (let r = 0; r < Math.min(totalRows, maxRows); r++) {
    const row: string[] = [];
    for (let c = 0; c < cols; c++) row.push(shown(sheet.cells.get(cellKey(r, c))));
    rows.push(row);
  }
  return { rows, totalRows };
}

w.__fake = {
  view,
  book: fake.book,
  stats: fake.stats,
  sheetNames: () => fake.book.sheets.map((s) => s.name),
  dump: (name: string) => dumpSheet(fake.book, name),
  activeSheet: () => fake.book.sheets.find((s) => s.id === fake.book.activeSheetId)?.name ?? null,
  selection: () => fake.book.selection ?? null,
  /** Base64 of the workbooks opened with Excel.createWorkbook, in order. */
  created: () => [...fake.created],
  syncs: () => fake.stats.syncs,
  resetStats: () => fake.stats.reset(),
  setDelay: (ms: number) => {
    delayMs = ms;
  },
  /** Adds a sheet of literal rows at the end (as a user pasting a list). */
  addSheet: (name: string, rows: SeedCell[][]) => {
    const [sheet] = buildBook([{ name, rows }]).sheets;
    sheet.id = fake.book.nextId++;
    fake.book.sheets.push(sheet);
  },
  /** Removes a sheet (as a user deleting a tab). */
  removeSheet: (name: string) => {
    const i = fake.book.sheets.indexOf(sheetOf(fake.book, name));
    fake.book.sheets.splice(i, 1);
  },
  /** Renames a sheet (as a user renaming a tab). */
  renameSheet: (from: string, to: string) => {
    sheetOf(fake.book, from).name = to;
  },
  sample: { roundDates: sample.rounds.map((r) => r.asOf), listNames: sample.rounds.slice(0, PASTED_ROUNDS).map((r) => r.list.name) },
};
