import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { parseStatus, STATUS_LABELS, STATUS_OPTIONS } from "../../src/domain/status";
import type { RawCell } from "../../src/domain/cell";
import { anyRawCell } from "./arbitraries";


describe("STATUS_OPTIONS", () => {
  it("lists the six options of SPEC §2 in order", () => {
    expect(STATUS_OPTIONS).toEqual([
      "1_登録済み",
      "2_登録準備完了",
      "3_準備中",
      "4_システム改修中",
      "5_システム改修予定",
      "6_システム改修検討中",
    ]);
    expect(STATUS_LABELS).toHaveLength(6);
  });

  it.each(STATUS_OPTIONS.map((o, i) => [o, i + 1] as const))("%s parses to code %d", (option, code) => {
    expect(parseStatus(option)).toEqual({ ok: true, value: { code, label: STATUS_LABELS[code - 1] } });
    expect(parseStatus(STATUS_LABELS[code - 1])).toEqual({ ok: true, value: { code, label: STATUS_LABELS[code - 1] } });
    expect(parseStatus(code)).toEqual({ ok: true, value: { code, label: STATUS_LABELS[code - 1] } });
    expect(parseStatus(String(code))).toEqual({ ok: true, value: { code, label: STATUS_LABELS[code - 1] } });
  });
});

describe("parseStatus", () => {
  it.each<[RawCell, number]>([
    ["4_システム改修中（既にシステム改修に着手）", 4],
    ["6_システム改修検討中（システム改修未着手で、改修開始日も決まっていない）", 6],
    ["3_準備中（システム改修済み、「資格情報の登録を開始するための条件」に対応中）", 3],
    ["準備中（システム改修済み、「資格情報の登録を開始するための条件」に対応中）", 3],
    ["登録準備完了（「資格情報の登録を開始するための条件」に対応済）", 2],
    ["登録済", 1],
    [" ２ ", 2],
    ["５_システム改修予定", 5],
    ["4 _ システム改修中", 4],
    ["4.システム改修中", 4],
    ["システム改修中【2月完了予定】", 4],
    [6, 6],
  ])("%j → %d", (v, code) => {
    const r = parseStatus(v);
    expect(r).toEqual({ ok: true, value: { code, label: STATUS_LABELS[code - 1] } });
  });

  it.each<[RawCell, string]>([
    [null, "空欄です"],
    ["  ", "空欄です"],
    [0, "対応状況の選択肢（1_登録済み〜6_システム改修検討中）にありません"],
    [7, "対応状況の選択肢（1_登録済み〜6_システム改修検討中）にありません"],
    [2.5, "対応状況の選択肢（1_登録済み〜6_システム改修検討中）にありません"],
    ["7", "対応状況の選択肢（1_登録済み〜6_システム改修検討中）にありません"],
    ["システム改修", "対応状況の選択肢（1_登録済み〜6_システム改修検討中）にありません"],
    ["未定", "対応状況の選択肢（1_登録済み〜6_システム改修検討中）にありません"],
    [true, "対応状況の選択肢（1_登録済み〜6_システム改修検討中）にありません"],
    ["3_登録済み", "選択肢の番号と名称が一致しません"],
    ["7_準備中", "選択肢の番号と名称が一致しません"],
  ])("%j fails: %s", (v, reason) => {
    expect(parseStatus(v)).toEqual({ ok: false, reason });
  });

  it("never throws, and a success is one of the options", () => {
    fc.assert(
      fc.property(anyRawCell, (v) => {
        const r = parseStatus(v);
        return !r.ok || STATUS_LABELS[r.value.code - 1] === r.value.label;
      }),
      { numRuns: 3000 },
    );
  });
});
