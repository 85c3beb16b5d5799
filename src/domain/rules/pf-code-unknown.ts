import { defineRule } from "./rule";
import { atCell, eachOfficeCode } from "./cells";

/**
 * A Payment Fund row's 保険者コード (well-formed: malformed codes are code-format's) is not in
 * マスタ. Skipped when there is no usable master.
 */
export default defineRule({
  meta: {
    id: "pf-code-unknown",
    title: "マスタにない保険者コード",
    severity: "warning",
    messages: {
      notInMaster: "保険者コード {{code}} はマスタにありません。コードの誤りがないか確認し、対象の福祉事務所ならマスタに行を追加してください。",
    },
    sheets: ["pf-registration", "pf-suspension", "pf-errors"],
  },
  check({ table, masterCodes, report }) {
    if (masterCodes === null) return;
    eachOfficeCode(table, (code, cell) => {
      if (!masterCodes.has(code)) report({ messageId: "notInMaster", data: { code }, ...atCell(cell) });
    });
  },
});
