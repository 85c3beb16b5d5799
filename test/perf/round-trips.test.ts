/**
 * Round-trip and payload budgets of the Office.js adapter, asserted through the Excel fake's sync
 * counter (never through times): validate reads a 1,104-office master plus a 10k- or 100k-row
 * 支払基金 エラー明細 list in at most 3 context.sync() calls, and no write request ever exceeds
 * Excel on the web's 5 MB limit. The 300k-row case runs only in `npm run bench`.
 */
import { describe, expect, it } from "vitest";
import { validate } from "../../src/commands/validate";
import { RULES } from "../../src/domain/rules";
import { validateSheets } from "../../src/domain/validate";
import { createOfficeWorkbook } from "../../src/workbook/office";
import type { GeneratedSheet } from "../../src/workbook/port";
import { BENCH_AS_OF, ERRORS_SHEET, generateBenchBook, toFakeBook, toGrids, type BenchBook } from "../../bench/generate";
import { cellAt, createFakeExcel, dumpSheet, formatAddress } from "../fake-excel";

const MB5 = 5 * 1024 * 1024;
/** Desktop Excel has no 5 MB response cap; a large limit models it (requests are tiny when reading). */
const DESKTOP_LIMIT = 1024 * 1024 * 1024;
const MAX_VALIDATE_SYNCS = 3;

const books = new Map<number, BenchBook>();
function benchBook(listRows: number): BenchBook {
  let book = books.get(listRows);
  if (!book) books.set(listRows, (book = generateBenchBook(listRows)));
  return book;
}

describe("bench generator", () => {
  it("is deterministic and makes the announced sheets and sizes", () => {
    const a = benchBook(10_000);
    const b = generateBenchBook(10_000);
    expect(b.sheets).toEqual(a.sheets);
    expect(a.sheets.map((s) => s.name)).toEqual(["設定", "マスタ", "支払基金_登録状況_20250107", ERRORS_SHEET]);
    const master = a.sheets[1];
    expect(master.rows.length - 3).toBe(1104); // title, blank row, header
    expect(a.sheets[3].rows.length - 1).toBe(10_000);
  });

  it("plants findings the rules report, with exact counts per rule", () => {
    const result = validateSheets(toGrids(benchBook(10_000)), { asOf: BENCH_AS_OF, rules: RULES });
    const rules = new Set(result.byRule.map((r) => r.rule));
    for (const id of ["name-whitespace", "address-no-municipality", "address-no-prefecture", "pf-code-unknown", "pf-duplicate-row", "mynumber-present"]) {
      expect(rules, id).toContain(id);
    }
    const total = result.byRule.reduce((n, r) => n + r.count, 0);
    expect(total).toBe(result.issues.length);
    expect(result.counts.error + result.counts.warning + result.counts.info).toBe(result.issues.length);
  });
});

describe("Office adapter round trips (through the Excel fake)", () => {
  for (const listRows of [10_000, 100_000]) {
    it(`validate reads ${listRows.toLocaleString("en-US")} list rows in at most ${MAX_VALIDATE_SYNCS} syncs, with the engine's findings`, async () => {
      const book = benchBook(listRows);
      const fake = createFakeExcel(toFakeBook(book), { maxPayloadBytes: DESKTOP_LIMIT });
      const port = createOfficeWorkbook(fake.Excel.run, { isSetSupported: () => false });
      const result = await validate(port, { asOf: BENCH_AS_OF });
      expect(fake.stats.syncs).toBeLessThanOrEqual(MAX_VALIDATE_SYNCS);
      expect(fake.stats.requests.every((r) => r.ok)).toBe(true);
      // The adapter hands the engine the same grids the generator describes: same findings.
      const direct = validateSheets(toGrids(book), { asOf: BENCH_AS_OF, rules: RULES });
      expect(result.counts).toEqual(direct.counts);
      expect(result.byRule).toEqual(direct.byRule);
    });
  }

  it("validate at 10k rows fits Excel on the web's 5 MB cap in at most 3 syncs", async () => {
    const fake = createFakeExcel(toFakeBook(benchBook(10_000)), { maxPayloadBytes: MB5 });
    const port = createOfficeWorkbook(fake.Excel.run, { isSetSupported: () => false });
    await validate(port, { asOf: BENCH_AS_OF });
    expect(fake.stats.syncs).toBeLessThanOrEqual(MAX_VALIDATE_SYNCS);
    expect(fake.stats.requests.every((r) => r.ok && r.requestBytes <= MB5 && r.responseBytes <= MB5)).toBe(true);
  });

  it("validate at 100k rows under the 5 MB cap still completes, every accepted payload within 5 MB", async () => {
    const book = benchBook(100_000);
    const fake = createFakeExcel(toFakeBook(book), { maxPayloadBytes: MB5 });
    const port = createOfficeWorkbook(fake.Excel.run, { isSetSupported: () => false });
    const result = await validate(port, { asOf: BENCH_AS_OF });
    const accepted = fake.stats.requests.filter((r) => r.ok);
    expect(accepted.every((r) => r.requestBytes <= MB5 && r.responseBytes <= MB5)).toBe(true);
    expect(result.counts).toEqual(validateSheets(toGrids(book), { asOf: BENCH_AS_OF, rules: RULES }).counts);
  });

  it("validate writing 検証結果 keeps every write request within 5 MB", async () => {
    const fake = createFakeExcel(toFakeBook(benchBook(10_000)), { maxPayloadBytes: MB5 });
    const port = createOfficeWorkbook(fake.Excel.run, { isSetSupported: () => false });
    const result = await validate(port, { asOf: BENCH_AS_OF, write: true });
    expect(fake.stats.requests.every((r) => r.ok)).toBe(true);
    expect(fake.stats.maxOkRequestBytes).toBeLessThanOrEqual(MB5);
    // Reads (2 syncs), one look at the target sheet, then the writes.
    expect(fake.stats.syncs).toBeLessThanOrEqual(MAX_VALIDATE_SYNCS + 1 + Math.ceil(fake.stats.maxOkRequestBytes / MB5));
    expect(dumpSheet(fake.book, "検証結果").length).toBe(result.issues.length + 1);
  });
});

describe("Office adapter write payloads", () => {
  it("commits a 100k-row generated sheet without any request over 5 MB, and writes it whole", async () => {
    const list = benchBook(100_000).sheets.find((s) => s.name === ERRORS_SHEET)!;
    const header = list.rows[0] as string[];
    const rows = list.rows.slice(1);
    const sheet: GeneratedSheet = { name: "スナップショット履歴", freezeHeader: true, blocks: [{ header, rows, tableName: "履歴" }] };
    const fake = createFakeExcel(toFakeBook(benchBook(0)), { maxPayloadBytes: MB5 });
    const port = createOfficeWorkbook(fake.Excel.run, { isSetSupported: () => false });
    await port.commit({ sheets: [sheet] });
    expect(fake.stats.requests.every((r) => r.ok)).toBe(true);
    expect(fake.stats.maxOkRequestBytes).toBeLessThanOrEqual(MB5);
    // Many rows per request: the sync count follows the bytes (about 2 MB each), not the rows.
    const bytes = fake.stats.requests.reduce((n, r) => n + r.requestBytes, 0);
    expect(fake.stats.syncs).toBeLessThanOrEqual(2 + Math.ceil(bytes / (1024 * 1024)));
    const at = (row: number, col: number) => cellAt(fake.book, "スナップショット履歴", formatAddress({ row, col, rows: 1, cols: 1 })).value;
    expect(at(0, 0)).toBe(header[0]);
    expect(at(rows.length, 0)).toBe(rows[rows.length - 1][0]);
    expect(at(rows.length, 6)).toBe(rows[rows.length - 1][6]);
  });
});
