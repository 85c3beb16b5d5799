import { parseOfficeCode } from "../codes";
import type { TableRow } from "../schema/table";
import { compactKey, isBlank } from "../text";
import { eachDuplicateRow, KeyIds, otherRowsNamed } from "./duplicates";
import { defineRule } from "./rule";

/**
 * The same key twice in one Payment Fund list: 保険者コード, or for エラー明細 保険者コード +
 * 被保険者番号 (an office legitimately has many rows there). Every row of the group is reported, on
 * its 保険者コード cell. Rows whose key is blank or malformed are other rules' business.
 */
export default defineRule({
  meta: {
    id: "pf-duplicate-row",
    title: "支払基金データの重複行",
    severity: "warning",
    message: "同じキーの行が一覧に複数あります。貼り付けの重複がないか確認し、不要な行を削除してください。",
    sheets: ["pf-registration", "pf-suspension", "pf-errors"],
  },
  check({ kind, table }, report) {
    const index = table?.fieldIndex.get("code");
    if (!table || index === undefined) return;
    const withInsured = kind === "pf-errors";
    const insuredIndex = table.fieldIndex.get("insuredNumber");
    if (withInsured && insuredIndex === undefined) return;
    const col = table.grid.left + index;
    const keyName = withInsured ? "保険者コードと被保険者番号" : "保険者コード";

    const ids = new KeyIds();
    const idOf = (row: TableRow): number => {
      const code = parseOfficeCode(row.cells[index] ?? null);
      if (!code.ok) return -1;
      if (!withInsured || insuredIndex === undefined) return ids.of(code.value);
      const insured = row.cells[insuredIndex] ?? null;
      if (isBlank(insured)) return -1;
      return ids.of(code.value, compactKey(typeof insured === "string" ? insured : String(insured)));
    };
    // Every row of every group, naming the other rows (never the 被保険者番号).
    eachDuplicateRow(table, idOf, (row, group) => {
      report({
        row: row.row,
        col,
        value: row.cells[index] ?? null,
        message: `${keyName}が同じ行が${otherRowsNamed(group, row.row)}行目にもあります（${group.length}行）。貼り付けの重複がないか確認し、不要な行を削除してください。`,
      });
    });
  },
});
