import { startsWithPrefecture } from "../prefectures";
import { defineRule } from "./rule";
import { normalizeText } from "../text";
import { atCell, eachFieldCell } from "./cells";

/** エラー明細 住所 does not start with a full prefecture name (東京都…; a leading postal code is skipped). */
export default defineRule({
  meta: {
    id: "address-no-prefecture",
    title: "住所が都道府県名で始まらない",
    severity: "warning",
    messages: {
      noPrefecture:
        "住所が都道府県名（東京都、北海道、大阪府 など）で始まっていません。都道府県から始まる正しい住所を中間サーバーに登録し直してください。",
    },
    sheets: ["pf-errors"],
  },
  check({ table, report }) {
    eachFieldCell(table, "address", (cell) => {
      if (!startsWithPrefecture(normalizeText(cell.value))) report({ messageId: "noPrefecture", ...atCell(cell) });
    });
  },
});
