import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { HIGHLIGHT_MARKER } from "../../src/workbook/port";
import { XlsxWorkbook, loadXlsxBuffer } from "../../src/workbook/xlsx/adapter";

async function roundTrip(book: XlsxWorkbook): Promise<XlsxWorkbook> {
  return loadXlsxBuffer(new Uint8Array(await book.book.xlsx.writeBuffer()));
}

function userBook(): XlsxWorkbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("マスタ");
  ws.getCell("A2").value = "保険者コード";
  ws.getCell("B2").value = "被保護者数";
  ws.getCell("C2").value = "資格情報登録開始日";
  ws.getCell("D2").value = "担当者";
  ws.getCell("A3").value = "12130480";
  ws.getCell("B3").value = { formula: "100+20", result: 120 };
  ws.getCell("C3").value = new Date(Date.UTC(2025, 0, 7));
  ws.getCell("C3").numFmt = "yyyy/m/d";
  ws.getCell("D3").value = { richText: [{ text: "山田" }, { text: "さん", font: { bold: true } }] };
  ws.getCell("D3").note = "ユーザーのコメント";
  ws.getCell("D3").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FF00FF00" } };
  ws.getCell("A4").value = { error: "#N/A" } as ExcelJS.CellErrorValue;
  ws.getColumn(4).width = 33;
  ws.addConditionalFormatting({ ref: "A3:D4", rules: [{ type: "expression", priority: 1, formulae: ['$B3>100'], style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: "FF0000FF" } } } }] });
  wb.addWorksheet("メモ").getCell("A1").value = "ユーザーのシート";
  return new XlsxWorkbook(wb);
}

describe("ExcelJS adapter", () => {
  it("reads the used range with dates as serials, formula results, rich text and errors", async () => {
    const book = await roundTrip(userBook());
    const grid = (await book.readSheets(["マスタ", "ない"])).get("マスタ")!;
    expect((await book.readSheets(["ない"])).size).toBe(0);
    expect(grid.top).toBe(2);
    expect(grid.left).toBe(1);
    expect(grid.values[1]).toEqual(["12130480", 120, 45664, "山田さん"]);
    expect(grid.formats![1][2]).toBe("yyyy/m/d");
    expect(grid.values[2][0]).toBe("#N/A");
  });

  it("writes ranges without touching the rest of the user's cells", async () => {
    const book = await roundTrip(userBook());
    await book.commit({ ranges: [{ sheet: "マスタ", row: 3, col: 3, values: [[{ date: "2025-01-21" }]] }] });
    const again = await roundTrip(book);
    const ws = again.book.getWorksheet("マスタ")!;
    expect(ws.getCell("C3").value).toEqual(new Date(Date.UTC(2025, 0, 21)));
    expect(ws.getCell("B3").formula).toBe("100+20");
    expect(ws.getCell("D3").note).toBe("ユーザーのコメント");
    expect((ws.getCell("D3").fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FF00FF00");
    expect(ws.getColumn(4).width).toBe(33);
  });

  it("writes text that looks like a formula as text", async () => {
    const book = userBook();
    await book.commit({ sheets: [{ name: "検証結果", blocks: [{ header: ["値"], rows: [["=HYPERLINK(\"x\")"], ["+1"], ["@SUM(A1)"]] }] }] });
    const ws = (await roundTrip(book)).book.getWorksheet("検証結果")!;
    expect(ws.getCell("A2").value).toBe('=HYPERLINK("x")');
    expect(ws.getCell("A2").formula).toBeUndefined();
  });

  it("replaces a generated sheet whole at the same tab position, with a table and formats", async () => {
    const book = userBook();
    await book.commit({ sheets: [{ name: "スナップショット", blocks: [{ header: ["基準日", "未登録"], rows: [[{ date: "2025-01-07" }, 81]], tableName: "スナップショット" }] }] });
    book.book.addWorksheet("後ろ");
    await book.commit({
      sheets: [{
        name: "スナップショット",
        freezeHeader: true,
        widths: [12, 10],
        blocks: [{ title: "推移", header: ["基準日", "未登録", "割合"], rows: [[{ date: "2025-01-21" }, 76, 0.0164]], formats: [undefined, "#,##0", "0.0%"], tableName: "スナップショット" }],
      }],
    });
    const again = await roundTrip(book);
    expect(await again.listSheets()).toEqual(["マスタ", "メモ", "スナップショット", "後ろ"]);
    const ws = again.book.getWorksheet("スナップショット")!;
    expect(ws.getCell("A1").value).toBe("推移");
    expect(ws.getCell("A3").value).toEqual(new Date(Date.UTC(2025, 0, 21)));
    expect(ws.getCell("A4").value).toBeNull();
    expect(ws.getCell("C3").numFmt).toBe("0.0%");
    expect(ws.getTables()).toHaveLength(1);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 2 });
  });

  it("appends below existing rows and creates the log sheet with its header", async () => {
    const book = userBook();
    const append = { sheet: "変更履歴", header: ["日時", "セル"], rows: [["2025-01-07 10:00", "C3"]] };
    await book.commit({ appends: [append] });
    await book.commit({ appends: [{ ...append, rows: [["2025-01-21 10:00", "C4"]] }] });
    const grid = (await (await roundTrip(book)).readSheets(["変更履歴"])).get("変更履歴")!;
    expect(grid.values).toEqual([["日時", "セル"], ["2025-01-07 10:00", "C3"], ["2025-01-21 10:00", "C4"]]);
  });

  it("replaces its own conditional formats and leaves the user's alone", async () => {
    const book = userBook();
    const spec = { sheet: "マスタ", firstRow: 3, lastRow: 4, lastCol: 4, rules: [{ formula: `=AND($D3="優先",ISTEXT("${HIGHLIGHT_MARKER}"))`, fill: "#FFC7CE", label: "優先" }] };
    await book.commit({ highlights: [spec] });
    await book.commit({ highlights: [{ ...spec, lastRow: 5 }] });
    const ws = (await roundTrip(book)).book.getWorksheet("マスタ")!;
    // ExcelJS keeps read conditional formats on an untyped property.
    const cfs = (ws as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] }).conditionalFormattings;
    expect(cfs).toHaveLength(2);
    expect(cfs.map((c) => c.ref).sort()).toEqual(["A3:D4", "A3:D5"]);
    expect(JSON.stringify(cfs)).toContain("$B3>100");
  });
});

describe("writes into merged areas", () => {
  it("never overwrite the merge's top-left cell (Excel discards values written to the other cells)", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("マスタ");
    ws.getCell("B2").value = "ユーザーの見出し";
    ws.mergeCells("B2:C3");
    const book = new XlsxWorkbook(wb);
    await book.commit({ ranges: [{ sheet: "マスタ", row: 3, col: 2, values: [[null, "x"]] }, { sheet: "マスタ", row: 4, col: 2, values: [["y"]] }] });
    const again = (await roundTrip(book)).book.getWorksheet("マスタ")!;
    expect(again.getCell("B2").value).toBe("ユーザーの見出し");
    expect(again.getCell("B4").value).toBe("y");
  });
});
