import { prefectureNumberOfName } from "../prefectures";
import { normalizeText } from "../text";
import { atCell, eachFieldCell } from "./cells";
import { defineRule } from "./rule";

/** マスタ 都道府県 is not one of the 47 names (full 東京都 or short 東京 forms are both accepted). */
export default defineRule({
  meta: {
    id: "prefecture-unknown",
    title: "都道府県名が不明",
    severity: "error",
    messages: {
      unknown: "都道府県名として読めません。47都道府県のいずれか（例: 東京都、北海道、大阪府）を入力してください。",
    },
    sheets: ["master"],
  },
  check({ table, report }) {
    eachFieldCell(table, "prefecture", (cell) => {
      if (typeof cell.value === "string" && prefectureNumberOfName(normalizeText(cell.value)) !== null) return;
      report({ messageId: "unknown", ...atCell(cell) });
    });
  },
});
