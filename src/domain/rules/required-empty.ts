import { SCHEMAS, fieldDef } from "../schema/fields";
import { atCell, eachBlankFieldCell } from "./cells";
import { defineRule } from "./rule";

/**
 * A required value (SheetSchema.requiredValues: 保険者コード and 福祉事務所名 in マスタ, 保険者コード in
 * the Payment Fund lists) is blank. A blank 被保護者数 is recipients-missing's business; an absent
 * column is header-missing's.
 */
export default defineRule({
  meta: {
    id: "required-empty",
    title: "必須の値が空欄",
    severity: "error",
    messages: {
      blank: "{{label}}が空欄です。{{label}}を入力するか、不要な行であれば削除してください。",
    },
    sheets: ["master", "pf-registration", "pf-suspension", "pf-errors"],
  },
  check({ kind, table, report }) {
    if (kind === null) return;
    for (const key of SCHEMAS[kind].requiredValues) {
      const data = { label: fieldDef(kind, key)?.label ?? key };
      eachBlankFieldCell(table, key, (cell) => report({ messageId: "blank", data, ...atCell(cell) }));
    }
  },
});
