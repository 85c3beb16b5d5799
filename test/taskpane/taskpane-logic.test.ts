// Unit tests of the task pane's non-visual logic: findings grouping, the 設定 editor's writes,
// the cancellable port wrapper and the error texts.
import { describe, expect, it } from "vitest";
import { CommandError } from "../../src/commands/context";
import type { Finding } from "../../src/domain/findings";
import type { SheetGrid, WorkbookPort, WriteBatch } from "../../src/workbook/port";
import { groupFindings } from "../../src/taskpane/findings";
import { M } from "../../src/taskpane/messages";
import { CancelledError, describeError, guardPort } from "../../src/taskpane/runner";
import { checkSetting, emptyValues, readSettingsSheet, settingsWrites } from "../../src/commands/settings";

const finding = (sheet: string, rule: string, severity: Finding["severity"], row: number): Finding => ({
  sheet,
  row,
  column: "保険者コード",
  cell: `D${row}`,
  rule,
  severity,
  message: "m",
  value: null,
});

describe("groupFindings", () => {
  it("groups by sheet, then severity (errors first), then rule, with exact counts", () => {
    const issues = [
      finding("マスタ", "number-as-text", "warning", 5),
      finding("マスタ", "code-check-digit", "error", 6),
      finding("支払基金_x", "pf-code-unknown", "warning", 3),
      finding("マスタ", "code-check-digit", "error", 7),
    ];
    const groups = groupFindings(issues);
    expect(groups.map((g) => [g.sheet, g.total])).toEqual([
      ["マスタ", 3],
      ["支払基金_x", 1],
    ]);
    expect(groups[0].severities.map((s) => [s.severity, s.total])).toEqual([
      ["error", 2],
      ["warning", 1],
    ]);
    expect(groups[0].severities[0].rules[0]).toMatchObject({ rule: "code-check-digit", total: 2 });
  });

  it("lists at most N findings per rule across sheets and counts the rest", () => {
    const issues = [
      ...Array.from({ length: 3 }, (_, i) => finding("A", "blank-row", "info", i + 2)),
      ...Array.from({ length: 3 }, (_, i) => finding("B", "blank-row", "info", i + 2)),
    ];
    const groups = groupFindings(issues, 4);
    const a = groups[0].severities[0].rules[0];
    const b = groups[1].severities[0].rules[0];
    expect([a.total, a.shown.length, b.total, b.shown.length]).toEqual([3, 3, 3, 1]);
  });
});

const grid = (values: (string | number | null)[][], top = 1): SheetGrid => ({ name: "設定", top, left: 1, values });

describe("設定 editor", () => {
  it("reads items and writes only changed values in place, appending missing items", () => {
    const sheet = readSettingsSheet(grid([["設定"], [null, null], ["項目", "値"], ["優先_被保護者数閾値", 1000], ["アンケート_基準月", "2024-10"]]));
    expect(sheet.values.largeThreshold).toBe("1000");
    expect(sheet.values.surveyMonth).toBe("2024-10");
    const values = { ...sheet.values, largeThreshold: "500", asOfDefault: "2025-02-04" };
    const batch = settingsWrites(sheet, values) as WriteBatch;
    expect(batch.ranges).toEqual([
      { sheet: "設定", row: 6, col: 1, values: [["既定_基準日"]] },
      { sheet: "設定", row: 6, col: 2, values: [[{ date: "2025-02-04" }]], formats: ["yyyy/m/d"] },
      { sheet: "設定", row: 4, col: 2, values: [[500]], formats: undefined },
    ]);
    expect(settingsWrites(sheet, sheet.values)).toBeNull();
  });

  it("creates the sheet when it does not exist", () => {
    const sheet = readSettingsSheet(undefined);
    expect(sheet.exists).toBe(false);
    const batch = settingsWrites(sheet, { ...emptyValues(), totalOffices: "1104" }) as WriteBatch;
    expect(batch.sheets?.[0].blocks[0].rows).toEqual([["全数_福祉事務所数", 1104]]);
  });

  it("adds a header below the content of a 設定 sheet that has none", () => {
    const sheet = readSettingsSheet(grid([["メモ"]]));
    const batch = settingsWrites(sheet, { ...emptyValues(), largeThreshold: "800" }) as WriteBatch;
    expect(batch.ranges?.[0]).toEqual({ sheet: "設定", row: 3, col: 1, values: [["項目", "値"]] });
  });

  it("checks input", () => {
    expect(checkSetting("largeThreshold", "abc")).toBe(M.settings.invalid.count);
    expect(checkSetting("totalOffices", "0")).toBe(M.settings.invalid.positive);
    expect(checkSetting("surveyMonth", "令和6年10月")).toBeNull();
    expect(checkSetting("documentMonths", "2025-03, 2025-04")).toBeNull();
    expect(checkSetting("disabledRules", "blank-row, nope")).toBe(M.settings.invalid.rules("nope"));
    expect(checkSetting("asOfDefault", "")).toBeNull();
  });
});

function memoryPort(log: string[]): WorkbookPort {
  return {
    listSheets: async () => (log.push("list"), ["マスタ"]),
    readSheets: async () => (log.push("read"), new Map()),
    commit: async () => void log.push("commit"),
  };
}

describe("guardPort", () => {
  it("reports each step and stops before the next port call once cancelled", async () => {
    const log: string[] = [];
    const steps: string[] = [];
    const abort = new AbortController();
    const port = guardPort(memoryPort(log), abort.signal, (s) => steps.push(s.label));
    await port.listSheets();
    await port.readSheets(["マスタ"]);
    abort.abort();
    await expect(port.commit({})).rejects.toBeInstanceOf(CancelledError);
    expect(log).toEqual(["list", "read"]);
    expect(steps).toEqual([M.progress.listSheets, M.progress.compute, M.progress.readSheets(1), M.progress.compute]);
  });
});

describe("describeError", () => {
  it("shows CommandError text as is, cancellation as a warning, anything else generically", () => {
    expect(describeError(new CommandError("シート「マスタ」がありません。"))).toEqual({
      intent: "error",
      title: M.errors.title,
      body: "シート「マスタ」がありません。",
    });
    expect(describeError(new CancelledError()).intent).toBe("warning");
    const unexpected = describeError(new TypeError("x is undefined"));
    expect(unexpected.body).toBe(M.errors.unexpected);
    expect(unexpected.body).not.toContain("undefined");
    const office = Object.assign(new Error("boom"), { name: "RichApi.Error", code: "ItemNotFound", debugInfo: {} });
    // Issue 13 (defect 4): a known Office error reads as what to do, naming the sheet; the code goes to small print.
    expect(describeError(office, { sheet: "支払基金_エラー明細" })).toEqual({
      intent: "error",
      title: M.errors.title,
      body: "シート『支払基金_エラー明細』が見つかりません。シート名が変わったか削除された可能性があります。検証をやり直してください。",
      code: "ItemNotFound",
    });
    const editing = Object.assign(new Error("busy"), { name: "RichApi.Error", code: "InvalidOperationInCellEditMode", debugInfo: {} });
    expect(describeError(editing).body).toMatch(/^セルの編集を終えてから/u);
    const unknown = Object.assign(new Error("?"), { name: "RichApi.Error", code: "SomethingNew", debugInfo: {} });
    expect(describeError(unknown)).toMatchObject({ body: M.errors.unexpected, code: "SomethingNew" });
  });
});
