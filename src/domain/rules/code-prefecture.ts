import { isValidPrefectureNumber } from "../codes";
import { atCell, eachOfficeCode } from "./cells";
import { defineRule } from "./rule";

/** 都道府県番号 (digits 3–4 of a well-formed 保険者コード) is not in 01–47 or 51–97. */
export default defineRule({
  meta: {
    id: "code-prefecture",
    title: "都道府県番号が範囲外",
    severity: "error",
    messages: {
      outOfRange:
        "保険者コードの都道府県番号（3〜4桁目）が{{digits}}です。01〜47（または51〜97）の公費負担者番号を入力してください。",
    },
    sheets: ["master", "pf-registration", "pf-suspension", "pf-errors"],
  },
  check({ table, report }) {
    eachOfficeCode(table, (code, cell) => {
      const digits = code.slice(2, 4);
      if (!isValidPrefectureNumber(Number(digits))) report({ messageId: "outOfRange", data: { digits }, ...atCell(cell) });
    });
  },
});
