import { parseOfficeCode } from "../codes";
import { isBlank } from "../text";
import { defineRule } from "./rule";

/**
 * A Payment Fund row's 保険者コード (well-formed: malformed codes are code-format's) is not in
 * マスタ. Skipped when there is no usable master.
 */
export default defineRule({
  meta: {
    id: "pf-code-unknown",
    title: "マスタにない保険者コード",
    severity: "warning",
    message: "この保険者コードはマスタにありません。コードの誤りがないか確認し、対象の福祉事務所ならマスタに行を追加してください。",
    sheets: ["pf-registration", "pf-suspension", "pf-errors"],
  },
  check({ table, masterCodes }, report) {
    const index = table?.fieldIndex.get("code");
    if (!table || index === undefined || masterCodes === null) return;
    const col = table.grid.left + index;
    for (const row of table.rows) {
      const value = row.cells[index] ?? null;
      if (isBlank(value)) continue;
      const parsed = parseOfficeCode(value);
      if (!parsed.ok || masterCodes.has(parsed.value)) continue;
      report({
        row: row.row,
        col,
        value,
        message: `保険者コード ${parsed.value} はマスタにありません。コードの誤りがないか確認し、対象の福祉事務所ならマスタに行を追加してください。`,
      });
    }
  },
});
