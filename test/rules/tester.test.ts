/**
 * The rule tester and the engine's message formatting: a report with a messageId missing from
 * meta.messages, or a template placeholder without data, fails; a good report becomes a finding
 * that carries its messageId, field key and note.
 */
import { describe, expect, it } from "vitest";
import { atCell, eachFieldCell } from "../../src/domain/rules/cells";
import { defineRule, formatMessage, placeholdersOf, type Rule } from "../../src/domain/rules/rule";
import { validateSheets } from "../../src/domain/validate";
import { MASTER_HEADER, runRuleChecked, toGrid } from "./tester";

const sheets = [{ name: "マスタ", rows: [MASTER_HEADER, ["12130480", "A福祉事務所", 10, null]] }];

/** A rule that reports every 保険者コード with the given report options. */
function codeRule(report: { messageId: string; data?: Record<string, string | number>; note?: string }): Rule {
  return defineRule<string>({
    meta: { id: "test-rule", title: "テスト", severity: "warning", sheets: ["master"], messages: { seen: "コード {{code}} を見ました。", plain: "見ました（{{note}}）。" } },
    check({ table, report: send }) {
      eachFieldCell(table, "code", (cell) => send({ ...report, ...atCell(cell) }));
    },
  });
}

describe("formatMessage", () => {
  it("fills every placeholder from data, spaces inside the braces allowed", () => {
    expect(formatMessage("{{a}} と {{ b }} と {{a}}", { a: 1, b: "二" })).toBe("1 と 二 と 1");
  });

  it("leaves a placeholder without data as written, and never re-reads inserted data", () => {
    expect(formatMessage("{{a}} {{b}}", { a: "{{b}}" })).toBe("{{b}} {{b}}");
    expect(formatMessage("{{a}}", undefined)).toBe("{{a}}");
  });

  it("lists placeholders in order", () => {
    expect(placeholdersOf("{{label}}（{{date}}）が基準日（{{asOf}}）より後")).toEqual(["label", "date", "asOf"]);
  });
});

describe("the rule tester", () => {
  it("passes a report whose messageId is declared and whose placeholders all have data", () => {
    const { findings, problems } = runRuleChecked(codeRule({ messageId: "seen", data: { code: "12130480" } }), sheets);
    expect(problems).toEqual([]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ messageId: "seen", field: "code", cell: "A2", message: "コード 12130480 を見ました。" });
    expect(findings[0]).not.toHaveProperty("note");
  });

  it("fails a messageId missing from meta.messages", () => {
    const { findings, problems } = runRuleChecked(codeRule({ messageId: "unknown" }), sheets);
    expect(problems).toEqual(['test-rule: messageId "unknown" is not in meta.messages']);
    expect(findings).toEqual([]);
  });

  it("fails a template placeholder without data", () => {
    const { problems } = runRuleChecked(codeRule({ messageId: "seen", data: { other: 1 } }), sheets);
    expect(problems).toEqual(['test-rule: messageId "seen" has the placeholder {{code}} but no data for it']);
  });

  it("takes a note as the data of {{note}} and keeps it on the finding", () => {
    const { findings, problems } = runRuleChecked(codeRule({ messageId: "plain", note: "理由" }), sheets);
    expect(problems).toEqual([]);
    expect(findings[0]).toMatchObject({ messageId: "plain", note: "理由", message: "見ました（理由）。" });
    expect(runRuleChecked(codeRule({ messageId: "plain" }), sheets).problems).toHaveLength(1);
  });
});

describe("the engine", () => {
  it("refuses a messageId missing from meta.messages (a rule bug, as ESLint refuses it)", () => {
    expect(() => validateSheets(sheets.map(toGrid), { asOf: "2025-02-04", rules: [codeRule({ messageId: "unknown" })] })).toThrow(/unknown/);
  });
});
