import { parseDate } from "../dates";
import { defineRule } from "./rule";
import type { RawCell } from "../cell";
import { atCell, eachCellOfType, memoByText } from "./cells";

/**
 * A readable date (any field of type 'date' in a recognised sheet) is after the as-of date.
 * Unreadable dates are date-invalid's business.
 */
export default defineRule({
  meta: {
    id: "date-future",
    title: "基準日より後の日付",
    severity: "error",
    messages: {
      afterAsOf:
        "{{label}}（{{date}}）が基準日（{{asOf}}）より後の日付です。年や和暦の取り違えがないか確認し、正しい日付に直してください（基準日の指定が正しいかも確認してください）。",
    },
    sheets: ["master", "pf-registration", "pf-suspension", "pf-errors"],
  },
  check({ kind, table, asOf, report }) {
    const formats = table?.grid.formats;
    // Text → its date, or null when it does not read (parseDate reads text whatever the cell format).
    const dateOfText = memoByText((value) => readDate(value, undefined));
    eachCellOfType(kind, table, "date", (cell, field) => {
      const { value, row, index } = cell;
      const date = typeof value === "string" ? dateOfText(value) : readDate(value, formats?.[row.index]?.[index]);
      if (date === null || date <= asOf) return;
      report({ messageId: "afterAsOf", data: { label: field.label, date, asOf }, ...atCell(cell) });
    });
  },
});

function readDate(value: RawCell, format: string | undefined): string | null {
  const parsed = parseDate(value, format);
  return parsed.ok ? parsed.value : null;
}
