import { parseCount } from "../numbers";
import type { Table } from "../schema/table";
import { isBlank } from "../text";
import { holdsMyNumber } from "./mynumber-present";
import { defineRule, type Report } from "./rule";

/** The count groups of a 閲覧停止 list: [label, 加入中, 資格喪失, 合計]. */
const GROUPS = [
  ["資格情報", "qualActive", "qualLost", "qualTotal"],
  ["医療情報", "medActive", "medLost", "medTotal"],
] as const;

function checkGroup(table: Table, group: (typeof GROUPS)[number], report: Report): void {
  const [label, activeKey, lostKey, totalKey] = group;
  const ai = table.fieldIndex.get(activeKey);
  const li = table.fieldIndex.get(lostKey);
  const ti = table.fieldIndex.get(totalKey);
  if (ai === undefined || li === undefined || ti === undefined) return;
  const col = table.grid.left + ti;
  for (const row of table.rows) {
    const a = row.cells[ai] ?? null;
    const l = row.cells[li] ?? null;
    const t = row.cells[ti] ?? null;
    if (isBlank(a) || isBlank(l) || isBlank(t)) continue;
    const active = parseCount(a);
    const lost = parseCount(l);
    const total = parseCount(t);
    if (!active.ok || !lost.ok || !total.ok) continue;
    if (active.value + lost.value === total.value) continue;
    // Counts are echoed in the message unless one of them is a probable 個人番号.
    const figures =
      holdsMyNumber(a) || holdsMyNumber(l) || holdsMyNumber(t)
        ? ""
        : `（合計 ${total.value}、加入中 ${active.value} ＋ 資格喪失 ${lost.value} ＝ ${active.value + lost.value}）`;
    report({
      row: row.row,
      col,
      value: t,
      message: `${label}_合計が 加入中＋資格喪失 と一致しません${figures}。支払基金の一覧から貼り付け直すか、件数を確認してください。`,
    });
  }
}

/** In a 閲覧停止 list, 合計 ≠ 加入中 + 資格喪失 (for 資格情報 and 医療情報, when all three read). */
export default defineRule({
  meta: {
    id: "pf-total-mismatch",
    title: "合計が内訳と合わない",
    severity: "error",
    message: "合計が 加入中＋資格喪失 と一致しません。支払基金の一覧から貼り付け直すか、件数を確認してください。",
    sheets: ["pf-suspension"],
  },
  check({ table }, report) {
    if (!table) return;
    for (const group of GROUPS) checkGroup(table, group, report);
  },
});
