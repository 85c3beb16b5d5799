/**
 * The task pane's side of the hostile suite: the same generated books, as the Office fake holds
 * them, through every command over the Office adapter. A command ends with a result or a
 * CommandError, and every user cell (value, formula, format, fill, bold, comment) stays as it was.
 */
import ExcelJS from "exceljs";
import { describe, it } from "vitest";
import { aggregate } from "../../src/commands/aggregate";
import { applyRegistrations } from "../../src/commands/applyRegistrations";
import { CommandError } from "../../src/commands/context";
import { diff } from "../../src/commands/diff";
import { mask } from "../../src/commands/mask";
import { snapshot } from "../../src/commands/snapshot";
import { summary } from "../../src/commands/summary";
import { validate } from "../../src/commands/validate";
import { SHEET_NAMES } from "../../src/domain/schema/fields";
import { createOfficeWorkbook } from "../../src/workbook/office";
import type { WorkbookPort } from "../../src/workbook/port";
import { buildBook, createFakeExcel, type FakeBook } from "../fake-excel";
import { GENERATED_SHEETS, checkProperty, fuzzRuns, hostileBook, type BookSpec } from "./hostile-book";

/** What Excel would show for an ExcelJS value (the fake holds plain values only). */
function shown(v: ExcelJS.CellValue): string | number | boolean | null {
  if (v === null || v === undefined) return null;
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.getTime() / 86_400_000 + 25_569;
  if ("error" in v) return String(v.error);
  if ("richText" in v) return v.richText.map((r) => r.text).join("");
  if ("formula" in v) return shown((v.result ?? null) as ExcelJS.CellValue);
  if ("text" in v) return typeof v.text === "string" ? v.text : null;
  return null;
}

function fakeBookOf(spec: BookSpec): FakeBook {
  const book = buildBook(spec.sheets.map((s) => ({ name: s.name, rows: s.rows.map((r) => r.map((c) => (c ? shown(c.value) : null))) })));
  spec.sheets.forEach((s, i) =>
    s.rows.forEach((row, r) =>
      row.forEach((c, j) => {
        const cell = book.sheets[i].cells.get(r * 16_384 + j);
        if (!c || !cell) return;
        if (c.fill) cell.fill = `#${c.fill.slice(2)}`;
        if (c.bold) cell.bold = true;
        if (c.note) cell.comment = c.note;
        if (c.numFmt) cell.numberFormat = c.numFmt;
      }),
    ),
  );
  return book;
}

function userCells(book: FakeBook, owned: (sheet: string, key: number) => boolean): Map<string, string> {
  const out = new Map<string, string>();
  for (const s of book.sheets) {
    if (GENERATED_SHEETS.has(s.name)) continue;
    for (const [key, cell] of s.cells) if (!owned(s.name, key)) out.set(`${s.name}!${key}`, JSON.stringify(cell));
  }
  return out;
}

const COMMANDS: [string, (port: WorkbookPort) => Promise<unknown>][] = [
  ["validate", (p) => validate(p, { asOf: "2025-02-04", write: true })],
  ["apply-registrations", (p) => applyRegistrations(p, {})],
  ["snapshot", (p) => snapshot(p, { asOf: "2025-02-04" })],
  ["diff", (p) => diff(p, {})],
  ["summary", (p) => summary(p, { asOf: "2025-02-04" })],
  ["aggregate", (p) => aggregate(p, {})],
];

describe("hostile workbooks through the Office adapter (fake)", () => {
  it("every command ends with a result or a CommandError and keeps the user's cells", async () => {
    await checkProperty(hostileBook, fuzzRuns(8), async (spec) => {
      const problems: string[] = [];
      for (const [name, run] of COMMANDS) {
        const fake = createFakeExcel(fakeBookOf(spec));
        const port = createOfficeWorkbook(fake.Excel.run);
        // 判定_ columns and (for apply-registrations) the start dates of マスタ are the commands' own.
        const before = JSON.parse(JSON.stringify([...fake.book.sheets.map((s) => [s.name, [...s.cells]])])) as [string, [number, unknown][]][];
        try {
          await run(port);
        } catch (e) {
          if (!(e instanceof CommandError)) problems.push(`${name}: ${(e as Error)?.stack?.slice(0, 500) ?? String(e)}`);
        }
        const masterAfter = fake.book.sheets.find((s) => s.name === SHEET_NAMES.master);
        const ownedCols = new Set<number>();
        for (const [key, cell] of masterAfter?.cells ?? []) {
          if (typeof cell.value === "string" && (cell.value.startsWith("判定_") || (name === "apply-registrations" && cell.value.includes("登録開始日")))) ownedCols.add(key % 16_384);
        }
        const owned = (sheet: string, key: number) => sheet === SHEET_NAMES.master && ownedCols.has(key % 16_384);
        const beforeCells = new Map<string, string>();
        for (const [sheet, cells] of before) {
          if (GENERATED_SHEETS.has(sheet)) continue;
          for (const [key, cell] of cells) if (!owned(sheet, key)) beforeCells.set(`${sheet}!${key}`, JSON.stringify(cell));
        }
        const afterCells = userCells(fake.book, owned);
        for (const k of new Set([...beforeCells.keys(), ...afterCells.keys()])) {
          if (beforeCells.get(k) !== afterCells.get(k)) problems.push(`${name}: ${k}: ${beforeCells.get(k)?.slice(0, 200)} → ${afterCells.get(k)?.slice(0, 200)}`);
        }
      }
      // mask on the add-in side: works on the fake, removes every planted 個人番号
      const fake = createFakeExcel(fakeBookOf(spec));
      await mask(createOfficeWorkbook(fake.Excel.run)).catch((e) => problems.push(`mask: ${(e as Error).message}`));
      const all = fake.book.sheets.flatMap((s) => [...s.cells.values()].map((c) => String(c.value).replace(/[\s-]/g, "")));
      for (const n of spec.myNumbers) if (all.some((v) => v.includes(n))) problems.push("mask left a 個人番号");
      return problems.slice(0, 8);
    });
  }, 90_000);
});
