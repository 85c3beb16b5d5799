import { parseCount } from "../numbers";
import type { Table } from "../schema/table";
import { isBlank } from "../text";
import { atCell, eachFieldCell, fieldColumn } from "./cells";
import { holdsMyNumber } from "./mynumber-present";
import { defineRule, type RuleContext } from "./rule";

/** The count groups of a 閲覧停止 list: [label, 加入中, 資格喪失, 合計]. */
const GROUPS = [
  ["資格情報", "qualActive", "qualLost", "qualTotal"],
  ["医療情報", "medActive", "medLost", "medTotal"],
] as const;

type MessageId = "mismatch" | "mismatchHidden";

function checkGroup(table: Table, group: (typeof GROUPS)[number], report: RuleContext<MessageId>["report"]): void {
  const [label, activeKey, lostKey, totalKey] = group;
  const activeColumn = fieldColumn(table, activeKey);
  const lostColumn = fieldColumn(table, lostKey);
  if (!activeColumn || !lostColumn) return;
  eachFieldCell(table, totalKey, (cell) => {
    const a = activeColumn.read(cell.row);
    const l = lostColumn.read(cell.row);
    const t = cell.value;
    if (isBlank(a) || isBlank(l)) return;
    const active = parseCount(a);
    const lost = parseCount(l);
    const total = parseCount(t);
    if (!active.ok || !lost.ok || !total.ok) return;
    if (active.value + lost.value === total.value) return;
    // Counts are echoed in the message unless one of them is a probable 個人番号.
    if (holdsMyNumber(a) || holdsMyNumber(l) || holdsMyNumber(t)) {
      report({ messageId: "mismatchHidden", data: { label }, ...atCell(cell) });
      return;
    }
    const data = { label, total: total.value, active: active.value, lost: lost.value, sum: active.value + lost.value };
    report({ messageId: "mismatch", data, ...atCell(cell) });
  });
}

/** In a 閲覧停止 list, 合計 ≠ 加入中 + 資格喪失 (for 資格情報 and 医療情報, when all three read). */
export default defineRule<MessageId>({
  meta: {
    id: "pf-total-mismatch",
    title: "合計が内訳と合わない",
    severity: "error",
    messages: {
      mismatch:
        "{{label}}_合計が 加入中＋資格喪失 と一致しません（合計 {{total}}、加入中 {{active}} ＋ 資格喪失 {{lost}} ＝ {{sum}}）。支払基金の一覧から貼り付け直すか、件数を確認してください。",
      mismatchHidden: "{{label}}_合計が 加入中＋資格喪失 と一致しません。支払基金の一覧から貼り付け直すか、件数を確認してください。",
    },
    sheets: ["pf-suspension"],
  },
  check({ table, report }) {
    if (!table) return;
    for (const group of GROUPS) checkGroup(table, group, report);
  },
});
