import { parseCount } from "../numbers";
import { atCell, eachCellOfType } from "./cells";
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
    messages: {
      asText: "{{label}}が文字列として入力されています（{{number}}として読みます）。半角の数値として入力し直してください。",
    },
    sheets: ["master", "pf-suspension"],
  },
  check({ kind, table, report }) {
    eachCellOfType(kind, table, "count", (cell, field) => {
      if (typeof cell.value !== "string") return; // numbers are never "as text"
      const parsed = parseCount(cell.value);
      if (!parsed.ok || !parsed.asText) return;
      report({ messageId: "asText", data: { label: field.label, number: parsed.value }, ...atCell(cell) });
    });
  },
});
