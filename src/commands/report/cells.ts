/**
 * Cell text of the report's slide tables: a generated sheet's value shown as Excel shows it with the
 * block's number format (so a slide reads like the sheet it comes from, and like the seed).
 */
import { isDateOut, type OutCell } from "../../domain/cell";
import { COUNT_FORMAT, DATE_FORMAT, SHARE_FORMAT, SIGNED_COUNT_FORMAT, SIGNED_SHARE_FORMAT } from "../layouts/formats";

const count = (n: number): string => Math.round(n).toLocaleString("en-US");
const share = (n: number): string => `${(n * 100).toFixed(1)}%`;
const signed = (text: string, n: number): string => (n > 0 ? `+${text}` : text);

/** `2025-01-31` → `2025年1月31日` (the seed's 参考② 資格情報登録開始時期). */
export function slideDate(iso: string): string {
  return `${iso.slice(0, 4)}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;
}

/** The text a slide shows for one cell of a generated sheet. */
export function cellText(value: OutCell, format: string | undefined): string {
  if (value === null) return "";
  if (isDateOut(value)) return slideDate(value.date);
  if (typeof value === "boolean") return value ? "○" : "";
  if (typeof value === "string") return value;
  // -0 and rounding residue show as 0.0%, never -0.0%.
  const v = Object.is(value, -0) ? 0 : value;
  switch (format) {
    case COUNT_FORMAT:
      return count(v);
    case SHARE_FORMAT:
      return share(v);
    case SIGNED_COUNT_FORMAT:
      return signed(count(v), Math.round(v));
    case SIGNED_SHARE_FORMAT: {
      const text = share(v);
      return text === "-0.0%" ? "0.0%" : signed(text, Number(text.slice(0, -1)));
    }
    case DATE_FORMAT:
      return String(v);
    default:
      return Number.isInteger(v) ? count(v) : String(v);
  }
}
