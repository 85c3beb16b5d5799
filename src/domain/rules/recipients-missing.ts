import { isBlank } from "../text";
import { eachFieldRow } from "./cells";
import { defineRule } from "./rule";

/**
 * マスタ 被保護者数 is blank (including whitespace-only text): it counts as 0 in every total, so the
 * user is warned. Uses the same notion of blank as parseCount, so number-invalid never reports it too.
 */
export default defineRule({
  meta: {
    id: "recipients-missing",
    title: "被保護者数が空欄",
    severity: "warning",
    message: "被保護者数が空欄のため0人として集計します。被保護者調査の人数を入力してください（0人なら0を入力）。",
    sheets: ["master"],
  },
  check({ table }, report) {
    eachFieldRow(table, "recipients", ({ value, row, col }) => {
      if (isBlank(value)) report({ row: row.row, col, value });
    });
  },
});
