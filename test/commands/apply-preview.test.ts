/**
 * The task pane's preview is applyRegistrations with dryRun: it must list exactly the changes the
 * apply makes, write nothing, and refuse whenever the apply refuses, with the same message.
 */
import { describe, expect, it } from "vitest";
import { applyRegistrations, type ApplyRegistrationsOptions } from "../../src/commands/applyRegistrations";
import { CommandError } from "../../src/commands/context";
import { candidateSheets } from "../../src/commands/lists";
import type { OutCell } from "../../src/domain/cell";
import { buildSampleBook, SAMPLE_MASTER_HEADER_INDEX, SAMPLE_SHEET_NAMES } from "../../src/demo/sample";
import { buildXlsx, pasteSheet, type XlsxWorkbook } from "../../src/workbook/xlsx/adapter";

const START = "資格情報登録開始日";

/** The sample book with its first registration list pasted; optionally without マスタ's start-date column. */
function sampleBook({ withoutStartDate = false } = {}): { book: XlsxWorkbook; list: string } {
  const sample = buildSampleBook();
  const sheets = sample.sheets.map((s) => {
    if (!withoutStartDate || s.name !== SAMPLE_SHEET_NAMES.master) return s;
    const col = s.rows[SAMPLE_MASTER_HEADER_INDEX].indexOf(START);
    expect(col).toBeGreaterThanOrEqual(0);
    return { ...s, rows: s.rows.map((r): OutCell[] => r.filter((_, j) => j !== col)) };
  });
  const book = buildXlsx(sheets);
  pasteSheet(book, sample.rounds[0].list);
  return { book, list: sample.rounds[0].list.name };
}

const snapshotOf = async (book: XlsxWorkbook) => {
  const names = await book.listSheets();
  return { names, grids: [...(await book.readSheets(names))] };
};

/** The error a promise rejects with (fails the test when it resolves). */
async function refusal(p: Promise<unknown>): Promise<CommandError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(CommandError);
  return e as CommandError;
}

describe("preview = applyRegistrations({ dryRun: true })", () => {
  it("lists the changes the apply then makes, with office names, and writes nothing", async () => {
    const { book } = sampleBook();
    const before = await snapshotOf(book);
    const preview = await applyRegistrations(book, { dryRun: true });
    expect(await snapshotOf(book)).toEqual(before);
    expect(preview.changed).toHaveLength(24);
    expect(Object.keys(preview.names ?? {}).sort()).toEqual(preview.changed.map((c) => c.code).sort());
    expect(Object.values(preview.names ?? {}).every((n) => n !== "")).toBe(true);
    const applied = await applyRegistrations(book, { now: new Date("2024-10-15T01:00:00Z") });
    expect(applied.changed).toEqual(preview.changed);
    expect(applied.unknownCodes).toEqual(preview.unknownCodes);
    expect(applied.names).toBeUndefined();
  });

  it("refuses like the apply when マスタ has no 資格情報登録開始日 column (the screen's own preview did not check this)", async () => {
    const { book, list } = sampleBook({ withoutStartDate: true });
    const before = await snapshotOf(book);
    const previewError = await refusal(applyRegistrations(book, { sheet: list, dryRun: true }));
    const applyError = await refusal(applyRegistrations(book, { sheet: list }));
    expect(previewError.message).toBe(applyError.message);
    expect(await snapshotOf(book)).toEqual(before);
  });

  it.each<[string, ApplyRegistrationsOptions]>([
    ["a sheet that does not exist", { sheet: "支払基金_登録状況_20991231" }],
    ["a 閲覧停止 list", { sheet: SAMPLE_SHEET_NAMES.suspension }],
    ["a sheet without list headers", { sheet: SAMPLE_SHEET_NAMES.settings }],
  ])("refuses %s with the apply's message", async (_, options) => {
    const { book } = sampleBook();
    const previewError = await refusal(applyRegistrations(book, { ...options, dryRun: true }));
    const applyError = await refusal(applyRegistrations(book, options));
    expect(previewError.message).toBe(applyError.message);
  });
});

describe("candidateSheets", () => {
  const names = ["マスタ", "支払基金_登録状況_20250107", "支払基金_閲覧停止_20241105", "支払基金_20250121", "支払基金_エラー明細_20241202", "支払基金_閲覧停止_20241202", "支払基金_登録状況_20241220"];

  it("offers registration lists (and unnamed 支払基金_ sheets), suggesting the newest by date", () => {
    expect(candidateSheets(names, "registration")).toEqual({
      sheets: ["支払基金_登録状況_20250107", "支払基金_20250121", "支払基金_登録状況_20241220"],
      suggested: "支払基金_登録状況_20250107",
    });
  });

  it("offers 閲覧停止 lists, suggesting the last tab", () => {
    expect(candidateSheets(names, "suspension")).toEqual({ sheets: ["支払基金_閲覧停止_20241105", "支払基金_閲覧停止_20241202"], suggested: "支払基金_閲覧停止_20241202" });
  });

  it("suggests nothing when there is nothing to offer", () => {
    expect(candidateSheets(["マスタ"], "registration")).toEqual({ sheets: [], suggested: "" });
  });
});
