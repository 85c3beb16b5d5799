/** Counts (被保護者数, 件数): whole numbers ≥ 0, typed as numbers or as text. */
import { fail, ok, type Parsed, type RawCell } from "./cell";
import { isBlank, nfkc } from "./text";

/** Sign, digits with optional strict thousands grouping, optional decimals (NFKC already applied). */
const COUNT_TEXT = /^([+\-\u2212]?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/;
const COUNT_UNIT = /[人件]$/;
/** Longer text cannot be a count; skipping it bounds the work per cell. */
const MAX_COUNT_TEXT = 100;
const ALL_ZERO = /^0*$/;
const COMMAS = /,/g;

const R_BLANK = "空欄です";
const R_NOT_NUMBER = "数値として読めません";
const R_NOT_INTEGER = "整数ではありません";
const R_NEGATIVE = "負の数です";
const R_TOO_LARGE = "数値が大きすぎます";

/** A JS number as a count: finite, integer, ≥ 0 and exactly representable. */
function countOfNumber(n: number): Parsed<number> {
  if (!Number.isFinite(n)) return fail(R_NOT_NUMBER);
  if (!Number.isInteger(n)) return fail(R_NOT_INTEGER);
  if (n < 0) return fail(R_NEGATIVE);
  if (n > Number.MAX_SAFE_INTEGER) return fail(R_TOO_LARGE);
  return ok(n === 0 ? 0 : n);
}

/** Text as a count (`1,234`, `１２３`, `12人`); always flagged `asText` when it reads. */
function countOfText(s: string): Parsed<number> {
  if (s.length > MAX_COUNT_TEXT) return fail(R_NOT_NUMBER);
  const text = nfkc(s).trim().replace(COUNT_UNIT, "").trimEnd();
  const m = COUNT_TEXT.exec(text);
  if (!m) return fail(R_NOT_NUMBER);
  const [, sign, digits, decimals] = m;
  const value = Number(digits.replace(COMMAS, ""));
  if (decimals !== undefined && !ALL_ZERO.test(decimals)) return fail(R_NOT_INTEGER);
  if (sign !== "" && sign !== "+" && value !== 0) return fail(R_NEGATIVE);
  if (value > Number.MAX_SAFE_INTEGER) return fail(R_TOO_LARGE);
  return ok(value, true);
}

/** A whole number ≥ 0. Text that reads as one is accepted with `asText: true` (rule number-as-text). */
export function parseCount(v: RawCell): Parsed<number> {
  if (isBlank(v)) return fail(R_BLANK);
  if (typeof v === "number") return countOfNumber(v);
  if (typeof v === "string") return countOfText(v);
  return fail(R_NOT_NUMBER);
}
