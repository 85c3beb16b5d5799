import rule from "../../src/domain/rules/name-whitespace";
import { testRule } from "./tester";

const ERR = "支払基金_エラー明細_20250107";
const errors = (...names: (string | number | null)[][]) => [
  { name: ERR, rows: [["保険者コード", "被保険者番号", "氏名", "氏名カナ", "住所"], ...names.map(([n, k], i) => ["12130480", String(i), n, k, "東京都千代田区"])] },
];

testRule(rule, {
  valid: [
    { name: "one space between names", sheets: errors(["山田 太郎", "ヤマダ タロウ"], ["山田　太郎", "ﾔﾏﾀﾞ ﾀﾛｳ"]) },
    { name: "no space at all", sheets: errors(["山田太郎", "ヤマダタロウ"]) },
    { name: "blank", sheets: errors([null, null], ["\u3000", " "]) },
    { name: "not a string", sheets: errors([123, true as unknown as string]) },
    { name: "マスタ names are not checked", sheets: [{ name: "マスタ", rows: [["保険者コード", "福祉事務所名", "被保護者数"], ["12130480", " A  福祉事務所 ", 1]] }] },
  ],
  invalid: [
    {
      name: "a leading space",
      sheets: errors([" 山田 太郎", "ヤマダ タロウ"]),
      errors: [{ messageId: "straySpace", row: 2, cell: "C2", column: "氏名", value: " 山田 太郎", field: "personName", data: { label: "氏名" } }],
    },
    { name: "a trailing full-width space", sheets: errors(["山田太郎\u3000", null]), errors: [{ messageId: "straySpace", row: 2, cell: "C2", value: "山田太郎\u3000" }] },
    {
      name: "repeated spaces, half and full width mixed",
      sheets: errors(["山田  太郎", "ヤマダ \u3000タロウ"]),
      errors: [{ messageId: "straySpace", row: 2, cell: "C2" }, { messageId: "straySpace", row: 2, cell: "D2", column: "氏名カナ", field: "personKana", data: { label: "氏名カナ" } }],
    },
  ],
});
