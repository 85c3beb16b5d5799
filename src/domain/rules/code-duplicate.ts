import { parseOfficeCode } from "../codes";
import { isBlankCell } from "../schema/table";
import { defineRule } from "./rule";

/** How many other rows a message names before it says "…". */
const MAX_ROWS_NAMED = 5;

/**
 * The same 保険者コード (after normalisation) on two or more rows of マスタ; every row of the group is
 * reported. Payment Fund lists have their own rule for this (pf-duplicate-row, a warning), and in
 * an エラー明細 list one office legitimately appears on many rows, so this rule runs on マスタ only.
 */
export default defineRule({
  meta: {
    id: "code-duplicate",
    title: "保険者コードが重複",
    severity: "error",
    message: "同じ保険者コードが複数の行にあります。マスタは1事務所1行です。重複した行を削除するか、コードを正してください。",
    sheets: ["master"],
  },
  check({ table }, report) {
    const index = table?.fieldIndex.get("code");
    if (!table || index === undefined) return;
    const col = table.grid.left + index;
    // Pass 1: normalised code of every row (null when blank or malformed) and how often each occurs.
    const codes: (string | null)[] = new Array(table.rows.length).fill(null);
    const counts = new Map<string, number>();
    table.rows.forEach((row, i) => {
      const value = row.cells[index] ?? null;
      if (isBlankCell(value)) return;
      const parsed = parseOfficeCode(value);
      if (!parsed.ok) return;
      codes[i] = parsed.value;
      counts.set(parsed.value, (counts.get(parsed.value) ?? 0) + 1);
    });
    // Pass 2: the sheet rows of each duplicated code.
    const groups = new Map<string, number[]>();
    codes.forEach((code, i) => {
      if (code === null || (counts.get(code) ?? 0) < 2) return;
      const rows = groups.get(code);
      if (rows) rows.push(table.rows[i].row);
      else groups.set(code, [table.rows[i].row]);
    });
    if (groups.size === 0) return;
    // Pass 3: report every row of every group, naming the other rows.
    codes.forEach((code, i) => {
      const rows = code === null ? undefined : groups.get(code);
      if (!rows) return;
      const row = table.rows[i];
      // Never scan the whole group per row: a group may hold thousands of rows.
      const others: number[] = [];
      for (let k = 0; k < rows.length && others.length < MAX_ROWS_NAMED; k++) if (rows[k] !== row.row) others.push(rows[k]);
      const named = others.join("・") + (rows.length - 1 > MAX_ROWS_NAMED ? "…" : "");
      report({
        row: row.row,
        col,
        value: row.cells[index] ?? null,
        message: `保険者コード ${code} が${named}行目にもあります（${rows.length}行）。マスタは1事務所1行です。重複した行を削除するか、コードを正してください。`,
      });
    });
  },
});
