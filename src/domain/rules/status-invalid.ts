import { STATUS_OPTIONS, parseStatus } from "../status";
import { isBlank } from "../text";
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
    const index = table?.fieldIndex.get("status");
    if (!table || index === undefined) return;
    const col = table.grid.left + index;
    for (const row of table.rows) {
      const value = row.cells[index] ?? null;
      if (isBlank(value)) continue;
      const parsed = parseStatus(value);
      if (parsed.ok) continue;
      report({
        row: row.row,
        col,
        value,
        message: `対応状況を読めません（${parsed.reason}）。${OPTIONS} のいずれか（番号だけでも可）を入力してください。`,
      });
    }
  },
});
