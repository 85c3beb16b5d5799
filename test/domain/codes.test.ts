import { describe, it, expect } from "vitest";
import fc from "fast-check";
import {
  containsProbableMyNumber,
  hasValidCheckDigit,
  isKnownLaw,
  isProbableMyNumber,
  isValidPrefectureNumber,
  lawNumber,
  makeOfficeCode,
  myNumberCheckDigit,
  officeCheckDigit,
  parseOfficeCode,
  prefectureNumber,
  prefectureOfCode,
} from "../../src/domain/codes";
import type { RawCell } from "../../src/domain/cell";
import { anyRawCell } from "./arbitraries";


/** Reference implementation written straight from the SPEC text, for cross-checking. */
function specMyNumberCheck(first11: string): number {
  let sum = 0;
  for (let n = 1; n <= 11; n++) sum += Number(first11[11 - n]) * (n <= 6 ? n + 1 : n - 5);
  const r = sum % 11;
  return r <= 1 ? 0 : 11 - r;
}

/** A probable My Number built from 11 digits. */
const withCheck = (first11: string): string => first11 + myNumberCheckDigit(first11);
const VALID_MY_NUMBER = "123456789018";
const INVALID_MY_NUMBER = "123456789012";

describe("office check digit", () => {
  it.each<[string, number]>([
    ["0613048", 8], // SPEC worked examples
    ["8813445", 7],
    ["5401602", 7],
    ["1213048", 0],
    ["1213001", 9], // 1·2 + 0 + 0 + 3 + 1·2 + 2 + 1·2 = 11 → 9
    ["2513001", 4], // 2 + 0 + 0 + 3 + 2 + 5 + 2·2 = 16 → 4
    ["9999999", 7], // 18→9 ×4 + 9 ×3 = 63 → 7
    ["0000000", 0],
  ])("%s → %d", (first7, digit) => {
    expect(officeCheckDigit(first7)).toBe(digit);
  });

  it.each(["", "123456", "12345678", "12a4567", "１２１３０４８"])("%j is not 7 digits → NaN", (s) => {
    expect(officeCheckDigit(s)).toBeNaN();
  });

  it.each<[string, boolean]>([
    ["06130488", true],
    ["88134457", true],
    ["54016027", true],
    ["12130480", true],
    ["12130481", false],
    ["06130489", false],
    ["0613048", false],
    ["0613048a", false],
  ])("hasValidCheckDigit(%s) → %s", (code, valid) => {
    expect(hasValidCheckDigit(code)).toBe(valid);
  });

  it("detects every single-digit error", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9_999_999 }), fc.integer({ min: 0, max: 6 }), fc.integer({ min: 1, max: 9 }), (n, pos, delta) => {
        const first7 = String(n).padStart(7, "0");
        const code = first7 + officeCheckDigit(first7);
        const wrong = code.slice(0, pos) + ((Number(code[pos]) + delta) % 10) + code.slice(pos + 1);
        return hasValidCheckDigit(code) && !hasValidCheckDigit(wrong);
      }),
    );
  });
});

describe("parseOfficeCode", () => {
  it.each<[RawCell, string]>([
    ["12130488", "12130488"],
    [12130488, "12130488"],
    ["１２１３０４８８", "12130488"],
    [" 1213 0488 ", "12130488"],
    ["12-13-048-8", "12130488"],
    ["12－13－0488", "12130488"],
    ["12ー130488", "12130488"],
    ["06130488", "06130488"],
    ["12130481", "12130481"], // wrong check digit still parses: that is rule code-check-digit's job
  ])("%j → %s", (v, expected) => {
    expect(parseOfficeCode(v)).toEqual({ ok: true, value: expected });
  });

  it.each<RawCell>([
    "1213048",
    "121304888",
    "1213048a",
    "12.130488",
    6130488,
    121304880,
    12130488.5,
    -12130488,
    NaN,
    Infinity,
    1e308,
    true,
    "abc",
  ])("%j fails", (v) => {
    expect(parseOfficeCode(v)).toEqual({ ok: false, reason: "8桁の数字ではありません" });
  });

  it("blank fails as blank", () => {
    expect(parseOfficeCode(null)).toEqual({ ok: false, reason: "空欄です" });
    expect(parseOfficeCode("\u3000")).toEqual({ ok: false, reason: "空欄です" });
  });

  it("never throws, and a success is 8 digits", () => {
    fc.assert(fc.property(anyRawCell, (v) => { const r = parseOfficeCode(v); return !r.ok || /^\d{8}$/.test(r.value); }), {
      numRuns: 3000,
    });
  });
});

describe("code parts", () => {
  it.each<[string, string, boolean, number, boolean, string | null]>([
    ["12130488", "12", true, 13, true, "東京都"],
    ["25270010", "25", true, 27, true, "大阪府"],
    ["12010000", "12", true, 1, true, "北海道"],
    ["12470000", "12", true, 47, true, "沖縄県"],
    ["12630000", "12", true, 63, true, "東京都"],
    ["12510000", "12", true, 51, true, "北海道"],
    ["12970000", "12", true, 97, true, "沖縄県"],
    ["06130488", "06", false, 13, true, "東京都"],
    ["12480000", "12", true, 48, false, null],
    ["12500000", "12", true, 50, false, null],
    ["12980000", "12", true, 98, false, null],
    ["12000000", "12", true, 0, false, null],
  ])("%s: law %s (%s), prefecture %d (%s) → %s", (code, law, known, pref, validPref, name) => {
    expect(lawNumber(code)).toBe(law);
    expect(isKnownLaw(code)).toBe(known);
    expect(prefectureNumber(code)).toBe(pref);
    expect(isValidPrefectureNumber(pref)).toBe(validPref);
    expect(prefectureOfCode(code)).toBe(name);
  });

  it.each([1.5, NaN, -1, 100])("isValidPrefectureNumber(%d) is false", (n) => {
    expect(isValidPrefectureNumber(n)).toBe(false);
  });

  it("makeOfficeCode builds valid codes", () => {
    expect(makeOfficeCode("12", 13, 48)).toBe("12130480");
    expect(makeOfficeCode("06", 13, 48)).toBe("06130488");
    expect(makeOfficeCode("88", 13, 445)).toBe("88134457");
    fc.assert(
      fc.property(fc.constantFrom("12", "25"), fc.integer({ min: 1, max: 97 }), fc.integer({ min: 0, max: 999 }), (law, pref, inst) => {
        const code = makeOfficeCode(law, pref, inst);
        const parsed = parseOfficeCode(code);
        return parsed.ok && hasValidCheckDigit(code) && lawNumber(code) === law && prefectureNumber(code) === pref;
      }),
    );
  });

  it.each<[string, number, number]>([
    ["1", 13, 1],
    ["12", 100, 1],
    ["12", 13, 1000],
    ["12", 13, 1.5],
  ])("makeOfficeCode(%s, %d, %d) rejects bad input", (law, pref, inst) => {
    expect(() => makeOfficeCode(law, pref, inst)).toThrow(RangeError);
  });
});

describe("My Number check digit", () => {
  it.each<[string, number]>([
    ["12345678901", 8],
    ["98765432109", 3],
    ["00000000000", 0],
  ])("%s → %d", (first11, digit) => {
    expect(myNumberCheckDigit(first11)).toBe(digit);
  });

  it("matches the SPEC formula on random input", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{11}$/), (s) => myNumberCheckDigit(s) === specMyNumberCheck(s)),
    );
  });

  it.each(["", "1234567890", "123456789012", "1234567890a"])("%j is not 11 digits → NaN", (s) => {
    expect(myNumberCheckDigit(s)).toBeNaN();
  });

  it.each<[string, boolean]>([
    [VALID_MY_NUMBER, true],
    [INVALID_MY_NUMBER, false],
    ["98765432109" + "3", true],
    ["12345678901", false],
    ["1234567890188", false],
    ["12345678901a", false],
  ])("isProbableMyNumber(%s) → %s", (s, expected) => {
    expect(isProbableMyNumber(s)).toBe(expected);
  });
});

describe("containsProbableMyNumber", () => {
  it.each<[RawCell, boolean]>([
    [VALID_MY_NUMBER, true],
    [INVALID_MY_NUMBER, false],
    [123456789018, true],
    [123456789012, false],
    [-123456789018, true],
    [123456789018.4, true],
    [12345678901, false],
    [1234567890188, false],
    ["1234 5678 9018", true],
    ["1234-5678-9018", true],
    ["1234－5678－9018", true],
    ["１２３４５６７８９０１８", true],
    ["１２３４　５６７８　９０１８", true],
    ["個人番号:123456789018です", true],
    ["番号 1234 5678 9018 を記載", true],
    ["2025-01-07 123456789018", true],
    ["123456789018\n", true],
    ["1234  5678 9018", false], // a double space splits the run
    ["1234567890188", false], // 13 digits: a different number
    ["0123456789018", false],
    ["1234567890180", false],
    ["12345678901", false],
    ["1234 5678 901", false],
    ["1234 5678 9012", false],
    ["TEL 03-1234-5678", false],
    ["被保険者番号 12130488", false],
    ["", false],
    [null, false],
    [true, false],
    [NaN, false],
    [Infinity, false],
    [1e308, false],
  ])("%j → %s", (v, expected) => {
    expect(containsProbableMyNumber(v)).toBe(expected);
  });

  it("finds every probable My Number in any separator style", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{11}$/), fc.constantFrom("", " ", "-"), fc.string({ maxLength: 10 }), (first11, sep, prefix) => {
        const n = withCheck(first11);
        const text = `${prefix.replace(/\d/g, "x")} ${n.slice(0, 4)}${sep}${n.slice(4, 8)}${sep}${n.slice(8)} 様`;
        return containsProbableMyNumber(text) && containsProbableMyNumber(n);
      }),
    );
  });

  it("never flags a 12-digit value whose check digit does not fit", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{11}$/), fc.integer({ min: 1, max: 9 }), (first11, delta) => {
        const n = first11 + ((myNumberCheckDigit(first11) + delta) % 10);
        return !containsProbableMyNumber(n) && !containsProbableMyNumber(Number(n));
      }),
    );
  });

  it("never throws", () => {
    fc.assert(fc.property(anyRawCell, (v) => typeof containsProbableMyNumber(v) === "boolean"), { numRuns: 3000 });
  });

  it("is fast on long cells", () => {
    const text = "住所 東京都千代田区霞が関1-2-2 ".repeat(2000) + "1234 5678 9012";
    const start = performance.now();
    for (let i = 0; i < 200; i++) containsProbableMyNumber(text);
    for (let i = 0; i < 100_000; i++) containsProbableMyNumber("東京都千代田区霞が関1-2-2");
    expect(performance.now() - start).toBeLessThan(2000);
  });
});

describe("containsProbableMyNumber with Japanese-keyboard separators", () => {
  it.each(["１２３４ー５６７８ー９０１８", "1234ー5678ー9018", "1234〜5678〜9018"])("finds %s", (v) => {
    expect(containsProbableMyNumber(v)).toBe(true);
  });
});
