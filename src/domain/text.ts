/**
 * Text normalisation shared by every parser. Cells are compared after NFKC so that full-width
 * digits, full-width spaces and compatibility characters read the same as their ASCII forms.
 */
import type { RawCell } from "./cell";

const BLANK = /^[\s\u200B]*$/;
const WHITESPACE = /[\s\u200B]+/g;

/**
 * NFKC that never throws. `normalize` can only fail on an engine limit (a string so long that its
 * expansion exceeds the maximum string length); the raw text is then the best we can do.
 */
export function nfkc(s: string): string {
  try {
    return s.normalize("NFKC");
  } catch {
    return s;
  }
}

/** A number as users expect to see it: integers without exponent, `-0` as `0`. */
export function numberToText(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) >= 1e21) return BigInt(n).toString();
  if (Object.is(n, -0)) return "0";
  return String(n);
}

/** The cell as trimmed NFKC text: null → '', booleans → 'TRUE' / 'FALSE'. */
export function normalizeText(v: RawCell): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return nfkc(v).trim();
  if (typeof v === "number") return numberToText(v);
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return "";
}

/** True for null, '' and whitespace-only text (including U+3000 and zero-width spaces). */
export function isBlank(v: RawCell): boolean {
  if (v === null || v === undefined) return true;
  return typeof v === "string" && BLANK.test(v);
}

/** NFKC text with every space and line break removed: the key for comparing headers and labels. */
export function compactKey(s: string): string {
  return nfkc(s).replace(WHITESPACE, "");
}
