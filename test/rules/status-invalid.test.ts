import rule from "../../src/domain/rules/status-invalid";
import { parseStatus } from "../../src/domain/status";
import { MASTER_HEADER, testRule } from "./tester";

type Cell = string | number | boolean | null;
/** The status parser's reason for a value (the finding's note). */
const statusReason = (value: string) => {
  const parsed = parseStatus(value);
  return parsed.ok ? "" : parsed.reason;
};
const master = (...statuses: Cell[]) => [
  { name: "マスタ", rows: [[...MASTER_HEADER, "対応状況"], ...statuses.map((s) => ["12130480", "A", 1, null, s])] },
];

testRule(rule, {
  valid: [
    { name: "numbers", sheets: master(1, 6, "4") },
    { name: "options and labels", sheets: master("1_登録済み", "システム改修中", "登録済", "6_システム改修検討中") },
    { name: "full-width and long forms", sheets: master("４", "４_システム改修中", "4_システム改修中（既にシステム改修に着手）") },
    { name: "blank", sheets: master(null, "", "\u3000") },
  ],
  invalid: [
    { name: "out of range", sheets: master(7, 0), errors: [{ messageId: "unreadable", row: 2, cell: "E2", column: "対応状況", value: 7 }, { messageId: "unreadable", row: 3, value: 0 }] },
    { name: "number and label disagree", sheets: master("2_準備中"), errors: [{ messageId: "unreadable", row: 2, value: "2_準備中", field: "status", note: statusReason("2_準備中") }] },
    { name: "an unknown label", sheets: master("対応中", "検討中"), errors: [{ messageId: "unreadable", row: 2, value: "対応中" }, { messageId: "unreadable", row: 3, value: "検討中" }] },
    { name: "booleans and fractions", sheets: master(true, 1.5), errors: [{ messageId: "unreadable", row: 2, value: true }, { messageId: "unreadable", row: 3, value: 1.5 }] },
  ],
});
