import { describe, it, expect } from "vitest";
import { PREFECTURES, prefectureNumberOfName, startsWithPrefecture } from "../../src/domain/prefectures";

describe("PREFECTURES", () => {
  it("holds the 47 prefectures in JIS X 0401 order", () => {
    expect(PREFECTURES).toHaveLength(47);
    expect(PREFECTURES[0]).toBe("北海道");
    expect(PREFECTURES[12]).toBe("東京都");
    expect(PREFECTURES[13]).toBe("神奈川県");
    expect(PREFECTURES[25]).toBe("京都府");
    expect(PREFECTURES[26]).toBe("大阪府");
    expect(PREFECTURES[46]).toBe("沖縄県");
    expect(new Set(PREFECTURES).size).toBe(47);
  });
});

describe("prefectureNumberOfName", () => {
  it.each<[string, number | null]>([
    ["北海道", 1],
    ["東京都", 13],
    ["東京", 13],
    ["大阪府", 27],
    ["大阪", 27],
    ["京都府", 26],
    ["京都", 26],
    ["神奈川県", 14],
    ["神奈川", 14],
    ["鹿児島", 46],
    ["沖縄県", 47],
    [" 沖縄県\u3000", 47],
    ["青森県", 2],
    ["北海", null],
    ["東京府", null],
    ["大阪市", null],
    ["", null],
    ["X", null],
  ])("%j → %s", (name, n) => {
    expect(prefectureNumberOfName(name)).toBe(n);
  });

  it("numbers every full name by its position", () => {
    PREFECTURES.forEach((name, i) => expect(prefectureNumberOfName(name)).toBe(i + 1));
  });
});

describe("startsWithPrefecture", () => {
  it.each<[string, boolean]>([
    ["東京都千代田区霞が関1-2-2", true],
    ["北海道札幌市中央区", true],
    ["神奈川県横浜市", true],
    ["和歌山県和歌山市", true],
    ["鹿児島県鹿児島市", true],
    ["京都府京都市", true],
    ["〒100-8916 東京都千代田区", true],
    ["　大阪府大阪市", true],
    ["京都市中京区", false],
    ["千代田区霞が関1-2-2", false],
    ["大阪市北区", false],
    ["東京", false],
    ["", false],
    ["●●●", false],
  ])("%j → %s", (address, expected) => {
    expect(startsWithPrefecture(address)).toBe(expected);
  });
});
