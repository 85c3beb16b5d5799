/**
 * Formula injection (text from a pasted list that starts with = + - @ lands in generated sheets as
 * text, in both adapters) and idempotency (every writing command run twice = run once).
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { applyRegistrations } from "../../src/commands/applyRegistrations";
import { snapshot } from "../../src/commands/snapshot";
import { aggregate } from "../../src/commands/aggregate";
import { CommandError } from "../../src/commands/context";
import { makeOfficeCode } from "../../src/domain/codes";
import { createOfficeWorkbook } from "../../src/workbook/office";
import { buildBook, createFakeExcel } from "../fake-excel";
import { GENERATED_SHEETS, loadBook } from "./hostile-book";
import { cli } from "../cli/capture";

const INJECTIONS = ["=cmd|' /C calc'!A0", "+81-3-0000-0000", "-2+3", "@SUM(1,2)", "=HYPERLINK(\"https://example.com\",\"x\")"];
const codes = INJECTIONS.map((_, i) => makeOfficeCode("12", 13, 100 + i));

const SHEETS = [
  {
    name: "マスタ",
    rows: [
      ["保険者コード", "福祉事務所名", "被保護者数", "資格情報登録開始日", "ベンダ", "都道府県"],
      ...INJECTIONS.map((t, i) => [codes[i], t, 1000 + i, null, t, "東京都"]),
    ],
  },
  {
    name: "支払基金_登録状況_20250107",
    rows: [["保険者コード", "保険者名", "資格情報登録開始日", "データ基準日"], ...INJECTIONS.map((t, i) => [codes[i], t, i % 2 ? "2025/1/6" : null, "2025/1/7"])],
  },
  {
    name: "支払基金_閲覧停止_20250107",
    rows: [["保険者コード", "保険者名", "制度", "初回検知日", "医療情報_合計"], ...INJECTIONS.map((t, i) => [codes[i], t, t, "2025/1/7", 10 + i])],
  },
];

async function xlsxFile(): Promise<string> {
  const book = new ExcelJS.Workbook();
  for (const s of SHEETS) {
    const ws = book.addWorksheet(s.name);
    s.rows.forEach((row, r) => row.forEach((v, c) => v !== null && (ws.getCell(r + 1, c + 1).value = v)));
  }
  const file = path.join(mkdtempSync(path.join(tmpdir(), "onshi-inject-")), "book.xlsx");
  writeFileSync(file, new Uint8Array(await book.xlsx.writeBuffer()));
  return file;
}

describe("formula injection", () => {
  it("CLI (ExcelJS): generated sheets hold the pasted texts as text, never as formulas", async () => {
    const file = await xlsxFile();
    for (const args of [["apply-registrations"], ["snapshot", "--as-of", "2025-01-08"], ["summary", "--as-of", "2025-02-04"], ["aggregate"], ["validate", "--as-of", "2025-02-04"]]) {
      const r = await cli([args[0], file, ...args.slice(1), "--json"]);
      expect(r.exit, `${args[0]}: ${r.stderr}`).toBeLessThan(2);
    }
    const book = await loadBook(readFileSync(file));
    const texts = new Set<string>();
    for (const ws of book.worksheets) {
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          expect(cell.type, `${ws.name}!${cell.address}`).not.toBe(ExcelJS.ValueType.Formula);
          if (GENERATED_SHEETS.has(ws.name) && typeof cell.value === "string") texts.add(cell.value);
        }),
      );
    }
    // the names were copied into generated sheets, verbatim
    for (const t of INJECTIONS) expect(texts.has(t), t).toBe(true);
  });

  it("task pane (Office fake): the same texts land as text, no formula anywhere", async () => {
    const fake = createFakeExcel(buildBook(SHEETS));
    const port = createOfficeWorkbook(fake.Excel.run);
    await applyRegistrations(port, {});
    await snapshot(port, { asOf: "2025-01-08" });
    await aggregate(port, {});
    const found = new Set<string>();
    for (const sheet of fake.book.sheets) {
      for (const cell of sheet.cells.values()) {
        expect(cell.formula, sheet.name).toBeUndefined();
        if (GENERATED_SHEETS.has(sheet.name) && typeof cell.value === "string") found.add(cell.value);
      }
    }
    for (const t of INJECTIONS) expect(found.has(t), t).toBe(true);
  });
});

/** All cells of all sheets, values and formulas (the 変更履歴 time column is a time stamp). */
function wholeBook(book: ExcelJS.Workbook): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const ws of book.worksheets) {
    const cells: string[] = [];
    ws.eachRow((row, r) => row.eachCell((cell, c) => cells.push(`${r},${c}=${JSON.stringify(cell.value)}|${cell.numFmt ?? ""}`)));
    out[ws.name] = cells;
  }
  return out;
}

describe("idempotency", () => {
  it.each([
    ["apply-registrations"],
    ["snapshot", "--as-of", "2025-01-08"],
    ["summary", "--as-of", "2025-02-04"],
    ["aggregate"],
    ["mask"],
  ])("%s twice gives the same workbook as once", async (name, ...args) => {
    const file = await xlsxFile();
    const out1 = path.join(path.dirname(file), "once.xlsx");
    const out2 = path.join(path.dirname(file), "twice.xlsx");
    expect((await cli([name, file, ...args, "--out", out1, "--json"])).exit).toBeLessThan(2);
    expect((await cli([name, out1, ...args, "--out", out2, "--json"])).exit).toBeLessThan(2);
    const once = wholeBook(await loadBook(readFileSync(out1)));
    const twice = wholeBook(await loadBook(readFileSync(out2)));
    expect(twice).toEqual(once);
  });

  it("diff twice gives the same workbook as once", async () => {
    const file = await xlsxFile();
    await cli(["snapshot", file, "--as-of", "2025-01-01"]);
    await cli(["apply-registrations", file]);
    await cli(["snapshot", file, "--as-of", "2025-01-08"]);
    const out1 = path.join(path.dirname(file), "once.xlsx");
    const out2 = path.join(path.dirname(file), "twice.xlsx");
    expect((await cli(["diff", file, "--out", out1, "--json"])).exit).toBeLessThan(2);
    expect((await cli(["diff", out1, "--out", out2, "--json"])).exit).toBeLessThan(2);
    expect(wholeBook(await loadBook(readFileSync(out2)))).toEqual(wholeBook(await loadBook(readFileSync(out1))));
  });

  it("a command that cannot run raises a CommandError, not a crash, on an empty fake book", async () => {
    const fake = createFakeExcel(buildBook([{ name: "Sheet1", rows: [] }]));
    await expect(snapshot(createOfficeWorkbook(fake.Excel.run), { asOf: "2025-01-08" })).rejects.toBeInstanceOf(CommandError);
  });
});
