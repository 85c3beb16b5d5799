/** 検証結果: every finding of the task pane's 検証, one row each. */
import { SEVERITY_LABEL, type Finding } from "../../domain/findings";
import { ruleTitle } from "../../domain/rules";
import { SHEET_NAMES } from "../../domain/schema/fields";
import type { GeneratedSheet } from "../../domain/writes";

export const FINDINGS_HEADER = ["シート", "行", "列", "セル", "ルール", "項目", "重要度", "内容", "値"];

export function findingsSheet(issues: readonly Finding[]): GeneratedSheet {
  return {
    name: SHEET_NAMES.findings,
    freezeHeader: true,
    widths: [18, 6, 20, 8, 24, 24, 8, 60, 20],
    blocks: [
      {
        header: FINDINGS_HEADER,
        tableName: "検証結果",
        rows: issues.map((f) => [f.sheet, f.row, f.column, f.cell, f.rule, ruleTitle(f.rule), SEVERITY_LABEL[f.severity], f.message, f.value]),
      },
    ],
  };
}
