import { parsePlanChain } from "../../src/domain/plans";
import rule from "../../src/domain/rules/plan-invalid";
import { MASTER_HEADER, testRule } from "./tester";

type Cell = string | number | boolean | null;
const HEADER = [...MASTER_HEADER, "登録予定月", "登録予定時期"];
/** The plan parser's reason for a text (the finding's note). */
const planReason = (text: string) => {
  const parsed = parsePlanChain(text);
  return parsed.ok ? "" : parsed.reason;
};
const master = (...rows: Cell[][]) => [{ name: "マスタ", rows: [HEADER, ...rows.map(([a, p]) => ["12130480", "A", 1, null, a, p])] }];

testRule(rule, {
  valid: [
    { name: "the answer forms", sheets: master(["登録済み", "令和7年4月"], ["令和7年4月以降", "未定"], ["R7年1月", "2025/01"]) },
    { name: "an option prefix", sheets: master(["12_令和7年4月以降", "3_未定"]) },
    { name: "a revision chain", sheets: master(["令和7年4月以降", "R7年4月以降⇒R7年3月"], [null, "R7.4→R7.6\nR7.9"]) },
    { name: "full-width digits", sheets: master(["令和７年４月", "２０２５年４月以降"]) },
    { name: "blank", sheets: master([null, null], ["", "\u3000"]) },
    { name: "a date serial", sheets: master([45748, null]) },
  ],
  invalid: [
    {
      name: "words",
      sheets: master(["来年度", null]),
      errors: [{ messageId: "unreadable", row: 2, cell: "E2", column: "登録予定月", value: "来年度", field: "answer", data: { label: "登録予定月" } }],
    },
    {
      name: "a broken chain element",
      sheets: master([null, "R7年4月以降⇒そのうち"]),
      errors: [{ messageId: "unreadable", row: 2, cell: "F2", column: "登録予定時期", data: { label: "登録予定時期" }, note: planReason("R7年4月以降⇒そのうち") }],
    },
    { name: "the same text on every row and column", sheets: master(["検討中", "検討中"], ["未定", null], [null, "検討中"]), errors: [{ messageId: "unreadable", row: 2, cell: "E2" }, { messageId: "unreadable", row: 2, cell: "F2" }, { messageId: "unreadable", row: 4, cell: "F4" }] },
    { name: "no such month", sheets: master(["令和7年13月", "令和1年4月"]), errors: [{ messageId: "unreadable", row: 2, cell: "E2" }, { messageId: "unreadable", row: 2, cell: "F2" }] },
    { name: "booleans and bare option numbers", sheets: master([true, 12]), errors: [{ messageId: "unreadable", row: 2, cell: "E2", value: true }, { messageId: "unreadable", row: 2, cell: "F2", value: 12 }] },
  ],
});
