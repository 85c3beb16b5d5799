import { holdsProbableMyNumber } from "../codes";
import { defineRule } from "./rule";

/** True when the cell is, or contains, a probable 個人番号 (the shared definition of codes.ts). */
export const holdsMyNumber = holdsProbableMyNumber;

/**
 * A probable 個人番号 (My Number) anywhere in the workbook: every cell of every sheet, tables or not.
 * The finding gives the address only; neither its value nor its message ever holds the digits
 * (the message is written without any digit at all). It walks the whole grid, not a table's
 * fields, so it has its own loop rather than the table loops of ./cells.
 */
export default defineRule({
  meta: {
    id: "mynumber-present",
    title: "個人番号らしき値",
    severity: "error",
    messages: {
      myNumber:
        "個人番号（マイナンバー）と思われる十二桁の数字があります。このブックに個人番号を保存してはいけません。このセルから個人番号を削除してください（検証結果には値を表示しません）。",
    },
    sheets: "any",
  },
  check({ grid, table, report }) {
    const values = grid.values;
    const firstDataIndex = table ? table.headerIndex + 1 : Number.POSITIVE_INFINITY;
    for (let r = 0; r < values.length; r++) {
      const cells = values[r];
      if (!cells) continue;
      for (let c = 0; c < cells.length; c++) {
        const v = cells[c];
        if (!holdsProbableMyNumber(v)) continue;
        // Below the header row, name the table column; elsewhere (titles, the header row) none.
        const column = r >= firstDataIndex ? table?.columns[c] : undefined;
        report({ messageId: "myNumber", row: grid.top + r, col: grid.left + c, column: column?.header ?? "", field: column?.field ?? "" });
      }
    }
  },
});
