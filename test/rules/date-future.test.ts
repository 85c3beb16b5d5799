import rule from "../../src/domain/rules/date-future";
import { isoToSerial } from "../../src/domain/dates";
import { MASTER_HEADER, testRule } from "./tester";

type Cell = string | number | boolean | null;
const master = (...dates: Cell[]) => [{ name: "マスタ", rows: [MASTER_HEADER, ...dates.map((d) => ["12130480", "A", 1, d])] }];

testRule(rule, {
  valid: [
    { name: "on or before the as-of date", sheets: master("2025-02-04", "2025/2/3", "令和7年2月4日", isoToSerial("2025-02-04")) },
    { name: "the serial's time of day does not matter", sheets: master(isoToSerial("2025-02-04") + 0.99) },
    { name: "unreadable dates are date-invalid's", sheets: master("2025/2/30", "未登録", true) },
    { name: "blank", sheets: master(null, "") },
    { name: "a later as-of date", sheets: master("2025-03-01"), asOf: "2025-03-01" },
  ],
  invalid: [
    {
      name: "the day after",
      sheets: master("2025-02-05"),
      errors: [{ messageId: "afterAsOf", row: 2, cell: "D2", column: "資格情報登録開始日", value: "2025-02-05", field: "startDate", data: { label: "資格情報登録開始日", date: "2025-02-05", asOf: "2025-02-04" } }],
    },
    { name: "the same text on every row", sheets: master("2025/3/1", "2025/1/1", "2025/3/1"), errors: [{ messageId: "afterAsOf", row: 2 }, { messageId: "afterAsOf", row: 4 }] },
    { name: "a serial", sheets: master(isoToSerial("2025-03-01")), errors: [{ messageId: "afterAsOf", row: 2, value: isoToSerial("2025-03-01") }] },
    { name: "era and full-width forms", sheets: master("令和８年１月１日", "R7.12.1"), errors: [{ messageId: "afterAsOf", row: 2 }, { messageId: "afterAsOf", row: 3 }] },
    {
      name: "every date column, in column order",
      sheets: [
        {
          name: "マスタ",
          rows: [[...MASTER_HEADER, "アンケート回答日", "個別打合せ日"], ["12130480", "A", 1, "2025/2/10", "2025/1/1", "2026/1/1"]],
        },
      ],
      errors: [{ messageId: "afterAsOf", row: 2, cell: "D2" }, { messageId: "afterAsOf", row: 2, cell: "F2", column: "個別打合せ日" }],
    },
    {
      name: "データ基準日 of a Payment Fund list",
      sheets: [{ name: "支払基金_登録状況_20250107", rows: [["保険者コード", "保険者名", "資格情報登録開始日", "データ基準日"], ["12130480", "A", null, "2025/1/7"]] }],
      asOf: "2025-01-06",
      errors: [{ messageId: "afterAsOf", row: 2, cell: "D2", value: "2025/1/7", data: { label: "データ基準日", date: "2025-01-07", asOf: "2025-01-06" } }],
    },
  ],
});
