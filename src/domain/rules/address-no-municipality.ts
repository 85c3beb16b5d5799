import { isBlank, normalizeText } from "../text";
import { echoable } from "./mynumber-present";
import { defineRule } from "./rule";

const MUNICIPALITY_CHARS = /[市区郡町村]/;

/** エラー明細 住所 contains none of 市 区 郡 町 村 (Payment Fund error Z09). */
export default defineRule({
  meta: {
    id: "address-no-municipality",
    severity: "warning",
    message:
      "住所に市・区・郡・町・村のいずれも含まれていません（エラーコードZ09）。住所以外の情報が入っていないか、都道府県・市区町村が抜けていないか確認し、正しい住所を中間サーバーに登録し直してください。",
    sheets: ["pf-errors"],
  },
  check({ table }, report) {
    const index = table?.fieldIndex.get("address");
    if (!table || index === undefined) return;
    const col = table.grid.left + index;
    for (const row of table.rows) {
      const value = row.cells[index] ?? null;
      if (isBlank(value)) continue;
      if (MUNICIPALITY_CHARS.test(normalizeText(value))) continue;
      report({ row: row.row, col, value: echoable(value) });
    }
  },
});
