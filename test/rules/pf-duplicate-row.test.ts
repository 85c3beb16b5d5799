import rule from "../../src/domain/rules/pf-duplicate-row";
import { makeOfficeCode } from "../../src/domain/codes";
import { testRule } from "./tester";

const A = makeOfficeCode("12", 13, 48);
const B = makeOfficeCode("12", 1, 1);
const REG = "支払基金_登録状況_20250107";
const ERR = "支払基金_エラー明細_20250107";
const registration = (...codes: (string | number | null)[]) => [
  { name: REG, rows: [["保険者コード", "保険者名", "資格情報登録開始日"], ...codes.map((c) => [c, "X", "2025/1/7"])] },
];
const errors = (...rows: (string | number | null)[][]) => [{ name: ERR, rows: [["保険者コード", "被保険者番号", "氏名", "住所"], ...rows] }];

testRule(rule, {
  valid: [
    { name: "distinct codes", sheets: registration(A, B) },
    { name: "one office, many persons in エラー明細", sheets: errors([A, "001", "山田", "東京都"], [A, "002", "佐藤", "東京都"], [B, "001", "鈴木", "北海道"]) },
    { name: "a blank 被保険者番号 leaves the key incomplete", sheets: errors([A, null, "山田", "東京都"], [A, "", "佐藤", "東京都"]) },
    { name: "malformed and blank codes are other rules'", sheets: registration("1213", "1213", null, null) },
    { name: "エラー明細 without a 被保険者番号 column", sheets: [{ name: ERR, rows: [["保険者コード", "氏名", "住所"], [A, "山田", "東京都"], [A, "佐藤", "東京都"]] }] },
  ],
  invalid: [
    {
      name: "a code twice",
      sheets: registration(A, B, A),
      errors: [
        { messageId: "duplicateCode", row: 2, cell: "A2", column: "保険者コード", value: A, field: "code", data: { others: "4", count: 2 } },
        { messageId: "duplicateCode", row: 4, cell: "A4", value: A, data: { others: "2", count: 2 } },
      ],
    },
    { name: "the same code written differently", sheets: registration(A, Number(A), `${A.slice(0, 4)}-${A.slice(4)}`), errors: [{ messageId: "duplicateCode", row: 2 }, { messageId: "duplicateCode", row: 3 }, { messageId: "duplicateCode", row: 4 }] },
    {
      name: "code + 被保険者番号 in エラー明細",
      sheets: errors([A, "001", "山田", "東京都"], [A, "００１", "山田", "東京都"], [B, "001", "鈴木", "北海道"]),
      errors: [{ messageId: "duplicateCodeAndInsured", row: 2, cell: "A2", data: { others: "3", count: 2 } }, { messageId: "duplicateCodeAndInsured", row: 3, cell: "A3" }],
    },
    {
      name: "a 閲覧停止 list",
      sheets: [{ name: "支払基金_閲覧停止", rows: [["保険者コード", "保険者名", "資格情報_合計"], [B, "X", 1], [B, "X", 1]] }],
      errors: [{ messageId: "duplicateCode", row: 2 }, { messageId: "duplicateCode", row: 3 }],
    },
  ],
});
