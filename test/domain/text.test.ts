import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { compactKey, isBlank, normalizeText } from "../../src/domain/text";
import type { RawCell } from "../../src/domain/cell";
import { anyRawCell } from "./arbitraries";


describe("normalizeText", () => {
  it.each<[RawCell, string]>([
    [null, ""],
    ["", ""],
    ["  abc  ", "abc"],
    ["\u3000東京都\u3000", "東京都"],
    ["１２３４", "1234"],
    ["ＡＢＣ", "ABC"],
    ["ｶﾅ", "カナ"],
    [123, "123"],
    [-0, "0"],
    [1.5, "1.5"],
    [123456789012, "123456789012"],
    [1e21, "1000000000000000000000"],
    [true, "TRUE"],
    [false, "FALSE"],
  ])("%j → %j", (v, expected) => {
    expect(normalizeText(v)).toBe(expected);
  });

  it("never throws", () => {
    fc.assert(fc.property(anyRawCell, (v) => typeof normalizeText(v) === "string"));
  });
});

describe("isBlank", () => {
  it.each<[RawCell, boolean]>([
    [null, true],
    ["", true],
    ["   ", true],
    ["\u3000\u3000", true],
    ["\n\t ", true],
    ["\u200B", true],
    ["a", false],
    [" ● ", false],
    [0, false],
    [false, false],
  ])("%j → %s", (v, expected) => {
    expect(isBlank(v)).toBe(expected);
  });
});

describe("compactKey", () => {
  it.each<[string, string]>([
    ["被保護者 人数(人)", "被保護者人数(人)"],
    ["ベンダ （略称）", "ベンダ(略称)"],
    ["資格情報\n登録開始日", "資格情報登録開始日"],
    ["保険者\u3000コード\r\n", "保険者コード"],
    ["ＡＢＣ １", "ABC1"],
  ])("%j → %j", (s, expected) => {
    expect(compactKey(s)).toBe(expected);
  });
});
