import { PAYMENT_FUND_PREFIX } from "../schema/fields";
import { defineRule } from "./rule";

/**
 * A `支払基金_` sheet whose name announces no list kind and whose headers match none (fewer than
 * three known names of any kind). Reported once, on the sheet's first row, as a whole-sheet finding.
 */
export default defineRule({
  meta: {
    id: "sheet-unrecognised",
    title: "支払基金シートの種類が不明",
    severity: "warning",
    messages: {
      unrecognised:
        "支払基金_で始まるシートですが、どの一覧（登録状況・閲覧停止・エラー明細）か判別できません。シート名に一覧の種類を含めるか、見出し行（保険者コード など）を含めて貼り付け直してください。",
    },
    sheets: "any",
  },
  check({ sheet, grid, kind, report }) {
    if (kind !== null || !sheet.startsWith(PAYMENT_FUND_PREFIX)) return;
    report({ messageId: "unrecognised", row: grid.top, column: "" });
  },
});
