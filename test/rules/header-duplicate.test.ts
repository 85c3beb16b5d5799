import rule from "../../src/domain/rules/header-duplicate";
import { MASTER_HEADER, testRule } from "./tester";

testRule(rule, {
  valid: [
    { name: "distinct columns", sheets: [{ name: "マスタ", rows: [MASTER_HEADER, ["12130488", "A", 1, null]] }] },
    { name: "unknown columns may repeat", sheets: [{ name: "マスタ", rows: [[...MASTER_HEADER, "メモ", "メモ"], ["12130488", "A", 1, null, "x", "y"]] }] },
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
      name: "settings with 値 twice",
      sheets: [{ name: "設定", rows: [["項目", "値", "値"], ["年度末", "2025-03-31", null]] }],
      errors: [{ messageId: "duplicateColumn", row: 1, cell: "C1" }],
    },
  ],
});
