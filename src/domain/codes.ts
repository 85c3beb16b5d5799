/**
 * 保険者コード (公費負担者番号) and 個人番号 (My Number) check digits. The office code is
 * 法別番号 (2) + 都道府県番号 (2) + 実施機関番号 (3) + 検証番号 (1).
 */
import { fail, ok, type Parsed, type RawCell } from "./cell";
import { PREFECTURES } from "./prefectures";
import { isBlank, nfkc } from "./text";

const TWO_DIGITS = /^\d{2}$/;
const EIGHT_DIGITS = /^\d{8}$/;
const SEVEN_DIGITS = /^\d{7}$/;
const ELEVEN_DIGITS = /^\d{11}$/;
const TWELVE_DIGITS = /^\d{12}$/;
/** Spaces and the hyphen-like characters people type inside codes (after NFKC). */
const CODE_SEPARATORS = /[\s\-\u2010-\u2015\u2212\u30FC]+/g;

const R_BLANK = "空欄です";
const R_NOT_CODE = "8桁の数字ではありません";

const KNOWN_LAWS: ReadonlySet<string> = new Set(["12", "25"]);

/** An office code: 8 digits after NFKC with spaces and hyphens removed, or an 8-digit integer. */
export function parseOfficeCode(v: RawCell): Parsed<string> {
  if (isBlank(v)) return fail(R_BLANK);
  if (typeof v === "number") {
    return Number.isInteger(v) && v >= 10_000_000 && v <= 99_999_999 ? ok(String(v)) : fail(R_NOT_CODE);
  }
  if (typeof v !== "string") return fail(R_NOT_CODE);
  // Fast path for the usual cell: already 8 ASCII digits (NFKC and separator removal change nothing).
  if (v.length === 8 && EIGHT_DIGITS.test(v)) return ok(v);
  const s = nfkc(v).replace(CODE_SEPARATORS, "");
  return EIGHT_DIGITS.test(s) ? ok(s) : fail(R_NOT_CODE);
}

/** The check digit of the first 7 digits (weights 2,1,2,1… from the right; digit sums); NaN if not 7 digits. */
export function officeCheckDigit(first7: string): number {
  if (typeof first7 !== "string" || !SEVEN_DIGITS.test(first7)) return NaN;
  let sum = 0;
  for (let i = 0; i < 7; i++) {
    const product = (first7.charCodeAt(6 - i) - 48) * (i % 2 === 0 ? 2 : 1);
    sum += product >= 10 ? product - 9 : product; // digit sum of a product ≤ 18
  }
  return (10 - (sum % 10)) % 10;
}

/** True when an 8-digit code's last digit is the check digit of its first 7. */
export function hasValidCheckDigit(code8: string): boolean {
  return EIGHT_DIGITS.test(code8) && officeCheckDigit(code8.slice(0, 7)) === code8.charCodeAt(7) - 48;
}

/** 法別番号: the first two digits. */
export function lawNumber(code8: string): string {
  return code8.slice(0, 2);
}

/** True for 12 (生活保護) and 25 (中国残留邦人等支援). */
export function isKnownLaw(code8: string): boolean {
  return KNOWN_LAWS.has(lawNumber(code8));
}

/** 都道府県番号: digits 3–4 as a number (NaN if they are not digits). */
export function prefectureNumber(code8: string): number {
  const s = code8.slice(2, 4);
  return s.length === 2 && s >= "00" && s <= "99" ? Number(s) : NaN;
}

/** 1–47, or 51–97 (prefecture n − 50 once its numbers run out). */
export function isValidPrefectureNumber(n: number): boolean {
  return Number.isInteger(n) && ((n >= 1 && n <= 47) || (n >= 51 && n <= 97));
}

/** The prefecture name a code's 都道府県番号 stands for, or null. */
export function prefectureOfCode(code8: string): string | null {
  const n = prefectureNumber(code8);
  if (!isValidPrefectureNumber(n)) return null;
  return PREFECTURES[(n > 50 ? n - 50 : n) - 1];
}

/** Builds a valid code: law (2 digits) + prefecture (0–99) + institution (0–999) + check digit. */
export function makeOfficeCode(law: string, pref: number, inst: number): string {
  if (!TWO_DIGITS.test(law)) throw new RangeError(`law must be 2 digits: ${law}`);
  if (!Number.isInteger(pref) || pref < 0 || pref > 99) throw new RangeError(`pref out of range: ${pref}`);
  if (!Number.isInteger(inst) || inst < 0 || inst > 999) throw new RangeError(`inst out of range: ${inst}`);
  const first7 = law + String(pref).padStart(2, "0") + String(inst).padStart(3, "0");
  return first7 + officeCheckDigit(first7);
}

// ---------------------------------------------------------------------------------------------
// 個人番号 (My Number)

/** The My Number check digit of the first 11 digits; NaN if not 11 digits. */
export function myNumberCheckDigit(first11: string): number {
  if (typeof first11 !== "string" || !ELEVEN_DIGITS.test(first11)) return NaN;
  let sum = 0;
  for (let n = 1; n <= 11; n++) {
    const p = first11.charCodeAt(11 - n) - 48;
    sum += p * (n <= 6 ? n + 1 : n - 5);
  }
  const r = sum % 11;
  return r <= 1 ? 0 : 11 - r;
}

/** True for 12 digits whose last digit is the My Number check digit of the first 11. */
export function isProbableMyNumber(digits12: string): boolean {
  return (
    typeof digits12 === "string" &&
    TWELVE_DIGITS.test(digits12) &&
    myNumberCheckDigit(digits12.slice(0, 11)) === digits12.charCodeAt(11) - 48
  );
}

/**
 * Maximal runs of digit groups joined by single spaces or hyphens. The long vowel mark ー and
 * the wave dash count as hyphens: Japanese keyboards produce them where a hyphen was meant.
 */
const DIGIT_RUN = /\d+(?:[ \-\u2010-\u2015\u2212\u30fc\uff70\u301c\uff5e]\d+)*/g;
const RUN_SEPARATOR = /[ \-\u2010-\u2015\u2212\u30fc\uff70\u301c\uff5e]/;
const NON_ASCII = /[^\x00-\x7F]/;

/** Counts ASCII and full-width digits, stopping as soon as `enough` have been seen. */
function hasAtLeastDigits(s: string, enough: number): boolean {
  let count = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 48 && c <= 57) || (c >= 0xff10 && c <= 0xff19)) {
      if (++count >= enough) return true;
    }
  }
  return false;
}

/**
 * True when consecutive groups of a digit run add up to exactly 12 digits forming a probable
 * 個人番号 (`123456789018`, `1234 5678 9018`, `1234-5678-9018`, or such a part of a longer run
 * split by separators). A plain run of 13+ digits is a different number and never matches.
 */
function runHasMyNumber(run: string): boolean {
  if (run.length === 12) return isProbableMyNumber(run);
  const groups = run.split(RUN_SEPARATOR);
  for (let start = 0; start < groups.length; start++) {
    let digits = "";
    for (let end = start; end < groups.length && digits.length < 12; end++) {
      digits += groups[end];
      if (digits.length === 12 && isProbableMyNumber(digits)) return true;
    }
  }
  return false;
}

function textHasMyNumber(text: string): boolean {
  if (!hasAtLeastDigits(text, 12)) return false;
  const s = NON_ASCII.test(text) ? nfkc(text) : text;
  DIGIT_RUN.lastIndex = 0;
  for (let m = DIGIT_RUN.exec(s); m !== null; m = DIGIT_RUN.exec(s)) {
    if (m[0].length >= 12 && runHasMyNumber(m[0])) return true;
  }
  return false;
}

/** True when the cell is, or contains as a separate run of digits, a probable 個人番号. */
export function containsProbableMyNumber(v: RawCell): boolean {
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return false;
    const n = Math.trunc(Math.abs(v));
    return n >= 1e11 && n < 1e12 && isProbableMyNumber(String(n));
  }
  return typeof v === "string" && textHasMyNumber(v);
}

/** The shortest text and the smallest / first too-large numbers that can hold 12 digits. */
const MIN_MYNUMBER_TEXT = 12;
const MIN_MYNUMBER = 1e11;
const MAX_MYNUMBER = 1e12;

/**
 * A probable 個人番号 in a cell: the one definition the rule (mynumber-present), the finding values
 * and the mask all use. The cheap length filter runs first, so ordinary cells cost one comparison.
 */
export function holdsProbableMyNumber(v: RawCell): boolean {
  if (typeof v === "string") return v.length >= MIN_MYNUMBER_TEXT && containsProbableMyNumber(v);
  if (typeof v === "number") {
    const a = v < 0 ? -v : v;
    return a >= MIN_MYNUMBER && a < MAX_MYNUMBER && containsProbableMyNumber(v);
  }
  return false;
}
