import type { TableRow } from "../schema/table";
import { compactKey, isBlank } from "../text";
import { atRow, fieldColumn, groupRowsByKey, officeCodeOf, otherRowsNamed, type KeyPart } from "./cells";
import { defineRule } from "./rule";

/**
 * The same key twice in one Payment Fund list: 保険者コード, or for エラー明細 保険者コード +
 * 被保険者番号 (an office legitimately has many rows there). Every row of the group is reported, on
 * its 保険者コード cell, naming the other rows (never the 被保険者番号). Rows whose key is blank or
 * malformed are other rules' business.
 */
export default defineRule({
  meta: {
    id: "pf-duplicate-row",
    title: "支払基金データの重複行",
    severity: "warning",
    messages: {
      duplicateCode: "保険者コードが同じ行が{{others}}行目にもあります（{{count}}行）。貼り付けの重複がないか確認し、不要な行を削除してください。",
      duplicateCodeAndInsured:
        "保険者コードと被保険者番号が同じ行が{{others}}行目にもあります（{{count}}行）。貼り付けの重複がないか確認し、不要な行を削除してください。",
    },
    sheets: ["pf-registration", "pf-suspension", "pf-errors"],
  },
  check({ kind, table, report }) {
    const code = fieldColumn(table, "code");
    if (!table || !code) return;
    const codeOf: KeyPart = (row) => officeCodeOf(code.read(row));
    let parts: [KeyPart, ...KeyPart[]] = [codeOf];
    if (kind === "pf-errors") {
      const insured = fieldColumn(table, "insuredNumber");
      if (!insured) return;
      const insuredOf = (row: TableRow): string | null => {
        const value = insured.read(row);
        return isBlank(value) ? null : compactKey(typeof value === "string" ? value : String(value));
      };
      parts = [codeOf, insuredOf];
    }
    const messageId = parts.length > 1 ? "duplicateCodeAndInsured" : "duplicateCode";
    for (const group of groupRowsByKey(table.rows, parts)) {
      for (const row of group) {
        report({ messageId, data: { others: otherRowsNamed(group, row), count: group.length }, ...atRow(code, row) });
      }
    }
  },
});
