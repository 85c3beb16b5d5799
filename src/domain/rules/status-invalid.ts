import { STATUS_OPTIONS, parseStatus } from "../status";
import { eachFieldCell } from "./cells";
import { defineRule } from "./rule";

const OPTIONS = STATUS_OPTIONS.join("・");

/** マスタ 対応状況 is not one of the six options (by number, label or `n_label`). */
export default defineRule({
  meta: {
    id: "status-invalid",
    title: "対応状況が選択肢にない",
    severity: "error",
    message: `対応状況が選択肢にありません。${OPTIONS} のいずれか（番号だけでも可）を入力してください。`,
    sheets: ["master"],
  },
  check({ table }, report) {
    eachFieldCell(table, "status", ({ value, row, col }) => {
      const parsed = parseStatus(value);
      if (parsed.ok) return;
      report({
        row: row.row,
        col,
        value,
        message: `対応状況を読めません（${parsed.reason}）。${OPTIONS} のいずれか（番号だけでも可）を入力してください。`,
      });
    });
  },
});
