import rule from "../../src/domain/rules/header-missing";
import { MASTER_HEADER, testRule } from "./tester";

testRule(rule, {
  valid: [
    { name: "a complete master", sheets: [{ name: "マスタ", rows: [MASTER_HEADER, ["12130488", "A", 1, null]] }] },
    {
      name: "synonyms, annotations, title rows and any column order",
      sheets: [
        {
          name: "マスタ",
          rows: [
            ["福祉事務所一覧"],
            [],
            ["被保護者 人数(人)", "備考", "福祉事務所名 ※保険者コード単位", "登録開始日", "保険者番号"],
            [10, null, "A", null, "12130488"],
          ],
        },
      ],
    },
    { name: "settings with both columns", sheets: [{ name: "設定", rows: [["項目", "値"], ["優先_被保護者数閾値", 1000]] }] },
    {
      name: "閲覧停止 with only 医療情報_合計 (one of the group is enough)",
      sheets: [{ name: "支払基金_閲覧停止_20250107", rows: [["保険者コード", "保険者名", "医療情報_合計"], ["12130488", "A", 3]] }],
    },
    { name: "エラー明細 with 氏名 but no 住所", sheets: [{ name: "支払基金_エラー明細", rows: [["保険者コード", "被保険者番号", "氏名"], ["12130488", "1", "山田 太郎"]] }] },
    { name: "a sheet of no known kind", sheets: [{ name: "メモ", rows: [["何か"]] }] },
  ],
  invalid: [
    {
      name: "master without 資格情報登録開始日",
      sheets: [{ name: "マスタ", rows: [["タイトル"], ["保険者コード", "福祉事務所名", "被保護者数"], ["12130488", "A", 1]] }],
      errors: [{ messageId: "missing", row: 2, column: "資格情報登録開始日", field: "startDate", cell: "A2", value: null, data: { label: "資格情報登録開始日", title: "マスタ", headerRow: 2 } }],
    },
    {
      name: "登録状況 without 資格情報登録開始日",
      sheets: [{ name: "支払基金_登録状況_20250107", rows: [["保険者コード", "保険者名", "データ基準日"], ["12130488", "A", null]] }],
      errors: [{ messageId: "missing", row: 1, column: "資格情報登録開始日" }],
    },
    {
      name: "閲覧停止 with neither total names both labels",
      sheets: [{ name: "支払基金_閲覧停止", rows: [["保険者コード", "保険者名", "制度", "資格情報_加入中"], ["12130488", "A", "生保", 1]] }],
      errors: [{ messageId: "missingOneOf", row: 1, column: "資格情報_合計 / 医療情報_合計", field: "qualTotal|medTotal" }],
    },
    {
      name: "エラー明細 without 保険者コード nor 住所/氏名",
      sheets: [{ name: "支払基金_エラー明細", rows: [["被保険者番号", "生年月日", "性別", "エラーコード"], ["1", null, "男", "Z09"]] }],
      errors: [{ messageId: "missing", row: 1, column: "保険者コード" }, { messageId: "missingOneOf", row: 1, column: "住所 / 氏名" }],
    },
    {
      name: "master with no header row: every required column on the first row of the used range",
      sheets: [{ name: "マスタ", rows: [["コード", "名前"], ["12130488", "A"]] }],
      errors: [
        { messageId: "noHeaderRow", row: 1, column: "保険者コード", field: "code", data: { label: "保険者コード", title: "マスタ" } },
        { messageId: "noHeaderRow", row: 1, column: "福祉事務所名" },
        { messageId: "noHeaderRow", row: 1, column: "被保護者数" },
        { messageId: "noHeaderRow", row: 1, column: "資格情報登録開始日" },
      ],
    },
    {
      name: "settings with only 項目",
      sheets: [{ name: "設定", rows: [["項目", "設定値"], ["年度末", "2025-03-31"]] }],
      errors: [
        { messageId: "noHeaderRow", row: 1, column: "項目", field: "item" },
        { messageId: "noHeaderRow", row: 1, column: "値" },
      ],
    },
  ],
});
