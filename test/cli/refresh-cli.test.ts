/** The CLI's import and apply-survey: SPEC §5 JSON, the book saved with a .bak, exit 2 with one line on a garbled file. */
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { makeOfficeCode } from "../../src/domain/codes";
import { buildXlsx, loadXlsx } from "../../src/workbook/xlsx/adapter";
import { encodeCsv } from "../import/csv";
import { cli } from "./capture";

const A = makeOfficeCode("12", 1, 1);

describe("onshi import / apply-survey", () => {
  it("imports a Shift_JIS survey batch, then applies it", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "onshi-refresh-"));
    const book = path.join(dir, "book.xlsx");
    const master = buildXlsx([{ name: "マスタ", rows: [["保険者コード", "福祉事務所名", "被保護者数", "資格情報登録開始日", "アンケート回答日", "登録予定月"], [A, "北海道架空市福祉事務所", 100, null, null, null]] }]);
    writeFileSync(book, new Uint8Array(await master.book.xlsx.writeBuffer()));
    const csv = path.join(dir, "回答_R7.1.28.csv");
    writeFileSync(csv, encodeCsv([["福祉事務所名", "資格情報の登録予定月を以下よりお選びください。", "回答日", "資格情報の登録における対応状況について以下よりお選びください。"], ["架空市福祉事務所", "12_令和7年4月以降", "2025/1/28", "3_準備中"]], "sjis"));

    const imported = await cli(["import", book, csv, "--json"]);
    expect(imported.exit).toBe(0);
    expect(JSON.parse(imported.stdout)).toEqual({ sheet: "支払基金_アンケート回答_20250128", kind: "アンケート回答", date: "2025-01-28", rows: 1, encoding: "Shift_JIS" });
    expect(existsSync(path.join(dir, "book.bak.xlsx"))).toBe(true);

    const applied = await cli(["apply-survey", book, "--json"]);
    expect(applied.exit).toBe(0);
    const json = JSON.parse(applied.stdout);
    expect(json.changed).toEqual([
      { code: A, field: "アンケート回答日", old: null, new: "2025-01-28" },
      { code: A, field: "登録予定月", old: null, new: "12_令和7年4月以降" },
    ]);
    expect(json).toMatchObject({ unmatched: [], ambiguous: [], older: [] });
    const saved = await loadXlsx(book);
    const grid = (await saved.readSheets(["マスタ"])).get("マスタ")!;
    expect(grid.values[1][5]).toBe("12_令和7年4月以降");
    expect((await cli(["apply-survey", book, "--json"])).stdout).toContain('"changed":[]');
  });

  it("exit 2 with one Japanese line for a garbled file, the book untouched", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "onshi-refresh-"));
    const book = path.join(dir, "book.xlsx");
    writeFileSync(book, new Uint8Array(await buildXlsx([{ name: "マスタ", rows: [["保険者コード", "福祉事務所名", "被保護者数", "資格情報登録開始日"]] }]).book.xlsx.writeBuffer()));
    const bad = path.join(dir, "x_20250204.csv");
    writeFileSync(bad, new Uint8Array([...new TextEncoder().encode("保険者コード\r\n"), 0x82, 0xff, 0x0a]));
    const r = await cli(["import", book, bad]);
    expect(r.exit).toBe(2);
    expect(r.stderr).toMatch(/文字コードを判定できませんでした/u);
    expect(existsSync(path.join(dir, "book.bak.xlsx"))).toBe(false);
    expect((await cli(["import", book])).exit).toBe(2);
  });
});
