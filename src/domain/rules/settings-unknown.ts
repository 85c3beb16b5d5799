import { defineRule, type RuleContext } from "./rule";
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
    messages: {
      blankItem: "値「{{value}}」の項目名が空欄です。項目名を入力するか、行を削除してください。",
      unknownItemLike: "「{{item}}」という設定項目はありません（この行は使われません）。「{{suggestion}}」のことであれば、項目名を直してください。",
      unknownItem: "「{{item}}」という設定項目はありません（この行は使われません）。使える項目: {{items}}、列_<項目名>。",
      misnamedItem: "項目名「{{item}}」は正しくは「{{canonical}}」です。「{{canonical}}」として読みましたが、項目名を直してください。",
    },
    sheets: ["settings"],
  },
  check(context) {
    reportSettingsProblems("settings-unknown", context as RuleContext);
  },
});
