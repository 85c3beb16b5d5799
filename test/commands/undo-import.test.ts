/** 「直前の取込を元に戻す」: restores the logged old values, logs itself, reads old-format logs, loses nothing. */
import { describe, expect, it } from "vitest";
import { applyRegistrations } from "../../src/commands/applyRegistrations";
import { CommandError } from "../../src/commands/context";
import { undoImport } from "../../src/commands/undoImport";
import type { OutCell } from "../../src/domain/cell";
import { makeOfficeCode } from "../../src/domain/codes";
import { buildXlsx, loadXlsxBuffer, type XlsxWorkbook } from "../../src/workbook/xlsx/adapter";

const code = (i: number) => makeOfficeCode("12", 13, i);
const roundTrip = async (b: XlsxWorkbook) => loadXlsxBuffer(new Uint8Array(await b.book.xlsx.writeBuffer()));

const MASTER: OutCell[][] = [
  ["保険者コード", "福祉事務所名", "被保護者数", "資格情報登録開始日"],
  [code(1), "一市福祉事務所", 900, null],
  [code(2), "二市福祉事務所", 1200, "2024/12/18"],
  [code(3), "三市福祉事務所", 300, { date: "2024-11-01" }],
];
const list = (name: string, rows: OutCell[][]) => ({ name, rows: [["保険者コード", "保険者名", "資格情報登録開始日"], ...rows] });

const cells = (b: XlsxWorkbook) => {
  const ws = b.book.getWorksheet("マスタ")!;
  return [2, 3, 4].map((r) => ws.getCell(r, 4).value);
};
const log = (b: XlsxWorkbook) => {
  const rows: unknown[][] = [];
  b.book.getWorksheet("変更履歴")!.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
  return rows;
};

describe("undo-import", () => {
  it("restores what the latest import changed and logs the undo; a second undo goes one import further back", async () => {
    let book = buildXlsx([
      { name: "マスタ", rows: MASTER },
      list("支払基金_登録状況_20241220", [[code(1), "一市福祉事務所", { date: "2024-12-20" }]]),
    ]);
    const before = cells(await roundTrip(book));
    await applyRegistrations(book, { sheet: "支払基金_登録状況_20241220", now: new Date("2024-12-20T01:00:00Z") });
    book = await roundTrip(book);
    const afterFirst = cells(book);
    book.book.addWorksheet("支払基金_登録状況_20250107");
    const second = buildXlsx([list("x", [[code(2), "二市福祉事務所", { date: "2024-12-19" }], [code(3), "三市", { date: "2024-11-05" }]])]);
    second.book.getWorksheet("x")!.eachRow((r, i) => r.eachCell((c, j) => (book.book.getWorksheet("支払基金_登録状況_20250107")!.getCell(i, j).value = c.value)));
    await applyRegistrations(book, { sheet: "支払基金_登録状況_20250107", now: new Date("2025-01-07T01:00:00Z") });
    book = await roundTrip(book);
    expect(cells(book)[1]).toEqual(new Date("2024-12-19T00:00:00Z"));

    const preview = await undoImport(book, { dryRun: true });
    expect(preview.operation).toBe("支払基金データの取込（支払基金_登録状況_20250107）");
    expect(preview.restored.map((r) => [r.cell, r.code, r.name, r.to])).toEqual([
      ["D3", code(2), "二市福祉事務所", "2024/12/18"], // a text date is logged, and given back, as typed
      ["D4", code(3), "三市福祉事務所", { date: "2024-11-01" }],
    ]);
    expect(cells(await roundTrip(book))[1]).toEqual(new Date("2024-12-19T00:00:00Z")); // a dry run writes nothing

    const undone = await undoImport(book, { now: new Date("2025-01-07T02:00:00Z") });
    expect(undone.restored).toHaveLength(2);
    book = await roundTrip(book);
    expect(cells(book)).toEqual(afterFirst);
    const rows = log(book);
    expect(rows.slice(-2).map((r) => [r[2], r[8]])).toEqual([
      ["D3", "直前の取込を元に戻す（支払基金データの取込（支払基金_登録状況_20250107））"],
      ["D4", "直前の取込を元に戻す（支払基金データの取込（支払基金_登録状況_20250107））"],
    ]);

    // The next undo is the 12/20 import; then nothing is left to undo.
    expect((await undoImport(book, { now: new Date("2025-01-07T03:00:00Z") })).operation).toBe("支払基金データの取込（支払基金_登録状況_20241220）");
    book = await roundTrip(book);
    expect(cells(book)).toEqual(before);
    await expect(undoImport(book)).rejects.toThrow(CommandError);
  });

  it("leaves a cell edited since the import as it is, and says so", async () => {
    let book = buildXlsx([{ name: "マスタ", rows: MASTER }, list("支払基金_登録状況_20241220", [[code(1), "一市", { date: "2024-12-20" }], [code(3), "三市", { date: "2024-11-05" }]])]);
    await applyRegistrations(book, { now: new Date("2024-12-20T01:00:00Z") });
    book = await roundTrip(book);
    book.book.getWorksheet("マスタ")!.getCell("D4").value = "確認中";
    const r = await undoImport(await roundTrip(book));
    expect(r.restored.map((c) => c.cell)).toEqual(["D2"]);
    expect(r.skipped).toEqual([expect.objectContaining({ cell: "D4", reason: expect.stringContaining("今の値: 確認中") })]);
  });

  it("reads a log written in the old six columns, and adds the new columns at its right end", async () => {
    let book = buildXlsx([
      { name: "マスタ", rows: [MASTER[0], [code(1), "一市福祉事務所", 900, { date: "2024-12-20" }]] },
      { name: "変更履歴", rows: [["日時", "シート", "セル", "変更前", "変更後", "コマンド"], ["2024-12-20 10:05", "マスタ", "D2", null, { date: "2024-12-20" }, "apply-registrations:支払基金_登録状況_20241220"]] },
    ]);
    book = await roundTrip(book);
    const r = await undoImport(book, { now: new Date("2025-01-07T02:00:00Z") });
    expect(r.operation).toBe("支払基金データの取込（支払基金_登録状況_20241220）");
    book = await roundTrip(book);
    expect(book.book.getWorksheet("マスタ")!.getCell("D2").value).toBeNull();
    const rows = log(book);
    expect(rows[0]).toEqual(["日時", "シート", "セル", "変更前", "変更後", "コマンド", "保険者コード", "福祉事務所名", "項目"]);
    expect(rows[2]).toEqual(["2025-01-07 11:00", "マスタ", "D2", new Date("2024-12-20T00:00:00Z"), undefined, "直前の取込を元に戻す（支払基金データの取込（支払基金_登録状況_20241220））", code(1), "一市福祉事務所", "資格情報登録開始日"]);
  });
});
