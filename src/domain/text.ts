/**
 * Text normalisation shared by every parser. Cells are compared after NFKC so that full-width
 * digits, full-width spaces and compatibility characters read the same as their ASCII forms.
 */
import type { RawCell } from "./cell";

/**
 * What counts as blank, everywhere (one definition): whitespace of any kind (\s covers the no-break
 * space U+00A0, U+3000 and U+FEFF) and the invisible zero-width characters people paste from the web.
 */
// U+200D sits outside the class: inside one, ESLint reads it as joining its neighbours.
const BLANK = /^(?:[\s\u200B\u200C\u2060]|\u200D)*$/;
const WHITESPACE = /(?:[\s\u200B\u200C\u2060]|\u200D)+/g;
/** List values (公文書_発出月, 無効ルール, the summary's dates) are separated by `,` `、` `;` or spaces. */
const LIST_SEPARATOR = /[,、，;；\s\u200B]+/u;

/**
 * True when NFKC provably leaves `s` unchanged: every character is ASCII, hiragana, katakana (not
 * the half-width forms), ー, 々, 、。, ● or a CJK unified ideograph. Each of these is its own NFKC
 * form and none composes with a neighbour (compositions need a combining mark, which is not in the
 * list), so the common cell texts — codes, numbers, names, addresses — skip ICU entirely.
 */
function isNfkcStable(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) continue;
    if (c >= 0x4e00 && c <= 0x9fff) continue; // CJK unified ideographs
    if (c >= 0x3041 && c <= 0x3096) continue; // hiragana
    if (c >= 0x30a1 && c <= 0x30fa) continue; // katakana
    if (c === 0x30fc || c === 0x3005 || c === 0x3001 || c === 0x3002 || c === 0x25cf) continue;
    return false;
  }
  return true;
}

/**
 * NFKC that never throws. `normalize` can only fail on an engine limit (a string so long that its
 * expansion exceeds the maximum string length); the raw text is then the best we can do.
 */
export function nfkc(s: string): string {
  if (isNfkcStable(s)) return s;
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

const EDGE_INVISIBLES = /^(?:[\s\u200B\u200C\u2060]|\u200D)+|(?:[\s\u200B\u200C\u2060]|\u200D)+$/g;
const isInvisible = (c: number): boolean => c === 0x200b || c === 0x200c || c === 0x200d || c === 0x2060;

/** trim() that also drops zero-width characters at either end (trim() keeps them). */
function trimBlank(s: string): string {
  const t = s.trim();
  if (t.length === 0 || (!isInvisible(t.charCodeAt(0)) && !isInvisible(t.charCodeAt(t.length - 1)))) return t;
  return t.replace(EDGE_INVISIBLES, "");
}

/** The cell as trimmed NFKC text: null → '', booleans → 'TRUE' / 'FALSE'. */
export function normalizeText(v: RawCell): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return trimBlank(nfkc(v));
  if (typeof v === "number") return numberToText(v);
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return "";
}

/** True for null, '' and whitespace-only text (including U+3000, no-break and zero-width spaces). */
export function isBlank(v: RawCell): boolean {
  if (v === null || v === undefined) return true;
  if (typeof v !== "string") return false;
  // Fast exit for the usual cell: its first character is printable ASCII, kana or a kanji, none of
  // which is whitespace (U+3000 lies below this range).
  const c = v.length > 0 ? v.charCodeAt(0) : 0;
  if ((c > 0x20 && c < 0x7f) || (c >= 0x3041 && c <= 0x9fff)) return false;
  return BLANK.test(v);
}

/** NFKC text with every space and line break removed: the key for comparing headers and labels. */
export function compactKey(s: string): string {
  return nfkc(s).replace(WHITESPACE, "");
}

/** The items of a list value: split on `,` `、` `;` (ASCII or full-width) and spaces, blanks dropped. */
export function splitList(s: string): string[] {
  return nfkc(s).split(LIST_SEPARATOR).filter(Boolean);
}
