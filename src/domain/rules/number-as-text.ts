import { parseCount } from "../numbers";
import { eachCellOfType } from "./cells";
import { defineRule } from "./rule";

/**
 * A count (type 'count') that reads as a whole number but was typed as text: `"12"`, full-width
 * digits, thousands commas, a unit such as 人. The value is still used.
 */
export default defineRule({
  meta: {
    id: "number-as-text",
    title: "数値が文字列として入力",
    severity: "warning",
    message: "数値が文字列として入力されています（全角数字・カンマ・単位付きを含む）。値はそのまま使いますが、半角の数値として入力し直してください。",
    sheets: ["master", "pf-suspension"],
  },
  check({ kind, table }, report) {
    eachCellOfType(kind, table, "count", ({ value, row, col }, field) => {
      if (typeof value !== "string") return; // numbers are never "as text"
      const parsed = parseCount(value);
      if (!parsed.ok || !parsed.asText) return;
      report({
        row: row.row,
        col,
        value,
        message: `${field.label}が文字列として入力されています（${parsed.value}として読みます）。半角の数値として入力し直してください。`,
      });
    });
  },
});
