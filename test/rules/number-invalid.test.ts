import rule from "../../src/domain/rules/number-invalid";
import { MASTER_HEADER, testRule } from "./tester";

const master = (...counts: (string | number | boolean | null)[]) => [
  { name: "マスタ", rows: [MASTER_HEADER, ...counts.map((c) => ["12130480", "A", c, null])] },
];
const suspension = (...rows: (string | number | null)[][]) => [
  { name: "支払基金_閲覧停止_20250107", rows: [["保険者コード", "保険者名", "資格情報_加入中", "資格情報_資格喪失", "資格情報_合計"], ...rows] },
];

testRule(rule, {
  valid: [
    { name: "whole numbers", sheets: master(0, 1, 120000) },
    { name: "text numbers are number-as-text's", sheets: master("12", "１２", "1,234", "12人", "3.0") },
    { name: "blank is recipients-missing's", sheets: master(null, "", "\u3000") },
    { name: "閲覧停止 counts", sheets: suspension(["12130480", "A", 1, 2, 3], ["12010013", "B", 0, 0, 0]) },
    { name: "non-count columns are not checked", sheets: [{ name: "マスタ", rows: [[...MASTER_HEADER, "備考"], ["12130480", "A", 1, null, "abc"]] }] },
  ],
  invalid: [
    { name: "negative", sheets: master(-1), errors: [{ messageId: "notCount", row: 2, cell: "C2", column: "被保護者数", value: -1 }] },
    { name: "fraction", sheets: master(1.5, "2.5"), errors: [{ messageId: "notCount", row: 2, value: 1.5 }, { messageId: "notCount", row: 3, value: "2.5" }] },
    { name: "words, booleans, NaN", sheets: master("不明", true, Number.NaN, "－３"), errors: [{ messageId: "notCount", row: 2, value: "不明" }, { messageId: "notCount", row: 3, value: true }, { messageId: "notCount", row: 4 }, { messageId: "notCount", row: 5, value: "－３" }] },
    {
      name: "閲覧停止 counts",
      sheets: suspension(["12130480", "A", "x", 2, -3]),
      errors: [
        { messageId: "notCount", row: 2, cell: "C2", column: "資格情報_加入中", value: "x" },
        { messageId: "notCount", row: 2, cell: "E2", column: "資格情報_合計", value: -3 },
      ],
    },
  ],
});
