import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/main";
import { aggregate, suspensionSheetsInOrder } from "../../src/commands/aggregate";
import { dateInSheetName } from "../../src/domain/schema/fields";
import type { OutCell } from "../../src/domain/cell";
import { makeOfficeCode } from "../../src/domain/codes";
import { buildXlsx, type XlsxWorkbook } from "../../src/workbook/xlsx/adapter";

const A = makeOfficeCode("12", 11, 1); // 埼玉県
const B = makeOfficeCode("12", 13, 2); // 東京都
const C = makeOfficeCode("12", 27, 3); // 大阪府

const master: OutCell[][] = [
  ["保険者コード", "福祉事務所名", "被保護者数", "資格情報登録開始日", "ベンダ", "都道府県"],
  [A, "甲市福祉事務所", 1000, null, "ベンダA", "埼玉県"],
  [B, "乙区福祉事務所", 3000, null, "ベンダA", "東京都"],
  [C, "丙市福祉事務所", 6000, null, "ベンダB", null],
];
const list = (counts: [string, number][]): OutCell[][] => [
  ["保険者コード", "保険者名", "医療情報_加入中", "医療情報_資格喪失", "医療情報_合計"],
  ...counts.map(([code, n]): OutCell[] => [code, "x", n, 0, n]),
];

function book(): XlsxWorkbook {
  return buildXlsx([
    { name: "マスタ", rows: master },
    // tab order is not time order: the names carry the dates
    { name: "支払基金_閲覧停止_20241202", rows: list([[A, 30], [B, 10], [C, 60]]) },
    { name: "支払基金_閲覧停止_20241105", rows: list([[A, 60], [B, 10]]) },
    { name: "支払基金_登録状況_20241202", rows: [["保険者コード", "保険者名", "資格情報登録開始日"], [A, "x", "2024-12-01"]] },
  ]);
}

describe("aggregate", () => {
  it("orders the 閲覧停止 lists by the date in their names and defaults to the newest and the one before", async () => {
    expect(dateInSheetName("支払基金_閲覧停止_20241202")).toBe("2024-12-02");
    const b = book();
    const grids = await b.readSheets(await b.listSheets());
    expect(suspensionSheetsInOrder(await b.listSheets(), grids)).toEqual(["支払基金_閲覧停止_20241105", "支払基金_閲覧停止_20241202"]);
    const r = await aggregate(b);
    expect([r.sheet, r.previous, r.total]).toEqual(["支払基金_閲覧停止_20241202", "支払基金_閲覧停止_20241105", 100]);
    expect(r.byVendor).toEqual([
      { vendor: "ベンダB", count: 60, share: 0.6, officeShare: 1 / 3 },
      { vendor: "ベンダA", count: 40, share: 0.4, officeShare: 2 / 3 },
    ]);
    expect(r.byPrefecture.map((p) => [p.prefecture, p.count, p.recipientShare])).toEqual([["大阪府", 60, 0.6], ["埼玉県", 30, 0.1], ["東京都", 10, 0.3]]);
    expect(r.top.map((t) => [t.name, t.count])).toEqual([["丙市福祉事務所", 60], ["甲市福祉事務所", 30], ["乙区福祉事務所", 10]]);
    expect(r.remaining!.map((x) => [x.code, x.previous, x.count, x.ratio])).toEqual([[C, null, 60, null], [A, 60, 30, 0.5], [B, 10, 10, 1]]);
    const ws = b.book.getWorksheet("閲覧停止集計")!;
    expect(ws.getCell("A2").value).toBe("ベンダー名");
    expect(ws.getCell("A3").value).toBe("ベンダB");
    expect(ws.getCell("C3").numFmt).toBe("0.0%");
  });

  it("takes --sheet and --previous, and has no 残存割合 without a previous list", async () => {
    const r = await aggregate(book(), { sheet: "支払基金_閲覧停止_20241105" });
    expect(r.previous).toBeNull();
    expect(r.remaining).toBeUndefined();
    expect(r.total).toBe(70);
  });

  it("stops with a plain message when there is no list or the named sheet is missing", async () => {
    await expect(aggregate(buildXlsx([{ name: "マスタ", rows: master }]))).rejects.toThrow(/閲覧停止の一覧がありません/);
    await expect(aggregate(book(), { sheet: "ない" })).rejects.toThrow(/シート「ない」/);
  });

  it("prints the SPEC §5 JSON (plus remaining) from the CLI", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "onshi-aggregate-"));
    const file = path.join(dir, "book.xlsx");
    writeFileSync(file, new Uint8Array(await book().book.xlsx.writeBuffer()));
    let stdout = "";
    const code = await runCli(["aggregate", file, "--json"], { stdout: (s) => (stdout += s), stderr: () => undefined });
    expect(code).toBe(0);
    expect(Object.keys(JSON.parse(stdout))).toEqual(["byVendor", "byPrefecture", "top", "remaining"]);
    stdout = "";
    expect(await runCli(["aggregate", file, "--previous", "支払基金_閲覧停止_20241202", "--sheet", "支払基金_閲覧停止_20241105"], { stdout: (s) => (stdout += s), stderr: () => undefined })).toBe(0);
    expect(stdout).toContain("ベンダー別");
    expect(stdout).toContain("残存割合");
  });
});
