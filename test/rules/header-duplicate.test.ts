import rule from "../../src/domain/rules/header-duplicate";
import { MASTER_HEADER, testRule } from "./tester";

testRule(rule, {
  valid: [
    { name: "distinct columns", sheets: [{ name: "マスタ", rows: [MASTER_HEADER, ["12130488", "A", 1, null]] }] },
    { name: "unknown columns may repeat", sheets: [{ name: "マスタ", rows: [[...MASTER_HEADER, "メモ", "メモ"], ["12130488", "A", 1, null, "x", "y"]] }] },
    {
      name: "列_被保護者数 in 設定 picks one of two columns",
      sheets: [
        { name: "マスタ", rows: [["保険者コード", "福祉事務所名", "被保護者数（R5.3）", "被保護者数（R6.3）", "資格情報登録開始日"], ["12130488", "A", 1, 2, null]] },
        { name: "設定", rows: [["項目", "値"], ["列_被保護者数", "被保護者数（R6.3）"]] },
      ],
    },
    { name: "a planned date is not the start date", sheets: [{ name: "マスタ", rows: [[...MASTER_HEADER, "資格情報登録開始日（予定）"], ["12130488", "A", 1, null, "2025/4/1"]] }] },
    {
      name: "two-row header: 合計 under 資格情報 and under 医療情報 are different fields",
      sheets: [
        {
          name: "支払基金_閲覧停止",
          rows: [
            ["保険者コード", "保険者名", "資格情報", null, "医療情報", null],
            [null, null, "加入中", "合計", "加入中", "合計"],
            ["12130488", "A", 1, 1, 2, 2],
          ],
        },
      ],
    },
  ],
  invalid: [
    {
      name: "保険者コード twice",
      sheets: [{ name: "マスタ", rows: [[...MASTER_HEADER, "保険者コード"], ["12130488", "A", 1, null, "12130488"]] }],
      errors: [{ messageId: "duplicateColumn", row: 1, cell: "E1", column: "保険者コード", value: "保険者コード" }],
    },
    {
      name: "a synonym of an existing column",
      sheets: [{ name: "マスタ", rows: [["タイトル"], [...MASTER_HEADER, "被保護者人数"], ["12130488", "A", 1, null, 1]] }],
      errors: [{ messageId: "duplicateColumn", row: 2, cell: "E2", column: "被保護者人数", value: "被保護者人数" }],
    },
    {
      name: "three columns of one field: two extra findings",
      sheets: [{ name: "支払基金_登録状況", rows: [["保険者コード", "保険者名", "資格情報登録開始日", "登録開始日", "資格情報登録開始日"]] }],
      errors: [
        { messageId: "duplicateColumn", row: 1, cell: "D1", column: "登録開始日" },
        { messageId: "duplicateColumn", row: 1, cell: "E1", column: "資格情報登録開始日" },
      ],
    },
    {
      name: "two 被保護者数 columns that differ by a year: both header cells",
      sheets: [{ name: "マスタ", rows: [["保険者コード", "福祉事務所名", "被保護者数（R5.3）", "被保護者数（R6.3）", "資格情報登録開始日"], ["12130488", "A", 1, 2, null]] }],
      errors: [
        { messageId: "ambiguousColumns", row: 1, cell: "C1", column: "被保護者数（R5.3）", data: { label: "被保護者数", all: "「被保護者数（R5.3）」と「被保護者数（R6.3）」" } },
        { messageId: "ambiguousColumns", row: 1, cell: "D1", column: "被保護者数（R6.3）" },
      ],
    },
    {
      name: "自治体回答 and 支払基金 start dates: both header cells",
      sheets: [{ name: "マスタ", rows: [["保険者コード", "福祉事務所名", "被保護者数", "資格情報登録開始日（自治体回答）", "資格情報登録開始日（支払基金）"]] }],
      errors: [{ messageId: "ambiguousColumns", row: 1, cell: "D1" }, { messageId: "ambiguousColumns", row: 1, cell: "E1" }],
    },
    {
      name: "settings with 値 twice",
      sheets: [{ name: "設定", rows: [["項目", "値", "値"], ["年度末", "2025-03-31", null]] }],
      errors: [{ messageId: "duplicateColumn", row: 1, cell: "C1" }],
    },
  ],
});
