import { makeOfficeCode } from "../../src/domain/codes";
import rule from "../../src/domain/rules/prefecture-mismatch";
import { MASTER_HEADER, testRule } from "./tester";

const master = (...rows: [string | number | null, string | number | null][]) => [
  { name: "マスタ", rows: [[...MASTER_HEADER, "都道府県"], ...rows.map(([code, pref]) => [code, "A", 1, null, pref])] },
];
const tokyo = makeOfficeCode("12", 13, 48);

testRule(rule, {
  valid: [
    { name: "agreeing", sheets: master([tokyo, "東京都"], [makeOfficeCode("12", 1, 1), "北海道"]) },
    { name: "short form", sheets: master([tokyo, "東京"]) },
    { name: "51–97 stand for number − 50", sheets: master([makeOfficeCode("12", 63, 1), "東京都"], [makeOfficeCode("25", 97, 1), "沖縄県"]) },
    { name: "full-width code", sheets: master(["１２１３０４８０", "東京都"]) },
    { name: "unknown name is prefecture-unknown's", sheets: master([tokyo, "横浜市"]) },
    { name: "invalid code or prefecture number is skipped", sheets: master(["x", "大阪府"], [makeOfficeCode("12", 48, 1), "大阪府"], [null, "大阪府"]) },
    { name: "blank prefecture", sheets: master([tokyo, null]) },
  ],
  invalid: [
    {
      name: "Osaka name, Tokyo code",
      sheets: master([tokyo, "大阪府"]),
      errors: [{ messageId: "mismatch", row: 2, cell: "E2", column: "都道府県", value: "大阪府", field: "prefecture", data: { named: "大阪府", code: tokyo, digits: "13", ofCode: "東京都" } }],
    },
    { name: "short form disagreeing", sheets: master([makeOfficeCode("12", 27, 100), "京都"]), errors: [{ messageId: "mismatch", row: 2, value: "京都" }] },
    { name: "overflow number 76 = 26 京都府", sheets: master([makeOfficeCode("12", 76, 1), "大阪府"]), errors: [{ messageId: "mismatch", row: 2, value: "大阪府" }] },
    { name: "number code cell", sheets: master([Number(makeOfficeCode("12", 1, 5)), "青森県"]), errors: [{ messageId: "mismatch", row: 2 }] },
  ],
});
