import rule from "../../src/domain/rules/blank-row";
import { MASTER_HEADER, testRule } from "./tester";

const row = (code: string) => [code, "A", 1, null];

testRule(rule, {
  valid: [
    { name: "no blank rows", sheets: [{ name: "マスタ", rows: [MASTER_HEADER, row("12130480"), row("12010013")] }] },
    { name: "blank rows after the table", sheets: [{ name: "マスタ", rows: [MASTER_HEADER, row("12130480"), [], [null, ""]] }] },
    { name: "blank rows above the header and before the first row", sheets: [{ name: "マスタ", rows: [["一覧"], [], MASTER_HEADER, [], row("12130480")] }] },
    { name: "a sheet of no known kind", sheets: [{ name: "メモ", rows: [["a"], [], ["b"]] }] },
  ],
  invalid: [
    {
      name: "one blank row inside",
      sheets: [{ name: "マスタ", rows: [MASTER_HEADER, row("12130480"), [], row("12010013")] }],
      errors: [{ messageId: "blankRow", row: 3, cell: "A3", column: "", value: null }],
    },
    {
      name: "whitespace-only rows count as blank",
      sheets: [{ name: "マスタ", rows: [MASTER_HEADER, row("12130480"), ["\u3000", " "], [null, "\n"], row("12010013")] }],
      errors: [{ messageId: "blankRow", row: 3 }, { messageId: "blankRow", row: 4 }],
    },
    {
      name: "a Payment Fund list",
      sheets: [{ name: "支払基金_登録状況", rows: [["保険者コード", "保険者名", "資格情報登録開始日"], ["12130480", "A", null], [], ["12010013", "B", null]] }],
      errors: [{ messageId: "blankRow", row: 3, field: "" }],
    },
  ],
});
