import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { mask } from "../../src/commands/mask";
import { makeOfficeCode, myNumberCheckDigit } from "../../src/domain/codes";
import type { OutCell } from "../../src/domain/cell";
import { createOfficeWorkbook } from "../../src/workbook/office";
import { buildXlsx, loadXlsx } from "../../src/workbook/xlsx/adapter";
import { buildBook, cellAt, createFakeExcel, dumpSheet } from "../fake-excel";
import { cli } from "../cli/capture";

const A = makeOfficeCode("12", 13, 48);
const B = makeOfficeCode("12", 14, 3);
const MY = `98765432101${myNumberCheckDigit("98765432101")}`;

const SHEETS: { name: string; rows: (string | number | null)[][] }[] = [
  {
    name: "マスタ",
    rows: [
      ["保険者コード", "福祉事務所名", "自治体名", "被保護者数", "資格情報登録開始日", "備考"],
      [A, "架空市福祉事務所", "架空市", 1200, null, `個人番号 ${MY} を誤って記載`],
      [B, "空想町福祉事務所", null, 40, null, "特になし"],
    ],
  },
  {
    name: "支払基金_エラー明細_20250107",
    rows: [
      ["保険者コード", "被保険者番号", "氏名", "氏名カナ", "生年月日", "住所", "エラーコード"],
      [A, "0001234", "架空 花子", "カクウ ハナコ", 20000, "架空市1-2", "Z09"],
    ],
  },
  { name: "メモ", rows: [["架空市福祉事務所", "電話済み"]] },
];

describe("mask command", () => {
  it("ExcelJS adapter: masks names and personal fields, removes the 個人番号, keeps codes and counts", async () => {
    const book = buildXlsx(SHEETS as { name: string; rows: OutCell[][] }[]);
    const r = await mask(book);
    expect(r).toEqual({ masked: 9, removedMyNumbers: 1, hashedCodes: 0, sheets: ["マスタ", "支払基金_エラー明細_20250107", "メモ"] });
    const ws = book.book.getWorksheet("マスタ")!;
    expect(ws.getCell("B2").value).toBe("■");
    expect(ws.getCell("C3").value).toBe(null);
    expect(ws.getCell("F2").value).toBe(null);
    expect(ws.getCell("F3").value).toBe("特になし");
    expect(ws.getCell("A2").value).toBe(A);
    expect(ws.getCell("D2").value).toBe(1200);
    const errors = book.book.getWorksheet("支払基金_エラー明細_20250107")!;
    expect(["B2", "C2", "D2", "E2", "F2"].map((a) => errors.getCell(a).value)).toEqual(["■", "■", "■", "■", "■"]);
    expect(errors.getCell("G2").value).toBe("Z09");
    expect(book.book.getWorksheet("メモ")!.getCell("A1").value).toBe("■");
    // idempotent
    expect(await mask(book)).toEqual({ masked: 0, removedMyNumbers: 0, hashedCodes: 0, sheets: [] });
  });

  it("Office adapter (fake): the same cells, written as text", async () => {
    const fake = createFakeExcel(buildBook(SHEETS));
    const port = createOfficeWorkbook(fake.Excel.run);
    const r = await mask(port, { hashCodes: true, salt: "k" });
    expect(r.masked).toBe(9);
    expect(r.removedMyNumbers).toBe(1);
    expect(r.hashedCodes).toBe(3);
    const rows = dumpSheet(fake.book, "マスタ");
    expect(rows[1][1]).toBe("■");
    expect(rows[1][5]).toBe(null);
    expect(rows[1][0]).not.toBe(A);
    expect(cellAt(fake.book, "支払基金_エラー明細_20250107", "A2").value).toBe(rows[1][0]);
    expect(cellAt(fake.book, "マスタ", "B2").formula).toBeUndefined();
    // writes are grouped by column runs: one commit
    expect(fake.stats.runs).toBe(3);
  });
});

async function writeBook(): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), "onshi-mask-"));
  const file = path.join(dir, "台帳.xlsx");
  writeFileSync(file, new Uint8Array(await buildXlsx(SHEETS as { name: string; rows: OutCell[][] }[]).book.xlsx.writeBuffer()));
  return file;
}

describe("onshi mask", () => {
  it("writes 【マスク】<name>.xlsx beside the book, leaves the original untouched and prints no 個人番号", async () => {
    const file = await writeBook();
    const before = readFileSync(file);
    const r = await cli(["mask", file, "--json"]);
    expect(r.exit).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ masked: 9, removedMyNumbers: 1, hashedCodes: 0, sheets: ["マスタ", "支払基金_エラー明細_20250107", "メモ"] });
    expect(r.stdout + r.stderr).not.toContain(MY);
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(existsSync(file.replace(/\.xlsx$/, ".bak.xlsx"))).toBe(false);
    const out = path.join(path.dirname(file), "【マスク】台帳.xlsx");
    const masked = await loadXlsx(out);
    const grid = (await masked.readSheets(["マスタ"])).get("マスタ")!;
    expect(grid.values[1]).toEqual([A, "■", "■", 1200, null, null]);
    const text = (await cli(["mask", file])).stdout;
    expect(text).toContain("■に置き換えたセル 9 件");
  });

  it("--out and --hash-codes; refuses to write over the original (exit 2, file untouched)", async () => {
    const file = await writeBook();
    const before = readFileSync(file);
    const out = path.join(path.dirname(file), "share.xlsx");
    const r = await cli(["mask", file, "--out", out, "--hash-codes", "--json"]);
    expect(r.exit).toBe(0);
    expect(JSON.parse(r.stdout).hashedCodes).toBe(3);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.getWorksheet("マスタ")!.getCell("A2").value).not.toBe(A);
    const refused = await cli(["mask", file, "--out", path.join(path.dirname(file), ".", "台帳.xlsx")]);
    expect(refused.exit).toBe(2);
    expect(refused.stderr.trim().split("\n").at(-1)).toMatch(/上書きすることはできません/);
    expect(readFileSync(file).equals(before)).toBe(true);
  });
});
