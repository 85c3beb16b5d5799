import { describe, expect, it } from "vitest";
import { dateOut, isDateOut, type OutCell, type RawCell } from "../../src/domain/cell";
import { makeOfficeCode } from "../../src/domain/codes";
import { isoToSerial } from "../../src/domain/dates";
import { readMaster } from "../../src/domain/master";
import {
  freezeMaster,
  historyRows,
  isDateFormat,
  readHistory,
  snapshotFigures,
  snapshotSeries,
  snapshotState,
  withSnapshot,
  type FrozenSnapshot,
  type SnapshotState,
} from "../../src/domain/snapshot";
import type { SheetGrid } from "../../src/workbook/port";

const code = (i: number) => makeOfficeCode("12", 13, i);
const serial = (iso: string) => isoToSerial(iso);

function masterGrid(values: RawCell[][], dateCols: number[]): SheetGrid {
  return { name: "マスタ", top: 1, left: 1, values, formats: values.map((r) => r.map((_, j) => (dateCols.includes(j) ? "yyyy/m/d" : "General"))) };
}

/** What an adapter reads back from the history sheet: DateOut cells become date-formatted serials. */
function asSheet(header: string[], rows: OutCell[][], withFormats = true): SheetGrid {
  const toRaw = (v: OutCell): RawCell => (isDateOut(v) ? serial(v.date) : v);
  const values = [header, ...rows.map((r) => r.map(toRaw))];
  const formats = [header.map(() => "General"), ...rows.map((r) => r.map((v) => (isDateOut(v) ? "yyyy/m/d" : "General")))];
  return { name: "スナップショット履歴", top: 1, left: 1, values, ...(withFormats ? { formats } : {}) };
}

const HEADER = ["保険者コード", "福祉事務所名", "被保護者 人数(人)", "資格情報登録開始日", "メモ日", "担当", "件数"];
const master = readMaster(
  masterGrid(
    [
      HEADER,
      [code(1), "一市", 1500, null, serial("2024-10-01"), "山田", 3],
      [code(2), "二市", "1,200", serial("2024-12-20"), null, "", 4],
      [code(3), "三市", 300, "2025/1/7", "2025/1/7", true, 0.5],
      [12130043, "四市", null, serial("2024-11-01"), null, "2025-01-07", null],
    ],
    [3, 4],
  ),
)!;

describe("freezing マスタ", () => {
  const frozen = freezeMaster(master, "2024-12-27");

  it("keeps every header and each value as read: dates as ISO, numbers, text, blanks as null", () => {
    expect(frozen.asOf).toBe("2024-12-27");
    expect(frozen.headers).toEqual(HEADER);
    expect(frozen.rows[0]).toEqual([code(1), "一市", 1500, null, dateOut("2024-10-01"), "山田", 3]);
    expect(frozen.rows[1]).toEqual([code(2), "二市", "1,200", dateOut("2024-12-20"), null, null, 4]);
    // A date typed as text stays text; a number in an unknown General column stays a number.
    expect(frozen.rows[2]).toEqual([code(3), "三市", 300, "2025/1/7", "2025/1/7", true, 0.5]);
    expect(frozen.rows[3]).toEqual([12130043, "四市", null, dateOut("2024-11-01"), null, "2025-01-07", null]);
  });

  it("reads a date-field number without a date format as a date", () => {
    const m = readMaster({ name: "マスタ", top: 1, left: 1, values: [["保険者コード", "福祉事務所名", "被保護者数", "資格情報登録開始日"], [code(1), "一市", 5, serial("2025-01-07")]] })!;
    expect(freezeMaster(m, "2025-01-10").rows[0][3]).toEqual(dateOut("2025-01-07"));
  });

  it("round-trips through the history sheet identically, with or without number formats", () => {
    const other = freezeMaster(master, "2024-12-17");
    const { header, rows } = historyRows([frozen, other]);
    expect(header[0]).toBe("基準日");
    // Snapshots are written in date order.
    expect(rows[0][0]).toEqual(dateOut("2024-12-17"));
    for (const withFormats of [true, false]) {
      const read = readHistory(asSheet(header, rows, withFormats));
      expect(read.unreadableRows).toEqual([]);
      expect(read.snapshots.map((s) => s.asOf)).toEqual(["2024-12-17", "2024-12-27"]);
      const back = read.snapshots[1];
      if (withFormats) {
        // Columns with no value on that date are dropped; everything else is identical.
        expect(back.headers).toEqual(HEADER);
        expect(back.rows).toEqual(frozen.rows);
      } else {
        // Without formats only the master's date fields can be recognised as dates.
        expect(back.rows[0][3]).toBeNull();
        expect(back.rows[1][3]).toEqual(dateOut("2024-12-20"));
        expect(back.rows[0][4]).toBe(serial("2024-10-01")); // メモ日 is not a master date field
      }
    }
  });

  it("reports history rows whose 基準日 cannot be read", () => {
    const { header, rows } = historyRows([frozen]);
    const sheet = asSheet(header, [...rows, ["いつか", code(9), "九市", 1, null, null, null, null]]);
    expect(readHistory(sheet).unreadableRows).toEqual([6]);
  });

  it("replaces the snapshot of a date that already has one", () => {
    const a = freezeMaster(master, "2024-12-17");
    const b: FrozenSnapshot = { ...freezeMaster(master, "2024-12-17"), rows: [] };
    const list = withSnapshot(withSnapshot([a], frozen), b);
    expect(list.map((s) => [s.asOf, s.rows.length])).toEqual([["2024-12-17", 0], ["2024-12-27", 4]]);
  });

  it("reads each date with its own columns when a header was renamed between snapshots", () => {
    const oldGrid = masterGrid([["保険者コード", "福祉事務所名", "被保護者人数", "資格情報登録開始日"], [code(1), "一市", 700, null]], [3]);
    const newGrid = masterGrid([["保険者コード", "福祉事務所名", "被保護者数", "資格情報登録開始日"], [code(1), "一市", 900, null]], [3]);
    const s1 = freezeMaster(readMaster(oldGrid)!, "2024-12-02");
    const s2 = freezeMaster(readMaster(newGrid)!, "2024-12-17");
    const { header, rows } = historyRows([s1, s2]);
    const read = readHistory(asSheet(header, rows)).snapshots;
    expect(read.map((s) => snapshotState(s, undefined)!.offices[0].recipients)).toEqual([700, 900]);
  });
});

describe("isDateFormat", () => {
  it.each([
    ["yyyy/m/d", true],
    ["yyyy\"年\"m\"月\"d\"日\"", true],
    ["[$-ja-JP]ggge\"年\"m\"月\"d\"日\"", true],
    ["m/d", true],
    ["General", false],
    ["#,##0", false],
    ["0.0%", false],
    ["@", false],
    ["\"日付\"#,##0", false],
    ["0.00E+00", false],
    [undefined, false],
  ])("%s → %s", (format, expected) => expect(isDateFormat(format)).toBe(expected));
});

describe("snapshot figures", () => {
  const settings = { totalOffices: 10, totalRecipients: 10_000, largeThreshold: 1000, surveyMonth: "2024-10", documentMonths: null, fiscalYearEnd: null, disabledRules: [], columns: {} };
  const office = (i: number, recipients: number, startDate: string | null) => ({ ...master.offices[0], row: i + 1, code: code(i), name: `${i}市`, recipients, startDate });
  const d1: SnapshotState = {
    asOf: "2024-12-17",
    settings,
    offices: [office(1, 1500, null), office(2, 1000, "2024-12-20"), office(3, 300, null), office(4, 200, "2024-11-01"), office(5, 999, null)],
  };
  const d2: SnapshotState = {
    asOf: "2025-01-07",
    settings,
    offices: [office(1, 1500, null), office(2, 1000, "2024-12-20"), office(3, 300, "2025-01-06"), office(4, 200, "2024-11-01"), office(5, 999, "2025-01-08")],
  };

  it("counts offices with a blank start date or one after D as unregistered, with shares of the 全数 denominators", () => {
    const f = snapshotFigures(d1, null);
    // office 2 started on 12/20, after D = 12/17: still unregistered on D.
    expect(f.unregistered).toEqual({ offices: 4, recipients: 3799, officeShare: 0.4, recipientShare: 0.3799 });
    expect(f.registered).toEqual({ offices: 6, recipients: 6201, officeShare: 0.6, recipientShare: 0.6201 });
    expect(f.total).toEqual({ offices: 10, recipients: 10_000 });
    expect(f.large).toEqual({ threshold: 1000, offices: 2, recipients: 2500, shareOfUnregistered: 2500 / 3799 });
    expect(f.delta).toBeNull();
    expect(f.previous).toBeNull();
    expect(f.newlyRegistered).toEqual([]);
  });

  it("gives the change from the previous snapshot and the offices registered since", () => {
    const f = snapshotFigures(d2, d1);
    expect(f.previous).toBe("2024-12-17");
    expect(f.unregistered.offices).toBe(2); // offices 1 and 5 (5 starts after D)
    expect(f.unregistered.recipients).toBe(2499);
    expect(f.delta!.unregistered.offices).toBe(-2);
    expect(f.delta!.unregistered.recipients).toBe(-1300);
    expect(f.delta!.unregistered.recipientShare).toBeCloseTo(-0.13, 12);
    expect(f.delta!.registered.offices).toBe(2);
    expect(f.delta!.registered.officeShare).toBeCloseTo(0.2, 12);
    expect(f.newlyRegistered).toEqual([
      { code: code(2), name: "2市", startDate: "2024-12-20", recipients: 1000 },
      { code: code(3), name: "3市", startDate: "2025-01-06", recipients: 300 },
    ]);
    expect(f.large).toEqual({ threshold: 1000, offices: 1, recipients: 1500, shareOfUnregistered: 1500 / 2499 });
  });

  it("never divides by zero", () => {
    const empty: SnapshotState = { asOf: "2025-01-07", settings: { ...settings, totalOffices: 0, totalRecipients: 0 }, offices: [] };
    const f = snapshotFigures(empty, null);
    expect([f.unregistered.officeShare, f.unregistered.recipientShare, f.large.shareOfUnregistered]).toEqual([0, 0, 0]);
  });

  it("chains a series, each snapshot against the one before", () => {
    expect(snapshotSeries([d1, d2]).map((f) => f.previous)).toEqual([null, "2024-12-17"]);
  });

  it("takes 設定's defaults from the frozen rows of that date", () => {
    const state = snapshotState(freezeMaster(master, "2024-12-27"), undefined)!;
    expect(state.settings.totalOffices).toBe(4);
    expect(state.settings.totalRecipients).toBe(1500 + 1200 + 300);
    const settingsGrid: SheetGrid = { name: "設定", top: 1, left: 1, values: [["項目", "値"], ["全数_福祉事務所数", 1104], ["全数_被保護者数", "2,008,090"]] };
    const withSettings = snapshotState(freezeMaster(master, "2024-12-27"), settingsGrid)!;
    expect(withSettings.settings.totalOffices).toBe(1104);
    expect(withSettings.settings.totalRecipients).toBe(2_008_090);
  });
});
