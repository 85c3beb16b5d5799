/**
 * The 検証 screen's view of the findings: filtered (severity, sheet, rule, text) and grouped by rule
 * and message, so that an explanation is shown once with its count, and the cells listed under it.
 */
import type { Finding, Severity } from "../commands/validate";

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export interface FindingFilter {
  severities: Record<Severity, boolean>;
  /** '' = every sheet. */
  sheet: string;
  /** '' = every rule. */
  rule: string;
  /** Matched against the sheet, cell, column, value and message (case-insensitive). */
  text: string;
}

export const NO_FILTER: FindingFilter = { severities: { error: true, warning: true, info: true }, sheet: "", rule: "", text: "" };

export interface RuleGroup {
  /** rule + message: one explanation. */
  key: string;
  rule: string;
  severity: Severity;
  /** The explanation, shown once. */
  message: string;
  findings: Finding[];
  sheets: string[];
}

const searchable = (f: Finding): string => `${f.sheet} ${f.cell} ${f.column} ${f.value ?? ""} ${f.message}`.toLowerCase();

export function filterFindings(issues: readonly Finding[], filter: FindingFilter): Finding[] {
  const text = filter.text.trim().toLowerCase();
  return issues.filter(
    (f) =>
      filter.severities[f.severity] &&
      (filter.sheet === "" || f.sheet === filter.sheet) &&
      (filter.rule === "" || f.rule === filter.rule) &&
      (text === "" || searchable(f).includes(text)),
  );
}

/** Groups by rule and message, errors first, then the largest groups. */
export function groupByRule(issues: readonly Finding[]): RuleGroup[] {
  const groups = new Map<string, RuleGroup>();
  for (const f of issues) {
    const key = `${f.rule}\u0000${f.message}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { key, rule: f.rule, severity: f.severity, message: f.message, findings: [], sheets: [] }));
    g.findings.push(f);
    if (!g.sheets.includes(f.sheet)) g.sheets.push(f.sheet);
  }
  return [...groups.values()].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || b.findings.length - a.findings.length);
}

/** The sheets and rules that occur, for the filter choices (in order of first appearance). */
export function filterChoices(issues: readonly Finding[]): { sheets: string[]; rules: string[] } {
  const sheets = new Set<string>();
  const rules = new Set<string>();
  for (const f of issues) {
    sheets.add(f.sheet);
    rules.add(f.rule);
  }
  return { sheets: [...sheets], rules: [...rules] };
}

/**
 * Which rows of a fixed-row-height list are drawn for a scroll position: the visible ones plus
 * `overscan` on each side (the windowing that keeps 100,000 findings smooth).
 */
export function visibleWindow(scrollTop: number, viewport: number, rowHeight: number, count: number, overscan = 8): { first: number; last: number } {
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(count, Math.ceil((scrollTop + viewport) / rowHeight) + overscan);
  return { first, last };
}

// ---------------------------------------------------------------------------------------------
// Sheet → severity → rule (the grouping of the 検証結果 overview; kept for its callers)


/** At most this many findings of one rule are listed; the rest are counted ("ほか N 件"). */
export const FINDINGS_PER_RULE = 1000;

const SEVERITIES: Severity[] = ["error", "warning", "info"];

export interface SheetRuleGroup {
  rule: string;
  total: number;
  shown: Finding[];
}
export interface SeverityGroup {
  severity: Severity;
  total: number;
  rules: SheetRuleGroup[];
}
export interface SheetGroup {
  sheet: string;
  total: number;
  severities: SeverityGroup[];
}

/** Sheet → severity → rule, in the order findings arrive; each rule lists at most `perRule` findings overall. */
export function groupFindings(issues: readonly Finding[], perRule = FINDINGS_PER_RULE): SheetGroup[] {
  const listedPerRule = new Map<string, number>();
  const sheets = new Map<string, Map<Severity, Map<string, SheetRuleGroup>>>();
  for (const f of issues) {
    let bySev = sheets.get(f.sheet);
    if (!bySev) sheets.set(f.sheet, (bySev = new Map()));
    let byRule = bySev.get(f.severity);
    if (!byRule) bySev.set(f.severity, (byRule = new Map()));
    let group = byRule.get(f.rule);
    if (!group) byRule.set(f.rule, (group = { rule: f.rule, total: 0, shown: [] }));
    group.total++;
    const listed = listedPerRule.get(f.rule) ?? 0;
    if (listed < perRule) {
      group.shown.push(f);
      listedPerRule.set(f.rule, listed + 1);
    }
  }
  return [...sheets].map(([sheet, bySev]) => {
    const severities = SEVERITIES.filter((s) => bySev.has(s)).map((severity) => {
      const rules = [...bySev.get(severity)!.values()];
      return { severity, total: rules.reduce((a, r) => a + r.total, 0), rules };
    });
    return { sheet, total: severities.reduce((a, s) => a + s.total, 0), severities };
  });
}

