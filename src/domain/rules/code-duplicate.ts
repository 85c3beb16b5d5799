import { atRow, fieldColumn, groupRowsByKey, officeCodeOf, otherRowsNamed } from "./cells";
import type { TableRow } from "../schema/table";
import { defineRule } from "./rule";

/**
 * The same 保険者コード (after normalisation) on two or more rows of マスタ; every row of the group is
 * reported. Payment Fund lists have their own rule for this (pf-duplicate-row, a warning), and in
 * an エラー明細 list one office legitimately appears on many rows, so this rule runs on マスタ only.
 */
export default defineRule({
  meta: {
    id: "code-duplicate",
    title: "保険者コードが重複",
    severity: "error",
    messages: {
      duplicate:
        "保険者コード {{code}} が{{others}}行目にもあります（{{count}}行）。マスタは1事務所1行です。重複した行を削除するか、コードを正してください。",
    },
    sheets: ["master"],
  },
  check({ table, report }) {
    const code = fieldColumn(table, "code");
    if (!table || !code) return;
    const codeOf = (row: TableRow) => officeCodeOf(code.read(row));
    for (const group of groupRowsByKey(table.rows, [codeOf])) {
      const data = { code: codeOf(group[0]) ?? "", count: group.length };
      for (const row of group) report({ messageId: "duplicate", data: { ...data, others: otherRowsNamed(group, row) }, ...atRow(code, row) });
    }
  },
});
