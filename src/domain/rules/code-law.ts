import { isKnownLaw, lawNumber, parseOfficeCode } from "../codes";
import { isBlankCell } from "../schema/table";
import { defineRule } from "./rule";

/** 法別番号 (the first two digits of a well-formed 保険者コード) is not 12 (生活保護) or 25 (中国残留邦人等支援). */
export default defineRule({
  meta: {
    id: "code-law",
    severity: "error",
    message: "保険者コードの法別番号（先頭2桁）が12（生活保護）でも25（中国残留邦人等支援）でもありません。公費負担者番号を確認してください。",
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
      if (!code.ok || isKnownLaw(code.value)) continue; // malformed codes are code-format's business
      report({
        row: row.row,
        col,
        value,
        message: `保険者コードの法別番号（先頭2桁）が${lawNumber(code.value)}です。12（生活保護）または25（中国残留邦人等支援）で始まる公費負担者番号を入力してください。`,
      });
    }
  },
});
