import { parseOfficeCode } from "../codes";
import { fieldValue } from "../schema/table";
import { isBlankCell } from "../schema/table";
import { defineRule } from "./rule";

/** 保険者コード must be 8 digits after normalisation (blank codes are required-empty's business). */
export default defineRule({
  meta: {
    id: "code-format",
    severity: "error",
    message: "保険者コードが8桁の数字ではありません。公費負担者番号（8桁）を入力してください。",
    sheets: ["master", "pf-registration", "pf-suspension", "pf-errors"],
  },
  check({ table }, report) {
    const index = table?.fieldIndex.get("code");
    if (!table || index === undefined) return;
    const col = table.grid.left + index;
    for (const row of table.rows) {
      const value = fieldValue(table, row, "code");
      if (isBlankCell(value)) continue;
      if (!parseOfficeCode(value).ok) report({ row: row.row, col, value });
    }
  },
});
