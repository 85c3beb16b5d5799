import rule from "../../src/domain/rules/settings-duplicate";
import type { RawCell } from "../../src/domain/cell";
import { testRule } from "./tester";

const settings = (...rows: RawCell[][]) => [{ name: "設定", rows: [["項目", "値"], ...rows] }];

testRule(rule, {
  valid: [
    { name: "each item once", sheets: settings(["全数_福祉事務所数", 1104], ["全数_被保護者数", 2008090]) },
    { name: "two different 列_ items", sheets: settings(["列_被保護者数", "被保護者数（R6.3）"], ["列_資格情報登録開始日", "資格情報登録開始日（支払基金）"]) },
  ],
  invalid: [
    {
      name: "an item given twice: the earlier row is reported, the last wins",
      sheets: settings(["全数_福祉事務所数", 1000], ["優先_被保護者数閾値", 1000], ["全数_福祉事務所数", 1104]),
      errors: [{ messageId: "duplicate", row: 2, cell: "A2", value: "全数_福祉事務所数", data: { item: "全数_福祉事務所数", rows: "2 行目・4 行目", lastRow: 4 } }],
    },
    {
      name: "three times, once spelt with a space",
      sheets: settings(["全数_福祉事務所数", 1000], ["全数 福祉事務所数", 1050], ["全数_福祉事務所数", 1104]),
      errors: [{ messageId: "duplicate", row: 2, data: { item: "全数_福祉事務所数", rows: "2 行目・3 行目・4 行目", lastRow: 4 } }, { messageId: "duplicate", row: 3 }],
    },
    { name: "a 列_ item twice", sheets: settings(["列_被保護者数", "被保護者数（R5.3）"], ["列_被保護者数", "被保護者数（R6.3）"]), errors: [{ messageId: "duplicate", row: 2 }] },
  ],
});
