/**
 * The three 設定 rules share one reading of the sheet: the parser in domain/settings, the same one
 * the commands and the task pane use, so a finding and the value in force never disagree.
 */
import { readSettingsTable, type SettingsRuleId } from "../settings";
import type { Report, SheetContext } from "./rule";

/** Reports the problems of one id that the 設定 parser found. */
export function reportSettingsProblems(id: SettingsRuleId, { table }: SheetContext, report: Report): void {
  for (const p of readSettingsTable(table).problems) {
    if (p.rule === id) report({ row: p.row, col: p.col, value: p.value, message: p.message });
  }
}
