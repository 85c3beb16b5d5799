/**
 * Replays the fictional sample's six biweekly rounds (paste the 支払基金 list, apply-registrations,
 * snapshot) through the ExcelJS adapter and checks every figure of the seed's six
 * 「資格情報未登録福祉事務所の状況」 tables, shares at the precision the seed displays them.
 */
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { signedShare } from "../../src/cli/commands/snapshot";
import { formatPercent } from "../../src/cli/format";
import { applyRegistrations, type ApplyRegistrationsResult } from "../../src/commands/applyRegistrations";
import { diff } from "../../src/commands/diff";
import { snapshot } from "../../src/commands/snapshot";
import type { SnapshotFigures } from "../../src/domain/snapshot";
import { buildSampleBook, SAMPLE_EXPECTED } from "../../src/demo/sample";
import { buildXlsx, loadXlsxBuffer, pasteSheet, type XlsxWorkbook } from "../../src/workbook/xlsx/adapter";

/** The seed's tables as displayed: [offices, recipients, recipientShare, officeShare]. */
type Line = [number, number, string, string];
interface SeedTable {
  asOf: string;
  previous: string | null;
  unregistered: Line;
  registered: Line;
  delta: { unregistered: Line; registered: Line } | null;
  large: [number, number, string];
  /** 参考② start dates as the seed lists them (null: the seed shows no 参考② for that date). */
  started: string[] | null;
}

const SEED: SeedTable[] = [
  { asOf: "2024-12-02", previous: null, unregistered: [88, 110_245, "5.49%", "7.97%"], registered: [1016, 1_897_845, "94.51%", "92.03%"], delta: null, large: [9, 87_665, "79.52%"], started: null },
  {
    asOf: "2024-12-17", previous: "2024-12-02",
    unregistered: [86, 36_093, "1.8%", "7.8%"], registered: [1018, 1_971_997, "98.2%", "92.2%"],
    delta: { unregistered: [-2, -74_152, "-3.7%", "-0.2%"], registered: [2, 74_152, "+3.7%", "+0.2%"] },
    large: [7, 13_513, "37.44%"], started: null,
  },
  // Not a seed slide: implied by the 1/7 slide's 前回（12/27時点）, same figures as 12/17.
  { asOf: "2024-12-27", previous: "2024-12-17", unregistered: [86, 36_093, "1.8%", "7.8%"], registered: [1018, 1_971_997, "98.2%", "92.2%"], delta: { unregistered: [0, 0, "0.0%", "0.0%"], registered: [0, 0, "0.0%", "0.0%"] }, large: [7, 13_513, "37.4%"], started: [] },
  {
    asOf: "2025-01-07", previous: "2024-12-27",
    unregistered: [81, 33_874, "1.7%", "7.3%"], registered: [1023, 1_974_216, "98.3%", "92.7%"],
    delta: { unregistered: [-5, -2219, "-0.1%", "-0.5%"], registered: [5, 2219, "+0.1%", "+0.5%"] },
    large: [7, 13_513, "39.9%"], started: ["2024-12-25", "2024-12-24", "2024-12-20", "2024-12-20", "2024-12-23"],
  },
  {
    asOf: "2025-01-21", previous: "2025-01-07",
    unregistered: [76, 32_864, "1.6%", "6.9%"], registered: [1028, 1_975_226, "98.4%", "93.1%"],
    delta: { unregistered: [-5, -1010, "-0.1%", "-0.5%"], registered: [5, 1010, "+0.1%", "+0.5%"] },
    large: [7, 13_513, "41.1%"], started: ["2025-01-07", "2025-01-10", "2025-01-10", "2025-01-10", "2025-01-14"],
  },
  {
    asOf: "2025-02-04", previous: "2025-01-21",
    unregistered: [74, 32_609, "1.6%", "6.7%"], registered: [1030, 1_975_481, "98.4%", "93.3%"],
    delta: { unregistered: [-2, -255, "0.0%", "-0.2%"], registered: [2, 255, "0.0%", "+0.2%"] },
    // The seed prints 41.1% here, copied from the 1/21 slide: its own counts give 13,513 / 32,609 = 41.4%.
    large: [7, 13_513, "41.4%"], started: ["2025-01-31", "2025-01-31"],
  },
];

const decimalsOf = (shown: string): number => (shown.split(".")[1] ?? "%").length - 1;
const line = (c: SnapshotFigures["unregistered"], shown: Line): Line => [c.offices, c.recipients, formatPercent(c.recipientShare, decimalsOf(shown[2])), formatPercent(c.officeShare, decimalsOf(shown[3]))];
const deltaLine = (c: SnapshotFigures["unregistered"]): Line => [c.offices, c.recipients, signedShare(c.recipientShare), signedShare(c.officeShare)];

describe("the sample's six rounds reproduce the seed's tables", () => {
  const sample = buildSampleBook();
  const results: SnapshotFigures[] = [];
  const applied: ApplyRegistrationsResult[] = [];
  let book: XlsxWorkbook;

  beforeAll(async () => {
    book = buildXlsx(sample.sheets);
    for (const round of sample.rounds) {
      pasteSheet(book, round.list);
      applied.push(await applyRegistrations(book, { now: new Date(`${round.asOf}T01:00:00Z`) }));
      results.push(await snapshot(book, { asOf: round.asOf }));
    }
  }, 120_000);

  it("applies each round's list (the newest sheet by default) and nothing twice", async () => {
    expect(applied.map((a) => a.sheet)).toEqual(sample.rounds.map((r) => r.list.name));
    expect(applied.every((a) => a.unknownCodes.length === 0)).toBe(true);
    // Round 1 reports the 24 late-November starts, round 2 the two large December ones.
    expect(applied[0].changed).toHaveLength(24);
    expect(applied[1].changed).toHaveLength(2);
    expect(applied[2].changed).toHaveLength(0);
    expect(applied.slice(3).map((a) => a.changed.length)).toEqual([5, 5, 2]);
    const again = await applyRegistrations(book, {});
    expect(again.changed).toEqual([]);
  });

  SEED.forEach((seed, i) => {
    it(`${seed.asOf}: 未登録 ${seed.unregistered[0]} / ${seed.unregistered[1].toLocaleString("en-US")}`, () => {
      const f = results[i];
      expect(f.asOf).toBe(seed.asOf);
      expect(f.previous).toBe(seed.previous);
      expect(f.total).toEqual({ offices: 1104, recipients: 2_008_090 });
      expect(line(f.unregistered, seed.unregistered)).toEqual(seed.unregistered);
      expect(line(f.registered, seed.registered)).toEqual(seed.registered);
      if (seed.delta) {
        expect(deltaLine(f.delta!.unregistered)).toEqual(seed.delta.unregistered);
        expect(deltaLine(f.delta!.registered)).toEqual(seed.delta.registered);
      } else expect(f.delta).toBeNull();
      expect([f.large.offices, f.large.recipients, formatPercent(f.large.shareOfUnregistered, decimalsOf(seed.large[2]))]).toEqual(seed.large);
      expect(f.large.threshold).toBe(1000);
      if (seed.started) expect(f.newlyRegistered.map((o) => o.startDate).sort()).toEqual([...seed.started].sort());
      // Every figure also agrees with the sample's own expectations (exact counts, recipients of 参考②).
      const expected = SAMPLE_EXPECTED.snapshots[i];
      expect(f.unregistered).toMatchObject(expected.unregistered);
      expect(f.large).toMatchObject(expected.large);
      if (expected.newlyRegistered) {
        expect(f.newlyRegistered.map((o) => ({ startDate: o.startDate, recipients: o.recipients }))).toEqual(expected.newlyRegistered);
      }
    });
  });

  it("writes the 2/4 table to 期間差分 as the seed shows it", async () => {
    // SPEC §4: only diff writes 期間差分 (the latest two snapshots by default).
    await diff(book, {});
    const reloaded = await loadXlsxBuffer(new Uint8Array(await book.book.xlsx.writeBuffer()));
    const ws = reloaded.book.getWorksheet("期間差分")!;
    const rows: ExcelJS.CellValue[][] = [];
    ws.eachRow((r) => rows.push((r.values as ExcelJS.CellValue[]).slice(1)));
    expect(rows[0][0]).toBe("資格情報未登録福祉事務所の状況 ※2月4日時点");
    expect(rows[1][5]).toBe("前回（1/21時点）からの増減 福祉事務所数");
    expect(rows[2].slice(0, 3)).toEqual(["未登録", 74, 32_609]);
    expect(rows[2].slice(5, 7)).toEqual([-2, -255]);
    expect(rows[3].slice(0, 3)).toEqual(["参考：登録済", 1030, 1_975_481]);
    expect(rows[4].slice(0, 3)).toEqual(["参考：全数", 1104, 2_008_090]);
    expect(ws.getCell(4, 6).numFmt).toBe("+#,##0;-#,##0;0");
    expect(ws.getCell(4, 4).numFmt).toBe("0.0%");
    const large = rows.findIndex((r) => r[0] === "1,000人以上");
    expect(rows[large].slice(1, 3)).toEqual([7, 13_513]);
    const started = rows.findIndex((r) => r[0] === "福祉事務所名");
    expect(rows[started].slice(0, 3)).toEqual(["福祉事務所名", "資格情報登録開始時期", "被保護者数"]);
    expect(rows.slice(started + 1, started + 3).map((r) => r[2])).toEqual([163, 92]);
    // スナップショット: one row per 基準日.
    const trend = reloaded.book.getWorksheet("スナップショット")!;
    const counts: unknown[] = [];
    trend.eachRow((r, n) => n > 1 && counts.push(r.getCell(2).value));
    expect(counts).toEqual([88, 86, 86, 81, 76, 74]);
  });

  it("diff between any two snapshots gives the later one's figures against the earlier", async () => {
    const r = await diff(book, { from: "2024-12-27", to: "2025-01-07" });
    expect(r.unregistered).toEqual(results[3].unregistered);
    expect(r.delta).toEqual(results[3].delta);
    expect(r.newlyRegistered).toEqual(results[3].newlyRegistered);
    expect(r.changes.filter((c) => c.field === "資格情報登録開始日")).toHaveLength(5);
    expect(r.added).toEqual([]);
    expect(r.removed).toEqual([]);
    const span = await diff(book, { from: "2024-12-02", to: "2025-02-04" });
    expect(span.delta!.unregistered.offices).toBe(74 - 88);
    expect(span.delta!.unregistered.recipients).toBe(32_609 - 110_245);
    expect(span.newlyRegistered).toHaveLength(88 - 74);
  });
});
