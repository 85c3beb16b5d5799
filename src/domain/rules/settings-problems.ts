/**
 * The three 設定 rules share one reading of the sheet: the parser in domain/settings, the same one
 * the commands and the task pane use, so a finding and the value in force never disagree.
 */
import { normalizeText, splitList } from "../text";
import { readSettingsTable, SETTING_ITEMS, type SettingsRuleId } from "../settings";
import type { RuleContext } from "./rule";

/**
 * Reports the problems of one id that the 設定 parser found. The parser names each problem's
 * messageId (one of the calling rule's meta.messages), so the rules pass their context widened.
 */
export function reportSettingsProblems(id: SettingsRuleId, { table, knownRules, report }: RuleContext): void {
  const data = readSettingsTable(table);
  for (const p of data.problems) {
    if (p.rule === id) report({ messageId: p.messageId, data: p.data, note: p.note, row: p.row, col: p.col, value: p.value });
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
        messageId: "unknownRuleIds",
        data: { item: SETTING_ITEMS.disabledRules, ids: unknown.join("、") },
      });
    }
  }
}
