/**
 * A table-driven rule tester in the manner of ESLint's RuleTester: each case is a small workbook
 * (one or more sheets given as rows from A1); valid cases must yield no finding of the rule,
 * invalid cases exactly the expected ones.
 */
import { describe, expect, it } from "vitest";
import type { RawCell } from "../../src/domain/cell";
import type { Finding } from "../../src/domain/findings";
import type { Rule } from "../../src/domain/rules/rule";
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

export interface InvalidCase extends RuleCase {
  /** The findings expected, compared on the fields given (sheet defaults to the first sheet). */
  errors: Partial<Pick<Finding, "sheet" | "row" | "column" | "cell" | "value" | "message">>[];
}

/** Pads rows to one width, as an adapter's used range would be. */
export function toGrid(sheet: SheetInput): SheetGrid {
  const width = Math.max(1, ...sheet.rows.map((r) => r.length));
  const values = sheet.rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? null));
  const formats = sheet.formats?.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? "General"));
  return { name: sheet.name, top: 1, left: 1, values, formats };
}

export function runRule(rule: Rule, sheets: SheetInput[], asOf = "2025-02-04"): Finding[] {
  return validateSheets(sheets.map(toGrid), { asOf, rules: [rule] }).issues.filter((f) => f.rule === rule.meta.id);
}

export function testRule(rule: Rule, cases: { valid: RuleCase[]; invalid: InvalidCase[] }): void {
  describe(rule.meta.id, () => {
    it("has Japanese metadata", () => {
      expect(rule.meta.message).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/u);
      expect(rule.meta.title).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/u);
      expect(["error", "warning", "info"]).toContain(rule.meta.severity);
    });
    if (cases.valid.length > 0) {
      it.each(cases.valid.map((c) => [c.name, c] as const))("valid: %s", (_, c) => {
        expect(runRule(rule, c.sheets, c.asOf)).toEqual([]);
      });
    }
    it.each(cases.invalid.map((c) => [c.name, c] as const))("invalid: %s", (_, c) => {
      const found = runRule(rule, c.sheets, c.asOf);
      expect(found).toHaveLength(c.errors.length);
      c.errors.forEach((want, i) => {
        expect(found[i]).toMatchObject({ sheet: c.sheets[0].name, ...want });
        expect(found[i].severity).toBe(rule.meta.severity);
      });
    });
  });
}

/** A minimal valid master header, for cases that only care about one column. */
export const MASTER_HEADER = ["保険者コード", "福祉事務所名", "被保護者数", "資格情報登録開始日"];
