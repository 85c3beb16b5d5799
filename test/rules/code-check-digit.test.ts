import { makeOfficeCode } from "../../src/domain/codes";
import rule from "../../src/domain/rules/code-check-digit";
import { MASTER_HEADER, testRule } from "./tester";

const master = (...rows: (string | number | null)[][]) => [{ name: "マスタ", rows: [MASTER_HEADER, ...rows] }];

testRule(rule, {
  valid: [
    { name: "SPEC's worked examples", sheets: master(["06130488", "A", 1, null], ["88134457", "B", 1, null], ["54016027", "C", 1, null]) },
    { name: "generated code", sheets: master([makeOfficeCode("12", 13, 48), "A", 1, null]) },
    { name: "a number cell", sheets: master([12130480, "A", 1, null]) },
    { name: "full-width digits with spaces", sheets: master(["１２１３ ０４８０", "A", 1, null]) },
    { name: "malformed codes are code-format's", sheets: master(["1213048", "A", 1, null]) },
  ],
  invalid: [
    {
      name: "last digit wrong (12130488: the literal is not a valid code)",
      sheets: master(["12130488", "A", 1, null]),
      errors: [{ messageId: "checkDigit", row: 2, cell: "A2", column: "保険者コード", value: "12130488", field: "code", data: { first7: "1213048", expected: 0 } }],
    },
    { name: "swapped digits", sheets: master(["21130488", "A", 1, null]), errors: [{ messageId: "checkDigit", row: 2, value: "21130488" }] },
    { name: "full-width", sheets: master(["０６１３０４８７", "A", 1, null]), errors: [{ messageId: "checkDigit", row: 2, value: "０６１３０４８７" }] },
    {
      name: "in an エラー明細 list",
      sheets: [{ name: "支払基金_エラー明細", rows: [["保険者コード", "被保険者番号", "氏名", "住所"], [88134450, "1", "山田", "東京都"]] }],
      errors: [{ messageId: "checkDigit", row: 2, cell: "A2", value: 88134450 }],
    },
  ],
});
