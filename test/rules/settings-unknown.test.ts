import rule from "../../src/domain/rules/settings-unknown";
import type { RawCell } from "../../src/domain/cell";
import { testRule } from "./tester";
import { SETTING_KEYS, settingItemName } from "../../src/domain/settings";

/** A 設定 sheet as consultants keep it: a title, a note, then 項目 | 値. */
const settings = (...rows: RawCell[][]) => [{ name: "設定", rows: [["設定（集計に使う値）"], ["※空欄の項目は既定値を使います"], ["項目", "値", "メモ"], ...rows] }];

testRule(rule, {
  valid: [
    { name: "every known item", sheets: settings(["全数_福祉事務所数", 1104], ["全数_被保護者数", 2008090], ["優先_被保護者数閾値", 1000], ["アンケート_基準月", "2024-10"], ["公文書_発出月", "2025-03, 2025-04"], ["年度末", "2025-03"], ["無効ルール", "blank-row"], ["既定_基準日", "2025-02-04"]) },
    { name: "列_<field> items", sheets: settings(["列_被保護者数", "被保護者数（R6.3）"], ["列_資格情報登録開始日", "資格情報登録開始日（支払基金）"]) },
    { name: "full-width letters and spaces around a known name", sheets: settings(["　全数_福祉事務所数 ", 1104]) },
    { name: "a blank row and a blank item with a blank value", sheets: settings([null, null], ["", ""]) },
  ],
  invalid: [
    {
      name: "a space for the underscore is read as the item it means, and said",
      sheets: settings(["全数 福祉事務所数", 1104]),
      errors: [{ row: 4, cell: "A4", column: "項目", value: "全数 福祉事務所数", messageId: "misnamedItem", data: { item: "全数 福祉事務所数", canonical: "全数_福祉事務所数" } }],
    },
    {
      name: "a typo is unknown and the likely item is suggested",
      sheets: settings(["全数_福祉事務数", 1104]),
      errors: [{ row: 4, cell: "A4", value: "全数_福祉事務数", messageId: "unknownItemLike", data: { item: "全数_福祉事務数", suggestion: "全数_福祉事務所数" } }],
    },
    {
      name: "an item that means nothing lists the known items",
      sheets: settings(["担当者", "山田"]),
      errors: [{ row: 4, value: "担当者", messageId: "unknownItem", data: { item: "担当者", items: SETTING_KEYS.map(settingItemName).join("、") } }],
    },
    {
      name: "a value without an item",
      sheets: settings([null, 1104]),
      errors: [{ row: 4, cell: "A4", messageId: "blankItem", data: { value: "1104" } }],
    },
  ],
});
