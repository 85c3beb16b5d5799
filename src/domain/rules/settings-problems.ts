/**
 * The three 設定 rules share one reading of the sheet: the parser in domain/settings, the same one
 * the commands and the task pane use, so a finding and the value in force never disagree.
 */
import { normalizeText, splitList } from "../text";
import { readSettingsTable, SETTING_ITEMS, type SettingsRuleId } from "../settings";
import type { Report, SheetContext } from "./rule";

/** Reports the problems of one id that the 設定 parser found. */
export function reportSettingsProblems(id: SettingsRuleId, { table, knownRules }: SheetContext, report: Report): void {
  const data = readSettingsTable(table);
  for (const p of data.problems) {
    if (p.rule === id) report({ row: p.row, col: p.col, value: p.value, message: p.message });
  }
  // 無効ルール with an id that no rule has switches nothing off: a misspelt id must not pass silently.
  const disabled = data.entries.disabledRules;
  if (id === "settings-invalid" && knownRules && disabled && data.values.disabledRules) {
    const unknown = splitList(normalizeText(disabled.raw)).filter((r) => !knownRules.includes(r));
    if (unknown.length > 0) {
      report({
        row: disabled.row,
        col: disabled.valueCol,
        value: disabled.raw,
        message: `${SETTING_ITEMS.disabledRules} に知らないルール ID があります（${unknown.join("、")}）。このルール ID は無視します。検証結果の「ルール」列の ID（例: blank-row）を入力してください。`,
      });
    }
  }
}
