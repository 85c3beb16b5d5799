/**
 * What real Excel does that the add-in must survive, each through the Office adapter over the
 * simulated host (src/workbook/office-sim): merges, the cell cap, GeneralException, edits between
 * read and commit, cell-edit mode, the conditional-format deletion bug, table headers, the `@`
 * apostrophe, chart categories, hidden sheets, createWorkbook caps, 1904 and requirement sets.
 */
import { describe, expect, it } from "vitest";
import { applyRegistrations } from "../../src/commands/applyRegistrations";
import { summary } from "../../src/commands/summary";
import { validate } from "../../src/commands/validate";
import { dateOut } from "../../src/domain/cell";
import { isoToSerial } from "../../src/domain/dates";
import { tableNameOf, type GeneratedSheet } from "../../src/domain/writes";
import { createOfficeWorkbook, createWorkbookWithin, DATE_1904_MESSAGE } from "../../src/workbook/office";
import { UNREADABLE_RULES_MESSAGE } from "../../src/workbook/office/write";
import { createSimulatedEngine } from "../../src/workbook/office-sim/engine";
import { PLATFORMS } from "../../src/workbook/office-sim/platforms";
import { buildXlsx } from "../../src/workbook/xlsx/adapter";
import { buildBook, cellAt, createFakeExcel, dumpSheet, FakeOfficeError, sheetOf, type SheetSeed } from "../fake-excel";

const MASTER_HEADER = ["保険者コード", "福祉事務所名", "被保護者数", "資格情報登録開始日"];
/** Codes with a valid check digit are not needed: any 8 digits is an office. */
const masterRows = (n: number): (string | number | null)[][] => [
  MASTER_HEADER,
  ...Array.from({ length: n }, (_, i) => [String(10_000_000 + i), `事務所${i}`, 100 + i, null]),
];

const m365 = PLATFORMS.m365;
const judgeColumns = (header: unknown[]): number[] => header.flatMap((h, i) => (String(h).startsWith("判定_") ? [i] : []));
const on = (platform: keyof typeof PLATFORMS, fake: ReturnType<typeof createFakeExcel>) =>
  createOfficeWorkbook(fake.Excel.run, { isSetSupported: PLATFORMS[platform].isSetSupported });

describe("merged cells", () => {
  const seeds = (): SheetSeed[] => [
    {
      name: "マスタ",
      // A note merged over E1:G1, right of the table: Excel ignores writes to F1 and G1.
      rows: [[...MASTER_HEADER, "備考（結合）"], ...masterRows(3).slice(1)],
      merges: ["E1:G1"],
    },
  ];

  it("reads merged areas where ExcelApi 1.13 exists, and 判定_ columns go right of them", async () => {
    const fake = createFakeExcel(buildBook(seeds()), m365.host);
    const grids = await on("m365", fake).readSheets(["マスタ"]);
    expect(grids.get("マスタ")?.merges).toEqual([{ top: 1, left: 5, bottom: 1, right: 7 }]);
    await summary(on("m365", fake), { asOf: "2025-02-04" });
    const header = dumpSheet(fake.book, "マスタ")[0];
    // Every 判定_ header is in the sheet (none vanished into the merge), from H on.
    expect(judgeColumns(header).length).toBeGreaterThanOrEqual(4);
    expect(judgeColumns(header).every((i) => i >= 7)).toBe(true);
    expect(header.slice(4, 8)).toEqual(["備考（結合）", null, null, header[7]]);
    expect(header[7]).toMatch(/^判定_/);
  });

  it("on an ExcelApi 1.9 host (no merged-area API) places them right of the used range including formats", async () => {
    const fake = createFakeExcel(buildBook(seeds()), PLATFORMS["excel-1.9"].host);
    const port = on("excel-1.9", fake);
    const grid = (await port.readSheets(["マスタ"])).get("マスタ");
    expect(grid?.merges).toBeUndefined();
    expect(grid?.formattedRight).toBe(7);
    await summary(port, { asOf: "2025-02-04" });
    const header = dumpSheet(fake.book, "マスタ")[0];
    expect(judgeColumns(header).length).toBeGreaterThanOrEqual(4);
    expect(judgeColumns(header).every((i) => i >= 7)).toBe(true);
    expect(header[7]).toMatch(/^判定_/);
    // Run again: the columns are found, not added once more further right.
    await summary(port, { asOf: "2025-02-04" });
    expect(dumpSheet(fake.book, "マスタ")[0].length).toBe(header.length);
  });

  it("the 1.9 host refuses the merged-area API (the adapter must not call it there)", async () => {
    const fake = createFakeExcel(buildBook(seeds()), PLATFORMS["excel-1.9"].host);
    const wrong = createOfficeWorkbook(fake.Excel.run, { isSetSupported: () => true });
    await expect(wrong.readSheets(["マスタ"])).rejects.toMatchObject({ code: "ApiNotFound" });
  });
});

describe("the read cell cap", () => {
  it("reads a sheet whose values Excel answers with null above the cap, in blocks under it", async () => {
    const rows = masterRows(2_000);
    // Cap of 3,000 cells: the 2,001 × 4 master is over it; recent Excel returns values: null.
    const fake = createFakeExcel(buildBook([{ name: "マスタ", rows }, { name: "メモ", rows: [["x"]] }]), { ...m365.host, maxCells: 3_000 });
    const port = createOfficeWorkbook(fake.Excel.run, { isSetSupported: m365.isSetSupported, readChunkCells: 2_000 });
    const grids = await port.readSheets(["マスタ", "メモ"]);
    expect(grids.get("マスタ")?.values.length).toBe(2_001);
    expect(grids.get("マスタ")?.values[2_000]).toEqual(["10001999", "事務所1999", 2099, null]);
    expect(grids.get("メモ")?.values).toEqual([["x"]]);
    const result = await validate(port, { asOf: "2025-02-04" });
    expect(result.counts).toBeDefined();
  });
});

describe("GeneralException for large requests (some Excel on the web builds)", () => {
  it("is taken as a payload error: writes are retried in smaller requests, and the book is complete", async () => {
    const fake = createFakeExcel(buildBook([{ name: "マスタ", rows: masterRows(2) }]), {
      ...PLATFORMS.web.host,
      maxPayloadBytes: 200_000,
    });
    const port = createOfficeWorkbook(fake.Excel.run, { isSetSupported: PLATFORMS.web.isSetSupported, payloadBudgetBytes: 400_000 });
    const rows = Array.from({ length: 4_000 }, (_, i) => [`行${i}`, i, "説明の文字列をすこし長くします"]);
    const sheet: GeneratedSheet = { name: "大きい表", blocks: [{ header: ["名前", "番号", "説明"], rows }] };
    // The budget is above the cap on purpose: the first request is too large and Excel says GeneralException.
    await port.commit({ sheets: [sheet] });
    expect(fake.stats.requests.some((r) => r.errorCode === "GeneralException")).toBe(true);
    expect(dumpSheet(fake.book, "大きい表").length).toBe(4_001);
    expect(Math.max(...fake.stats.requests.filter((r) => r.ok).map((r) => r.requestBytes))).toBeLessThanOrEqual(200_000);
  });

  it("a GeneralException on a small request is not retried (it is a real error)", async () => {
    const fake = createFakeExcel(buildBook([{ name: "マスタ", rows: masterRows(2) }]), PLATFORMS.web.host);
    const port = on("web", fake);
    fake.beforeRun = () => {
      throw Object.assign(new Error("An internal error has occurred."), { code: "GeneralException" });
    };
    await expect(port.commit({ ranges: [{ sheet: "マスタ", row: 2, col: 5, values: [["x"]] }] })).rejects.toMatchObject({ code: "GeneralException" });
  });
});

describe("the book changes between the read and the commit", () => {
  it("a sort between the two Excel.runs: nothing is written and the message says why", async () => {
    const fake = createFakeExcel(
      buildBook([
        { name: "マスタ", rows: masterRows(3) },
        { name: "支払基金_登録状況_20250107", rows: [["保険者コード", "保険者名", "資格情報登録開始日"], ["10000001", "事務所1", isoToSerial("2025-01-07")]], formats: [[], [null, null, "yyyy/m/d"]] },
      ]),
      m365.host,
    );
    const port = on("m365", fake);
    const before = JSON.stringify(dumpSheet(fake.book, "マスタ"));
    // The user sorts マスタ descending while the command computes: rows 2..4 are reversed.
    fake.beforeRun = (book, run) => {
      if (run !== 2) return;
      const sheet = sheetOf(book, "マスタ");
      const cells = [1, 2, 3].map((r) => [0, 1, 2, 3].map((c) => sheet.cells.get(r * 16_384 + c)));
      [3, 2, 1].forEach((r, i) => [0, 1, 2, 3].forEach((c) => {
        const cell = cells[i][c];
        if (cell) sheet.cells.set(r * 16_384 + c, cell);
        else sheet.cells.delete(r * 16_384 + c);
      }));
    };
    const sorted = (): string => JSON.stringify(dumpSheet(fake.book, "マスタ"));
    await expect(applyRegistrations(port, { sheet: "支払基金_登録状況_20250107" })).rejects.toThrow(/保険者コードが、読み込んだ後に変わりました.*何も書き込んでいません/);
    expect(sorted()).not.toBe(before);
    expect(dumpSheet(fake.book, "マスタ").every((row) => row[3] === null || row[3] === "資格情報登録開始日")).toBe(true);
    expect(fake.book.sheets.some((s) => s.name === "変更履歴")).toBe(false);
  });

  it("without a change, the same command writes (the guard costs no extra round trip)", async () => {
    const fake = createFakeExcel(
      buildBook([
        { name: "マスタ", rows: masterRows(3) },
        { name: "支払基金_登録状況_20250107", rows: [["保険者コード", "保険者名", "資格情報登録開始日"], ["10000001", "事務所1", isoToSerial("2025-01-07")]], formats: [[], [null, null, "yyyy/m/d"]] },
      ]),
      m365.host,
    );
    const r = await applyRegistrations(on("m365", fake), { sheet: "支払基金_登録状況_20250107" });
    expect(r.changed.map((c) => c.code)).toEqual(["10000001"]);
    expect(cellAt(fake.book, "マスタ", "D3").value).toBe(isoToSerial("2025-01-07"));
  });

  it("cell-edit mode: the commit waits for the user to leave the cell (delayForCellEdit), then writes", async () => {
    const fake = createFakeExcel(buildBook([{ name: "マスタ", rows: masterRows(2) }]), m365.host);
    const port = on("m365", fake);
    fake.startCellEdit();
    let done = false;
    const commit = port.commit({ ranges: [{ sheet: "マスタ", row: 2, col: 5, values: [["x"]] }] }).then(() => (done = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(done).toBe(false);
    fake.endCellEdit();
    await commit;
    expect(cellAt(fake.book, "マスタ", "E2").value).toBe("x");
  });

  it("cell-edit mode: a run without delayForCellEdit fails as Excel does", async () => {
    const fake = createFakeExcel(buildBook([{ name: "マスタ", rows: masterRows(2) }]), m365.host);
    fake.startCellEdit();
    await expect(fake.Excel.run(async () => undefined)).rejects.toMatchObject({ code: "InvalidOperationInCellEditMode" });
  });
});

describe("conditional formats (office-js #5222)", () => {
  it("replacing two overlapping rules of ours survives Excel's ItemNotFound on the second delete", async () => {
    const fake = createFakeExcel(buildBook([{ name: "マスタ", rows: masterRows(5) }]), m365.host);
    const port = on("m365", fake);
    await summary(port, { asOf: "2025-02-04" });
    const ours = sheetOf(fake.book, "マスタ").conditionalFormats.length;
    expect(ours).toBeGreaterThanOrEqual(2);
    await summary(port, { asOf: "2025-02-05" });
    expect(sheetOf(fake.book, "マスタ").conditionalFormats.length).toBe(ours);
  });

  it("the host models the bug: two overlapping custom rules deleted in one request fail", async () => {
    const fake = createFakeExcel(buildBook([{ name: "S", rows: [["a"]] }]), m365.host);
    const rect = { row: 0, col: 0, rows: 5, cols: 2 };
    sheetOf(fake.book, "S").conditionalFormats.push({ id: 90, type: "Custom", rect, formula: "=1" }, { id: 91, type: "Custom", rect, formula: "=2" });
    await expect(
      fake.Excel.run(async (ctx) => {
        const cfs = ctx.workbook.worksheets.getItem("S").getRange().conditionalFormats.load("items/type");
        await ctx.sync();
        for (const cf of cfs.items) cf.delete();
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "ItemNotFound" });
  });
});

describe("conditional formats after an undo (office-js #6396)", () => {
  it("a rule of ours restored by Ctrl+Z cannot be read: the commit says so plainly and writes nothing", async () => {
    const fake = createFakeExcel(buildBook([{ name: "マスタ", rows: masterRows(5) }]), m365.host);
    const port = on("m365", fake);
    await summary(port, { asOf: "2025-02-04" });
    const master = sheetOf(fake.book, "マスタ");
    // The user deleted one of our rules and undid it: Excel keeps it, unreadable until reopened.
    master.conditionalFormats[0].undoneDelete = true;
    const before = dumpSheet(fake.book, "マスタ");
    const rulesBefore = master.conditionalFormats.length;
    const error = await summary(port, { asOf: "2025-02-05" }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "CommandError", message: UNREADABLE_RULES_MESSAGE });
    expect(dumpSheet(fake.book, "マスタ")).toEqual(before);
    expect(master.conditionalFormats.length).toBe(rulesBefore);
  });

  it("the host models the bug: loading the restored rule fails with ItemNotFound", async () => {
    const fake = createFakeExcel(buildBook([{ name: "S", rows: [["a"]] }]), m365.host);
    sheetOf(fake.book, "S").conditionalFormats.push({ id: 92, type: "Custom", rect: { row: 0, col: 0, rows: 1, cols: 1 }, formula: "=1", undoneDelete: true });
    await expect(
      fake.Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("S").getRange().conditionalFormats.load("items/type");
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "ItemNotFound" });
  });
});

describe("table headers, the @ apostrophe, charts, hidden sheets", () => {
  it("a block whose headers differ only by case is written as a plain range (Excel would rename one)", () => {
    expect(tableNameOf({ header: ["Code", "code"], rows: [[1, 2]], tableName: "T" })).toBeNull();
    expect(tableNameOf({ header: ["a", "b"], rows: [[1, 2, 3]], tableName: "T" })).toBeNull();
    expect(tableNameOf({ header: ["a", "b"], rows: [[1, 2]], tableName: "T" })).toBe("T");
  });

  it("Japanese Excel names a blank table header 列1", async () => {
    const fake = createFakeExcel(buildBook([{ name: "S", rows: [[null, "x"], [1, 2]] }]), { ...m365.host, blankHeaderPrefix: "列" });
    await fake.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("S").tables.add("A1:B2", true);
      await ctx.sync();
    });
    expect(cellAt(fake.book, "S", "A1").value).toBe("列1");
  });

  it("text written to an @-formatted column shows no apostrophe", async () => {
    const fake = createFakeExcel(buildBook([{ name: "S", rows: [["a"]] }]), m365.host);
    const port = on("m365", fake);
    await port.commit({ appends: [{ sheet: "変更履歴", header: ["日時", "値"], rows: [["2025-02-04 10:00", "=x"]], formats: ["@", undefined] }] });
    expect(cellAt(fake.book, "変更履歴", "A2")).toMatchObject({ value: "2025-02-04 10:00", numberFormat: "@" });
    expect(cellAt(fake.book, "変更履歴", "B2").value).toBe("=x");
  });

  it("the chart plots the series against the 基準日 categories, never the serials as a line", async () => {
    const fake = createFakeExcel(buildBook([{ name: "S", rows: [["a"]] }]), m365.host);
    const sheet: GeneratedSheet = {
      name: "推移",
      blocks: [{ header: ["基準日", "未登録"], rows: [[dateOut("2025-01-07"), 30], [dateOut("2025-02-04"), 20]], tableName: "推移表" }],
      chart: { title: "推移", block: 0, category: "基準日", series: ["未登録"] },
    };
    await on("m365", fake).commit({ sheets: [sheet] });
    const chart = sheetOf(fake.book, "推移").charts[0];
    expect(chart.series.map((s) => s.name)).toEqual(["未登録"]);
    expect(chart.categories).toEqual({ row: 1, col: 0, rows: 2, cols: 1 });
  });

  it("a generated sheet the user hid is rebuilt and stays hidden (no freezePanes on a hidden sheet, #1463)", async () => {
    const fake = createFakeExcel(buildBook([{ name: "推移", rows: [["old"]], visibility: "Hidden" }]), m365.host);
    const sheet: GeneratedSheet = { name: "推移", blocks: [{ header: ["基準日", "未登録"], rows: [[1, 2]] }], freezeHeader: true };
    await on("m365", fake).commit({ sheets: [sheet] });
    expect(dumpSheet(fake.book, "推移")[0]).toEqual(["基準日", "未登録"]);
    expect(sheetOf(fake.book, "推移").visibility).toBe("Hidden");
  });
});

describe("createWorkbook caps, 1904, requirement sets", () => {
  it("a copy over Excel on the web's cap gets a plain message, before the call", async () => {
    const fake = createFakeExcel(undefined, PLATFORMS.web.host);
    const open = createWorkbookWithin(fake.Excel.createWorkbook, 1_000);
    const big = new Uint8Array(2_000).fill(0x50);
    await expect(open(big)).rejects.toThrow(/Excel on the web で新しいブックとして開ける大きさ/);
    expect(fake.created).toEqual([]);
  });

  it("a GeneralException from createWorkbook becomes a plain message", async () => {
    const fake = createFakeExcel(undefined, { ...PLATFORMS.web.host, createWorkbookMaxBytes: 10 });
    const open = createWorkbookWithin(fake.Excel.createWorkbook, null);
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new Array(40).fill(0)]);
    await expect(open(zip)).rejects.toThrow(/新しいブックを開けませんでした（GeneralException）/);
  });

  it("a 1904 book is detected where ExcelApi 1.16 exists, and not asked for elsewhere", async () => {
    const book = buildBook([{ name: "マスタ", rows: masterRows(1) }]);
    book.date1904 = true;
    await expect(on("m365", createFakeExcel(book, m365.host)).readSheets(["マスタ"])).rejects.toThrow(DATE_1904_MESSAGE);
    // Excel 2021 (ExcelApi 1.14) cannot tell; the read goes on rather than failing on ApiNotFound.
    const grids = await on("excel2021", createFakeExcel(book, PLATFORMS.excel2021.host)).readSheets(["マスタ"]);
    expect(grids.get("マスタ")?.values.length).toBe(2);
  });

  it("platform requirement sets: Excel 2021 up to 1.14, Microsoft 365 / Mac / web up to 1.20", () => {
    expect(PLATFORMS.excel2021.isSetSupported("ExcelApi", "1.14")).toBe(true);
    expect(PLATFORMS.excel2021.isSetSupported("ExcelApi", "1.15")).toBe(false);
    for (const p of ["m365", "mac", "web"] as const) expect(PLATFORMS[p].isSetSupported("ExcelApi", "1.20")).toBe(true);
    expect(PLATFORMS.excel2019.isSetSupported("ExcelApi", "1.9")).toBe(false);
  });
});

describe("--engine office-sim", () => {
  it("validate gives the same findings as the xlsx engine, with every web request and response under the cap", async () => {
    const list = [["保険者コード", "エラー内容", "件数"], ...Array.from({ length: 6_000 }, (_, i) => [String(10_000_000 + (i % 40)), `エラー${i % 7}`, i % 5])];
    const sheets = [{ name: "マスタ", rows: masterRows(40) }, { name: "支払基金_エラー明細_20250107", rows: list }];
    const plain = await validate(buildXlsx(sheets), { asOf: "2025-02-04" });
    // A 150 KB cap stands in for the web's 5 MB so that a small book needs several requests.
    const cap = 150_000;
    const engine = await createSimulatedEngine(buildXlsx(sheets), { web: true });
    const small = createFakeExcel(engine.host.book, { ...PLATFORMS.web.host, maxPayloadBytes: cap });
    const port = createOfficeWorkbook(small.Excel.run, { isSetSupported: PLATFORMS.web.isSetSupported, readChunkCells: 10_000 });
    const sim = await validate(port, { asOf: "2025-02-04" });
    expect(sim.issues).toEqual(plain.issues);
    expect(sim.counts).toEqual(plain.counts);
    const ok = small.stats.requests.filter((r) => r.ok);
    expect(ok.length).toBeGreaterThan(2);
    expect(Math.max(...ok.map((r) => r.requestBytes))).toBeLessThanOrEqual(cap);
    expect(Math.max(...ok.map((r) => r.responseBytes))).toBeLessThanOrEqual(cap);
  });
});

describe("a commit that fails part-way (what WorkbookPort.commit says it leaves behind)", () => {
  const book = () =>
    buildBook([
      { name: "マスタ", rows: masterRows(400) },
      { name: "支払基金_登録状況_20250107", rows: [["保険者コード", "保険者名", "資格情報登録開始日"], ["10000001", "事務所1", isoToSerial("2025-01-07")]], formats: [[], [null, null, "yyyy/m/d"]] },
    ]);
  const sheetsOf = (fake: ReturnType<typeof createFakeExcel>) =>
    Object.fromEntries(fake.book.sheets.map((s) => [s.name, JSON.stringify(dumpSheet(fake.book, s.name))]));

  it("earlier requests stay applied, later ones are missing, and running again gives the complete result", async () => {
    // Reference: one clean run.
    const clean = createFakeExcel(book(), m365.host);
    await summary(createOfficeWorkbook(clean.Excel.run, { isSetSupported: m365.isSetSupported, payloadBudgetBytes: 8 * 1024 }), { asOf: "2025-02-04" });
    const writeSyncs = clean.stats.syncs - 3; // listSheets, readSheets and the prepare request come first
    expect(writeSyncs).toBeGreaterThan(2);

    const fake = createFakeExcel(book(), m365.host);
    const port = createOfficeWorkbook(fake.Excel.run, { isSetSupported: m365.isSetSupported, payloadBudgetBytes: 8 * 1024 });
    // The second write request is lost.
    fake.failSync((i) => {
      if (i === 4) throw new FakeOfficeError("ServiceUnavailable", "lost");
    });
    await expect(summary(port, { asOf: "2025-02-04" })).rejects.toMatchObject({ code: "ServiceUnavailable" });
    // The first write request (the 判定_ cells of マスタ, written first) is applied; the rest is not.
    const header = dumpSheet(fake.book, "マスタ")[0];
    expect(header.some((h) => String(h).startsWith("判定_"))).toBe(true);
    expect(sheetsOf(fake)).not.toEqual(sheetsOf(clean));
    fake.failSync(null);
    await summary(port, { asOf: "2025-02-04" });
    expect(sheetsOf(fake)).toEqual(sheetsOf(clean));
    expect(sheetOf(fake.book, "マスタ").conditionalFormats.map((c) => c.formula)).toEqual(
      sheetOf(clean.book, "マスタ").conditionalFormats.map((c) => c.formula),
    );
  });

  it("a moved 保険者コード stops the commit before its first write request", async () => {
    const fake = createFakeExcel(book(), m365.host);
    const before = sheetsOf(fake);
    fake.beforeRun = (b, run) => {
      if (run === 2) sheetOf(b, "マスタ").cells.set(3 * 16_384, { value: "99999999", numberFormat: "General" });
    };
    await expect(summary(on("m365", fake), { asOf: "2025-02-04" })).rejects.toThrow(/4 行目の保険者コード/);
    const after = sheetsOf(fake);
    expect(Object.keys(after)).toEqual(Object.keys(before));
    expect(after["支払基金_登録状況_20250107"]).toBe(before["支払基金_登録状況_20250107"]);
    expect(dumpSheet(fake.book, "マスタ")[0]).toEqual(MASTER_HEADER);
  });
});

describe("protected sheets", () => {
  it("a protected マスタ is found before any write: a plain message and nothing written", async () => {
    const fake = createFakeExcel(buildBook([{ name: "マスタ", rows: masterRows(3), protected: true }]), m365.host);
    await expect(summary(on("m365", fake), { asOf: "2025-02-04" })).rejects.toThrow(/シート「マスタ」は保護されているため書き込めません.*何も書き込んでいません/);
    expect(fake.book.sheets.map((s) => s.name)).toEqual(["マスタ"]);
    expect(dumpSheet(fake.book, "マスタ")[0]).toEqual(MASTER_HEADER);
  });

  it("cells of one protected sheet (no look first): Excel refuses the first write, the message is plain", async () => {
    const fake = createFakeExcel(buildBook([{ name: "メモ", rows: [["a"]], protected: true }]), m365.host);
    await expect(on("m365", fake).commit({ ranges: [{ sheet: "メモ", row: 1, col: 2, values: [["x"], ["y"]] }] })).rejects.toThrow(/シート「メモ」は保護されている/);
    expect(dumpSheet(fake.book, "メモ")).toEqual([["a"]]);
  });
});
