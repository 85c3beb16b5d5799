import { fieldDef } from "../schema/fields";
import { defineRule } from "./rule";

/**
 * Two or more columns map to the same field. The first such column is the one the engine reads;
 * every further one is reported on its header cell.
 */
export default defineRule({
  meta: {
    id: "header-duplicate",
    title: "同じ項目の列が重複",
    severity: "error",
    messages: {
      duplicateColumn:
        "「{{label}}」の列が複数あります（最初の列 {{first}} を使い、この列は読みません）。不要な列を削除するか、見出し名を変えてください。",
    },
    sheets: ["settings", "master", "pf-registration", "pf-suspension", "pf-errors"],
  },
  check({ kind, table, report }) {
    if (!table || kind === null) return;
    for (const { field, columns } of table.duplicateFields) {
      const data = { label: fieldDef(kind, field)?.label ?? field, first: columns[0].header };
      for (const column of columns.slice(1)) {
        report({ messageId: "duplicateColumn", data, row: table.headerRow, col: column.col, column: column.header, field, value: column.header });
      }
    }
  },
});
