import { NON_OFFICE_REASON_JA } from "../schema/rows";
import { isBlank } from "../text";
import { defineRule } from "./rule";

/**
 * A row inside a table that is not an office — a total (合計, 計, 小計, 総計, an Excel table's totals
 * row), a section heading (【関東】, a merged cell across the table), a unit row `(人)`, a note (※…),
 * a row with a name but no code, or a stray cell below the table. Every figure leaves it out; it is
 * reported once, on the row's first table cell, so the user can see what was left out and why.
 */
export default defineRule({
  meta: {
    id: "row-not-office",
    title: "集計から除外する行",
    severity: "info",
    messages: {
      noCode: "{{what}}です。福祉事務所として数えず、すべての集計から除外します。福祉事務所の行であれば保険者コードを入力してください。",
      notOffice: "{{what}}です。福祉事務所ではないため、すべての集計から除外します（そのままで構いません）。",
    },
    sheets: ["master", "pf-registration", "pf-suspension", "pf-errors"],
  },
  check({ fullTable, report }) {
    if (!fullTable) return;
    for (const { row, reason } of fullTable.nonOfficeRows) {
      const first = row.cells.find((v) => !isBlank(v)) ?? null;
      report({
        messageId: reason === "no-code" ? "noCode" : "notOffice",
        data: { what: NON_OFFICE_REASON_JA[reason] },
        note: reason,
        row: row.row,
        column: "",
        value: first,
      });
    }
  },
});
