/** Fictional Payment Fund CSV files, generated (never committed): Shift_JIS or UTF-8, with or without BOM. */
import Encoding from "encoding-japanese";
import { makeOfficeCode } from "../../src/domain/codes";

export const ERROR_HEADER = ["保険者コード", "被保険者番号", "氏名", "氏名カナ", "生年月日", "性別", "住所", "エラーコード"];

/** A field quoted the CSV way (quotes doubled), so commas and line breaks stay inside it. */
const quote = (s: string): string => (/[",\r\n]/u.test(s) ? `"${s.replaceAll('"', '""')}"` : s);

/** `n` エラー明細 rows: codes with a leading zero (北海道 = 01 … 09), addresses with commas, names with line breaks. */
export function errorRows(n: number): string[][] {
  const rows: string[][] = [ERROR_HEADER];
  for (let i = 0; i < n; i++) {
    const code = makeOfficeCode("12", 1 + (i % 9), i % 1000).replace(/^12/u, "12");
    const zeroCode = `0${code.slice(1)}`; // a code written with a leading zero (law 02: code-law finding, kept as text)
    rows.push([
      i % 2 === 0 ? code : zeroCode,
      `J${String(i).padStart(7, "0")}`,
      i % 10 === 3 ? "架空\n太郎" : "見本 花子",
      "ミホン ハナコ",
      "1980/4/1",
      i % 2 === 0 ? "女性" : "男性",
      `北海道架空市本町${i % 50}丁目, ${i}番地`,
      i % 3 === 0 ? "Z09" : "Z04",
    ]);
  }
  return rows;
}

export const toCsvText = (rows: readonly (readonly string[])[]): string => `${rows.map((r) => r.map(quote).join(",")).join("\r\n")}\r\n`;

export function encodeCsv(rows: readonly (readonly string[])[], encoding: "sjis" | "utf8" | "utf8bom"): Uint8Array {
  const text = toCsvText(rows);
  if (encoding === "sjis") return Uint8Array.from(Encoding.convert(Encoding.stringToCode(text), { to: "SJIS", from: "UNICODE" }));
  const utf8 = new TextEncoder().encode(text);
  if (encoding === "utf8") return utf8;
  const out = new Uint8Array(utf8.length + 3);
  out.set([0xef, 0xbb, 0xbf]);
  out.set(utf8, 3);
  return out;
}
