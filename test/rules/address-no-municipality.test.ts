import rule from "../../src/domain/rules/address-no-municipality";
import { testRule } from "./tester";

const ERR = "支払基金_エラー明細_20250107";
const errors = (...addresses: (string | number | boolean | null)[]) => [
  { name: ERR, rows: [["保険者コード", "被保険者番号", "氏名", "住所"], ...addresses.map((a, i) => ["12130480", String(i), "山田 太郎", a])] },
];

testRule(rule, {
  valid: [
    { name: "市 and 区", sheets: errors("東京都千代田区霞が関1-2-2", "北海道札幌市中央区北1条西2丁目", "大阪府大阪市北区") },
    { name: "郡, 町 and 村", sheets: errors("長野県北佐久郡軽井沢町", "東京都三宅村", "沖縄県島尻郡与那原町") },
    { name: "full-width and spaced", sheets: errors("　東京都　千代田区　霞が関１－２－２　") },
    { name: "blank", sheets: errors(null, "", "\u3000") },
    { name: "マスタ has no address to check", sheets: [{ name: "マスタ", rows: [["保険者コード", "福祉事務所名", "被保護者数", "住所"], ["12130480", "A", 1, "不明"]] }] },
  ],
  invalid: [
    {
      name: "a prefecture only",
      sheets: errors("東京都"),
      errors: [{ messageId: "noMunicipality", row: 2, cell: "D2", column: "住所", value: "東京都", field: "address" }],
    },
    { name: "not an address", sheets: errors("住所不明", "同上", "霞が関1-2-2"), errors: [{ messageId: "noMunicipality", row: 2, value: "住所不明" }, { messageId: "noMunicipality", row: 3, value: "同上" }, { messageId: "noMunicipality", row: 4 }] },
    { name: "numbers and booleans", sheets: errors(1000001, true), errors: [{ messageId: "noMunicipality", row: 2, value: 1000001 }, { messageId: "noMunicipality", row: 3, value: true }] },
  ],
});
