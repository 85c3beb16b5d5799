import { defineRule, type RuleContext } from "./rule";
import { reportSettingsProblems } from "./settings-problems";

/** A 設定 項目 given on two rows: the last row wins (in the engine and the task pane alike); the earlier rows are reported. */
export default defineRule({
  meta: {
    id: "settings-duplicate",
    title: "設定の項目が重複",
    severity: "warning",
    messages: {
      duplicate: "「{{item}}」が複数の行にあります（{{rows}}）。最後の {{lastRow}} 行目の値を使い、この行は使いません。不要な行を削除してください。",
    },
    sheets: ["settings"],
  },
  check(context) {
    reportSettingsProblems("settings-duplicate", context as RuleContext);
  },
});
