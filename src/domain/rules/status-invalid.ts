import { STATUS_OPTIONS, parseStatus } from "../status";
import { atCell, eachFieldCell } from "./cells";
import { defineRule } from "./rule";

const OPTIONS = STATUS_OPTIONS.join("・");

/** マスタ 対応状況 is not one of the six options (by number, label or `n_label`). */
export default defineRule({
  meta: {
    id: "status-invalid",
    title: "対応状況が選択肢にない",
    severity: "error",
    messages: {
      unreadable: `対応状況を読めません（{{note}}）。${OPTIONS} のいずれか（番号だけでも可）を入力してください。`,
    },
    sheets: ["master"],
  },
  check({ table, report }) {
    eachFieldCell(table, "status", (cell) => {
      const parsed = parseStatus(cell.value);
      if (!parsed.ok) report({ messageId: "unreadable", note: parsed.reason, ...atCell(cell) });
    });
  },
});
