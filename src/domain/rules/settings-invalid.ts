import { defineRule, type RuleContext } from "./rule";
import { reportSettingsProblems } from "./settings-problems";

/**
 * A 設定 value that cannot be read (`約1,100`, `500人以上`): the default is used instead, and every
 * computed table says so in its notes.
 */
export default defineRule({
  meta: {
    id: "settings-invalid",
    title: "設定の値が読めない",
    severity: "error",
    messages: {
      unreadable: "{{item}} の値「{{value}}」が読めないため、既定値（{{fallback}}）を使います。{{note}}",
      unknownRuleIds: "{{item}} に知らないルール ID があります（{{ids}}）。このルール ID は無視します。検証結果の「ルール」列の ID（例: blank-row）を入力してください。",
    },
    sheets: ["settings"],
  },
  check(context) {
    reportSettingsProblems("settings-invalid", context as RuleContext);
  },
});
