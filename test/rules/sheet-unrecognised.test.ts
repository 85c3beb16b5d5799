import rule from "../../src/domain/rules/sheet-unrecognised";
import { testRule } from "./tester";

testRule(rule, {
  valid: [
    { name: "the kind is in the name", sheets: [{ name: "支払基金_登録状況_20250107", rows: [["a", "b"]] }] },
    { name: "the kind is in the headers", sheets: [{ name: "支払基金_20250107", rows: [["保険者コード", "被保険者番号", "氏名", "住所"]] }] },
    { name: "headers under a title", sheets: [{ name: "支払基金_0107", rows: [["一覧"], [], ["保険者コード", "保険者名", "資格情報登録開始日"]] }] },
    { name: "not a Payment Fund sheet", sheets: [{ name: "メモ", rows: [["a"]] }, { name: "基金_x", rows: [["a"]] }] },
    { name: "マスタ", sheets: [{ name: "マスタ", rows: [["a"]] }] },
  ],
  invalid: [
    {
      name: "unknown headers",
      sheets: [{ name: "支払基金_20250107", rows: [["列1", "列2"], [1, 2]] }],
      errors: [{ messageId: "unrecognised", row: 1, column: "", cell: "A1", value: null, field: "" }],
    },
    { name: "only two known headers", sheets: [{ name: "支払基金_x", rows: [["保険者コード", "保険者名", "メモ"]] }], errors: [{ messageId: "unrecognised", row: 1 }] },
    { name: "an empty sheet", sheets: [{ name: "支払基金_", rows: [] }], errors: [{ messageId: "unrecognised", row: 1 }] },
  ],
});
