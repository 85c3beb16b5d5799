import rule from "../../src/domain/rules/external-char";
import { MASTER_HEADER, testRule } from "./tester";

const ERRORS_HEADER = ["保険者コード", "被保険者番号", "氏名", "氏名カナ", "住所"];
const errors = (...rows: (string | number | null)[][]) => [{ name: "支払基金_エラー明細_20250107", rows: [ERRORS_HEADER, ...rows] }];

testRule(rule, {
  valid: [
    { name: "no ●", sheets: errors(["12130480", "1", "山田 太郎", "ヤマダ タロウ", "東京都千代田区"]) },
    { name: "other marks", sheets: errors(["12130480", "1", "山田 〇郎", "ヤマダ ◯ロウ", "東京都千代田区○○町"]) },
    {
      name: "● outside text fields (a mark column) is not this rule's",
      sheets: [{ name: "マスタ", rows: [[...MASTER_HEADER, "アンケート対象"], ["12130480", "A", 1, null, "●"]] }],
    },
    { name: "a sheet of no known kind", sheets: [{ name: "メモ", rows: [["山●"]] }] },
  ],
  invalid: [
    {
      name: "a name in an エラー明細 list",
      sheets: errors(["12130480", "1", "山●太郎", "ヤマダ タロウ", "東京都千代田区"]),
      errors: [{ messageId: "gaiji", row: 2, cell: "C2", column: "氏名", value: "山●太郎", field: "personName" }],
    },
    {
      name: "an address and a name on one row",
      sheets: errors(["12130480", "1", "●田 太郎", "ヤマダ タロウ", "東京都●●区"]),
      errors: [{ messageId: "gaiji", row: 2, cell: "C2" }, { messageId: "gaiji", row: 2, cell: "E2", column: "住所", value: "東京都●●区" }],
    },
    {
      name: "マスタ text columns",
      sheets: [{ name: "マスタ", rows: [[...MASTER_HEADER, "備考"], ["12130480", "●●市福祉事務所", 1, null, "●は外字"]] }],
      errors: [{ messageId: "gaiji", row: 2, cell: "B2", column: "福祉事務所名" }, { messageId: "gaiji", row: 2, cell: "E2", column: "備考" }],
    },
  ],
});
