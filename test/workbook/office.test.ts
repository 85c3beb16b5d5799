import { describe, expect, it } from "vitest";
import { dateOut, type OutCell } from "../../src/domain/cell";
import { HIGHLIGHT_MARKER, type GeneratedSheet, type WriteBatch } from "../../src/workbook/port";
import { createOfficeWorkbook } from "../../src/workbook/office";
import { isoToSerial } from "../../src/domain/dates";
import { buildBook, cellAt, createFakeExcel, dumpSheet, sheetOf, type FakeBook } from "../fake-excel";

const MB5 = 5 * 1024 * 1024;

function seedBook(): FakeBook {
  const book = buildBook([
    {
      name: "マスタ",
      rows: [
        ["保険者コード", "福祉事務所名", "資格情報登録開始日", "判定_優先"],
        ["12345678", "札幌市", 45292, null],
        ["87654321", "函館市", null, null],
      ],
      formats: [[], [null, null, "yyyy/m/d"]],
    },
    { name: "設定", rows: [[null], [null, "項目", "値"], [null, "優先_被保護者数閾値", 1000]] },
    { name: "メモ", rows: [["user notes"]] },
  ]);
  return book;
}

describe("Office adapter: reading", () => {
  it("lists sheets in tab order in one sync", async () => {
    const fake = createFakeExcel(seedBook());
    const wb = createOfficeWorkbook(fake.Excel.run);
    expect(await wb.listSheets()).toEqual(["マスタ", "設定", "メモ"]);
    expect(fake.stats.syncs).toBe(1);
  });

  it("reads several sheets in exactly one sync", async () => {
    const fake = createFakeExcel(seedBook());
    const wb = createOfficeWorkbook(fake.Excel.run);
    const grids = await wb.readSheets(["マスタ", "設定", "存在しない"]);
    expect(fake.stats.syncs).toBe(1);
    expect([...grids.keys()]).toEqual(["マスタ", "設定"]);
    const master = grids.get("マスタ");
    expect(master).toMatchObject({ name: "マスタ", top: 1, left: 1 });
    expect(master?.values).toEqual([
      ["保険者コード", "福祉事務所名", "資格情報登録開始日", "判定_優先"],
      ["12345678", "札幌市", 45292, null],
      ["87654321", "函館市", null, null],
    ]);
    expect(master?.formats?.[1][2]).toBe("yyyy/m/d");
    const settings = grids.get("設定");
    expect(settings).toMatchObject({ top: 2, left: 2 });
    expect(settings?.values).toEqual([
      ["項目", "値"],
      ["優先_被保護者数閾値", 1000],
    ]);
  });

  it("falls back to chunked reads when the response would be too large", async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => [`office ${i}`, i, `note text number ${i}`]);
    const fake = createFakeExcel(buildBook([{ name: "Big", rows }]), { maxPayloadBytes: 40_000 });
    const wb = createOfficeWorkbook(fake.Excel.run, { readChunkCells: 3000 });
    const grid = (await wb.readSheets(["Big"])).get("Big");
    expect(grid?.values).toEqual(rows);
    expect(grid?.formats?.length).toBe(3000);
    expect(fake.stats.requests.some((r) => r.errorCode === "ResponsePayloadSizeLimitExceeded")).toBe(true);
  });
});

function bigGenerated(rowCount: number): GeneratedSheet {
  const rows: OutCell[][] = Array.from({ length: rowCount }, (_, i) => [
    String(10000000 + i),
    `事務所${i}`,
    i % 3 === 0 ? null : dateOut("2025-01-07"),
    i * 3,
    (i % 100) / 100,
    i % 2 === 0 ? "優先" : "",
    i,
    "=not a formula",
  ]);
  return {
    name: "スナップショット履歴",
    blocks: [
      {
        title: "履歴",
        header: ["保険者コード", "福祉事務所名", "登録日", "被保護者数", "率", "優先", "番号", "メモ"],
        rows,
        formats: ["@", undefined, "yyyy/m/d", "#,##0", "0.0%", undefined, "0", undefined],
        tableName: "tblHistory",
        notes: ["※ テスト"],
      },
      {
        header: ["基準日", "未登録", "登録済"],
        rows: [
          [dateOut("2025-01-07"), 10, 5],
          [dateOut("2025-02-04"), 8, 7],
        ],
        formats: ["yyyy/m/d", "#,##0", "#,##0"],
      },
    ],
    widths: [12, 20],
    freezeHeader: true,
    chart: { title: "未登録の推移", block: 1, category: "基準日", series: ["未登録", "登録済"] },
  };
}

const highlights = (lastRow: number): WriteBatch["highlights"] => [
  {
    sheet: "マスタ",
    firstRow: 2,
    lastRow,
    lastCol: 4,
    rules: [
      { formula: '=$D2="優先"', fill: "#FFC7CE", label: "優先" },
      { formula: '=$C2=""', fill: "#FFEB9C", label: "未登録" },
    ],
  },
];

describe("Office adapter: commit", () => {
  it("writes a 20,000-row generated sheet, ranges, appends and highlights in at most 3 syncs", async () => {
    const fake = createFakeExcel(seedBook());
    const wb = createOfficeWorkbook(fake.Excel.run);
    await wb.commit({
      ranges: [{ sheet: "マスタ", row: 2, col: 4, values: [["優先"], [null]] }],
      appends: [
        {
          sheet: "変更履歴",
          header: ["時刻", "シート", "セル", "旧", "新", "コマンド"],
          rows: [["2025-02-04 10:00", "マスタ", "D2", null, "優先", "apply"]],
        },
      ],
      sheets: [bigGenerated(20_000)],
      highlights: highlights(3),
    });
    expect(fake.stats.syncs).toBeLessThanOrEqual(3);
    expect(fake.stats.requests.every((r) => r.ok)).toBe(true);
    expect(fake.stats.maxOkRequestBytes).toBeLessThan(MB5);
    expect(fake.stats.runOptions).toEqual([{ delayForCellEdit: true }]);

    const dump = dumpSheet(fake.book, "スナップショット履歴");
    // title, header, 20,000 rows, 1 note, blank, header, 2 rows
    expect(dump.length).toBe(1 + 1 + 20_000 + 1 + 1 + 1 + 2);
    expect(dump[0][0]).toBe("履歴");
    expect(dump[1]).toEqual(["保険者コード", "福祉事務所名", "登録日", "被保護者数", "率", "優先", "番号", "メモ"]);
    expect(dump[2]).toEqual(["10000000", "事務所0", null, 0, 0, "優先", 0, "=not a formula"]);
    expect(dump[3][2]).toBe(isoToSerial("2025-01-07"));
    expect(dump[20_002]).toEqual(["※ テスト", null, null, null, null, null, null, null]);
    expect(cellAt(fake.book, "スナップショット履歴", "H3").formula).toBeUndefined();
    expect(cellAt(fake.book, "スナップショット履歴", "D500").numberFormat).toBe("#,##0");
    expect(cellAt(fake.book, "スナップショット履歴", "A1").bold).toBe(true);
    expect(cellAt(fake.book, "スナップショット履歴", "A2").bold).toBe(true);

    const sheet = sheetOf(fake.book, "スナップショット履歴");
    expect(sheet.tables).toEqual([
      expect.objectContaining({ name: "tblHistory", rect: { row: 1, col: 0, rows: 20_001, cols: 8 } }),
    ]);
    expect(sheet.frozenRows).toBe(2);
    expect([sheet.columnWidths.get(0), sheet.columnWidths.get(1)]).toEqual([66.75, 108.75]);
    expect(sheet.charts).toEqual([
      expect.objectContaining({
        type: "Line",
        title: "未登録の推移",
        seriesBy: "Columns",
        // The series columns only; the 基準日 column is every series' categories (set explicitly,
        // so Excel never plots the date serials as a line of their own).
        source: { row: 20_004, col: 1, rows: 3, cols: 2 },
        series: [
          { name: "未登録", values: { row: 20_005, col: 1, rows: 2, cols: 1 }, xValues: { row: 20_005, col: 0, rows: 2, cols: 1 } },
          { name: "登録済", values: { row: 20_005, col: 2, rows: 2, cols: 1 }, xValues: { row: 20_005, col: 0, rows: 2, cols: 1 } },
        ],
        categories: { row: 20_005, col: 0, rows: 2, cols: 1 },
      }),
    ]);

    expect(dumpSheet(fake.book, "マスタ")[1][3]).toBe("優先");
    expect(dumpSheet(fake.book, "変更履歴")).toEqual([
      ["時刻", "シート", "セル", "旧", "新", "コマンド"],
      ["2025-02-04 10:00", "マスタ", "D2", null, "優先", "apply"],
    ]);
    expect(sheetOf(fake.book, "マスタ").conditionalFormats.map((c) => c.fill)).toEqual(["#FFC7CE", "#FFEB9C"]);
  });

  it("splits and retries when Excel rejects a request as too large, never overshooting once it fits", async () => {
    const limit = 60_000;
    const fake = createFakeExcel(seedBook(), { maxPayloadBytes: limit });
    const wb = createOfficeWorkbook(fake.Excel.run);
    const gen = bigGenerated(3000);
    await wb.commit({ sheets: [gen] });
    const failed = fake.stats.requests.filter((r) => !r.ok);
    expect(failed.length).toBeGreaterThan(0);
    expect(failed.every((r) => r.errorCode === "RequestPayloadSizeLimitExceeded")).toBe(true);
    expect(fake.stats.requests.filter((r) => r.ok).every((r) => r.requestBytes <= limit)).toBe(true);
    const dump = dumpSheet(fake.book, "スナップショット履歴");
    expect(dump.length).toBe(1 + 1 + 3000 + 1 + 1 + 1 + 2);
    expect(dump[3001]).toEqual(["10002999", "事務所2999", dump[3001][2], 8997, 0.99, null, 2999, "=not a formula"]);
    expect(sheetOf(fake.book, "スナップショット履歴").tables.map((t) => t.name)).toEqual(["tblHistory"]);
  });

  it("never sends a request over the limit when the budget is below it", async () => {
    const limit = 60_000;
    const fake = createFakeExcel(seedBook(), { maxPayloadBytes: limit });
    const wb = createOfficeWorkbook(fake.Excel.run, { payloadBudgetBytes: 40_000 });
    await wb.commit({ sheets: [bigGenerated(3000)] });
    expect(fake.stats.requests.every((r) => r.ok && r.requestBytes <= limit)).toBe(true);
    expect(fake.stats.syncs).toBeGreaterThan(3);
    expect(dumpSheet(fake.book, "スナップショット履歴").length).toBe(3007);
  });

  it("replaces its own highlight rules and leaves the user's alone", async () => {
    const book = seedBook();
    const master = sheetOf(book, "マスタ");
    master.conditionalFormats.push(
      { id: 901, type: "Custom", rect: { row: 1, col: 0, rows: 2, cols: 1 }, formula: "=$A2<>\"\"", fill: "#00FF00" },
      { id: 902, type: "DataBar", rect: { row: 1, col: 2, rows: 2, cols: 1 } },
    );
    const fake = createFakeExcel(book);
    const wb = createOfficeWorkbook(fake.Excel.run);
    await wb.commit({ highlights: highlights(3) });
    await wb.commit({ highlights: highlights(3) });
    const cfs = sheetOf(fake.book, "マスタ").conditionalFormats;
    const ours = cfs.filter((c) => c.formula?.includes(HIGHLIGHT_MARKER));
    expect(ours.map((c) => c.fill)).toEqual(["#FFC7CE", "#FFEB9C"]);
    expect(ours[0].formula).toContain('$D2="優先"');
    expect(ours[0].rect).toEqual({ row: 1, col: 0, rows: 2, cols: 4 });
    expect(cfs.filter((c) => c.id === 901 || c.id === 902).length).toBe(2);
    expect(cfs.length).toBe(4);
    // No per-cell fills anywhere.
    expect([...master.cells.values()].some((c) => c.fill !== undefined)).toBe(false);
    // An empty rule list removes ours only.
    await wb.commit({ highlights: [{ sheet: "マスタ", firstRow: 2, lastRow: 3, lastCol: 4, rules: [] }] });
    expect(sheetOf(fake.book, "マスタ").conditionalFormats.map((c) => c.id)).toEqual([901, 902]);
  });

  it("clears an existing generated sheet in place and leaves user sheets untouched", async () => {
    const book = seedBook();
    const fake = createFakeExcel(book);
    const wb = createOfficeWorkbook(fake.Excel.run);
    const small: GeneratedSheet = {
      name: "優先対応",
      blocks: [{ header: ["保険者コード", "人数"], rows: [["1", 10], ["2", 20], ["3", 30]], tableName: "tblPriority" }],
      freezeHeader: true,
      chart: { title: "t", block: 0, category: "保険者コード", series: ["人数"] },
    };
    await wb.commit({ sheets: [small] });
    const before = sheetOf(fake.book, "優先対応");
    before.conditionalFormats.push({ id: 999, type: "Custom", rect: { row: 0, col: 0, rows: 1, cols: 1 }, formula: "=TRUE", fill: "#123456" });
    const userBefore = JSON.stringify(dumpSheet(fake.book, "メモ"));
    const positionBefore = fake.book.sheets.indexOf(before);

    fake.stats.reset();
    await wb.commit({
      sheets: [{ ...small, blocks: [{ header: ["保険者コード", "人数"], rows: [["9", 90]], tableName: "tblPriority" }] }],
    });
    const after = sheetOf(fake.book, "優先対応");
    expect(after).toBe(before);
    expect(fake.book.sheets.indexOf(after)).toBe(positionBefore);
    expect(fake.stats.sheetDeletes).toBe(0);
    expect(fake.stats.syncs).toBe(2);
    expect(dumpSheet(fake.book, "優先対応")).toEqual([
      ["保険者コード", "人数"],
      ["9", 90],
    ]);
    expect(after.tables.map((t) => [t.name, t.rect.rows])).toEqual([["tblPriority", 2]]);
    expect(after.charts.length).toBe(1);
    expect(after.conditionalFormats).toEqual([]);
    expect(after.frozenRows).toBe(1);
    expect(JSON.stringify(dumpSheet(fake.book, "メモ"))).toBe(userBefore);
  });

  it("writes strings that look like formulas, numbers or dates as text", async () => {
    const fake = createFakeExcel(seedBook());
    const wb = createOfficeWorkbook(fake.Excel.run);
    const texts = ["=SUM(A1)", "+81-3-1234", "-", "@home", "00123", "2024-10", "'quoted", "TRUE"];
    await wb.commit({ ranges: [{ sheet: "メモ", row: 3, col: 1, values: [texts] }] });
    expect(dumpSheet(fake.book, "メモ")[2]).toEqual(texts);
    for (let c = 0; c < texts.length; c++) {
      const cell = cellAt(fake.book, "メモ", `${String.fromCharCode(65 + c)}3`);
      expect(cell.formula).toBeUndefined();
      expect(cell.numberFormat).toBe("General");
    }
  });

  it("writes dates as serial numbers with a date format", async () => {
    const fake = createFakeExcel(seedBook());
    const wb = createOfficeWorkbook(fake.Excel.run);
    await wb.commit({
      ranges: [
        { sheet: "メモ", row: 5, col: 1, values: [[dateOut("2025-02-04"), "x"], ["y", dateOut("1900-03-01")]] },
        { sheet: "メモ", row: 8, col: 1, values: [[dateOut("2024-10-05")]], formats: ["yyyy年m月d日"] },
      ],
      appends: [{ sheet: "メモ", header: ["ignored"], rows: [[dateOut("2025-01-07")]] }],
    });
    expect(cellAt(fake.book, "メモ", "A5")).toMatchObject({ value: 45692, numberFormat: "yyyy/m/d" });
    expect(cellAt(fake.book, "メモ", "B5")).toMatchObject({ value: "x", numberFormat: "General" });
    expect(cellAt(fake.book, "メモ", "B6")).toMatchObject({ value: 61, numberFormat: "yyyy/m/d" });
    expect(cellAt(fake.book, "メモ", "A8")).toMatchObject({ value: 45570, numberFormat: "yyyy年m月d日" });
    // The append lands below the used range (row 8), without a second header.
    expect(cellAt(fake.book, "メモ", "A9")).toMatchObject({ value: isoToSerial("2025-01-07"), numberFormat: "yyyy/m/d" });
  });

  it("appends below existing rows and keeps appending within one batch", async () => {
    const fake = createFakeExcel(seedBook());
    const wb = createOfficeWorkbook(fake.Excel.run);
    const header = ["時刻", "内容"];
    await wb.commit({
      appends: [
        { sheet: "変更履歴", header, rows: [["t1", "a"]] },
        { sheet: "変更履歴", header, rows: [["t2", "b"]] },
      ],
    });
    await wb.commit({ appends: [{ sheet: "変更履歴", header, rows: [["t3", "c"]] }] });
    expect(dumpSheet(fake.book, "変更履歴")).toEqual([header, ["t1", "a"], ["t2", "b"], ["t3", "c"]]);
  });

  it("asks for one undo group only when ExcelApi 1.20 is supported", async () => {
    const fake = createFakeExcel(seedBook());
    const wb = createOfficeWorkbook(fake.Excel.run, { isSetSupported: (n, v) => n === "ExcelApi" && v === "1.20" });
    await wb.commit({ ranges: [{ sheet: "メモ", row: 1, col: 2, values: [[1]] }] });
    await wb.readSheets(["メモ"]);
    expect(fake.stats.runOptions).toEqual([
      { delayForCellEdit: true, mergeUndoGroup: true },
      { delayForCellEdit: true },
    ]);
    expect(fake.stats.syncs).toBe(2);
  });

  it("refuses to highlight a sheet that does not exist before writing anything", async () => {
    const fake = createFakeExcel(seedBook());
    const wb = createOfficeWorkbook(fake.Excel.run);
    await expect(
      wb.commit({
        ranges: [{ sheet: "メモ", row: 1, col: 2, values: [["x"]] }],
        highlights: [{ ...highlights(3)![0], sheet: "ない" }],
      }),
    ).rejects.toThrow(/ない/);
    expect(dumpSheet(fake.book, "メモ")).toEqual([["user notes"]]);
  });
});

describe("large books (regressions found by the benchmark)", () => {
  it("re-cuts every queued read chunk after a response is too large, so syncs stay proportional", async () => {
    const rows = Array.from({ length: 12_000 }, (_, i) => [`12130${String(i).padStart(3, "0")}`, `架空${i}市福祉事務所`, i, "東京都"]);
    const fake = createFakeExcel(buildBook([{ name: "マスタ", rows }]), { maxPayloadBytes: 100_000 });
    // Six queued chunks of 2,000 rows, each over the 100 KB response cap.
    const wb = createOfficeWorkbook(fake.Excel.run, { readChunkCells: 8_000 });
    const grid = (await wb.readSheets(["マスタ"])).get("マスタ")!;
    expect(grid.values).toHaveLength(12_000);
    expect(grid.values[11_999][2]).toBe(11_999);
    const rejected = fake.stats.requests.filter((r) => !r.ok).length;
    // The first oversized response halves the budget for everything still queued: a handful of
    // rejections, not one per queued chunk.
    expect(rejected).toBeLessThanOrEqual(3);
    expect(fake.stats.syncs).toBeLessThan(40);
  });

  it("commits a generated sheet of 150,000 rows without overflowing the call stack", async () => {
    const fake = createFakeExcel(buildBook([{ name: "マスタ", rows: [["保険者コード"]] }]), { maxPayloadBytes: 50_000_000 });
    const wb = createOfficeWorkbook(fake.Excel.run);
    const rows = Array.from({ length: 150_000 }, (_, i) => [i]);
    await wb.commit({ sheets: [{ name: "検証結果", blocks: [{ header: ["番号"], rows }] }], ranges: [{ sheet: "マスタ", row: 2, col: 1, values: rows }] });
    expect(dumpSheet(fake.book, "検証結果")).toHaveLength(150_001);
  });
});
