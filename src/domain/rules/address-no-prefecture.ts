import { startsWithPrefecture } from "../prefectures";
import { isBlank, normalizeText } from "../text";
import { echoable } from "./mynumber-present";
import { defineRule } from "./rule";

/** エラー明細 住所 does not start with a full prefecture name (東京都…; a leading postal code is skipped). */
export default defineRule({
  meta: {
    id: "address-no-prefecture",
    severity: "warning",
    message:
      "住所が都道府県名（東京都、北海道、大阪府 など）で始まっていません。都道府県から始まる正しい住所を中間サーバーに登録し直してください。",
    sheets: ["pf-errors"],
  },
  check({ table }, report) {
    const index = table?.fieldIndex.get("address");
    if (!table || index === undefined) return;
    const col = table.grid.left + index;
    for (const row of table.rows) {
      const value = row.cells[index] ?? null;
      if (isBlank(value)) continue;
      if (startsWithPrefecture(normalizeText(value))) continue;
      report({ row: row.row, col, value: echoable(value) });
    }
  },
});
