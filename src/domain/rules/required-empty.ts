import { SCHEMAS, fieldDef } from "../schema/fields";
import { isBlank } from "../text";
import { eachFieldRow } from "./cells";
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
      // An absent column visits nothing: header-missing reports it.
      const label = fieldDef(kind, key)?.label ?? key;
      const message = `${label}が空欄です。${label}を入力するか、不要な行であれば削除してください。`;
      eachFieldRow(table, key, ({ value, row, col }) => {
        if (isBlank(value)) report({ row: row.row, col, value, message });
      });
    }
  },
});
