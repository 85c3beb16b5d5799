import rule from "../../src/domain/rules/date-invalid";
import { isoToSerial } from "../../src/domain/dates";
import { MASTER_HEADER, testRule } from "./tester";

type Cell = string | number | boolean | null;
const master = (...dates: Cell[]) => [{ name: "マスタ", rows: [MASTER_HEADER, ...dates.map((d) => ["12130480", "A", 1, d])] }];
const errors = (...rows: Cell[][]) => [
  { name: "支払基金_エラー明細_20250107", rows: [["保険者コード", "被保険者番号", "氏名", "生年月日", "住所"], ...rows] },
];

testRule(rule, {
  valid: [
    { name: "an Excel serial", sheets: master(isoToSerial("2025-01-07"), 45000.5) },
    { name: "Western text forms", sheets: master("2025/1/7", "2025-01-07", "2025年1月7日", "20250107") },
    { name: "era forms", sheets: master("令和7年1月7日", "R7.1.7", "R7/1/7", "令和元年5月1日", "H31.4.30") },
    { name: "full-width digits", sheets: master("２０２５／１／７", "令和７年１月７日") },
    { name: "blank means 未登録", sheets: master(null, "", "\u3000") },
    {
      name: "every date column of マスタ",
      sheets: [{ name: "マスタ", rows: [[...MASTER_HEADER, "アンケート回答日", "公文書発出日", "備考"], ["12130480", "A", 1, "2025/1/7", "R6.9.30", 45000, "not a date"]] }],
    },
    { name: "生年月日 in an エラー明細 list", sheets: errors(["12130480", "1", "山田 太郎", "S50.1.1", "東京都千代田区"]) },
  ],
  invalid: [
    {
      name: "未登録 written in words",
      sheets: master("未登録"),
      errors: [{ messageId: "unreadableStartDate", row: 2, cell: "D2", column: "資格情報登録開始日", value: "未登録", field: "startDate", data: { label: "資格情報登録開始日" } }],
    },
    { name: "no such day", sheets: master("2025/2/30", "2025/2/29"), errors: [{ messageId: "unreadableStartDate", row: 2, value: "2025/2/30" }, { messageId: "unreadableStartDate", row: 3, value: "2025/2/29" }] },
    { name: "the same text on every row", sheets: master("未定", "2025/1/7", "未定"), errors: [{ messageId: "unreadableStartDate", row: 2, value: "未定" }, { messageId: "unreadableStartDate", row: 4, value: "未定" }] },
    { name: "outside the era", sheets: master("令和1年4月1日", "平成32年1月1日"), errors: [{ messageId: "unreadableStartDate", row: 2 }, { messageId: "unreadableStartDate", row: 3 }] },
    { name: "booleans, NaN and serial 60", sheets: master(true, Number.NaN, 60, -5), errors: [{ messageId: "unreadableStartDate", row: 2, value: true }, { messageId: "unreadableStartDate", row: 3 }, { messageId: "unreadableStartDate", row: 4, value: 60 }, { messageId: "unreadableStartDate", row: 5, value: -5 }] },
    {
      name: "a month is not a date",
      sheets: [{ name: "マスタ", rows: [[...MASTER_HEADER, "アンケート回答日"], ["12130480", "A", 1, null, "令和7年1月"]] }],
      errors: [{ messageId: "unreadable", row: 2, cell: "E2", column: "アンケート回答日", value: "令和7年1月", data: { label: "アンケート回答日" } }],
    },
    {
      name: "生年月日 in an エラー明細 list",
      sheets: errors(["12130480", "1", "山田 太郎", "S50.13.1", "東京都千代田区"]),
      errors: [{ messageId: "unreadable", row: 2, cell: "D2", column: "生年月日", field: "birthDate", value: "S50.13.1", data: { label: "生年月日" } }],
    },
    {
      name: "データ基準日 in a 登録状況 list",
      sheets: [{ name: "支払基金_登録状況_20250107", rows: [["保険者コード", "保険者名", "資格情報登録開始日", "データ基準日"], ["12130480", "A", "2024/12/20", "不明"]] }],
      errors: [{ messageId: "unreadable", row: 2, cell: "D2", value: "不明", data: { label: "データ基準日" } }],
    },
    {
      name: "a 個人番号 in a date cell is not echoed",
      sheets: master("1234 5678 9018"),
      errors: [{ messageId: "unreadableStartDate", row: 2, cell: "D2", value: null }],
    },
  ],
});
