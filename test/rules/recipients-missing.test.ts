import rule from "../../src/domain/rules/recipients-missing";
import { MASTER_HEADER, testRule } from "./tester";

const master = (...rows: (string | number | null)[][]) => [{ name: "マスタ", rows: [MASTER_HEADER, ...rows] }];

testRule(rule, {
  valid: [
    { name: "a number", sheets: master(["12130488", "A", 10, null]) },
    { name: "zero", sheets: master(["12130488", "A", 0, null]) },
    { name: "an invalid value is number-invalid's", sheets: master(["12130488", "A", "abc", null]) },
    { name: "a list has no 被保護者数", sheets: [{ name: "支払基金_登録状況", rows: [["保険者コード", "保険者名", "資格情報登録開始日"], ["12130488", null, null]] }] },
  ],
  invalid: [
    { name: "blank", sheets: master(["12130488", "A", null, null]), errors: [{ messageId: "blank", row: 2, cell: "C2", column: "被保護者数", value: null }] },
    { name: "empty text", sheets: master(["12130488", "A", "", null]), errors: [{ messageId: "blank", row: 2, cell: "C2", value: "" }] },
    { name: "full-width space", sheets: master(["12130488", "A", "\u3000", null]), errors: [{ messageId: "blank", row: 2, value: "\u3000" }] },
    {
      name: "annotated header, later row",
      sheets: [{ name: "マスタ", rows: [["保険者コード", "福祉事務所名", "被保護者 人数(人)", "資格情報登録開始日"], ["12130488", "A", 3, null], ["12010013", "B", null, null]] }],
      errors: [{ messageId: "blank", row: 3, cell: "C3", column: "被保護者 人数(人)" }],
    },
  ],
});
