import { defineRule } from "./rule";
import { reportSettingsProblems } from "./settings-problems";

/**
 * A 設定 項目 the tool does not know (a typo, 全数_福祉事務数). A name that differs only by spaces or
 * underscores (全数 福祉事務所数) is read as the item it obviously means, and still reported here so
 * that the user fixes it: never silently ignored, never silently guessed.
 */
export default defineRule({
  meta: {
    id: "settings-unknown",
    title: "設定の項目名が違う",
    severity: "warning",
    message: "設定にない項目名です。項目名を確認してください（この行は使われません）。",
    sheets: ["settings"],
  },
  check(ctx, report) {
    reportSettingsProblems("settings-unknown", ctx, report);
  },
});
