import { describe, expect, it } from "vitest";
import type { RawCell } from "../../src/domain/cell";
import { makeOfficeCode } from "../../src/domain/codes";
import {
  aggregateSuspensions,
  readSuspensionList,
  remainingRatios,
  UNKNOWN_OFFICE_VENDOR,
  type SuspensionList,
} from "../../src/domain/aggregates";
import { PREFECTURES } from "../../src/domain/prefectures";
import { readTable } from "../../src/domain/schema/table";
import { masterOf, type OfficeSpec } from "./office-fixtures";

const TOTAL_RECIPIENTS = 2_008_090;
/** The seed's vendor table: count, and the vendor's offices per 1,000 (61%, 10% …). */
const VENDORS: [string, number, number][] = [
  ["ベンダA", 7473, 610], ["ベンダB", 2655, 100], ["ベンダC", 1793, 40], ["ベンダD", 559, 110],
  ["ベンダE", 386, 10], ["ベンダF", 166, 80], ["ベンダG", 95, 40], ["ベンダH", 0, 10],
];
/** The seed's top-10 prefecture counts and recipient shares (%), then eight smaller ones. */
const PREFS: [string, number, number][] = [
  ["埼玉県", 2120, 4], ["群馬県", 1459, 1], ["沖縄県", 987, 2], ["栃木県", 969, 1], ["大阪府", 897, 14],
  ["愛知県", 827, 4], ["兵庫県", 817, 5], ["東京都", 734, 14], ["千葉県", 625, 4], ["京都府", 481, 3],
  ...["青森県", "岩手県", "宮城県", "秋田県", "山形県", "福島県", "茨城県"].map((p): [string, number, number] => [p, 401, 0]),
  ["新潟県", 404, 0],
];

const prefNo = (p: string) => PREFECTURES.indexOf(p) + 1;

/** Spreads the vendor counts over the prefectures (north-west corner rule): one office per cell. */
function cells(): { vendor: string; pref: string; count: number }[] {
  const v = VENDORS.filter(([, n]) => n > 0).map(([name, n]) => ({ name, left: n }));
  const p = PREFS.map(([name, n]) => ({ name, left: n }));
  const out: { vendor: string; pref: string; count: number }[] = [];
  let i = 0;
  let j = 0;
  while (i < v.length && j < p.length) {
    const n = Math.min(v[i].left, p[j].left);
    out.push({ vendor: v[i].name, pref: p[j].name, count: n });
    v[i].left -= n;
    p[j].left -= n;
    if (v[i].left === 0) i++;
    if (p[j].left === 0) j++;
  }
  return out;
}

function fixture() {
  const cs = cells();
  const offices: OfficeSpec[] = [];
  const code = (pref: string) => makeOfficeCode("12", prefNo(pref), offices.length);
  const recipientsGiven = new Set<string>();
  for (const c of cs) {
    const pct = PREFS.find(([p]) => p === c.pref)![2];
    const first = !recipientsGiven.has(c.pref);
    recipientsGiven.add(c.pref);
    offices.push({ code: code(c.pref), name: `架空${offices.length}`, vendor: c.vendor, prefecture: c.pref, recipients: first ? Math.round((pct / 100) * TOTAL_RECIPIENTS) : 0 });
  }
  for (const [vendor, , n] of VENDORS) {
    const have = offices.filter((o) => o.vendor === vendor).length;
    for (let k = have; k < n; k++) offices.push({ code: code("北海道"), name: `架空${offices.length}`, vendor, prefecture: "北海道", recipients: 10 });
  }
  // One office without 都道府県: its prefecture comes from the code (東京都 = 13).
  const tokyo = offices.find((o) => o.prefecture === "東京都")!;
  tokyo.prefecture = "";
  const list: RawCell[][] = [
    ["閲覧停止一覧（架空）"],
    [null, null, null, null, "資格情報", null, null, "医療情報", null, null, null],
    ["制度", "保険者コード", "保険者名", "初回検知日", "加入中", "資格喪失", "合計", "加入中", "資格喪失", "合計", "データ基準日"],
    ...cs.map((c, k): RawCell[] => {
      const lost = Math.floor(c.count / 3);
      return ["生活保護", offices[k].code!, `名簿上の名前${k}`, "2024-08-24", 1, 0, 1, c.count - lost, lost, c.count, "2024-12-02"];
    }),
  ];
  return { offices, cells: cs, list };
}

function listOf(rows: RawCell[][]): SuspensionList {
  const table = readTable({ name: "支払基金_閲覧停止_20241202", top: 1, left: 1, values: rows.map((r) => [...r, ...Array(11 - r.length).fill(null)]) }, "pf-suspension");
  if (!table) throw new Error("no table");
  return readSuspensionList(table);
}

describe("閲覧停止集計", () => {
  const f = fixture();
  const master = masterOf(f.offices);
  const list = listOf(f.list);
  const agg = aggregateSuspensions(list, master.offices, TOTAL_RECIPIENTS);

  it("counts 医療情報_合計 under a two-row header", () => {
    expect(list.basis).toBe("medical");
    expect(list.total).toBe(13_127);
    expect(master.offices).toHaveLength(1000);
  });

  it("rebuilds the seed's vendor table (7,473 56.9% 61% …), largest count first", () => {
    expect(agg.byVendor.map((v) => [v.vendor, v.count])).toEqual(VENDORS.filter(([, n]) => n > 0).map(([v, n]) => [v, n]));
    expect(agg.byVendor.map((v) => (v.share * 100).toFixed(1))).toEqual(["56.9", "20.2", "13.7", "4.3", "2.9", "1.3", "0.7"]);
    expect(agg.byVendor.map((v) => Math.round(v.officeShare * 100))).toEqual([61, 10, 4, 11, 1, 8, 4]);
    expect(agg.byVendor[0].share).toBe(7473 / 13_127);
    expect(agg.byVendor[0].officeShare).toBe(0.61);
  });

  it("rebuilds the seed's prefecture table with recipient shares (prefecture from the code when blank)", () => {
    const top10 = agg.byPrefecture.slice(0, 10);
    expect(top10.map((p) => [p.prefecture, p.count])).toEqual(PREFS.slice(0, 10).map(([p, n]) => [p, n]));
    expect(top10.map((p) => Math.round(p.share * 100))).toEqual([16, 11, 8, 7, 7, 6, 6, 6, 5, 4]);
    expect(top10.map((p) => Math.round(p.recipientShare * 100))).toEqual([4, 1, 2, 1, 14, 4, 5, 14, 4, 3]);
    expect(agg.byPrefecture).toHaveLength(18);
    expect(agg.byPrefecture.reduce((s, p) => s + p.count, 0)).toBe(13_127);
    for (let k = 1; k < agg.byPrefecture.length; k++) expect(agg.byPrefecture[k].count).toBeLessThanOrEqual(agg.byPrefecture[k - 1].count);
  });

  it("lists the top 10 offices by count with their share and マスタ name", () => {
    expect(agg.top).toHaveLength(10);
    const expected = [...f.cells.map((c, k) => ({ code: f.offices[k].code, count: c.count }))].sort((a, b) => b.count - a.count || a.code!.localeCompare(b.code!)).slice(0, 10);
    expect(agg.top.map((t) => [t.code, t.count])).toEqual(expected.map((e) => [e.code, e.count]));
    expect(agg.top[0].share).toBe(agg.top[0].count / 13_127);
    expect(agg.top[0].name).toMatch(/^架空\d+$/);
  });

  it("uses 資格情報_合計 when the list has no 医療情報 columns, adds up repeated codes, keeps unknown codes", () => {
    const a = makeOfficeCode("12", 13, 1);
    const unknown = makeOfficeCode("12", 27, 999);
    const l = listOf([
      ["保険者コード", "保険者名", "資格情報_加入中", "資格情報_資格喪失", "資格情報_合計"],
      [a, "甲", 3, 1, 4],
      [a, "甲", 2, 0, 2],
      [unknown, "乙", 5, 0, 5],
      ["12345", "壊れた番号", 9, 0, 9],
    ]);
    expect(l.basis).toBe("qualification");
    expect(l.offices.map((o) => [o.code, o.count])).toEqual([[a, 6], [unknown, 5]]);
    const g = aggregateSuspensions(l, masterOf([{ code: a, vendor: "ベンダA", prefecture: "東京都" }]).offices, 1000);
    expect(g.byVendor.map((v) => [v.vendor, v.count, v.officeShare])).toEqual([["ベンダA", 6, 1], [UNKNOWN_OFFICE_VENDOR, 5, 0]]);
    expect(g.byPrefecture.map((p) => [p.prefecture, p.count])).toEqual([["東京都", 6], ["大阪府", 5]]);
  });
});

describe("残存割合", () => {
  const office = (code: string, count: number) => ({ code, name: code, count, firstDetected: "2024-08-24" });
  it("is now / previous per office, 0 when the office left the list, null when it is new", () => {
    const previous: SuspensionList = { basis: "medical", total: 0, offices: [office("A", 200), office("B", 50), office("C", 10)] };
    const now: SuspensionList = { basis: "medical", total: 0, offices: [office("A", 50), office("B", 60), office("D", 7)] };
    const rows = remainingRatios(now, previous, new Map([["A", "甲福祉事務所"]]));
    expect(rows.map((r) => [r.code, r.previous, r.count, r.ratio])).toEqual([
      ["B", 50, 60, 1.2],
      ["A", 200, 50, 0.25],
      ["D", null, 7, null],
      ["C", 10, 0, 0],
    ]);
    expect(rows[1].name).toBe("甲福祉事務所");
  });
});
