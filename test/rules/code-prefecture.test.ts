import { makeOfficeCode } from "../../src/domain/codes";
import rule from "../../src/domain/rules/code-prefecture";
import { MASTER_HEADER, testRule } from "./tester";

const master = (...rows: (string | number | null)[][]) => [{ name: "マスタ", rows: [MASTER_HEADER, ...rows] }];

testRule(rule, {
  valid: [
    { name: "01 北海道", sheets: master([makeOfficeCode("12", 1, 1), "A", 1, null]) },
    { name: "47 沖縄県", sheets: master([makeOfficeCode("12", 47, 1), "A", 1, null]) },
    { name: "51 and 97 (overflow ranges)", sheets: master([makeOfficeCode("12", 51, 1), "A", 1, null], [makeOfficeCode("12", 97, 1), "B", 1, null]) },
    { name: "full-width digits", sheets: master(["１２１３０４８８", "A", 1, null]) },
    { name: "malformed codes are code-format's", sheets: master(["120001", "A", 1, null]) },
  ],
  invalid: [
    {
      name: "00",
      sheets: master([makeOfficeCode("12", 0, 1), "A", 1, null]),
      errors: [{ messageId: "outOfRange", row: 2, cell: "A2", column: "保険者コード", value: makeOfficeCode("12", 0, 1) }],
    },
    { name: "48", sheets: master([makeOfficeCode("12", 48, 1), "A", 1, null]), errors: [{ messageId: "outOfRange", row: 2, value: makeOfficeCode("12", 48, 1) }] },
    { name: "50", sheets: master([Number(makeOfficeCode("12", 50, 1)), "A", 1, null]), errors: [{ messageId: "outOfRange", row: 2, value: Number(makeOfficeCode("12", 50, 1)) }] },
    {
      name: "98 in a list, full-width",
      sheets: [{ name: "支払基金_登録状況", rows: [["保険者コード", "保険者名", "資格情報登録開始日"], ["１２９８００１７", "A", null]] }],
      errors: [{ messageId: "outOfRange", row: 2, cell: "A2", value: "１２９８００１７" }],
    },
  ],
});
