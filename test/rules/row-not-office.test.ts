import { expect } from "vitest";
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
      errors: [{ row: 4, cell: "A4", value: "合計", message: expect.stringContaining("合計の行") }],
    },
    {
      name: "a section heading, a units row and a note",
      sheets: [{ name: "マスタ", rows: [MASTER_HEADER, [null, null, "(人)", null], ["【関東】"], office("12130488"), ["※ 被保護者数は令和6年3月"]] }],
      errors: [
        { row: 2, cell: "A2", message: expect.stringContaining("単位の行") },
        { row: 3, cell: "A3", value: "【関東】", message: expect.stringContaining("見出しの行") },
        { row: 5, cell: "A5", message: expect.stringContaining("注記の行") },
      ],
    },
    {
      name: "a name without a code",
      sheets: [{ name: "マスタ", rows: [MASTER_HEADER, office("12130488"), [null, "C福祉事務所", 5, null]] }],
      errors: [{ row: 3, cell: "A3", value: "C福祉事務所", message: expect.stringContaining("保険者コードを入力") }],
    },
    {
      name: "a stray cell far below the table costs one finding",
      sheets: [{ name: "マスタ", rows: [MASTER_HEADER, office("12130488"), ...Array.from({ length: 5000 }, () => []), [null, "x"]] }],
      errors: [{ row: 5003, cell: "A5003", value: "x", message: expect.stringContaining("表の下") }],
    },
    {
      name: "a totals row of a Payment Fund list",
      sheets: [{ name: "支払基金_閲覧停止_20250107", rows: [["保険者コード", "保険者名", "医療情報_合計"], ["12130488", "A", 3], ["計", null, 3]] }],
      errors: [{ row: 3, cell: "A3", value: "計" }],
    },
  ],
});
