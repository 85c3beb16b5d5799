import { SCHEMAS } from "../schema/fields";
import { echoable } from "./mynumber-present";
import { defineRule } from "./rule";

/** How the 中間サーバー shows a character it cannot display (外字). */
const GAIJI_PLACEHOLDER = "●";

/**
 * A text cell (a field of type 'text' in a recognised table: names, addresses, notes …) holds ●,
 * the 中間サーバー's placeholder for an 外字. Information only: it is not an error by itself.
 */
export default defineRule({
  meta: {
    id: "external-char",
    severity: "info",
    message:
      "●が含まれています。中間サーバーは外字（表示できない文字）を●で表示するため、それ自体は誤りではありません。本来の文字を確認し、必要なら正しい文字に直してください。",
    sheets: ["settings", "master", "pf-registration", "pf-suspension", "pf-errors"],
  },
  check({ kind, table }, report) {
    if (!table || kind === null) return;
    for (const field of SCHEMAS[kind].fields) {
      if (field.type !== "text") continue;
      const index = table.fieldIndex.get(field.key);
      if (index === undefined) continue;
      const col = table.grid.left + index;
      for (const row of table.rows) {
        const value = row.cells[index] ?? null;
        if (typeof value !== "string" || !value.includes(GAIJI_PLACEHOLDER)) continue;
        report({ row: row.row, col, value: echoable(value) });
      }
    }
  },
});
