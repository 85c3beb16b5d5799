import { prefectureOfCode } from "../codes";
import { PREFECTURES, prefectureNumberOfName } from "../prefectures";
import { normalizeText } from "../text";
import { atCell, eachFieldCell, fieldColumn, officeCodeOf } from "./cells";
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
    messages: {
      mismatch:
        "都道府県「{{named}}」が、保険者コード {{code}} の都道府県番号（{{digits}} = {{ofCode}}）と一致しません。都道府県と保険者コードのどちらが正しいか確認してください。",
    },
    sheets: ["master"],
  },
  check({ table, report }) {
    const codeColumn = fieldColumn(table, "code");
    if (!codeColumn) return;
    eachFieldCell(table, "prefecture", (cell) => {
      if (typeof cell.value !== "string") return;
      const named = prefectureNumberOfName(normalizeText(cell.value));
      if (named === null) return; // prefecture-unknown's business
      const code = officeCodeOf(codeColumn.read(cell.row));
      if (code === null) return;
      const ofCode = prefectureOfCode(code);
      if (ofCode === null || ofCode === PREFECTURES[named - 1]) return;
      const data = { named: PREFECTURES[named - 1], code, digits: code.slice(2, 4), ofCode };
      report({ messageId: "mismatch", data, ...atCell(cell) });
    });
  },
});
