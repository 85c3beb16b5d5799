import { describe, expect, it } from "vitest";
import { dateOut } from "../../src/domain/cell";
import { makeOfficeCode } from "../../src/domain/codes";
import { officeChanges, periodDiff } from "../../src/domain/diff";
import { snapshotState, type FrozenSnapshot } from "../../src/domain/snapshot";

const code = (i: number) => makeOfficeCode("12", 13, i);
const HEADER = ["保険者コード", "福祉事務所名", "被保護者数", "資格情報登録開始日", "備考", "判定_遅延"];

const d1: FrozenSnapshot = {
  asOf: "2024-12-17",
  headers: HEADER,
  rows: [
    [code(1), "一市", 1500, null, "確認中", "遅延"],
    [code(2), "二市", 800, dateOut("2025-01-07"), null, null], // unregistered on 12/17 (starts later)
    [code(3), "三市", "1,200", "2025/1/7", "メモ", null],
    [code(4), "四市", 100, null, null, null], // removed later
  ],
};
const d2: FrozenSnapshot = {
  asOf: "2025-01-21",
  headers: [...HEADER, "担当者"],
  rows: [
    [code(1), "一市", 1500, dateOut("2025-01-10"), "登録済", null, "山田"],
    [code(2), "二市", 800, dateOut("2025-01-07"), null, null, null],
    [code(3), "三市", 1200, dateOut("2025-01-07"), " メモ ", null, null],
    [code(5), "五市", 50, null, null, null, null], // added
  ],
};

describe("officeChanges", () => {
  const c = officeChanges(d1, d2);

  it("lists added and removed codes with their names", () => {
    expect(c.added).toEqual([code(5)]);
    expect(c.removed).toEqual([code(4)]);
    expect(c.names).toEqual({ [code(5)]: "五市", [code(4)]: "四市" });
  });

  it("lists changed cells by マスタ header with dates as YYYY-MM-DD, leaving out 判定_ columns", () => {
    expect(c.changes).toEqual([
      { code: code(1), name: "一市", field: "資格情報登録開始日", from: null, to: "2025-01-10" },
      { code: code(1), name: "一市", field: "備考", from: "確認中", to: "登録済" },
      { code: code(1), name: "一市", field: "担当者", from: null, to: "山田" },
    ]);
  });

  it("does not count a date typed as text, a count with a comma or surrounding spaces as changes", () => {
    expect(c.changes.filter((x) => x.code === code(3))).toEqual([]);
  });

  it("finds nothing between a snapshot and itself", () => {
    expect(officeChanges(d2, d2)).toEqual({ changes: [], added: [], removed: [], names: {} });
  });
});

describe("periodDiff", () => {
  it("gives D2's figures with the change from D1 and 参考② relative to D1", () => {
    const d0: FrozenSnapshot = { ...d1, asOf: "2024-12-02" };
    const s1 = snapshotState(d1, undefined)!;
    const s2 = snapshotState(d2, undefined)!;
    const r = periodDiff({ snapshot: d1, state: s1 }, { snapshot: d2, state: s2 });
    expect(r.from).toBe("2024-12-17");
    expect(r.to).toBe("2025-01-21");
    expect(r.previous).toBe("2024-12-17");
    expect(r.asOf).toBe("2025-01-21");
    // Defaults: 全数 = the frozen rows of each date (4 offices; 3,550 then 3,550 recipients).
    expect(r.total).toEqual({ offices: 4, recipients: 3550 });
    expect(r.unregistered.offices).toBe(1);
    expect(r.unregistered.recipients).toBe(50);
    expect(r.delta!.unregistered.offices).toBe(1 - 4);
    expect(r.delta!.unregistered.recipients).toBe(50 - 3600);
    expect(r.newlyRegistered.map((o) => [o.code, o.startDate])).toEqual([
      [code(3), "2025-01-07"], // same day: the larger office first
      [code(2), "2025-01-07"],
      [code(1), "2025-01-10"],
    ]);
    expect(r.large).toEqual({ threshold: 1000, offices: 0, recipients: 0, shareOfUnregistered: 0 });
    expect(r.changes).toHaveLength(3);
    // From an earlier D1 the same D2 figures come with a different delta.
    const far = periodDiff({ snapshot: d0, state: snapshotState(d0, undefined)! }, { snapshot: d2, state: s2 });
    expect(far.previous).toBe("2024-12-02");
    expect(far.unregistered).toEqual(r.unregistered);
  });
});
