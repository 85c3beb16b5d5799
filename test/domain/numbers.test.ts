import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { parseCount } from "../../src/domain/numbers";
import type { RawCell } from "../../src/domain/cell";
import { anyRawCell } from "./arbitraries";


describe("parseCount", () => {
  it.each<[RawCell, number]>([
    [0, 0],
    [-0, 0],
    [1234, 1234],
    [2008090, 2008090],
  ])("number %j → %d", (v, expected) => {
    expect(parseCount(v)).toEqual({ ok: true, value: expected });
  });

  it.each<[string, number]>([
    ["1234", 1234],
    [" 1,234 ", 1234],
    ["2,008,090", 2008090],
    ["１２３", 123],
    ["１，２３４", 1234],
    ["12人", 12],
    ["345件", 345],
    ["1,016 人", 1016],
    ["12.0", 12],
    ["+5", 5],
    ["-0", 0],
  ])("text %j → %d (asText)", (v, expected) => {
    expect(parseCount(v)).toEqual({ ok: true, value: expected, asText: true });
  });

  it.each<[RawCell, string]>([
    [null, "空欄です"],
    ["  ", "空欄です"],
    [1.5, "整数ではありません"],
    ["1.5", "整数ではありません"],
    [-1, "負の数です"],
    ["-3", "負の数です"],
    ["－３", "負の数です"],
    [NaN, "数値として読めません"],
    [Infinity, "数値として読めません"],
    [-Infinity, "数値として読めません"],
    [1e308, "数値が大きすぎます"],
    ["99999999999999999999", "数値が大きすぎます"],
    [true, "数値として読めません"],
    ["abc", "数値として読めません"],
    ["1e3", "数値として読めません"],
    ["12,34", "数値として読めません"],
    ["1 234", "数値として読めません"],
    ["#N/A", "数値として読めません"],
  ])("%j fails: %s", (v, reason) => {
    expect(parseCount(v)).toEqual({ ok: false, reason });
  });

  it("never throws, and every success is a safe non-negative integer", () => {
    fc.assert(
      fc.property(anyRawCell, (v) => {
        const r = parseCount(v);
        return !r.ok || (Number.isSafeInteger(r.value) && r.value >= 0 && !Object.is(r.value, -0));
      }),
      { numRuns: 2000 },
    );
  });

  it("reads back every formatted non-negative integer", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (n) => {
        const r = parseCount(n.toLocaleString("en-US"));
        return r.ok && r.value === n && r.asText === true;
      }),
    );
  });
});
