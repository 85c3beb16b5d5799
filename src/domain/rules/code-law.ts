import { isKnownLaw, lawNumber } from "../codes";
import { eachOfficeCode } from "./cells";
import { defineRule } from "./rule";

/** 法別番号 (the first two digits of a well-formed 保険者コード) is not 12 (生活保護) or 25 (中国残留邦人等支援). */
export default defineRule({
  meta: {
    id: "code-law",
    title: "法別番号が12・25以外",
    severity: "error",
    message: "保険者コードの法別番号（先頭2桁）が12（生活保護）でも25（中国残留邦人等支援）でもありません。公費負担者番号を確認してください。",
    sheets: ["master", "pf-registration", "pf-suspension", "pf-errors"],
  },
  check({ table }, report) {
    eachOfficeCode(table, (code, { value, row, col }) => {
      if (isKnownLaw(code)) return;
      report({
        row: row.row,
        col,
        value,
        message: `保険者コードの法別番号（先頭2桁）が${lawNumber(code)}です。12（生活保護）または25（中国残留邦人等支援）で始まる公費負担者番号を入力してください。`,
      });
    });
  },
});
