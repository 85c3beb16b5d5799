import { parseCount } from "../numbers";
import { SCHEMAS } from "../schema/fields";
import { isBlank } from "../text";
import { defineRule } from "./rule";

/**
 * A count field (type 'count': マスタ 被保護者数, the 閲覧停止 counts) is not a whole number ≥ 0.
 * Blank cells are skipped (recipients-missing covers a blank 被保護者数).
 */
export default defineRule({
  meta: {
    id: "number-invalid",
    severity: "error",
    message: "件数・人数が0以上の整数ではありません。0以上の整数を数値で入力してください。",
    sheets: ["master", "pf-suspension"],
  },
  check({ kind, table }, report) {
    if (!table || kind === null) return;
    for (const field of SCHEMAS[kind].fields) {
      if (field.type !== "count") continue;
      const index = table.fieldIndex.get(field.key);
      if (index === undefined) continue;
      const col = table.grid.left + index;
      for (const row of table.rows) {
        const value = row.cells[index] ?? null;
        if (isBlank(value)) continue;
        const parsed = parseCount(value);
        if (parsed.ok) continue;
        report({
          row: row.row,
          col,
          value,
          message: `${field.label}が0以上の整数ではありません（${parsed.reason}）。0以上の整数を数値で入力してください。`,
        });
      }
    }
  },
});
