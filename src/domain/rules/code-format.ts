import { parseOfficeCode } from "../codes";
import { atCell, eachFieldCell } from "./cells";
import { defineRule } from "./rule";

/** 保険者コード must be 8 digits after normalisation (blank codes are required-empty's business). */
export default defineRule({
  meta: {
    id: "code-format",
    title: "保険者コードが8桁でない",
    severity: "error",
    messages: {
      notEightDigits: "保険者コードが8桁の数字ではありません。公費負担者番号（8桁）を入力してください。",
    },
    sheets: ["master", "pf-registration", "pf-suspension", "pf-errors"],
  },
  check({ table, report }) {
    eachFieldCell(table, "code", (cell) => {
      if (!parseOfficeCode(cell.value).ok) report({ messageId: "notEightDigits", ...atCell(cell) });
    });
  },
});
