import { isValidPrefectureNumber, parseOfficeCode } from "../codes";
import { isBlankCell } from "../schema/table";
import { defineRule } from "./rule";

/** 都道府県番号 (digits 3–4 of a well-formed 保険者コード) is not in 01–47 or 51–97. */
export default defineRule({
  meta: {
    id: "code-prefecture",
    severity: "error",
    message: "保険者コードの都道府県番号（3〜4桁目）が01〜47・51〜97の範囲外です。公費負担者番号を確認してください。",
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
      const digits = code.value.slice(2, 4);
      if (isValidPrefectureNumber(Number(digits))) continue;
      report({
        row: row.row,
        col,
        value,
        message: `保険者コードの都道府県番号（3〜4桁目）が${digits}です。01〜47（または51〜97）の公費負担者番号を入力してください。`,
      });
    }
  },
});
