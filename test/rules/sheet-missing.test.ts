import rule from "../../src/domain/rules/sheet-missing";
import { MASTER_HEADER, testRule } from "./tester";

testRule(rule, {
  valid: [
    { name: "a book with マスタ", sheets: [{ name: "設定", rows: [["項目", "値"]] }, { name: "マスタ", rows: [MASTER_HEADER] }] },
    { name: "マスタ with a trailing space is マスタ", sheets: [{ name: "マスタ ", rows: [MASTER_HEADER] }] },
    { name: "full-width and spaced forms are マスタ too", sheets: [{ name: "メモ", rows: [["x"]] }, { name: "　マスタ", rows: [MASTER_HEADER] }] },
  ],
  invalid: [
    {
      name: "no マスタ: one finding at A1 of the first sheet",
      sheets: [{ name: "設定", rows: [["項目", "値"]] }, { name: "マスター", rows: [MASTER_HEADER] }],
      errors: [{ messageId: "noMaster", sheet: "設定", row: 1, cell: "A1" }],
    },
  ],
});
