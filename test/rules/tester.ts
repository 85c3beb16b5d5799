/**
 * A table-driven rule tester in the manner of ESLint's RuleTester: each case is a small workbook
 * (one or more sheets given as rows from A1); valid cases must yield no finding of the rule,
 * invalid cases exactly the expected ones, each named by its messageId and position (and by data
 * or note where the detail matters), never by its prose. Every report is checked as the rule makes
 * it: its messageId must be one of meta.messages, and every {{placeholder}} of that template must
 * have data.
 */
import { describe, expect, it } from "vitest";
import type { RawCell } from "../../src/domain/cell";
import type { Finding } from "../../src/domain/findings";
import { formatMessage, placeholdersOf, type MessageData, type ReportDescriptor, type Rule, type RuleMeta } from "../../src/domain/rules/rule";
import { validateSheets } from "../../src/domain/validate";
import type { SheetGrid } from "../../src/workbook/port";

export interface SheetInput {
  name: string;
  rows: RawCell[][];
  /** Number formats parallel to rows (optional). */
  formats?: string[][];
}

export interface RuleCase {
  name: string;
  sheets: SheetInput[];
  asOf?: string;
}

/** One expected finding: its messageId, and any of its position, value, field, note and data. */
export interface ExpectedError extends Partial<Pick<Finding, "sheet" | "row" | "column" | "cell" | "value" | "field" | "note">> {
  messageId: string;
  /** Compared as ESLint does: the message must equal the template filled with this data. */
  data?: MessageData;
}

export interface InvalidCase extends RuleCase {
  /** The findings expected, in order (sheet defaults to the first sheet). */
  errors: ExpectedError[];
}

/** Pads rows to one width, as an adapter's used range would be. */
export function toGrid(sheet: SheetInput): SheetGrid {
  const width = Math.max(1, ...sheet.rows.map((r) => r.length));
  const values = sheet.rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? null));
  const formats = sheet.formats?.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? "General"));
  return { name: sheet.name, top: 1, left: 1, values, formats };
}

/** What is wrong with one report of a rule: an undeclared messageId, or placeholders without data. */
export function reportProblems(meta: RuleMeta, descriptor: ReportDescriptor): string[] {
  const template = Object.hasOwn(meta.messages, descriptor.messageId) ? meta.messages[descriptor.messageId] : undefined;
  if (template === undefined) return [`${meta.id}: messageId "${descriptor.messageId}" is not in meta.messages`];
  const data: MessageData = { ...descriptor.data, ...(descriptor.note === undefined ? {} : { note: descriptor.note }) };
  return placeholdersOf(template)
    .filter((name) => !Object.hasOwn(data, name))
    .map((name) => `${meta.id}: messageId "${descriptor.messageId}" has the placeholder {{${name}}} but no data for it`);
}

/** The rule's findings on a small workbook, and the problems of its reports. */
export function runRuleChecked(rule: Rule, sheets: SheetInput[], asOf = "2025-02-04"): { findings: Finding[]; problems: string[] } {
  const problems: string[] = [];
  const checked: Rule = {
    meta: rule.meta,
    check: (context) =>
      rule.check({
        ...context,
        report: (descriptor) => {
          const found = reportProblems(rule.meta, descriptor);
          problems.push(...found);
          if (found.length === 0) context.report(descriptor);
        },
      }),
  };
  const findings = validateSheets(sheets.map(toGrid), { asOf, rules: [checked] }).issues.filter((f) => f.rule === rule.meta.id);
  return { findings, problems };
}

export function runRule(rule: Rule, sheets: SheetInput[], asOf = "2025-02-04"): Finding[] {
  const { findings, problems } = runRuleChecked(rule, sheets, asOf);
  expect(problems).toEqual([]);
  return findings;
}

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/u;

export function testRule(rule: Rule, cases: { valid: RuleCase[]; invalid: InvalidCase[] }): void {
  describe(rule.meta.id, () => {
    it("has Japanese metadata and messages", () => {
      expect(rule.meta.title).toMatch(JAPANESE);
      expect(["error", "warning", "info"]).toContain(rule.meta.severity);
      const ids = Object.keys(rule.meta.messages);
      expect(ids.length).toBeGreaterThan(0);
      for (const id of ids) expect(rule.meta.messages[id], id).toMatch(JAPANESE);
    });
    if (cases.valid.length > 0) {
      it.each(cases.valid.map((c) => [c.name, c] as const))("valid: %s", (_, c) => {
        expect(runRule(rule, c.sheets, c.asOf)).toEqual([]);
      });
    }
    it.each(cases.invalid.map((c) => [c.name, c] as const))("invalid: %s", (_, c) => {
      const found = runRule(rule, c.sheets, c.asOf);
      expect(found.map((f) => [f.row, f.cell, f.messageId])).toHaveLength(c.errors.length);
      c.errors.forEach(({ data, ...want }, i) => {
        expect(Object.keys(rule.meta.messages), `error ${i}: unknown messageId`).toContain(want.messageId);
        expect(found[i]).toMatchObject({ sheet: c.sheets[0].name, ...want });
        expect(found[i].severity).toBe(rule.meta.severity);
        if (data) expect(found[i].message).toBe(formatMessage(rule.meta.messages[want.messageId], { note: found[i].note ?? "", ...data }));
      });
    });
  });
}

/** A minimal valid master header, for cases that only care about one column. */
export const MASTER_HEADER = ["保険者コード", "福祉事務所名", "被保護者数", "資格情報登録開始日"];
