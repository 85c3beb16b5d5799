import { expect } from "vitest";
import rule from "../../src/domain/rules/date-implausible";
import { isoToSerial } from "../../src/domain/dates";
import { MASTER_HEADER, testRule } from "./tester";

type Cell = string | number | boolean | null;
const HEADER = [...MASTER_HEADER, "アンケート回答日", "状況確認メール送付日", "個別打合せ日"];
const master = (...rows: Cell[][]) => [{ name: "マスタ", rows: [HEADER, ...rows.map((r) => ["12130480", "架空福祉事務所", 100, ...r])] }];
const DATE = "yyyy/m/d";

testRule(rule, {
  valid: [
    { name: "dates of the project's time", sheets: master([isoToSerial("2024-12-20"), "2025/1/7", "R7.1.7"], ["2021-01-01", null, null]) },
    { name: "blank cells", sheets: master([null, "", "\u00a0"]) },
    { name: "unreadable text is date-invalid's business", sheets: master(["未登録", "2025", "不明"]) },
    { name: "an old meeting date is not an event date of the survey", sheets: master([null, null, null, isoToSerial("2019-04-01")]) },
    {
      name: "a serial formatted as a date after 2021",
      sheets: [{ name: "マスタ", rows: [MASTER_HEADER, ["12130480", "A", 1, isoToSerial("2025-06-01")]], formats: [[], ["General", "General", "General", DATE]] }],
    },
  ],
  invalid: [
    {
      name: "2025 typed as a number in the start date (Excel reads 1905-07-17)",
      sheets: master([2025]),
      errors: [{ messageId: "implausible", row: 2, cell: "D2", column: "資格情報登録開始日", value: 2025, data: { label: "資格情報登録開始日" }, note: expect.stringContaining("数字だけ") }],
    },
    { name: "1 in the answer date", sheets: master([null, 1]), errors: [{ messageId: "implausible", row: 2, cell: "E2", column: "アンケート回答日", value: 1 }] },
    {
      name: "a date before 2021 written as text or as a date cell",
      sheets: master(["H30.4.1", null, isoToSerial("2019-12-01")]),
      errors: [{ messageId: "implausible", row: 2, cell: "D2", value: "H30.4.1", note: expect.stringContaining("2021年より前") }, { messageId: "implausible", row: 2, cell: "F2" }],
    },
    {
      name: "the start date of a 登録状況 list",
      sheets: [{ name: "支払基金_登録状況_20250204", rows: [["保険者コード", "保険者名", "資格情報登録開始日", "データ基準日"], ["12130480", "A", 2025, "2025/2/4"]] }],
      errors: [{ messageId: "implausible", row: 2, cell: "C2", value: 2025 }],
    },
  ],
});
