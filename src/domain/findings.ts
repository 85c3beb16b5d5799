/**
 * Validation findings, shaped like frictionless' reports: every finding names its sheet, row,
 * column, cell, rule, severity, a Japanese note on what is wrong and how to fix it, and the value.
 */
export const SEVERITIES = ["error", "warning", "info"] as const;
export type Severity = (typeof SEVERITIES)[number];

/** The Japanese label of a severity, for every table, sheet and screen (one definition). */
export const SEVERITY_LABEL: Readonly<Record<Severity, string>> = { error: "エラー", warning: "警告", info: "情報" };

export type FindingValue = string | number | boolean | null;

export interface Finding {
  sheet: string;
  /** 1-based, as Excel shows it. */
  row: number;
  /** The column header as written in the sheet ('' for findings about a whole row or sheet). */
  column: string;
  /** A1 address ('' when the finding is about a whole sheet). */
  cell: string;
  rule: string;
  severity: Severity;
  message: string;
  /** The offending value; always null for mynumber-present. */
  value: FindingValue;
  /** Which of the rule's meta.messages the message was made from (set by the engine). */
  messageId?: string;
  /** The schema field key the finding concerns (e.g. "recipients"; '' for a whole row or sheet). */
  field?: string;
  /** The specific reason, in a parser's words, when the rule has one (also inside the message). */
  note?: string;
}

export type SeverityCounts = Record<Severity, number>;

export interface RuleSummary {
  rule: string;
  severity: Severity;
  count: number;
  /** The most frequent offending values, most frequent first (as Great Expectations' partial_unexpected_counts). */
  topValues: { value: FindingValue; count: number }[];
}

export function countBySeverity(findings: readonly Finding[]): SeverityCounts {
  const counts: SeverityCounts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** One line per rule: how many findings and the commonest values, errors first. */
export function summarizeByRule(findings: readonly Finding[], topN = 5): RuleSummary[] {
  const byRule = new Map<string, { severity: Severity; count: number; values: Map<FindingValue, number> }>();
  for (const f of findings) {
    let entry = byRule.get(f.rule);
    if (!entry) byRule.set(f.rule, (entry = { severity: f.severity, count: 0, values: new Map() }));
    entry.count++;
    entry.values.set(f.value, (entry.values.get(f.value) ?? 0) + 1);
  }
  return [...byRule]
    .map(([rule, e]) => ({
      rule,
      severity: e.severity,
      count: e.count,
      topValues: [...e.values]
        .sort((a, b) => b[1] - a[1])
        .slice(0, topN)
        .map(([value, count]) => ({ value, count })),
    }))
    .sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || b.count - a.count || a.rule.localeCompare(b.rule));
}
