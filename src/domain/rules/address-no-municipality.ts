import { defineRule } from "./rule";
import { normalizeText } from "../text";
import { atCell, eachFieldCell } from "./cells";

const MUNICIPALITY_CHARS = /[市区郡町村]/;

/** エラー明細 住所 contains none of 市 区 郡 町 村 (Payment Fund error Z09). */
export default defineRule({
  meta: {
    id: "address-no-municipality",
    title: "住所に市区郡町村がない（Z09）",
    severity: "warning",
    messages: {
      noMunicipality:
        "住所に市・区・郡・町・村のいずれも含まれていません（エラーコードZ09）。住所以外の情報が入っていないか、都道府県・市区町村が抜けていないか確認し、正しい住所を中間サーバーに登録し直してください。",
    },
    sheets: ["pf-errors"],
  },
  check({ table, report }) {
    eachFieldCell(table, "address", (cell) => {
      if (!MUNICIPALITY_CHARS.test(normalizeText(cell.value))) report({ messageId: "noMunicipality", ...atCell(cell) });
    });
  },
});
