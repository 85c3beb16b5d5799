import { parseCount } from "../numbers";
import { eachCellOfType } from "./cells";
import { defineRule } from "./rule";

/**
 * A count field (type 'count': マスタ 被保護者数, the 閲覧停止 counts) is not a whole number ≥ 0.
 * Blank cells are skipped (recipients-missing covers a blank 被保護者数).
 */
export default defineRule({
  meta: {
    id: "number-invalid",
    title: "人数・件数が不正",
    severity: "error",
    message: "件数・人数が0以上の整数ではありません。0以上の整数を数値で入力してください。",
    sheets: ["master", "pf-suspension"],
  },
  check({ kind, table }, report) {
    eachCellOfType(kind, table, "count", ({ value, row, col }, field) => {
      const parsed = parseCount(value);
      if (parsed.ok) return;
      report({
        row: row.row,
        col,
        value,
        message: `${field.label}が0以上の整数ではありません（${parsed.reason}）。0以上の整数を数値で入力してください。`,
      });
    });
  },
});
