/**
 * The biweekly routine through the ExcelJS adapter, on a book that looks like a user's: a title
 * above the header, formulas, fills, comments, an unknown column and an add-in 判定_ column.
 * apply-registrations → snapshot → edit マスタ → snapshot again, with saves in between.
 */
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { applyRegistrations, newestRegistrationSheet, tokyoTimestamp } from "../../src/commands/applyRegistrations";
import { CommandError } from "../../src/commands/context";
import { diff } from "../../src/commands/diff";
import { snapshot, SnapshotReplaceError } from "../../src/commands/snapshot";
import { makeOfficeCode } from "../../src/domain/codes";
import { loadXlsxBuffer, XlsxWorkbook } from "../../src/workbook/xlsx/adapter";

const code = (i: number) => makeOfficeCode("12", 13, i);
const utc = (iso: string) => new Date(`${iso}T00:00:00Z`);

function userBook(): XlsxWorkbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("マスタ");
  ws.getCell("A1").value = "福祉事務所マスタ（架空データ）";
  ws.getCell("A1").font = { bold: true, size: 14 };
  ws.getCell("A2").value = "※被保護者数は令和6年3月の被保護者調査より";
  ["都道府県", "保険者コード", "福祉事務所名", "被保護者数", "資格情報登録開始日", "担当者", "備考", "判定_登録状況"].forEach((h, j) => {
    ws.getCell(3, j + 1).value = h;
    ws.getCell(3, j + 1).font = { bold: true };
  });
  const rows: ExcelJS.CellValue[][] = [
    ["東京都", code(1), "一市福祉事務所", { formula: "1000+500", result: 1500 } as ExcelJS.CellFormulaValue, null, "山田", "要確認", null],
    ["東京都", code(2), "二区福祉事務所", 2400, utc("2024-11-01"), "佐藤", null, null],
    ["東京都", code(3), "三町福祉事務所", 300, "2024/12/18", null, "テキストの日付", null],
    ["東京都", code(4), "四村福祉事務所", 800, null, "鈴木", null, null],
    ["東京都", code(5), "五市福祉事務所", 4000, null, null, null, null],
    ["東京都", code(6), "六市福祉事務所", 500, utc("2024-12-01"), null, null, null],
  ];
  rows.forEach((r, i) => r.forEach((v, j) => v !== null && (ws.getCell(4 + i, j + 1).value = v)));
  for (let r = 4; r <= 9; r++) ws.getCell(r, 5).numFmt = "yyyy/m/d";
  ws.getCell("E7").font = { italic: true, color: { argb: "FF0000FF" } }; // an owned cell keeps its font
  ws.getCell("F4").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFF00" } };
  ws.getCell("G4").note = "1月に電話で確認する";
  ws.getCell("I4").value = { formula: "D4*2", result: 3000 } as ExcelJS.CellFormulaValue; // outside the table's header
  ws.getColumn(3).width = 28;
  ws.mergeCells("A1:D1");

  const settings = wb.addWorksheet("設定");
  [["項目", "値"], ["全数_福祉事務所数", 10], ["全数_被保護者数", 20_000]].forEach((r, i) => r.forEach((v, j) => (settings.getCell(i + 1, j + 1).value = v)));

  // The newer list is the left tab: the date in the name decides, not the tab order.
  const lists: [string, ExcelJS.CellValue[][]][] = [
    ["支払基金_登録状況_20250107", [
      [code(1), "一市福祉事務所", utc("2024-12-20")],
      [code(2), "二区福祉事務所", utc("2024-11-01")],
      [code(3), "三町福祉事務所", utc("2024-12-18")],
      [code(4), "四村福祉事務所", "2025/1/6"],
      [code(6), "六市福祉事務所", utc("2024-12-01")],
    ]],
    ["支払基金_登録状況_20241220", [
      [code(1), "一市福祉事務所", utc("2024-12-20")],
      [code(2), "二区福祉事務所", "2024/11/1"],
      [code(3), "三町福祉事務所", utc("2024-12-18")],
      [code(6), "六市福祉事務所", null],
      [code(99), "架空町福祉事務所", utc("2024-12-02")],
    ]],
  ];
  for (const [name, data] of lists) {
    const ls = wb.addWorksheet(name);
    ["保険者コード", "保険者名", "資格情報登録開始日", "データ基準日"].forEach((h, j) => (ls.getCell(1, j + 1).value = h));
    data.forEach((r, i) => r.forEach((v, j) => v !== null && (ls.getCell(2 + i, j + 1).value = v)));
  }
  wb.addWorksheet("支払基金_閲覧停止_20241202").getCell("A1").value = "閲覧停止件数一覧";
  return new XlsxWorkbook(wb);
}

/** Saves and reloads, as the CLI does between runs. */
async function roundTrip(book: XlsxWorkbook): Promise<XlsxWorkbook> {
  return loadXlsxBuffer(new Uint8Array(await book.book.xlsx.writeBuffer()));
}

type CellDump = Record<string, unknown>;

/** Every cell of a sheet: value (formulas included), style and comment; plus widths and merges. */
function dumpSheet(ws: ExcelJS.Worksheet): { cells: CellDump; widths: unknown[]; merges: unknown } {
  const cells: CellDump = {};
  ws.eachRow({ includeEmpty: true }, (row) =>
    row.eachCell({ includeEmpty: true }, (cell) => {
      cells[cell.address] = JSON.parse(JSON.stringify({ value: cell.value, formula: cell.formula ?? null, style: cell.style, note: cell.note ?? null }));
    }),
  );
  const widths = Array.from({ length: ws.columnCount }, (_, i) => ws.getColumn(i + 1).width ?? null);
  return { cells, widths, merges: JSON.parse(JSON.stringify((ws.model as { merges?: unknown }).merges ?? [])) };
}

function dumpBook(book: XlsxWorkbook) {
  return book.book.worksheets.map((ws) => ({ name: ws.name, ...dumpSheet(ws) }));
}

function sheetRows(book: XlsxWorkbook, name: string): unknown[][] {
  const ws = book.book.getWorksheet(name)!;
  const rows: unknown[][] = [];
  ws.eachRow((r) => rows.push(JSON.parse(JSON.stringify((r.values as unknown[]).slice(1)))));
  return rows;
}

describe("apply-registrations", () => {
  it("picks the newest 登録状況 sheet by the date in its name, else the last tab", () => {
    expect(newestRegistrationSheet(["マスタ", "支払基金_登録状況_20250107", "支払基金_登録状況_20241220"])).toBe("支払基金_登録状況_20250107");
    expect(newestRegistrationSheet(["支払基金_登録状況_R7.1.21", "支払基金_登録状況_20250107"])).toBe("支払基金_登録状況_R7.1.21");
    expect(newestRegistrationSheet(["支払基金_登録状況_A", "支払基金_登録状況_B", "支払基金_閲覧停止_20250101"])).toBe("支払基金_登録状況_B");
    expect(newestRegistrationSheet(["マスタ"])).toBeNull();
  });

  it("writes the Japan time of the run whatever the process time zone", () => {
    expect(tokyoTimestamp(new Date("2024-12-31T15:30:00Z"))).toBe("2025-01-01 00:30");
  });

  it("writes only the changed start dates, logs each one, and keeps every other master cell as it was", async () => {
    const book = await roundTrip(userBook());
    const before = dumpSheet(book.book.getWorksheet("マスタ")!);
    const r = await applyRegistrations(book, { sheet: "支払基金_登録状況_20241220", now: new Date("2024-12-20T01:05:00Z") });
    expect(r).toEqual({
      sheet: "支払基金_登録状況_20241220",
      changed: [{ code: code(1), old: null, new: "2024-12-20" }],
      unknownCodes: [code(99)],
      // The list's own name for a code マスタ does not hold (the pane lists it beside the code).
      unknownNames: { [code(99)]: "架空町福祉事務所" },
    });
    const saved = await roundTrip(book);
    const ws = saved.book.getWorksheet("マスタ")!;
    expect(ws.getCell("E4").value).toEqual(utc("2024-12-20"));
    expect(ws.getCell("E4").numFmt).toBe("yyyy/m/d");
    const after = dumpSheet(ws);
    const owned = new Set(["E4"]);
    for (const address of new Set([...Object.keys(before.cells), ...Object.keys(after.cells)])) {
      if (!owned.has(address)) expect(after.cells[address], address).toEqual(before.cells[address]);
    }
    expect(after.widths).toEqual(before.widths);
    expect(after.merges).toEqual(before.merges);
    expect(sheetRows(saved, "変更履歴")).toEqual([
      // SPEC §2: the office, the item and the operation in Japanese.
      ["日時", "シート", "セル", "保険者コード", "福祉事務所名", "項目", "変更前", "変更後", "操作"],
      ["2024-12-20 10:05", "マスタ", "E4", code(1), "一市福祉事務所", "資格情報登録開始日", null, "2024-12-20T00:00:00.000Z", "支払基金データの取込（支払基金_登録状況_20241220）"],
    ]);
  });

  it("is idempotent: a second run changes nothing and logs nothing", async () => {
    const book = await roundTrip(userBook());
    await applyRegistrations(book, { now: new Date("2025-01-07T01:00:00Z") });
    const once = await roundTrip(book);
    const snapshotOfOnce = dumpBook(once);
    const r = await applyRegistrations(once, { now: new Date("2025-01-08T01:00:00Z") });
    expect(r.changed).toEqual([]);
    expect(dumpBook(await roundTrip(once))).toEqual(snapshotOfOnce);
  });

  it("logs the old value of a changed date and keeps an owned cell's own font", async () => {
    const book = await roundTrip(userBook());
    const r = await applyRegistrations(book, { now: new Date("2025-01-07T01:00:00Z") });
    expect(r.sheet).toBe("支払基金_登録状況_20250107");
    expect(r.changed).toEqual([
      { code: code(1), old: null, new: "2024-12-20" },
      { code: code(4), old: null, new: "2025-01-06" },
    ]);
    const saved = await roundTrip(book);
    expect(saved.book.getWorksheet("マスタ")!.getCell("E7").font).toMatchObject({ italic: true });
    expect(sheetRows(saved, "変更履歴").map((row) => row[2])).toEqual(["セル", "E4", "E7"]);

    // A later list moving a date: the log shows the date it replaced.
    const ls = saved.book.addWorksheet("支払基金_登録状況_20250121");
    [["保険者コード", "保険者名", "資格情報登録開始日"], [code(4), "四村福祉事務所", "2025/1/8"]].forEach((row, i) => row.forEach((v, j) => (ls.getCell(i + 1, j + 1).value = v)));
    const moved = await applyRegistrations(saved, { now: new Date("2025-01-21T01:00:00Z") });
    expect(moved.changed).toEqual([{ code: code(4), old: "2025-01-06", new: "2025-01-08" }]);
    const log = sheetRows(await roundTrip(saved), "変更履歴");
    expect(log).toHaveLength(4);
    expect([log[3][2], ...log[3].slice(6, 9)]).toEqual(["E7", "2025-01-06T00:00:00.000Z", "2025-01-08T00:00:00.000Z", "支払基金データの取込（支払基金_登録状況_20250121）"]);
  });

  it.each([
    ["a sheet that does not exist", { sheet: "支払基金_登録状況_20991231" }, /ありません/u],
    ["a sheet that is not a registration list", { sheet: "支払基金_閲覧停止_20241202" }, /登録状況一覧として読めません/u],
    ["a sheet without list headers", { sheet: "設定" }, /登録状況一覧として読めません/u],
  ])("refuses %s with a CommandError and changes nothing", async (_, options, message) => {
    const book = await roundTrip(userBook());
    const before = dumpBook(book);
    await expect(applyRegistrations(book, options)).rejects.toThrow(CommandError);
    await expect(applyRegistrations(book, options)).rejects.toThrow(message);
    expect(dumpBook(book)).toEqual(before);
  });

  it("refuses a book without any registration list", async () => {
    const book = await roundTrip(userBook());
    for (const name of ["支払基金_登録状況_20250107", "支払基金_登録状況_20241220"]) book.book.removeWorksheet(book.book.getWorksheet(name)!.id);
    await expect(applyRegistrations(book, {})).rejects.toThrow(/登録状況シート/u);
  });
});

describe("snapshot and diff", () => {
  async function routine() {
    let book = await roundTrip(userBook());
    await applyRegistrations(book, { sheet: "支払基金_登録状況_20241220", now: new Date("2024-12-20T01:00:00Z") });
    book = await roundTrip(book);
    const first = await snapshot(book, { asOf: "2024-12-20" });
    book = await roundTrip(book);
    const historyAtD1 = sheetRows(book, "スナップショット履歴");
    return { book, first, historyAtD1 };
  }

  it("freezes マスタ and computes the figures of the day", async () => {
    const { book, first, historyAtD1 } = await routine();
    expect(first).toEqual({
      asOf: "2024-12-20",
      previous: null,
      total: { offices: 10, recipients: 20_000 },
      // Unregistered on 12/20: 四村 (800) and 五市 (4,000); 三町's text date 2024/12/18 counts as registered.
      unregistered: { offices: 2, recipients: 4800, officeShare: 0.2, recipientShare: 0.24 },
      registered: { offices: 8, recipients: 15_200, officeShare: 0.8, recipientShare: 0.76 },
      large: { threshold: 1000, offices: 1, recipients: 4000, shareOfUnregistered: 4000 / 4800 },
      delta: null,
      newlyRegistered: [],
      retake: { status: "new" },
    });
    expect(historyAtD1[0]).toEqual(["基準日", "都道府県", "保険者コード", "福祉事務所名", "被保護者数", "資格情報登録開始日", "担当者", "備考", "判定_登録状況"]);
    expect(historyAtD1.slice(1).map((r) => r[0])).toEqual(Array(6).fill("2024-12-20T00:00:00.000Z"));
    // Values as read: the formula's result, a date, a text date kept as text.
    expect(historyAtD1[1].slice(2, 8)).toEqual([code(1), "一市福祉事務所", 1500, "2024-12-20T00:00:00.000Z", "山田", "要確認"]);
    expect(historyAtD1[3][5]).toBe("2024/12/18");
    expect(sheetRows(book, "スナップショット")).toHaveLength(2);
    // SPEC §4: a snapshot never writes 期間差分 (only diff does).
    expect(book.book.getWorksheet("期間差分")).toBeUndefined();
  });

  it("keeps a frozen snapshot unchanged when マスタ changes later, and is idempotent", async () => {
    const routed = await routine();
    let book = routed.book;
    const historyAtD1 = routed.historyAtD1;
    const ws = book.book.getWorksheet("マスタ")!;
    ws.getCell("D8").value = 4200; // 五市: new 被保護者数
    ws.getCell("G8").value = "1月に打合せ";
    ws.getCell("D4").value = { formula: "1000+600", result: 1600 } as ExcelJS.CellFormulaValue;
    book = await roundTrip(book);
    await applyRegistrations(book, { sheet: "支払基金_登録状況_20250107", now: new Date("2025-01-07T01:00:00Z") });
    book = await roundTrip(book);
    const second = await snapshot(book, { asOf: "2025-01-07" });
    book = await roundTrip(book);

    const history = sheetRows(book, "スナップショット履歴");
    expect(history.slice(0, 7)).toEqual(historyAtD1);
    expect(history).toHaveLength(13);

    expect(second.previous).toBe("2024-12-20");
    expect(second.unregistered).toEqual({ offices: 1, recipients: 4200, officeShare: 0.1, recipientShare: 0.21 });
    expect(second.delta!.unregistered).toMatchObject({ offices: -1, recipients: -600 });
    expect(second.newlyRegistered).toEqual([{ code: code(4), name: "四村福祉事務所", startDate: "2025-01-06", recipients: 800 }]);

    // Re-running the same snapshot gives the same workbook.
    const once = dumpBook(book);
    const again = await snapshot(book, { asOf: "2025-01-07" });
    expect(again).toEqual({ ...second, retake: { status: "unchanged" } });
    expect(dumpBook(await roundTrip(book))).toEqual(once);

    const d = await diff(book, {});
    expect([d.from, d.to]).toEqual(["2024-12-20", "2025-01-07"]);
    const changeRows = sheetRows(await roundTrip(book), "期間差分");
    const title = changeRows.findIndex((r) => String(r[0]).startsWith("福祉事務所別の変更"));
    expect(changeRows[title + 1]).toEqual(["保険者コード", "福祉事務所名", "項目", "12/20時点", "1/7時点"]);
    expect(changeRows.slice(title + 2)).toEqual([
      [code(1), "一市福祉事務所", "被保護者数", 1500, 1600], // a formula's new result
      [code(4), "四村福祉事務所", "資格情報登録開始日", null, "2025-01-06"],
      [code(5), "五市福祉事務所", "被保護者数", 4000, 4200],
      [code(5), "五市福祉事務所", "備考", null, "1月に打合せ"],
    ]);

    // Re-taking the first date after the edits replaces it with what マスタ says now (asked for: SPEC §4).
    await expect(snapshot(book, { asOf: "2024-12-20" })).rejects.toThrow(SnapshotReplaceError);
    const preview = await snapshot(book, { asOf: "2024-12-20", dryRun: true });
    expect(preview.retake).toEqual({ status: "replace", changedRows: 3, replaced: false });
    expect(sheetRows(await roundTrip(book), "スナップショット履歴").slice(1, 7).map((r) => r[4])).toEqual([1500, 2400, 300, 800, 4000, 500]);
    expect((await snapshot(book, { asOf: "2024-12-20", replace: true })).retake).toEqual({ status: "replace", changedRows: 3, replaced: true });
    const retaken = sheetRows(await roundTrip(book), "スナップショット履歴");
    expect(retaken.slice(1, 7).map((r) => r[4])).toEqual([1600, 2400, 300, 800, 4200, 500]);
    expect((await diff(book, {})).changes).toEqual([]);
  });

  it("diff lists office-level changes between any two dates and names the dates it has", async () => {
    let { book } = await routine();
    const ws = book.book.getWorksheet("マスタ")!;
    ws.getCell("D8").value = 4200;
    ws.getCell("G8").value = "1月に打合せ";
    ws.getCell("H8").value = "未登録"; // a 判定_ column: derived, not listed
    ws.spliceRows(9, 1); // 六市 leaves the master
    book = await roundTrip(book);
    await snapshot(book, { asOf: "2025-01-07" });
    const d = await diff(book, { from: "2024-12-20", to: "2025-01-07" });
    expect(d.removed).toEqual([code(6)]);
    expect(d.added).toEqual([]);
    expect(d.changes.map(({ code: c, field, from, to }) => ({ c, field, from, to }))).toEqual([
      { c: code(5), field: "被保護者数", from: 4000, to: 4200 },
      { c: code(5), field: "備考", from: null, to: "1月に打合せ" },
    ]);
    await expect(diff(book, { from: "2024-12-19" })).rejects.toThrow(/2024-12-19 のスナップショットがありません。利用できる基準日: 2024-12-20, 2025-01-07/u);
    await expect(diff(book, { from: "2025-01-07", to: "2024-12-20" })).rejects.toThrow(CommandError);
    await expect(diff(book, { to: "2024-12-20" })).rejects.toThrow(/より前のスナップショットがありません/u);
    await expect(diff(book, { from: "きのう" })).rejects.toThrow(/日付として読めません/u);
  });

  it("refuses to run without a snapshot or with an unreadable history row, changing nothing", async () => {
    const book = await roundTrip(userBook());
    await expect(diff(book, {})).rejects.toThrow(/スナップショットがありません/u);
    await snapshot(book, { asOf: "2024-12-20" });
    book.book.getWorksheet("スナップショット履歴")!.getCell("A3").value = "いつか";
    const before = dumpBook(book);
    await expect(snapshot(book, { asOf: "2025-01-07" })).rejects.toThrow(/3 行目の基準日が読めません/u);
    expect(dumpBook(book)).toEqual(before);
  });
});
