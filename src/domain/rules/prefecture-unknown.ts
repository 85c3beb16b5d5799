import { prefectureNumberOfName } from "../prefectures";
import { isBlankCell } from "../schema/table";
import { normalizeText } from "../text";
import { eachFieldRow } from "./cells";
import { defineRule } from "./rule";

/** マスタ 都道府県 is not one of the 47 names (full 東京都 or short 東京 forms are both accepted). */
export default defineRule({
  meta: {
    id: "prefecture-unknown",
    title: "都道府県名が不明",
    severity: "error",
    message: "都道府県名として読めません。47都道府県のいずれか（例: 東京都、北海道、大阪府）を入力してください。",
    sheets: ["master"],
  },
  check({ table }, report) {
    // Blank means isBlankCell here (zero-width spaces are not blank: such a cell is reported).
    eachFieldRow(table, "prefecture", ({ value, row, col }) => {
      if (isBlankCell(value)) return;
      if (typeof value === "string" && prefectureNumberOfName(normalizeText(value)) !== null) return;
      report({ row: row.row, col, value });
    });
  },
});
