import { eachFieldCell } from "./cells";
import { defineRule } from "./rule";

/** Leading or trailing whitespace, or two whitespace characters in a row (\s covers U+3000). */
const STRAY_SPACE = /^\s|\s$|\s\s/;

const FIELDS = [
  ["personName", "氏名"],
  ["personKana", "氏名カナ"],
] as const;

/**
 * エラー明細 氏名 / 氏名カナ has leading, trailing or repeated spaces, half or full width (seen with
 * Payment Fund error Z04). One space between family and given name is fine.
 */
export default defineRule({
  meta: {
    id: "name-whitespace",
    title: "氏名の空白が不正（Z04）",
    severity: "warning",
    message:
      "氏名の前後に空白があるか、空白が連続しています（エラーコードZ04）。姓と名の間の空白を1つにし、前後の空白を削除して中間サーバーに登録し直してください。",
    sheets: ["pf-errors"],
  },
  check({ table }, report) {
    if (!table) return;
    for (const [key, label] of FIELDS) {
      eachFieldCell(table, key, ({ value, row, col }) => {
        if (typeof value !== "string" || !STRAY_SPACE.test(value)) return;
        report({
          row: row.row,
          col,
          value,
          message: `${label}の前後に空白があるか、空白が連続しています（エラーコードZ04）。姓と名の間の空白を1つにし、前後の空白を削除して中間サーバーに登録し直してください。`,
        });
      });
    }
  },
});
