import { defineRule } from "./rule";

/**
 * The book has no マスタ (sheet names compared after NFKC and trimming). Reported once, at A1 of the
 * first sheet: nothing can be computed without it.
 */
export default defineRule({
  meta: {
    id: "sheet-missing",
    title: "マスタシートがない",
    severity: "error",
    messages: {
      noMaster: "シート「マスタ」がありません。福祉事務所の一覧のシートを作成するか、シート名を「マスタ」にしてください。",
    },
    sheets: "any",
  },
  check({ hasMaster, firstSheet, report }) {
    if (hasMaster !== false || !firstSheet) return;
    report({ messageId: "noMaster", row: 1, col: 1, column: "" });
  },
});
