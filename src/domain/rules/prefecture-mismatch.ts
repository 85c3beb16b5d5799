import { parseOfficeCode, prefectureOfCode } from "../codes";
import { PREFECTURES, prefectureNumberOfName } from "../prefectures";
import { isBlankCell } from "../schema/table";
import { normalizeText } from "../text";
import { defineRule } from "./rule";

/**
 * マスタ 都道府県 names a different prefecture than the 保険者コード's 都道府県番号 (51–97 stand for
 * number − 50). Only when both are valid: an unreadable name or code has its own rule. Reported on
 * the 都道府県 cell.
 */
export default defineRule({
  meta: {
    id: "prefecture-mismatch",
    title: "都道府県とコードが不一致",
    severity: "warning",
    message: "都道府県が保険者コードの都道府県番号と一致しません。都道府県と保険者コードのどちらが正しいか確認してください。",
    sheets: ["master"],
  },
  check({ table }, report) {
    const prefIndex = table?.fieldIndex.get("prefecture");
    const codeIndex = table?.fieldIndex.get("code");
    if (!table || prefIndex === undefined || codeIndex === undefined) return;
    const col = table.grid.left + prefIndex;
    for (const row of table.rows) {
      const value = row.cells[prefIndex] ?? null;
      if (typeof value !== "string" || isBlankCell(value)) continue;
      const named = prefectureNumberOfName(normalizeText(value));
      if (named === null) continue; // prefecture-unknown's business
      const code = parseOfficeCode(row.cells[codeIndex] ?? null);
      if (!code.ok) continue;
      const ofCode = prefectureOfCode(code.value);
      if (ofCode === null || ofCode === PREFECTURES[named - 1]) continue;
      report({
        row: row.row,
        col,
        value,
        message: `都道府県「${PREFECTURES[named - 1]}」が、保険者コード ${code.value} の都道府県番号（${code.value.slice(2, 4)} = ${ofCode}）と一致しません。都道府県と保険者コードのどちらが正しいか確認してください。`,
      });
    }
  },
});
