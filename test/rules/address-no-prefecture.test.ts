import rule from "../../src/domain/rules/address-no-prefecture";
import { testRule } from "./tester";

const ERR = "支払基金_エラー明細_20250107";
const errors = (...addresses: (string | number | boolean | null)[]) => [
  { name: ERR, rows: [["保険者コード", "被保険者番号", "氏名", "住所"], ...addresses.map((a, i) => ["12130480", String(i), "山田 太郎", a])] },
];

testRule(rule, {
  valid: [
    { name: "full prefecture names", sheets: errors("東京都千代田区霞が関1-2-2", "北海道札幌市", "神奈川県横浜市", "鹿児島県鹿児島市", "京都府京都市") },
    { name: "leading spaces and full-width text", sheets: errors("　東京都千代田区", " 大阪府大阪市") },
    { name: "a leading postal code", sheets: errors("〒100-8916 東京都千代田区霞が関1-2-2", "100-8916東京都千代田区") },
    { name: "blank", sheets: errors(null, "\u3000") },
  ],
  invalid: [
    {
      name: "no prefecture",
      sheets: errors("千代田区霞が関1-2-2"),
      errors: [{ messageId: "noPrefecture", row: 2, cell: "D2", column: "住所", value: "千代田区霞が関1-2-2" }],
    },
    { name: "short forms are not full names", sheets: errors("東京千代田区", "大阪市北区", "京都市中京区"), errors: [{ messageId: "noPrefecture", row: 2 }, { messageId: "noPrefecture", row: 3 }, { messageId: "noPrefecture", row: 4, value: "京都市中京区" }] },
    { name: "numbers and booleans", sheets: errors(123, false), errors: [{ messageId: "noPrefecture", row: 2, value: 123 }, { messageId: "noPrefecture", row: 3, value: false }] },
  ],
});
