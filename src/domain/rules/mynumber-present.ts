import type { RawCell } from "../cell";
import { containsProbableMyNumber } from "../codes";
import { defineRule } from "./rule";

/** The shortest text that can hold 12 digits. */
const MIN_TEXT_LENGTH = 12;
/** The smallest and first too-large 12-digit integers. */
const MIN_NUMBER = 1e11;
const MAX_NUMBER = 1e12;

/** True when the cell could hold 12 digits at all: the cheap filter before the detector. */
function mayHoldMyNumber(v: RawCell): boolean {
  if (typeof v === "string") return v.length >= MIN_TEXT_LENGTH;
  if (typeof v === "number") {
    const a = v < 0 ? -v : v;
    return a >= MIN_NUMBER && a < MAX_NUMBER;
  }
  return false;
}

/** True when the cell is, or contains, a probable 個人番号. */
export function holdsMyNumber(v: RawCell): boolean {
  return mayHoldMyNumber(v) && containsProbableMyNumber(v);
}

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
        if (!mayHoldMyNumber(v) || !containsProbableMyNumber(v)) continue;
        // Below the header row, name the table column; elsewhere (titles, the header row) none.
        const column = r >= firstDataIndex ? table?.columns[c] : undefined;
        report({ messageId: "myNumber", row: grid.top + r, col: grid.left + c, column: column?.header ?? "", field: column?.field ?? "" });
      }
    }
  },
});
