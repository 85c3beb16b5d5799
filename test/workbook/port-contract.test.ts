/**
 * The port contract: the ExcelJS adapter (CLI), the Office.js adapter over the strict Excel fake
 * (task pane) and the in-memory port (masked copies) must read and write the same grids, so a
 * command gives the same workbook whichever host runs it.
 */
import { describe, expect, it } from "vitest";
import type { RawCell } from "../../src/domain/cell";
import { isoToSerial } from "../../src/domain/dates";
import { MemoryWorkbook } from "../../src/workbook/memory";
import { createOfficeWorkbook } from "../../src/workbook/office";
import type { SheetGrid, WorkbookPort, WriteBatch } from "../../src/workbook/port";
import { buildXlsx, loadXlsxBuffer } from "../../src/workbook/xlsx/adapter";
import { buildBook, createFakeExcel, sheetOf } from "../fake-excel";

type Seed = { name: string; rows: RawCell[][] };

/** Each adapter, built from the same seed sheets; `reopen` re-reads the book as a host would. */
const ADAPTERS: [string, (seeds: Seed[]) => { port: WorkbookPort; reopen: () => Promise<WorkbookPort> }][] = [
  [
    "ExcelJS",
    (seeds) => {
      const book = buildXlsx(seeds);
      return { port: book, reopen: async () => loadXlsxBuffer(new Uint8Array(await book.book.xlsx.writeBuffer())) };
    },
  ],
  [
    "Office.js over the fake",
    (seeds) => {
      const fake = createFakeExcel(buildBook(seeds));
      const port = createOfficeWorkbook(fake.Excel.run);
      return { port, reopen: async () => port };
    },
  ],
  [
    "in memory",
    (seeds) => {
      const width = (rows: RawCell[][]) => rows.reduce((w, r) => Math.max(w, r.length), 0);
      const port = new MemoryWorkbook(
        seeds.map((s) => ({ name: s.name, top: 1, left: 1, values: s.rows.map((r) => Array.from({ length: width(s.rows) }, (_, i) => (r[i] === undefined || r[i] === "" ? null : r[i]))) })),
      );
      return { port, reopen: async () => port };
    },
  ],
];

const SEEDS: Seed[] = [
  { name: "マスタ", rows: [["管理表"], [], [null, "保険者コード", "被保護者数", "有効"], [null, "12130480", 120, true], [null, "12130498", 0, false]] },
  { name: "メモ", rows: [["ユーザーのシート"]] },
];

const BATCH: WriteBatch = {
  ranges: [{ sheet: "マスタ", row: 4, col: 5, values: [[{ date: "2025-01-07" }], ["=1+1"], ["@SUM(A1)"]] }],
  appends: [{ sheet: "変更履歴", header: ["日時", "セル"], rows: [["2025-01-07 10:00", "E4"]] }],
  sheets: [
    {
      name: "スナップショット",
      freezeHeader: true,
      blocks: [
        { title: "推移", header: ["基準日", "未登録"], rows: [[{ date: "2024-12-02" }, 88], [{ date: "2024-12-17" }, 86]], formats: [undefined, "#,##0"], tableName: "推移", notes: ["※注記"] },
        { header: ["区分", "割合"], rows: [["未登録", 0.0549], ["-2", -0.002]], formats: [undefined, "0.0%"] },
      ],
    },
  ],
};

/** Values and position only: number formats are host-specific strings. */
const shape = (g: SheetGrid | undefined) => g && { top: g.top, left: g.left, values: g.values };

async function readAll(port: WorkbookPort) {
  const names = await port.listSheets();
  const grids = await port.readSheets(names);
  return { names, grids: Object.fromEntries(names.map((n) => [n, shape(grids.get(n))])) };
}

describe("port contract", () => {
  it.each(ADAPTERS)("%s reads the seed sheets as the others do", async (_, make) => {
    const { port } = make(SEEDS);
    const got = await readAll(port);
    expect(got.names).toEqual(["マスタ", "メモ"]);
    expect(got.grids["マスタ"]).toEqual({
      top: 1,
      left: 1,
      values: [
        ["管理表", null, null, null],
        [null, null, null, null],
        [null, "保険者コード", "被保護者数", "有効"],
        [null, "12130480", 120, true],
        [null, "12130498", 0, false],
      ],
    });
  });

  it("all adapters give the same workbook after the same commit, twice", async () => {
    const results = [];
    for (const [name, make] of ADAPTERS) {
      const { port, reopen } = make(SEEDS);
      await port.commit(BATCH);
      await port.commit({ ...BATCH, appends: [{ ...BATCH.appends![0], rows: [["2025-01-21 10:00", "E5"]] }] });
      results.push([name, await readAll(await reopen())] as const);
    }
    const [, first] = results[0];
    expect(first.names).toEqual(["マスタ", "メモ", "変更履歴", "スナップショット"]);
    expect(first.grids["マスタ"]!.values[3][4]).toBe(isoToSerial("2025-01-07"));
    expect(first.grids["マスタ"]!.values[4][4]).toBe("=1+1");
    expect(first.grids["変更履歴"]!.values).toEqual([["日時", "セル"], ["2025-01-07 10:00", "E4"], ["2025-01-21 10:00", "E5"]]);
    expect(first.grids["スナップショット"]!.values[0][0]).toBe("推移");
    for (const [name, got] of results.slice(1)) expect(got, name).toEqual(first);
  });

  it("ExcelJS and Office.js make the same blocks into tables and freeze the same rows (one layout decision)", async () => {
    const sheet: WriteBatch = {
      sheets: [
        {
          name: "一覧",
          freezeHeader: true,
          blocks: [
            { title: "表", header: ["コード", "名前"], rows: [["1", "一"]], tableName: "表一" },
            // Duplicate headers, an empty header, no rows: written as plain ranges by every adapter.
            { header: ["コード", "コード"], rows: [["1", "2"]], tableName: "重複" },
            { title: "", header: ["", "名前"], rows: [["1", "一"]], tableName: "空見出し" },
            { header: ["コード"], rows: [], tableName: "空" },
          ],
        },
      ],
    };
    const xlsx = buildXlsx(SEEDS);
    await xlsx.commit(sheet);
    const ws = xlsx.book.getWorksheet("一覧")!;
    const xlsxTables = ws.getTables().map((t) => {
      const table = (t as unknown as { table: { name: string; tableRef: string } }).table;
      return [table.name, table.tableRef];
    });
    const fake = createFakeExcel(buildBook(SEEDS));
    await createOfficeWorkbook(fake.Excel.run).commit(sheet);
    const officeSheet = sheetOf(fake.book, "一覧");
    const officeTables = officeSheet.tables.map((t) => [t.name, `A${t.rect.row + 1}:B${t.rect.row + t.rect.rows}`]);
    expect(xlsxTables).toEqual([["表一", "A2:B3"]]);
    expect(officeTables).toEqual(xlsxTables);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 2 });
    expect(officeSheet.frozenRows).toBe(2);
  });
});
