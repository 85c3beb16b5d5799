import { describe, expect, it } from "vitest";
import { RULE_IDS } from "../../src/domain/rules";
import { validateSheets } from "../../src/domain/validate";
import rule from "../../src/domain/rules/settings-invalid";
import type { RawCell } from "../../src/domain/cell";
import { isoToSerial } from "../../src/domain/dates";
import { testRule, toGrid } from "./tester";
import { SETTING_VALUE_HINTS } from "../../src/domain/settings";

const settings = (...rows: RawCell[][]) => [{ name: "設定", rows: [["設定"], [], ["項目", "値"], ...rows] }];

testRule(rule, {
  valid: [
    { name: "numbers as numbers or text with commas", sheets: settings(["全数_福祉事務所数", "1,104"], ["全数_被保護者数", 2008090], ["優先_被保護者数閾値", "１０００"]) },
    { name: "months in any form, a month as a date cell", sheets: settings(["アンケート_基準月", "令和6年10月"], ["年度末", isoToSerial("2025-03-31")]) },
    { name: "lists separated by , 、 ; and spaces", sheets: settings(["公文書_発出月", "2025-03;2025-04、R7.5 2025/06"], ["無効ルール", "blank-row; external-char"]) },
    { name: "blank values mean the default", sheets: settings(["全数_福祉事務所数", null], ["アンケート_基準月", "\u00a0"]) },
    { name: "a 0 threshold is allowed", sheets: settings(["優先_被保護者数閾値", 0]) },
  ],
  invalid: [
    {
      name: "約1,100 cannot be read: the default is used and said",
      sheets: settings(["全数_福祉事務所数", "約1,100"]),
      errors: [{ messageId: "unreadable", row: 4, cell: "B4", column: "値", value: "約1,100", data: { item: "全数_福祉事務所数", value: "約1,100", fallback: "マスタの行数" } }],
    },
    {
      name: "500人以上 is not a threshold",
      sheets: settings(["優先_被保護者数閾値", "500人以上"]),
      errors: [{ messageId: "unreadable", row: 4, cell: "B4", value: "500人以上", data: { item: "優先_被保護者数閾値", value: "500人以上", fallback: "1000" } }],
    },
    { name: "zero offices", sheets: settings(["全数_福祉事務所数", 0]), errors: [{ messageId: "unreadable", row: 4, value: 0 }] },
    { name: "a month that is not one", sheets: settings(["アンケート_基準月", "10月頃"]), errors: [{ messageId: "unreadable", row: 4, value: "10月頃", note: SETTING_VALUE_HINTS.month }] },
    { name: "one bad month in the list", sheets: settings(["公文書_発出月", "2025-03, 来年度"]), errors: [{ messageId: "unreadable", row: 4, value: "2025-03, 来年度" }] },
    {
      name: "under a misspelt but obvious item name",
      sheets: settings(["全数 福祉事務所数", "約1,100"]),
      errors: [{ messageId: "unreadable", row: 4, cell: "B4", data: { item: "全数_福祉事務所数", value: "約1,100", fallback: "マスタの行数" } }],
    },
    {
      name: "only the row in force (the last) is judged",
      sheets: settings(["優先_被保護者数閾値", "abc"], ["優先_被保護者数閾値", "多い"]),
      errors: [{ messageId: "unreadable", row: 5, value: "多い" }],
    },
  ],
});

describe("無効ルール against the registry's rule ids", () => {
  const run = (value: string) =>
    validateSheets([toGrid(settings(["無効ルール", value])[0])], { asOf: "2025-02-04", rules: [rule], knownRules: RULE_IDS }).issues;

  it("known ids are fine", () => expect(run("blank-row、external-char")).toEqual([]));

  it("a misspelt id switches nothing off, and says so", () => {
    expect(run("blank-row; blank_row")).toEqual([expect.objectContaining({ rule: "settings-invalid", cell: "B4", value: "blank-row; blank_row", messageId: "unknownRuleIds", message: expect.stringContaining("blank_row") })]);
  });
});
