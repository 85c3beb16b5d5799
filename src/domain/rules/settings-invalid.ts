import { defineRule } from "./rule";
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
    message: "設定の値が読めないため、既定値を使います。値を直してください。",
    sheets: ["settings"],
  },
  check(ctx, report) {
    reportSettingsProblems("settings-invalid", ctx, report);
  },
});
