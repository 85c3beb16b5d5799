import { parseOfficeCode } from "../codes";
import { isBlankCell, type TableRow } from "../schema/table";
import { eachDuplicateRow, KeyIds, otherRowsNamed } from "./duplicates";
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
    message: "同じ保険者コードが複数の行にあります。マスタは1事務所1行です。重複した行を削除するか、コードを正してください。",
    sheets: ["master"],
  },
  check({ table }, report) {
    const index = table?.fieldIndex.get("code");
    if (!table || index === undefined) return;
    const col = table.grid.left + index;
    const ids = new KeyIds();
    // The normalised code of each group id.
    const codes: string[] = [];
    const idOf = (row: TableRow): number => {
      const value = row.cells[index] ?? null;
      if (isBlankCell(value)) return -1;
      const parsed = parseOfficeCode(value);
      if (!parsed.ok) return -1;
      const id = ids.of(parsed.value);
      codes[id] = parsed.value;
      return id;
    };
    eachDuplicateRow(table, idOf, (row, group, id) => {
      report({
        row: row.row,
        col,
        value: row.cells[index] ?? null,
        message: `保険者コード ${codes[id]} が${otherRowsNamed(group, row.row)}行目にもあります（${group.length}行）。マスタは1事務所1行です。重複した行を削除するか、コードを正してください。`,
      });
    });
  },
});
