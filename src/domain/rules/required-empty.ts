import { SCHEMAS, fieldDef } from "../schema/fields";
import { isBlank } from "../text";
import { defineRule } from "./rule";

/**
 * A required value (SheetSchema.requiredValues: 保険者コード and 福祉事務所名 in マスタ, 保険者コード in
 * the Payment Fund lists) is blank. A blank 被保護者数 is recipients-missing's business.
 */
export default defineRule({
  meta: {
    id: "required-empty",
    title: "必須の値が空欄",
    severity: "error",
    message: "必須の値が空欄です。値を入力するか、不要な行であれば削除してください。",
    sheets: ["master", "pf-registration", "pf-suspension", "pf-errors"],
  },
  check({ kind, table }, report) {
    if (!table || kind === null) return;
    for (const key of SCHEMAS[kind].requiredValues) {
      const index = table.fieldIndex.get(key);
      if (index === undefined) continue; // header-missing reports the absent column
      const col = table.grid.left + index;
      const label = fieldDef(kind, key)?.label ?? key;
      const message = `${label}が空欄です。${label}を入力するか、不要な行であれば削除してください。`;
      for (const row of table.rows) {
        const value = row.cells[index] ?? null;
        if (isBlank(value)) report({ row: row.row, col, value, message });
      }
    }
  },
});
