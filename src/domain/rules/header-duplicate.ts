import { fieldDef } from "../schema/fields";
import { defineRule } from "./rule";

/**
 * Two or more columns map to the same field. Plain repeats: the first column is the one the engine
 * reads and every further one is reported. Columns that differ by a qualifier (（R5.3） / （R6.3））:
 * no command guesses, every one is reported until 設定's 列_<field> picks one.
 */
export default defineRule({
  meta: {
    id: "header-duplicate",
    title: "同じ項目の列が重複",
    severity: "error",
    messages: {
      duplicateColumn:
        "「{{label}}」の列が複数あります（最初の列 {{first}} を使い、この列は読みません）。不要な列を削除するか、見出し名を変えてください。",
      ambiguousColumns:
        "{{all}}がどちらも「{{label}}」に当たり、どちらを使うか決められません。設定シートに「列_{{label}}」の行を作り、値に使う列の見出しを書いてください（集計はそれまで止まります）。",
    },
    sheets: ["settings", "master", "pf-registration", "pf-suspension", "pf-errors"],
  },
  check({ kind, table, report }) {
    if (!table || kind === null) return;
    const ambiguous = new Set(table.ambiguousFields.map((d) => d.field));
    for (const { field, columns } of table.duplicateFields) {
      const label = fieldDef(kind, field)?.label ?? field;
      if (ambiguous.has(field)) {
        // Columns that differ by a qualifier (（R5.3） / （R6.3））: no command guesses, so every one is reported.
        const data = { label, all: columns.map((c) => `「${c.header}」`).join("と") };
        for (const column of columns) {
          report({ messageId: "ambiguousColumns", data, row: table.headerRow, col: column.col, column: column.header, field, value: column.header });
        }
        continue;
      }
      const data = { label, first: columns[0].header };
      for (const column of columns.slice(1)) {
        report({ messageId: "duplicateColumn", data, row: table.headerRow, col: column.col, column: column.header, field, value: column.header });
      }
    }
  },
});
