import { parseDate } from "../dates";
import { EVENT_DATE_FIELDS, implausibility } from "../event-dates";
import { fieldDef } from "../schema/fields";
import { atCell, eachFieldCell } from "./cells";
import { defineRule } from "./rule";

/**
 * A registration, answer or mail date that reads but cannot be one: a bare number (`2025`, `1`, which
 * Excel shows as 1905-07-17 / 1900-01-01) or a date before 2021. Such a cell counts as no date in
 * every figure (an office is not 登録済 because its cell holds 2025). Unreadable text is date-invalid's.
 */
export default defineRule({
  meta: {
    id: "date-implausible",
    title: "ありえない日付",
    severity: "error",
    messages: {
      implausible: "{{label}}として読めない値です（{{note}}）。2025/1/7 のような日付で入力するか、未登録・未回答なら空欄にしてください。この値は集計では日付なしとして扱います。",
    },
    sheets: ["master", "pf-registration"],
  },
  check({ kind, table, report }) {
    if (!kind) return;
    const formats = table?.grid.formats;
    for (const key of EVENT_DATE_FIELDS[kind] ?? []) {
      const label = fieldDef(kind, key)?.label ?? key;
      eachFieldCell(table, key, (cell) => {
        const { value, row, index } = cell;
        const format = formats?.[row.index]?.[index];
        const parsed = parseDate(value, format);
        if (!parsed.ok) return;
        const why = implausibility(value, parsed.value, format);
        if (why === null) return;
        report({ messageId: "implausible", data: { label }, note: why, ...atCell(cell) });
      });
    }
  },
});
