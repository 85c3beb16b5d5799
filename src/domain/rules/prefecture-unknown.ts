import { prefectureNumberOfName } from "../prefectures";
import { isBlankCell } from "../schema/table";
import { normalizeText } from "../text";
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
    const index = table?.fieldIndex.get("prefecture");
    if (!table || index === undefined) return;
    const col = table.grid.left + index;
    for (const row of table.rows) {
      const value = row.cells[index] ?? null;
      if (isBlankCell(value)) continue;
      if (typeof value === "string" && prefectureNumberOfName(normalizeText(value)) !== null) continue;
      report({ row: row.row, col, value });
    }
  },
});
