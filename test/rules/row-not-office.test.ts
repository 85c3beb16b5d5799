import rule from "../../src/domain/rules/row-not-office";
import { MASTER_HEADER, testRule } from "./tester";

const office = (code: string, name = "A福祉事務所", recipients: number | string | null = 10) => [code, name, recipients, null];

testRule(rule, {
  valid: [
    { name: "offices only", sheets: [{ name: "マスタ", rows: [MASTER_HEADER, office("12130488"), office("12010013")] }] },
    { name: "a title and notes above the header are not rows of the table", sheets: [{ name: "マスタ", rows: [["管理表"], ["※ 架空データ"], MASTER_HEADER, office("12130488")] }] },
    { name: "a mistyped code is code-format's, not this rule's", sheets: [{ name: "マスタ", rows: [MASTER_HEADER, office("1213048")] }] },
    { name: "a repeated code is code-duplicate's", sheets: [{ name: "マスタ", rows: [MASTER_HEADER, office("12130488"), office("12130488")] }] },
    { name: "blank rows after the table", sheets: [{ name: "マスタ", rows: [MASTER_HEADER, office("12130488"), [], []] }] },
    { name: "設定 has no offices", sheets: [{ name: "設定", rows: [["項目", "値"], ["※メモ", null]] }] },
  ],
  invalid: [
    {
      name: "a 合計 row with a sum",
      sheets: [{ name: "マスタ", rows: [MASTER_HEADER, office("12130488"), office("12010013", "B", 20), [null, "合計", 30, null]] }],
      errors: [{ messageId: "notOffice", row: 4, cell: "A4", value: "合計", note: "total", data: { what: "合計の行" } }],
    },
    {
      name: "a section heading, a units row and a note",
      sheets: [{ name: "マスタ", rows: [MASTER_HEADER, [null, null, "(人)", null], ["【関東】"], office("12130488"), ["※ 被保護者数は令和6年3月"]] }],
      errors: [
        { messageId: "notOffice", row: 2, cell: "A2", note: "units" },
        { messageId: "notOffice", row: 3, cell: "A3", value: "【関東】", note: "heading" },
        { messageId: "notOffice", row: 5, cell: "A5", note: "note" },
      ],
    },
    {
      name: "a name without a code",
      sheets: [{ name: "マスタ", rows: [MASTER_HEADER, office("12130488"), [null, "C福祉事務所", 5, null]] }],
      errors: [{ messageId: "noCode", row: 3, cell: "A3", value: "C福祉事務所", note: "no-code" }],
    },
    {
      name: "a stray cell far below the table costs one finding",
      sheets: [{ name: "マスタ", rows: [MASTER_HEADER, office("12130488"), ...Array.from({ length: 5000 }, () => []), [null, "x"]] }],
      errors: [{ messageId: "notOffice", row: 5003, cell: "A5003", value: "x", note: "below" }],
    },
    {
      name: "a totals row of a Payment Fund list",
      sheets: [{ name: "支払基金_閲覧停止_20250107", rows: [["保険者コード", "保険者名", "医療情報_合計"], ["12130488", "A", 3], ["計", null, 3]] }],
      errors: [{ messageId: "notOffice", row: 3, cell: "A3", value: "計", note: "total" }],
    },
  ],
});
