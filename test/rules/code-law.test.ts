import { makeOfficeCode } from "../../src/domain/codes";
import rule from "../../src/domain/rules/code-law";
import { MASTER_HEADER, testRule } from "./tester";

const master = (...rows: (string | number | null)[][]) => [{ name: "マスタ", rows: [MASTER_HEADER, ...rows] }];
const welfare = makeOfficeCode("12", 13, 48);
const chinese = makeOfficeCode("25", 13, 48);
const other = makeOfficeCode("11", 13, 48);

testRule(rule, {
  valid: [
    { name: "12 (生活保護)", sheets: master([welfare, "A", 1, null]) },
    { name: "25 (中国残留邦人等支援)", sheets: master([chinese, "A", 1, null]) },
    { name: "full-width digits", sheets: master(["１２１３０４８８", "A", 1, null]) },
    { name: "malformed codes are code-format's", sheets: master(["1113048", "A", 1, null], ["11-13-0481x", "B", 1, null]) },
    { name: "blank is required-empty's", sheets: master([null, "A", 1, null]) },
  ],
  invalid: [
    { name: "法別番号 11", sheets: master([other, "A", 1, null]), errors: [{ messageId: "unknownLaw", row: 2, cell: "A2", column: "保険者コード", value: other }] },
    { name: "a number cell", sheets: master([Number(other), "A", 1, null]), errors: [{ messageId: "unknownLaw", row: 2, cell: "A2", value: Number(other) }] },
    { name: "full-width, hyphenated", sheets: master(["３１-１３０４８-１", "A", 1, null]), errors: [{ messageId: "unknownLaw", row: 2, value: "３１-１３０４８-１" }] },
    {
      name: "in a Payment Fund list",
      sheets: [{ name: "支払基金_閲覧停止", rows: [["保険者コード", "保険者名", "資格情報_合計"], [welfare, "A", 1], ["99130488", "B", 1]] }],
      errors: [{ messageId: "unknownLaw", row: 3, cell: "A3", value: "99130488" }],
    },
  ],
});
