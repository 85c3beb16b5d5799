import { defineRule } from "./rule";
import { reportSettingsProblems } from "./settings-problems";

/** A 設定 項目 given on two rows: the last row wins (in the engine and the task pane alike); the earlier rows are reported. */
export default defineRule({
  meta: {
    id: "settings-duplicate",
    title: "設定の項目が重複",
    severity: "warning",
    message: "同じ設定項目が複数の行にあります。最後の行の値を使います。不要な行を削除してください。",
    sheets: ["settings"],
  },
  check(ctx, report) {
    reportSettingsProblems("settings-duplicate", ctx, report);
  },
});
