import { officeCheckDigit, parseOfficeCode } from "../codes";
import { isBlankCell } from "../schema/table";
import { defineRule } from "./rule";

/** The 検証番号 (8th digit) of a well-formed 保険者コード does not fit its first 7 digits. */
export default defineRule({
  meta: {
    id: "code-check-digit",
    severity: "error",
    message: "保険者コードの検証番号（8桁目）が合いません。入力誤りの可能性があります。公費負担者番号を確認してください。",
    sheets: ["master", "pf-registration", "pf-suspension", "pf-errors"],
  },
  check({ table }, report) {
    const index = table?.fieldIndex.get("code");
    if (!table || index === undefined) return;
    const col = table.grid.left + index;
    for (const row of table.rows) {
      const value = row.cells[index] ?? null;
      if (isBlankCell(value)) continue;
      const code = parseOfficeCode(value);
      if (!code.ok) continue; // code-format's business
      const expected = officeCheckDigit(code.value.slice(0, 7));
      if (expected === code.value.charCodeAt(7) - 48) continue;
      report({
        row: row.row,
        col,
        value,
        message: `保険者コードの検証番号（8桁目）が合いません（先頭7桁 ${code.value.slice(0, 7)} からは ${expected}）。入力誤りの可能性があるため、公費負担者番号を確認してください。`,
      });
    }
  },
});
