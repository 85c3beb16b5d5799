import { defineRule } from "./rule";
import { atCell, eachCellOfType } from "./cells";

/** How the 中間サーバー shows a character it cannot display (外字). */
const GAIJI_PLACEHOLDER = "●";

/**
 * A text cell (a field of type 'text' in a recognised table: names, addresses, notes …) holds ●,
 * the 中間サーバー's placeholder for an 外字. Information only: it is not an error by itself.
 */
export default defineRule({
  meta: {
    id: "external-char",
    title: "外字（●）を含む",
    severity: "info",
    messages: {
      gaiji:
        "●が含まれています。中間サーバーは外字（表示できない文字）を●で表示するため、それ自体は誤りではありません。本来の文字を確認し、必要なら正しい文字に直してください。",
    },
    sheets: ["settings", "master", "pf-registration", "pf-suspension", "pf-errors"],
  },
  check({ kind, table, report }) {
    eachCellOfType(kind, table, "text", (cell) => {
      if (typeof cell.value === "string" && cell.value.includes(GAIJI_PLACEHOLDER)) report({ messageId: "gaiji", ...atCell(cell) });
    });
  },
});
