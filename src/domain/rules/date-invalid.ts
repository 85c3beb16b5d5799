import { parseDate } from "../dates";
import { SCHEMAS } from "../schema/fields";
import { isBlank } from "../text";
import { echoable } from "./mynumber-present";
import { defineRule } from "./rule";

/** Date columns repeat the same texts: remember the verdict per text (bounded). */
const MAX_CACHED = 10_000;

const FORMS = "2025/1/7・2025年1月7日・令和7年1月7日・R7.1.7 などの日付か、Excelの日付で入力してください。";

/** A date cell (any field of type 'date' in a recognised sheet) cannot be read as a date. */
export default defineRule({
  meta: {
    id: "date-invalid",
    severity: "error",
    message: `日付として読めません。${FORMS}`,
    sheets: ["master", "pf-registration", "pf-suspension", "pf-errors"],
  },
  check({ kind, table }, report) {
    if (!table || kind === null) return;
    const formats = table.grid.formats;
    // Text → the reason it cannot be read, or null when it reads (parseDate reads text whatever the cell format).
    const verdicts = new Map<string, string | null>();
    for (const field of SCHEMAS[kind].fields) {
      if (field.type !== "date") continue;
      const index = table.fieldIndex.get(field.key);
      if (index === undefined) continue;
      const col = table.grid.left + index;
      // 資格情報登録開始日: blank means 未登録, so say so to those who wrote 未登録 in words.
      const extra = field.key === "startDate" ? "未登録の場合は空欄にしてください。" : "";
      for (const row of table.rows) {
        const value = row.cells[index] ?? null;
        if (isBlank(value)) continue;
        let reason = typeof value === "string" ? verdicts.get(value) : undefined;
        if (reason === undefined) {
          const parsed = parseDate(value, formats?.[row.index]?.[index]);
          reason = parsed.ok ? null : parsed.reason;
          if (typeof value === "string" && verdicts.size < MAX_CACHED) verdicts.set(value, reason);
        }
        if (reason === null) continue;
        report({
          row: row.row,
          col,
          value: echoable(value),
          message: `${field.label}が日付として読めません（${reason}）。${FORMS}${extra}`,
        });
      }
    }
  },
});
