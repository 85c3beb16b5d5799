import { parseOfficeCode, prefectureOfCode } from "../codes";
import { PREFECTURES, prefectureNumberOfName } from "../prefectures";
import { isBlankCell } from "../schema/table";
import { normalizeText } from "../text";
import { eachFieldRow } from "./cells";
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
    const codeIndex = table?.fieldIndex.get("code");
    if (codeIndex === undefined) return;
    eachFieldRow(table, "prefecture", ({ value, row, col }) => {
      if (typeof value !== "string" || isBlankCell(value)) return;
      const named = prefectureNumberOfName(normalizeText(value));
      if (named === null) return; // prefecture-unknown's business
      const code = parseOfficeCode(row.cells[codeIndex] ?? null);
      if (!code.ok) return;
      const ofCode = prefectureOfCode(code.value);
      if (ofCode === null || ofCode === PREFECTURES[named - 1]) return;
      report({
        row: row.row,
        col,
        value,
        message: `都道府県「${PREFECTURES[named - 1]}」が、保険者コード ${code.value} の都道府県番号（${code.value.slice(2, 4)} = ${ofCode}）と一致しません。都道府県と保険者コードのどちらが正しいか確認してください。`,
      });
    });
  },
});
