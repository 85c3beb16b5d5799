/** Grouping validation findings for the 検証 screen: sheet → severity → rule, capped per rule. */
import type { Finding, Severity } from "../domain/findings";

/** At most this many findings of one rule are listed; the rest are counted ("ほか N 件"). */
export const FINDINGS_PER_RULE = 1000;

const SEVERITIES: Severity[] = ["error", "warning", "info"];

export interface RuleGroup {
  rule: string;
  total: number;
  shown: Finding[];
}
export interface SeverityGroup {
  severity: Severity;
  total: number;
  rules: RuleGroup[];
}
export interface SheetGroup {
  sheet: string;
  total: number;
  severities: SeverityGroup[];
}

/** Sheet → severity → rule, in the order findings arrive; each rule lists at most `perRule` findings overall. */
export function groupFindings(issues: readonly Finding[], perRule = FINDINGS_PER_RULE): SheetGroup[] {
  const listedPerRule = new Map<string, number>();
  const sheets = new Map<string, Map<Severity, Map<string, RuleGroup>>>();
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

