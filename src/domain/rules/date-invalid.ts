import { parseDate } from "../dates";
import { defineRule } from "./rule";
import type { RawCell } from "../cell";
import { atCell, eachCellOfType, memoByText } from "./cells";

const FORMS = "2025/1/7・2025年1月7日・令和7年1月7日・R7.1.7 などの日付か、Excelの日付で入力してください。";

/** A date cell (any field of type 'date' in a recognised sheet) cannot be read as a date. */
export default defineRule({
  meta: {
    id: "date-invalid",
    title: "日付を読み取れない",
    severity: "error",
    messages: {
      unreadable: `{{label}}が日付として読めません（{{note}}）。${FORMS}`,
      // 資格情報登録開始日: blank means 未登録, so say so to those who wrote 未登録 in words.
      unreadableStartDate: `{{label}}が日付として読めません（{{note}}）。${FORMS}未登録の場合は空欄にしてください。`,
    },
    sheets: ["master", "pf-registration", "pf-suspension", "pf-errors"],
  },
  check({ kind, table, report }) {
    const formats = table?.grid.formats;
    // parseDate reads text whatever the cell format, so a text's verdict can be remembered.
    const reasonFor = memoByText((value) => {
      const parsed = parseDate(value);
      return parsed.ok ? null : parsed.reason;
    });
    eachCellOfType(kind, table, "date", (cell, field) => {
      const { value, row, index } = cell;
      const reason = typeof value === "string" ? reasonFor(value) : dateReason(value, formats?.[row.index]?.[index]);
      if (reason === null) return;
      const messageId = field.key === "startDate" ? "unreadableStartDate" : "unreadable";
      report({ messageId, data: { label: field.label }, note: reason, ...atCell(cell) });
    });
  },
});

function dateReason(value: RawCell, format: string | undefined): string | null {
  const parsed = parseDate(value, format);
  return parsed.ok ? null : parsed.reason;
}
