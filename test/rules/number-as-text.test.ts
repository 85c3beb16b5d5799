import rule from "../../src/domain/rules/number-as-text";
import { MASTER_HEADER, testRule } from "./tester";

const master = (...counts: (string | number | boolean | null)[]) => [
  { name: "マスタ", rows: [MASTER_HEADER, ...counts.map((c) => ["12130480", "A", c, null])] },
];

testRule(rule, {
  valid: [
    { name: "numbers", sheets: master(0, 12, 120000) },
    { name: "blank", sheets: master(null, "", "\u3000") },
    { name: "unreadable text is number-invalid's", sheets: master("不明", "-1", "1.5") },
    { name: "text in a non-count column", sheets: [{ name: "マスタ", rows: [[...MASTER_HEADER, "備考"], ["12130480", "A", 1, null, "12"]] }] },
  ],
  invalid: [
    { name: "digits typed as text", sheets: master("12"), errors: [{ messageId: "asText", row: 2, cell: "C2", column: "被保護者数", value: "12" }] },
    { name: "full-width digits", sheets: master("１２３"), errors: [{ messageId: "asText", row: 2, value: "１２３", data: { label: "被保護者数", number: 123 } }] },
    { name: "commas and units", sheets: master("1,234", "１，２３４", "12人"), errors: [{ messageId: "asText", row: 2, value: "1,234" }, { messageId: "asText", row: 3 }, { messageId: "asText", row: 4 }] },
    {
      name: "閲覧停止 counts",
      sheets: [{ name: "支払基金_閲覧停止", rows: [["保険者コード", "保険者名", "医療情報_加入中", "医療情報_合計"], ["12130480", "A", 1, " 3 "]] }],
      errors: [{ messageId: "asText", row: 2, cell: "D2", column: "医療情報_合計", value: " 3 " }],
    },
  ],
});
