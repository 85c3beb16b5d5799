// MemoryWorkbook: an exact in-memory port (values and number formats), and the masked copy the task
// pane builds on it without writing to the workbook it reads.
import { describe, expect, it } from "vitest";
import { maskedBookName, maskedCopy } from "../../src/commands/maskCopy";
import { mask } from "../../src/commands/mask";
import { dateOut, type OutCell } from "../../src/domain/cell";
import { makeOfficeCode, myNumberCheckDigit } from "../../src/domain/codes";
import { isoToSerial } from "../../src/domain/dates";
import { holdsProbableMyNumber, MASK } from "../../src/domain/mask";
import { MemoryWorkbook, memoryScratchWorkbook } from "../../src/workbook/memory";
import { createOfficeWorkbook } from "../../src/workbook/office";
import type { SheetGrid, WriteBatch } from "../../src/workbook/port";
import { buildXlsx, loadXlsxBuffer } from "../../src/workbook/xlsx/adapter";
import { buildBook, createFakeExcel, dumpSheet } from "../fake-excel";

const grid = (name: string, values: SheetGrid["values"], top = 1, left = 1, formats?: string[][]): SheetGrid => ({
  name,
  top,
  left,
  values,
  ...(formats ? { formats } : {}),
});

describe("MemoryWorkbook: reading", () => {
  it("lists sheets in order and returns each used range with its formats", async () => {
    const book = new MemoryWorkbook([
      grid("A", [["x", 1], [null, true]], 3, 2, [["General", "0.0"], ["General", "General"]]),
      grid("B", []),
    ]);
    expect(await book.listSheets()).toEqual(["A", "B"]);
    const read = await book.readSheets(["A", "B", "missing"]);
    expect([...read.keys()]).toEqual(["A", "B"]);
    expect(read.get("A")).toEqual({
      name: "A",
      top: 3,
      left: 2,
      values: [["x", 1], [null, true]],
      formats: [["General", "0.0"], ["General", "General"]],
    });
    expect(read.get("B")).toEqual({ name: "B", top: 1, left: 1, values: [], formats: [] });
  });

  it("trims blank edges and finds sheets case-insensitively, like Excel", async () => {
    const book = new MemoryWorkbook([grid("Data", [[null, null, null], [null, "v", ""], [null, null, null]])]);
    const g = (await book.readSheets(["data"])).get("data")!;
    expect(g).toMatchObject({ name: "Data", top: 2, left: 2, values: [["v"]] });
    expect(() => new MemoryWorkbook([grid("X", []), grid("x", [])])).toThrow(/duplicate/);
  });

  it("copies its input: changing the source grid or a read grid changes nothing inside", async () => {
    const source = grid("S", [["a", 1]]);
    const book = new MemoryWorkbook([source]);
    source.values[0][0] = "changed";
    const read = (await book.readSheets(["S"])).get("S")!;
    read.values[0][1] = 99;
    expect((await book.readSheets(["S"])).get("S")!.values).toEqual([["a", 1]]);
  });
});

describe("MemoryWorkbook: writing", () => {
  it("writes ranges: text stays text, dates become serials with a date format, blanks clear", async () => {
    const book = new MemoryWorkbook([grid("S", [["a", "b"]])]);
    await book.commit({
      ranges: [
        { sheet: "S", row: 2, col: 1, values: [["=SUM(A1)", dateOut("2025-01-07"), 5, NaN]] },
        { sheet: "S", row: 1, col: 2, values: [[""]] },
        { sheet: "S", row: 3, col: 3, values: [[0.5]], formats: ["0.0%"] },
      ],
    });
    const g = (await book.readSheets(["S"])).get("S")!;
    expect(g.values).toEqual([
      ["a", null, null],
      ["=SUM(A1)", isoToSerial("2025-01-07"), 5],
      [null, null, 0.5],
    ]);
    expect(g.formats![1][1]).toBe("yyyy/m/d");
    expect(g.formats![2][2]).toBe("0.0%");
  });

  it("applies nothing when a range names a missing sheet", async () => {
    const book = new MemoryWorkbook([grid("S", [["a"]])]);
    await expect(
      book.commit({ ranges: [{ sheet: "S", row: 1, col: 1, values: [["b"]] }, { sheet: "nope", row: 1, col: 1, values: [["c"]] }] }),
    ).rejects.toThrow(/nope/);
    expect((await book.readSheets(["S"])).get("S")!.values).toEqual([["a"]]);
  });

  it("lays out appends, generated sheets and highlights like the ExcelJS adapter", async () => {
    const rows: OutCell[][] = [["x", 1, dateOut("2024-12-02")], ["y", 2, null]];
    const batch: WriteBatch = {
      ranges: [{ sheet: "マスタ", row: 3, col: 2, values: [["z"]] }],
      appends: [
        { sheet: "変更履歴", header: ["日時", "内容"], rows: [["t1", "a"]] },
        { sheet: "マスタ", header: ["unused"], rows: [["appended"]] },
      ],
      sheets: [
        {
          name: "集計",
          blocks: [
            { title: "表1", header: ["名", "数", "日"], rows, notes: ["注1"] },
            { header: ["k"], rows: [["v"]], tableName: "T1" },
          ],
        },
        { name: "古い", blocks: [{ header: ["new"], rows: [] }] },
      ],
      highlights: [{ sheet: "マスタ", firstRow: 2, lastRow: 3, lastCol: 2, rules: [{ formula: '=$A2="x"', fill: "#FFEEEE", label: "x" }] }],
    };
    const seed = [
      { name: "マスタ", rows: [["h1", "h2"], ["a", "b"]] as OutCell[][] },
      { name: "古い", rows: [["old"]] as OutCell[][] },
      { name: "最後", rows: [["end"]] as OutCell[][] },
    ];
    const memory = new MemoryWorkbook(seed.map((s) => grid(s.name, s.rows as SheetGrid["values"])));
    const xlsx = buildXlsx(seed);
    await memory.commit(batch);
    await xlsx.commit(batch);
    expect(await memory.listSheets()).toEqual(await xlsx.listSheets());
    const names = await xlsx.listSheets();
    const a = await memory.readSheets(names);
    const b = await xlsx.readSheets(names);
    for (const n of names) {
      expect({ name: n, top: a.get(n)!.top, values: a.get(n)!.values }).toEqual({ name: n, top: b.get(n)!.top, values: b.get(n)!.values });
    }
    expect(memory.highlights).toHaveLength(1);
    expect(memory.highlights[0]).not.toBe(batch.highlights![0]);
  });
});

// ---- masking a copy ------------------------------------------------------------------------------

const A = makeOfficeCode("12", 13, 48);
const B = makeOfficeCode("12", 14, 3);
const MY = `98765432101${myNumberCheckDigit("98765432101")}`;
const SHEETS: { name: string; rows: (string | number | null)[][]; formats?: (string | null)[][] }[] = [
  {
    name: "マスタ",
    rows: [
      ["保険者コード", "福祉事務所名", "自治体名", "被保護者数", "資格情報登録開始日", "備考"],
      [A, "架空市福祉事務所", "架空市", 1200, isoToSerial("2025-01-07"), `個人番号 ${MY} を誤って記載`],
      [B, "空想町福祉事務所", null, 40, null, "特になし"],
    ],
    formats: [[], [null, null, null, null, "yyyy/m/d", null]],
  },
  {
    name: "支払基金_エラー明細_20250107",
    rows: [
      ["保険者コード", "被保険者番号", "氏名", "氏名カナ", "生年月日", "住所", "エラーコード"],
      [A, "0001234", "架空 花子", "カクウ ハナコ", 20000, "架空市1-2", "Z09"],
    ],
  },
  { name: "メモ", rows: [["架空市福祉事務所", "電話済み"], [Number(MY), null]] },
];

describe("mask on a MemoryWorkbook", () => {
  it("masks exactly as on the ExcelJS adapter", async () => {
    const memory = new MemoryWorkbook(SHEETS.map((s) => grid(s.name, s.rows)));
    const xlsx = buildXlsx(SHEETS as { name: string; rows: OutCell[][] }[]);
    const options = { hashCodes: true, salt: "s" };
    expect(await mask(memory, options)).toEqual(await mask(xlsx, options));
    const names = SHEETS.map((s) => s.name);
    const a = await memory.readSheets(names);
    const b = await xlsx.readSheets(names);
    for (const n of names) expect(a.get(n)!.values, n).toEqual(b.get(n)!.values);
  });
});

describe("maskedCopy", () => {
  it("reads the open book in two round trips, writes nothing to it, and returns a masked .xlsx", async () => {
    const fake = createFakeExcel(buildBook(SHEETS));
    const before = SHEETS.map((s) => dumpSheet(fake.book, s.name));
    const port = createOfficeWorkbook(fake.Excel.run);
    fake.stats.reset();
    const syncsAtAfterRead: number[] = [];
    const copy = await maskedCopy(port, { scratch: memoryScratchWorkbook, hashCodes: false, afterRead: async () => void syncsAtAfterRead.push(fake.stats.syncs) });
    expect(syncsAtAfterRead).toEqual([2]);
    expect(fake.stats.syncs).toBe(2);
    expect(SHEETS.map((s) => dumpSheet(fake.book, s.name))).toEqual(before);
    expect(fake.created).toEqual([]);
    expect(copy).toMatchObject({ masked: 9, removedMyNumbers: 2, hashedCodes: 0, sheetNames: SHEETS.map((s) => s.name) });

    const out = await loadXlsxBuffer(copy.bytes);
    expect(await out.listSheets()).toEqual(SHEETS.map((s) => s.name));
    const grids = await out.readSheets(SHEETS.map((s) => s.name));
    const master = grids.get("マスタ")!;
    expect(master.values[1]).toEqual([A, MASK, MASK, 1200, isoToSerial("2025-01-07"), null]);
    expect(master.formats![1][4]).toMatch(/y/);
    expect(master.values[2]).toEqual([B, MASK, null, 40, null, "特になし"]);
    expect(grids.get("支払基金_エラー明細_20250107")!.values[1]).toEqual([A, MASK, MASK, MASK, MASK, MASK, "Z09"]);
    expect(grids.get("メモ")!.values).toEqual([[MASK, "電話済み"]]);
    for (const g of grids.values()) {
      for (const row of g.values) for (const v of row) expect(holdsProbableMyNumber(v)).toBe(false);
    }
  });

  it("replaces codes by pseudo codes when asked", async () => {
    const copy = await maskedCopy(new MemoryWorkbook(SHEETS.map((s) => grid(s.name, s.rows))), { scratch: memoryScratchWorkbook, hashCodes: true, salt: "k" });
    expect(copy.hashedCodes).toBe(3);
    const master = (await (await loadXlsxBuffer(copy.bytes)).readSheets(["マスタ"])).get("マスタ")!;
    expect(master.values[1][0]).not.toBe(A);
    expect(String(master.values[1][0]).slice(0, 4)).toBe(A.slice(0, 4));
  });

  it("names the copy 【マスク】<name>.xlsx", () => {
    expect(maskedBookName("オン資管理.xlsx")).toBe("【マスク】オン資管理.xlsx");
    expect(maskedBookName("book.XLSM")).toBe("【マスク】book.xlsx");
    expect(maskedBookName("無題")).toBe("【マスク】無題.xlsx");
  });
});
