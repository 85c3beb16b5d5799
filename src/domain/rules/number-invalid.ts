import { parseCount } from "../numbers";
import { atCell, eachCellOfType } from "./cells";
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
    messages: {
      notCount: "{{label}}が0以上の整数ではありません（{{note}}）。0以上の整数を数値で入力してください。",
    },
    sheets: ["master", "pf-suspension"],
  },
  check({ kind, table, report }) {
    eachCellOfType(kind, table, "count", (cell, field) => {
      const parsed = parseCount(cell.value);
      if (!parsed.ok) report({ messageId: "notCount", data: { label: field.label }, note: parsed.reason, ...atCell(cell) });
    });
  },
});
