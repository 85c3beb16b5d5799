import rule from "../../src/domain/rules/mynumber-present";
import { MASTER_HEADER, testRule } from "./tester";

// 123456789018 is a probable 個人番号 (its check digit fits); 123456789012 is not.
const MY_NUMBER = "123456789018";
const HEADER = [...MASTER_HEADER, "備考"];
const master = (...notes: (string | number | boolean | null)[]) => [
  { name: "マスタ", rows: [HEADER, ...notes.map((n) => ["12130480", "A", 1, null, n])] },
];

testRule(rule, {
  valid: [
    { name: "codes, phone numbers and dates", sheets: master("03-1234-5678", "12130480", "2025/01/07 10:00", "〒100-8916") },
    { name: "12 digits whose check digit does not fit", sheets: master("123456789012", 123456789012, "1234 5678 9012") },
    { name: "part of a longer number", sheets: master(`${MY_NUMBER}0`, `9${MY_NUMBER}`, 1234567890180) },
    { name: "small numbers and odd cells", sheets: master(12130480, Number.NaN, Number.POSITIVE_INFINITY, true, "x".repeat(100_000)) },
    { name: "a sheet of no known kind without one", sheets: [{ name: "メモ", rows: [["電話", "03-1234-5678"]] }] },
  ],
  invalid: [
    {
      name: "text in a table column",
      sheets: master(MY_NUMBER),
      errors: [{ messageId: "myNumber", row: 2, cell: "E2", column: "備考", value: null }],
    },
    {
      name: "a number cell, spaced, hyphenated, full-width and inside a sentence",
      sheets: master(123456789018, "1234 5678 9018", "1234-5678-9018", "１２３４５６７８９０１８", "番号は123456789018です"),
      errors: [{ messageId: "myNumber", row: 2, cell: "E2" }, { messageId: "myNumber", row: 3, cell: "E3" }, { messageId: "myNumber", row: 4, cell: "E4" }, { messageId: "myNumber", row: 5, cell: "E5" }, { messageId: "myNumber", row: 6, cell: "E6" }],
    },
    {
      name: "any column, including the code and unknown columns",
      sheets: [{ name: "マスタ", rows: [[...MASTER_HEADER, "メモ欄"], [MY_NUMBER, "A", 1, null, `No.${MY_NUMBER}`]] }],
      errors: [{ messageId: "myNumber", row: 2, cell: "A2", column: "保険者コード" }, { messageId: "myNumber", row: 2, cell: "E2", column: "メモ欄" }],
    },
    {
      name: "a title above the header has no column",
      sheets: [{ name: "マスタ", rows: [[`担当 ${MY_NUMBER}`], HEADER, ["12130480", "A", 1, null, null]] }],
      errors: [{ messageId: "myNumber", row: 1, cell: "A1", column: "", value: null }],
    },
    {
      name: "a sheet of no known kind",
      sheets: [{ name: "メモ", rows: [["氏名", "番号"], ["山田", "1234 5678 9018"]] }],
      errors: [{ messageId: "myNumber", row: 2, cell: "B2", column: "", value: null }],
    },
    {
      name: "settings and Payment Fund lists",
      sheets: [
        { name: "設定", rows: [["項目", "値"], ["備考", MY_NUMBER]] },
        { name: "支払基金_エラー明細", rows: [["保険者コード", "被保険者番号", "氏名", "住所"], ["12130480", MY_NUMBER, "山田 太郎", "東京都"]] },
      ],
      errors: [
        { messageId: "myNumber", sheet: "設定", row: 2, cell: "B2", column: "値" },
        { messageId: "myNumber", sheet: "支払基金_エラー明細", row: 2, cell: "B2", column: "被保険者番号" },
      ],
    },
  ],
});
