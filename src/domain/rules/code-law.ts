import { isKnownLaw, lawNumber } from "../codes";
import { atCell, eachOfficeCode } from "./cells";
import { defineRule } from "./rule";

/** 法別番号 (the first two digits of a well-formed 保険者コード) is not 12 (生活保護) or 25 (中国残留邦人等支援). */
export default defineRule({
  meta: {
    id: "code-law",
    title: "法別番号が12・25以外",
    severity: "error",
    messages: {
      unknownLaw:
        "保険者コードの法別番号（先頭2桁）が{{law}}です。12（生活保護）または25（中国残留邦人等支援）で始まる公費負担者番号を入力してください。",
    },
    sheets: ["master", "pf-registration", "pf-suspension", "pf-errors"],
  },
  check({ table, report }) {
    eachOfficeCode(table, (code, cell) => {
      if (!isKnownLaw(code)) report({ messageId: "unknownLaw", data: { law: lawNumber(code) }, ...atCell(cell) });
    });
  },
});
