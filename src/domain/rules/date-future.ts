import { parseDate } from "../dates";
import { SCHEMAS } from "../schema/fields";
import { isBlank } from "../text";
import { defineRule } from "./rule";

/** Date columns repeat the same texts: remember the date per text (bounded). */
const MAX_CACHED = 10_000;

/**
 * A readable date (any field of type 'date' in a recognised sheet) is after the as-of date.
 * Unreadable dates are date-invalid's business.
 */
export default defineRule({
  meta: {
    id: "date-future",
    severity: "error",
    message: "基準日より後の日付です。日付の誤り（年・和暦の取り違えなど）がないか確認し、正しい日付に直してください。",
    sheets: ["master", "pf-registration", "pf-suspension", "pf-errors"],
  },
  check({ kind, table, asOf }, report) {
    if (!table || kind === null) return;
    const formats = table.grid.formats;
    // Text → its date, or null when it does not read (parseDate reads text whatever the cell format).
    const dates = new Map<string, string | null>();
    for (const field of SCHEMAS[kind].fields) {
      if (field.type !== "date") continue;
      const index = table.fieldIndex.get(field.key);
      if (index === undefined) continue;
      const col = table.grid.left + index;
      for (const row of table.rows) {
        const value = row.cells[index] ?? null;
        if (isBlank(value)) continue;
        let date = typeof value === "string" ? dates.get(value) : undefined;
        if (date === undefined) {
          const parsed = parseDate(value, formats?.[row.index]?.[index]);
          date = parsed.ok ? parsed.value : null;
          if (typeof value === "string" && dates.size < MAX_CACHED) dates.set(value, date);
        }
        if (date === null || date <= asOf) continue;
        // A readable date is never a 個人番号, so the value may be echoed.
        report({
          row: row.row,
          col,
          value,
          message: `${field.label}（${date}）が基準日（${asOf}）より後の日付です。年や和暦の取り違えがないか確認し、正しい日付に直してください（基準日の指定が正しいかも確認してください）。`,
        });
      }
    }
  },
});
