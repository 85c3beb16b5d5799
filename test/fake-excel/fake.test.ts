import { describe, expect, it } from "vitest";
import { buildBook, cellAt, createFakeExcel, dumpSheet, sheetOf } from "./index";

const seed = () =>
  buildBook([
    { name: "マスタ", rows: [["保険者コード", "福祉事務所名"], ["12345678", "札幌市"], [87654321, "函館市"]] },
    { name: "Other", rows: [[1, 2, 3]] },
  ]);

describe("fake Excel: loading", () => {
  it("throws PropertyNotLoaded when a property is read before load + sync", async () => {
    const { Excel } = createFakeExcel(seed());
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("マスタ").getRange("A1:B2");
      expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      range.load("values");
      expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await context.sync();
      expect(range.values).toEqual([
        ["保険者コード", "福祉事務所名"],
        ["12345678", "札幌市"],
      ]);
      expect(() => range.address).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    });
  });

  it("rejects members the fake does not implement", async () => {
    const { Excel } = createFakeExcel(seed());
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("マスタ") as unknown as Record<string, unknown>;
      expect(() => sheet["showGridlines"]).toThrow(/not supported/);
      expect(() => {
        sheet["showGridlines"] = false;
      }).toThrow(/not supported/);
    });
  });

  it("serves snapshots taken at the sync that ran the load", async () => {
    const { Excel } = createFakeExcel(seed());
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Other");
      const range = sheet.getRange("A1");
      range.load("values");
      await context.sync();
      range.values = [[42]];
      expect(range.values).toEqual([[1]]);
      await context.sync();
      expect(range.values).toEqual([[1]]);
      range.load("values");
      await context.sync();
      expect(range.values).toEqual([[42]]);
    });
  });

  it("supports OrNullObject lookups and the used range", async () => {
    const { Excel } = createFakeExcel(seed());
    await Excel.run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject("nope");
      const missingUsed = missing.getUsedRangeOrNullObject(true);
      missing.load("name");
      missingUsed.load("values");
      const used = context.workbook.worksheets.getItem("マスタ").getUsedRangeOrNullObject(true);
      used.load("address,rowIndex,columnIndex,rowCount,columnCount");
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect(missingUsed.isNullObject).toBe(true);
      expect(() => missing.name).toThrow();
      expect(used.isNullObject).toBe(false);
      expect([used.address, used.rowIndex, used.columnIndex, used.rowCount, used.columnCount]).toEqual([
        "マスタ!A1:B3",
        0,
        0,
        3,
        2,
      ]);
    });
  });

  it("loads nested collection paths", async () => {
    const book = seed();
    sheetOf(book, "マスタ").conditionalFormats.push(
      { id: 900, type: "Custom", rect: { row: 1, col: 0, rows: 2, cols: 2 }, formula: "=$A2>0", fill: "#FF0000" },
      { id: 901, type: "DataBar", rect: { row: 1, col: 0, rows: 2, cols: 1 } },
    );
    const { Excel } = createFakeExcel(book);
    await Excel.run(async (context) => {
      const cfs = context.workbook.worksheets.getItem("マスタ").getRange().conditionalFormats;
      cfs.load("items/type,items/customOrNullObject/rule/formula");
      await context.sync();
      expect(cfs.items.map((cf) => cf.type)).toEqual(["Custom", "DataBar"]);
      expect(cfs.items[0].customOrNullObject.rule.formula).toBe("=$A2>0");
      expect(cfs.items[1].customOrNullObject.isNullObject).toBe(true);
    });
  });
});

describe("fake Excel: queued writes", () => {
  it("applies writes only at sync and counts syncs", async () => {
    const fake = createFakeExcel(seed());
    await fake.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Other");
      sheet.getRange("A2:B2").values = [["x", 5]];
      expect(dumpSheet(fake.book, "Other")).toEqual([[1, 2, 3]]);
      await context.sync();
      expect(dumpSheet(fake.book, "Other")).toEqual([
        [1, 2, 3],
        ["x", 5, null],
      ]);
    });
    expect(fake.stats.syncs).toBe(1);
    expect(fake.stats.runs).toBe(1);
    expect(fake.stats.requests[0].ok).toBe(true);
    expect(fake.stats.requests[0].requestBytes).toBeGreaterThan(10);
    fake.stats.reset();
    expect(fake.stats.syncs).toBe(0);
  });

  it("rejects a values array whose shape does not match the range, keeping earlier operations", async () => {
    const fake = createFakeExcel(seed());
    await expect(
      fake.Excel.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem("Other");
        sheet.getRange("D1").values = [["kept"]];
        sheet.getRange("A2:B2").values = [["only one"]];
        sheet.getRange("E1").values = [["dropped"]];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
    expect(dumpSheet(fake.book, "Other")).toEqual([[1, 2, 3, "kept"]]);
  });

  it("fails a batch that leaves operations unsynced", async () => {
    const fake = createFakeExcel(seed());
    await expect(
      fake.Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Other").getRange("A1").values = [[9]];
      }),
    ).rejects.toThrow(/never synced/);
  });

  it("records run options", async () => {
    const fake = createFakeExcel(seed());
    await fake.Excel.run({ delayForCellEdit: true }, async (context) => context.sync());
    expect(fake.stats.runOptions).toEqual([{ delayForCellEdit: true }]);
  });

  it("rejects a request over the payload limit with RequestPayloadSizeLimitExceeded and applies nothing", async () => {
    const fake = createFakeExcel(seed(), { maxPayloadBytes: 1000 });
    const big = Array.from({ length: 100 }, (_, i) => [`row ${i} with some text`]);
    await expect(
      fake.Excel.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem("Other");
        sheet.getRange("E1").values = [["first"]];
        sheet.getRange("A2:A101").values = big;
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    expect(dumpSheet(fake.book, "Other")).toEqual([[1, 2, 3]]);
    expect(fake.stats.requests[0]).toMatchObject({ ok: false, errorCode: "RequestPayloadSizeLimitExceeded" });
    expect(fake.stats.requests[0].requestBytes).toBeGreaterThan(1000);
  });

  it("rejects a response over the payload limit", async () => {
    const rows = Array.from({ length: 200 }, (_, i) => [`a fairly long text value number ${i}`]);
    const fake = createFakeExcel(buildBook([{ name: "S", rows }]), { maxPayloadBytes: 2000 });
    await expect(
      fake.Excel.run(async (context) => {
        const used = context.workbook.worksheets.getItem("S").getUsedRange();
        used.load("values");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
  });
});

describe("fake Excel: typing rules", () => {
  it("turns =, +, -, @ strings into formulas and converts numbers and dates, like Excel", async () => {
    const fake = createFakeExcel(seed());
    await fake.Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Other").getRange("A3:F3").values = [
        ["=SUM(A1)", "+A1", "-A1", "@SUM(A1)", "00123", "2024/10/5"],
      ];
      await context.sync();
    });
    expect(cellAt(fake.book, "Other", "A3").formula).toBe("=SUM(A1)");
    expect(cellAt(fake.book, "Other", "B3").formula).toBe("=+A1");
    expect(cellAt(fake.book, "Other", "C3").formula).toBe("=-A1");
    expect(cellAt(fake.book, "Other", "D3").formula).toBe("=SUM(A1)");
    expect(cellAt(fake.book, "Other", "E3").value).toBe(123);
    expect(cellAt(fake.book, "Other", "F3")).toMatchObject({ value: 45570, numberFormat: "yyyy/m/d" });
  });

  it("keeps strings as text behind a leading apostrophe or in @-formatted cells", async () => {
    const fake = createFakeExcel(seed());
    await fake.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Other");
      sheet.getRange("A4:C4").values = [["'=SUM(A1)", "'00123", "''quoted"]];
      sheet.getRange("A5").numberFormat = [["@"]];
      sheet.getRange("A5").values = [["=SUM(A1)"]];
      const check = sheet.getRange("A4:C5");
      check.load("values,formulas");
      await context.sync();
      expect(check.values).toEqual([
        ["=SUM(A1)", "00123", "'quoted"],
        ["=SUM(A1)", "", ""],
      ]);
    });
    for (const a of ["A4", "B4", "C4", "A5"]) expect(cellAt(fake.book, "Other", a).formula).toBeUndefined();
  });
});

describe("fake Excel: sheets, tables, charts, conditional formats", () => {
  it("adds, renames and deletes worksheets in order", async () => {
    const fake = createFakeExcel(seed());
    await fake.Excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      const added = sheets.add("新規");
      added.getRange("A1").values = [["hello"]];
      added.freezePanes.freezeRows(1);
      sheets.getItem("Other").delete();
      sheets.load("items/name,items/position");
      await context.sync();
      expect(sheets.items.map((s) => [s.name, s.position])).toEqual([
        ["マスタ", 0],
        ["新規", 1],
      ]);
    });
    expect(fake.stats.sheetDeletes).toBe(1);
    expect(sheetOf(fake.book, "新規").frozenRows).toBe(1);
    await expect(
      fake.Excel.run(async (context) => {
        context.workbook.worksheets.add("マスタ");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "ItemAlreadyExists" });
  });

  it("adds tables, charts and custom conditional formats at top priority", async () => {
    const fake = createFakeExcel(seed());
    await fake.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("マスタ");
      const table = sheet.tables.add("A1:B3", true);
      table.name = "tblMaster";
      const chart = sheet.charts.add("Line", sheet.getRange("A1:B3"), "Columns");
      chart.title.text = "trend";
      const range = sheet.getRange("A2:B3");
      for (const [formula, fill] of [
        ["=$B2=\"札幌市\"", "#FFC7CE"],
        ["=$A2<>\"\"", "#C6EFCE"],
      ]) {
        const cf = range.conditionalFormats.add("Custom");
        cf.custom.rule.formula = formula;
        cf.custom.format.fill.color = fill;
      }
      const count = range.conditionalFormats.getCount();
      await context.sync();
      expect(count.value).toBe(2);
    });
    const sheet = sheetOf(fake.book, "マスタ");
    expect(sheet.tables.map((t) => t.name)).toEqual(["tblMaster"]);
    expect(sheet.charts.map((c) => [c.type, c.title])).toEqual([["Line", "trend"]]);
    expect(sheet.conditionalFormats.map((c) => c.fill)).toEqual(["#C6EFCE", "#FFC7CE"]);
    await expect(
      fake.Excel.run(async (context) => {
        context.workbook.worksheets.getItem("マスタ").tables.add("B2:C4", true);
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidOperation" });
  });
});

describe("fake Excel: selection, new workbooks, browser-safe", () => {
  it("records the selected range on book.selection at sync", async () => {
    const fake = createFakeExcel(seed());
    expect(fake.book.selection).toBeUndefined();
    await fake.Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Other");
      sheet.activate();
      sheet.getRange("B2:C3").select();
      expect(fake.book.selection).toBeUndefined(); // queued, not yet applied
      await context.sync();
    });
    expect(fake.book.selection).toEqual({ sheet: "Other", address: "B2:C3" });
    expect(fake.book.activeSheetId).toBe(sheetOf(fake.book, "Other").id);
  });

  it("Excel.createWorkbook records the base64 and leaves the open book alone", async () => {
    const fake = createFakeExcel(seed());
    const before = dumpSheet(fake.book, "マスタ");
    const zip = btoa("PK\x03\x04 rest of a zip");
    await fake.Excel.createWorkbook(zip);
    await fake.Excel.createWorkbook();
    expect(fake.created).toEqual([zip, ""]);
    expect(dumpSheet(fake.book, "マスタ")).toEqual(before);
    expect(fake.stats.syncs).toBe(0);
  });

  it("Excel.createWorkbook rejects text that is not a base64 .xlsx", async () => {
    const fake = createFakeExcel(seed());
    await expect(fake.Excel.createWorkbook("not base64!")).rejects.toMatchObject({ code: "InvalidArgument" });
    await expect(fake.Excel.createWorkbook(btoa("plain text, not a zip"))).rejects.toMatchObject({ code: "InvalidArgument" });
    expect(fake.created).toEqual([]);
  });

  it("measures payloads without Node's Buffer (runs in a browser)", async () => {
    const g = globalThis as { Buffer?: unknown };
    const saved = g.Buffer;
    g.Buffer = undefined;
    try {
      const fake = createFakeExcel(seed());
      await fake.Excel.run(async (context) => {
        context.workbook.worksheets.getItem("マスタ").getRange("C1").values = [["日本語"]];
        await context.sync();
      });
      expect(fake.stats.requests[0].requestBytes).toBeGreaterThan(0);
    } finally {
      g.Buffer = saved;
    }
  });
});
