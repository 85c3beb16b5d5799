import { parseOfficeCode } from "../codes";
import { compactKey, isBlank } from "../text";
import { defineRule } from "./rule";

/** How many other rows a message names before it says "…". */
const MAX_ROWS_NAMED = 5;

/**
 * The same key twice in one Payment Fund list: 保険者コード, or for エラー明細 保険者コード +
 * 被保険者番号 (an office legitimately has many rows there). Every row of the group is reported, on
 * its 保険者コード cell. Rows whose key is blank or malformed are other rules' business.
 */
export default defineRule({
  meta: {
    id: "pf-duplicate-row",
    title: "支払基金データの重複行",
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

    // Pass 1: a group id for every row's key (-1 when incomplete) and how often each occurs. The
    // key (保険者コード, plus 被保険者番号 for エラー明細) is looked up in nested maps, code first, so
    // no per-row key string is built.
    const ids = new Int32Array(table.rows.length).fill(-1);
    const counts: number[] = [];
    const byCode = new Map<string, number>();
    const byCodeAndInsured = new Map<string, Map<string, number>>();
    const rows = table.rows;
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i];
      const code = parseOfficeCode(row.cells[index] ?? null);
      if (!code.ok) continue;
      let id: number | undefined;
      if (withInsured && insuredIndex !== undefined) {
        const insured = row.cells[insuredIndex] ?? null;
        if (isBlank(insured)) continue;
        const key = compactKey(typeof insured === "string" ? insured : String(insured));
        let inner = byCodeAndInsured.get(code.value);
        if (!inner) byCodeAndInsured.set(code.value, (inner = new Map()));
        id = inner.get(key);
        if (id === undefined) inner.set(key, (id = counts.push(0) - 1));
      } else {
        id = byCode.get(code.value);
        if (id === undefined) byCode.set(code.value, (id = counts.push(0) - 1));
      }
      ids[i] = id;
      counts[id]++;
    }

    // Pass 2: the sheet rows of each repeated key.
    const groups = new Map<number, number[]>();
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i];
      if (id < 0 || counts[id] < 2) continue;
      const group = groups.get(id);
      if (group) group.push(rows[i].row);
      else groups.set(id, [rows[i].row]);
    }
    if (groups.size === 0) return;

    // Pass 3: report every row of every group, naming the other rows (never the 被保険者番号).
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i];
      const group = id < 0 ? undefined : groups.get(id);
      if (!group) continue;
      const row = rows[i];
      const others = group.filter((r) => r !== row.row);
      const named = others.slice(0, MAX_ROWS_NAMED).join("・") + (others.length > MAX_ROWS_NAMED ? "…" : "");
      report({
        row: row.row,
        col,
        value: row.cells[index] ?? null,
        message: `${keyName}が同じ行が${named}行目にもあります（${group.length}行）。貼り付けの重複がないか確認し、不要な行を削除してください。`,
      });
    }
  },
});
