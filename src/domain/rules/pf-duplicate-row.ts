import { parseOfficeCode } from "../codes";
import { compactKey, isBlank } from "../text";
import { defineRule } from "./rule";

/** How many other rows a message names before it says "…". */
const MAX_ROWS_NAMED = 5;
const KEY_SEPARATOR = "\u0000";

/**
 * The same key twice in one Payment Fund list: 保険者コード, or for エラー明細 保険者コード +
 * 被保険者番号 (an office legitimately has many rows there). Every row of the group is reported, on
 * its 保険者コード cell. Rows whose key is blank or malformed are other rules' business.
 */
export default defineRule({
  meta: {
    id: "pf-duplicate-row",
    severity: "warning",
    message: "同じキーの行が一覧に複数あります。貼り付けの重複がないか確認し、不要な行を削除してください。",
    sheets: ["pf-registration", "pf-suspension", "pf-errors"],
  },
  check({ kind, table }, report) {
    const index = table?.fieldIndex.get("code");
    if (!table || index === undefined) return;
    const withInsured = kind === "pf-errors";
    const insuredIndex = table.fieldIndex.get("insuredNumber");
    if (withInsured && insuredIndex === undefined) return;
    const col = table.grid.left + index;
    const keyName = withInsured ? "保険者コードと被保険者番号" : "保険者コード";

    // Pass 1: the key of every row (null when incomplete) and how often each occurs.
    const keys: (string | null)[] = new Array(table.rows.length).fill(null);
    const counts = new Map<string, number>();
    table.rows.forEach((row, i) => {
      const code = parseOfficeCode(row.cells[index] ?? null);
      if (!code.ok) return;
      let key = code.value;
      if (withInsured && insuredIndex !== undefined) {
        const insured = row.cells[insuredIndex] ?? null;
        if (isBlank(insured)) return;
        key += KEY_SEPARATOR + compactKey(typeof insured === "string" ? insured : String(insured));
      }
      keys[i] = key;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    });

    // Pass 2: the sheet rows of each repeated key.
    const groups = new Map<string, number[]>();
    keys.forEach((key, i) => {
      if (key === null || (counts.get(key) ?? 0) < 2) return;
      const rows = groups.get(key);
      if (rows) rows.push(table.rows[i].row);
      else groups.set(key, [table.rows[i].row]);
    });
    if (groups.size === 0) return;

    // Pass 3: report every row of every group, naming the other rows (never the 被保険者番号).
    keys.forEach((key, i) => {
      const rows = key === null ? undefined : groups.get(key);
      if (!rows) return;
      const row = table.rows[i];
      const others = rows.filter((r) => r !== row.row);
      const named = others.slice(0, MAX_ROWS_NAMED).join("・") + (others.length > MAX_ROWS_NAMED ? "…" : "");
      report({
        row: row.row,
        col,
        value: row.cells[index] ?? null,
        message: `${keyName}が同じ行が${named}行目にもあります（${rows.length}行）。貼り付けの重複がないか確認し、不要な行を削除してください。`,
      });
    });
  },
});
