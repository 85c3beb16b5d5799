import rule from "../../src/domain/rules/code-format";
import { MASTER_HEADER, testRule } from "./tester";

const master = (...rows: (string | number | null)[][]) => [{ name: "マスタ", rows: [MASTER_HEADER, ...rows] }];

testRule(rule, {
  valid: [
    { name: "eight digits", sheets: master(["12130488", "A福祉事務所", 10, null]) },
    { name: "a number cell", sheets: master([12130488, "A福祉事務所", 10, null]) },
    { name: "full-width digits", sheets: master(["１２１３０４８８", "A福祉事務所", 10, null]) },
    { name: "blank is not this rule's business", sheets: master([null, "A福祉事務所", 10, null]) },
  ],
  invalid: [
    { name: "seven digits", sheets: master(["1213048", "A", 1, null]), errors: [{ messageId: "notEightDigits", row: 2, cell: "A2", column: "保険者コード", value: "1213048" }] },
    { name: "letters", sheets: master(["12AB0488", "A", 1, null]), errors: [{ messageId: "notEightDigits", row: 2, cell: "A2", value: "12AB0488" }] },
    {
      name: "in a Payment Fund list",
      sheets: [{ name: "支払基金_登録状況_20250107", rows: [["保険者コード", "保険者名", "資格情報登録開始日"], ["x", "A", null]] }],
      errors: [{ messageId: "notEightDigits", row: 2, cell: "A2", value: "x" }],
    },
  ],
});
