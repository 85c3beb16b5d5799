import { officeCheckDigit } from "../codes";
import { atCell, eachOfficeCode } from "./cells";
import { defineRule } from "./rule";

/** The 検証番号 (8th digit) of a well-formed 保険者コード does not fit its first 7 digits. */
export default defineRule({
  meta: {
    id: "code-check-digit",
    title: "検証番号が合わない",
    severity: "error",
    messages: {
      checkDigit:
        "保険者コードの検証番号（8桁目）が合いません（先頭7桁 {{first7}} からは {{expected}}）。入力誤りの可能性があるため、公費負担者番号を確認してください。",
    },
    sheets: ["master", "pf-registration", "pf-suspension", "pf-errors"],
  },
  check({ table, report }) {
    eachOfficeCode(table, (code, cell) => {
      const expected = officeCheckDigit(code.slice(0, 7));
      if (expected === code.charCodeAt(7) - 48) return;
      report({ messageId: "checkDigit", data: { first7: code.slice(0, 7), expected }, ...atCell(cell) });
    });
  },
});
