import rule from "../../src/domain/rules/required-empty";
import { MASTER_HEADER, testRule } from "./tester";

const master = (...rows: (string | number | null)[][]) => [{ name: "マスタ", rows: [MASTER_HEADER, ...rows] }];

testRule(rule, {
  valid: [
    { name: "code and name filled", sheets: master(["12130488", "A福祉事務所", 10, null]) },
    { name: "blank 被保護者数 and start date are not this rule's", sheets: master(["12130488", "A福祉事務所", null, null]) },
    { name: "blank rows are skipped", sheets: master(["12130488", "A", 1, null], [null, null, null, null], ["12010013", "B", 1, null]) },
    { name: "a malformed code is code-format's", sheets: master(["x", "A", 1, null]) },
    {
      name: "登録状況 without a name is fine (only the code is required)",
      sheets: [{ name: "支払基金_登録状況", rows: [["保険者コード", "保険者名", "資格情報登録開始日"], ["12130488", null, "2025/1/7"]] }],
    },
  ],
  invalid: [
    {
      name: "blank code",
      sheets: master([null, "A福祉事務所", 10, null]),
      errors: [{ messageId: "blank", row: 2, cell: "A2", column: "保険者コード", value: null }],
    },
    {
      name: "whitespace-only name (full-width space)",
      sheets: master(["12130488", "\u3000", 10, null]),
      errors: [{ messageId: "blank", row: 2, cell: "B2", column: "福祉事務所名", value: "\u3000" }],
    },
    {
      name: "both required values blank",
      sheets: master(["12130488", "A", 1, null], [" ", "", 5, null]),
      errors: [
        { messageId: "blank", row: 3, cell: "A3" },
        { messageId: "blank", row: 3, cell: "B3" },
      ],
    },
    {
      name: "Payment Fund list with a blank code",
      sheets: [{ name: "支払基金_エラー明細", rows: [["保険者コード", "被保険者番号", "氏名", "住所"], [null, "1", "山田", "東京都千代田区"]] }],
      errors: [{ messageId: "blank", row: 2, cell: "A2", column: "保険者コード" }],
    },
  ],
});
