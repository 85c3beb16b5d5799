import { defineRule } from "./rule";

/** A blank row inside a recognised table (between data rows); it is skipped when reading. */
export default defineRule({
  meta: {
    id: "blank-row",
    title: "表の途中の空白行",
    severity: "info",
    messages: {
      blankRow: "表の途中に空行があります。この行は読み飛ばします。不要であれば行を削除してください。",
    },
    sheets: ["settings", "master", "pf-registration", "pf-suspension", "pf-errors"],
  },
  check({ table, report }) {
    if (!table) return;
    for (const row of table.blankRows) report({ messageId: "blankRow", row });
  },
});
