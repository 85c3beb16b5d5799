import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import {
  addMonths,
  fiscalYearEndMonth,
  fiscalYearOf,
  formatJapaneseDate,
  formatJapaneseMonth,
  formatShortDate,
  isoToSerial,
  isValidIsoDate,
  isValidIsoMonth,
  lastDayOfMonth,
  monthOf,
  parseDate,
  parseMonth,
  serialToIso,
  todayInTokyo,
} from "../../src/domain/dates";
import type { RawCell } from "../../src/domain/cell";
import { anyRawCell } from "./arbitraries";


describe("serialToIso / isoToSerial", () => {
  it.each<[number, string]>([
    [1, "1900-01-01"],
    [59, "1900-02-28"],
    [60, "1900-02-29"], // Excel's fictitious leap day
    [61, "1900-03-01"],
    [25569, "1970-01-01"],
    [36526, "2000-01-01"],
    [43585, "2019-04-30"],
    [43586, "2019-05-01"],
    [45664, "2025-01-07"],
    [45664.99999, "2025-01-07"],
    [45352, "2024-03-01"],
    [45351, "2024-02-29"],
    [2958465, "9999-12-31"],
  ])("serial %d ↔ %s", (serial, iso) => {
    expect(serialToIso(serial)).toBe(iso);
    expect(isoToSerial(iso)).toBe(Math.floor(serial));
  });

  it.each([0, 0.99, -1, 2958466, NaN, Infinity, -Infinity, 1e308])("serial %d → null", (serial) => {
    expect(serialToIso(serial)).toBeNull();
  });

  it.each(["1899-12-31", "2025-02-30", "2025-1-7", "", "abc", "10000-01-01"])("isoToSerial(%j) is NaN", (iso) => {
    expect(isoToSerial(iso)).toBeNaN();
  });

  it("round-trips every serial", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2958465 }), (serial) => {
        const iso = serialToIso(serial);
        return iso !== null && isoToSerial(iso) === serial;
      }),
      { numRuns: 5000 },
    );
  });

  it("round-trips every date from 1900-03-01 and serials are consecutive", () => {
    fc.assert(
      fc.property(fc.integer({ min: 61, max: 2958464 }), (serial) => {
        const a = serialToIso(serial)!;
        const b = serialToIso(serial + 1)!;
        return isValidIsoDate(a) && isValidIsoDate(b) && a < b && isoToSerial(b) - isoToSerial(a) === 1;
      }),
      { numRuns: 2000 },
    );
  });

  it("ignores the time of day, including instants just before and after midnight", () => {
    for (const serial of [45664, 45665]) {
      const day = serialToIso(serial);
      expect(serialToIso(serial + 1 / 86400)).toBe(day);
      expect(serialToIso(serial + 0.5)).toBe(day);
      expect(serialToIso(serial + 86399 / 86400)).toBe(day);
      expect(parseDate(serial + 86399 / 86400)).toEqual({ ok: true, value: day });
    }
    expect(serialToIso(45664 - 1 / 86400)).toBe("2025-01-06");
  });
});

describe("parseDate", () => {
  it.each<[RawCell, string]>([
    ["2025/1/7", "2025-01-07"],
    ["2025-01-07", "2025-01-07"],
    ["2025.1.7", "2025-01-07"],
    ["2025年1月7日", "2025-01-07"],
    ["2025 年 1 月 7 日", "2025-01-07"],
    ["令和7年1月7日", "2025-01-07"],
    ["令和元年5月1日", "2019-05-01"],
    ["令和1年5月1日", "2019-05-01"],
    ["R7.1.7", "2025-01-07"],
    ["R7/1/7", "2025-01-07"],
    ["R7年1月7日", "2025-01-07"],
    ["R07.01.07", "2025-01-07"],
    ["r7.1.7", "2025-01-07"],
    ["H31.4.30", "2019-04-30"],
    ["平成31年4月30日", "2019-04-30"],
    ["平成元年1月8日", "1989-01-08"],
    ["昭和64年1月7日", "1989-01-07"],
    ["S50.4.1", "1975-04-01"],
    ["㋿7年1月7日", "2025-01-07"],
    ["２０２５／１／７", "2025-01-07"],
    ["Ｒ７．１．７", "2025-01-07"],
    ["令和７年１月７日", "2025-01-07"],
    ["2025/1/7 0:00:00", "2025-01-07"],
    ["2025/01/07 23:59", "2025-01-07"],
    ["2025-01-07T00:00:00.000Z", "2025-01-07"],
    ["2025/1/7(火)", "2025-01-07"],
    ["2025/1/7（火）", "2025-01-07"],
    ["20250107", "2025-01-07"],
    ["2024/2/29", "2024-02-29"],
    ["2000/2/29", "2000-02-29"],
    [" 2025/1/7 ", "2025-01-07"],
    [45664, "2025-01-07"],
    [45664.75, "2025-01-07"],
    [59, "1900-02-28"],
    [61, "1900-03-01"],
  ])("%j → %s", (v, expected) => {
    expect(parseDate(v)).toEqual({ ok: true, value: expected });
  });

  it("treats a number as a serial whatever the format says", () => {
    expect(parseDate(45664, "yyyy/m/d")).toEqual({ ok: true, value: "2025-01-07" });
    expect(parseDate(45664, "0")).toEqual({ ok: true, value: "2025-01-07" });
    expect(parseDate(45664, "General")).toEqual({ ok: true, value: "2025-01-07" });
  });

  it.each<[RawCell, string]>([
    [null, "空欄です"],
    ["", "空欄です"],
    ["\u3000", "空欄です"],
    ["2025/2/30", "存在しない日付です"],
    ["2023/2/29", "存在しない日付です"],
    ["1900/2/29", "存在しない日付です"],
    ["2025/13/1", "存在しない日付です"],
    ["2025/0/1", "存在しない日付です"],
    ["20250230", "存在しない日付です"],
    ["令和0年5月1日", "存在しない日付です"],
    ["令和元年4月30日", "元号の期間外の日付です"],
    ["令和1年4月1日", "元号の期間外の日付です"],
    ["平成31年5月1日", "元号の期間外の日付です"],
    ["H32.1.1", "元号の期間外の日付です"],
    ["平成元年1月7日", "元号の期間外の日付です"],
    [60, "存在しない日付です"],
    [0, "日付の範囲外です"],
    [-5, "日付の範囲外です"],
    [NaN, "日付の範囲外です"],
    [Infinity, "日付の範囲外です"],
    [1e308, "日付の範囲外です"],
    [true, "日付として読めません"],
    [false, "日付として読めません"],
    ["2025/1", "日付として読めません"],
    ["1月7日", "日付として読めません"],
    ["2025/1-7", "日付として読めません"],
    ["45664", "日付として読めません"],
    ["未定", "日付として読めません"],
    ["X7.1.7", "日付として読めません"],
  ])("%j fails: %s", (v, reason) => {
    expect(parseDate(v)).toEqual({ ok: false, reason });
  });

  it("never throws, and every success is a valid ISO date", () => {
    fc.assert(
      fc.property(anyRawCell, (v) => {
        const r = parseDate(v);
        return !r.ok || isValidIsoDate(r.value);
      }),
      { numRuns: 3000 },
    );
  });

  it("reads back every date it formats, in several notations", () => {
    fc.assert(
      fc.property(fc.integer({ min: 61, max: 2958465 }), (serial) => {
        const iso = serialToIso(serial)!;
        const [y, m, d] = iso.split("-").map(Number);
        return (
          parseDate(iso).ok &&
          (parseDate(iso) as { value: string }).value === iso &&
          (parseDate(`${y}/${m}/${d}`) as { value: string }).value === iso &&
          (parseDate(`${y}年${m}月${d}日`) as { value: string }).value === iso &&
          (parseDate(serial) as { value: string }).value === iso
        );
      }),
      { numRuns: 1000 },
    );
  });
});

describe("pathological text", () => {
  it.each([
    ["x" + " ".repeat(200_000) + "y"],
    [" 1:00".repeat(50_000)],
    ["1".repeat(200_000)],
    ["令和".repeat(100_000)],
  ])("is rejected quickly (%#)", (s) => {
    const start = performance.now();
    expect(parseDate(s).ok).toBe(false);
    expect(parseMonth(s).ok).toBe(false);
    expect(performance.now() - start).toBeLessThan(500);
  });
});

describe("parseMonth", () => {
  it.each<[RawCell, string]>([
    ["令和7年1月", "2025-01"],
    ["R7年1月", "2025-01"],
    ["R7.1", "2025-01"],
    ["R7/1", "2025-01"],
    ["2025年1月", "2025-01"],
    ["2025/01", "2025-01"],
    ["2025-01", "2025-01"],
    ["2025/1", "2025-01"],
    ["202501", "2025-01"],
    ["令和元年5月", "2019-05"],
    ["平成31年4月", "2019-04"],
    ["平成元年1月", "1989-01"],
    ["令和６年１２月", "2024-12"],
    ["令和7年度4月", "2025-04"],
    ["令和6年度1月", "2025-01"],
    ["2024年度3月", "2025-03"],
    ["2025/1/7", "2025-01"],
    ["令和7年1月7日", "2025-01"],
    ["20250107", "2025-01"],
    [45664, "2025-01"],
    [45688.5, "2025-01"],
  ])("%j → %s", (v, expected) => {
    expect(parseMonth(v)).toEqual({ ok: true, value: expected });
  });

  it.each<[RawCell, string]>([
    [null, "空欄です"],
    ["令和1年4月", "元号の期間外の年月です"],
    ["平成31年5月", "元号の期間外の年月です"],
    ["2025/13", "存在しない月です"],
    ["2025/0", "存在しない月です"],
    ["令和0年1月", "存在しない月です"],
    ["2025/2/30", "存在しない日付です"],
    [true, "年月として読めません"],
    ["未定", "年月として読めません"],
    ["1月", "年月として読めません"],
    [0, "日付の範囲外です"],
  ])("%j fails: %s", (v, reason) => {
    expect(parseMonth(v)).toEqual({ ok: false, reason });
  });

  it("never throws, and every success is a valid ISO month", () => {
    fc.assert(
      fc.property(anyRawCell, (v) => {
        const r = parseMonth(v);
        return !r.ok || isValidIsoMonth(r.value);
      }),
      { numRuns: 3000 },
    );
  });

  it("reads back every month it formats in Japanese", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1989 * 12, max: 2100 * 12 + 11 }), (i) => {
        const month = `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}`;
        const r = parseMonth(formatJapaneseMonth(month));
        return r.ok && r.value === month;
      }),
    );
  });
});

describe("todayInTokyo", () => {
  it.each<[string, string]>([
    ["2025-01-06T14:59:59.999Z", "2025-01-06"],
    ["2025-01-06T15:00:00.000Z", "2025-01-07"],
    ["2024-12-31T15:00:00.000Z", "2025-01-01"],
    ["2024-02-28T15:00:00.000Z", "2024-02-29"],
    ["2025-07-01T00:00:00.000Z", "2025-07-01"],
  ])("%s → %s", (instant, expected) => {
    expect(todayInTokyo(new Date(instant))).toBe(expected);
  });

  it("defaults to now", () => {
    expect(isValidIsoDate(todayInTokyo())).toBe(true);
  });
});

describe("month helpers", () => {
  it.each<[string, number, string]>([
    ["2025-01", 1, "2025-02"],
    ["2025-12", 1, "2026-01"],
    ["2025-01", -1, "2024-12"],
    ["2025-01", -13, "2023-12"],
    ["2024-10", 0, "2024-10"],
    ["2024-10", 26, "2026-12"],
  ])("addMonths(%s, %d) → %s", (m, n, expected) => {
    expect(addMonths(m, n)).toBe(expected);
  });

  it.each<[string, string]>([
    ["2025-01", "2025-01-31"],
    ["2024-02", "2024-02-29"],
    ["2025-02", "2025-02-28"],
    ["1900-02", "1900-02-28"],
    ["2000-02", "2000-02-29"],
    ["2025-04", "2025-04-30"],
  ])("lastDayOfMonth(%s) → %s", (m, expected) => {
    expect(lastDayOfMonth(m)).toBe(expected);
  });

  it.each<[string, number, string]>([
    ["2025-03", 2024, "2025-03"],
    ["2025-04", 2025, "2026-03"],
    ["2024-12-17", 2024, "2025-03"],
    ["2025-03-31", 2024, "2025-03"],
    ["2025-04-01", 2025, "2026-03"],
    ["2024-01-23", 2023, "2024-03"],
  ])("fiscal year of %s is %d, ending %s", (d, fy, end) => {
    expect(fiscalYearOf(d)).toBe(fy);
    expect(fiscalYearEndMonth(d)).toBe(end);
  });

  it.each<[string, string]>([
    ["2025-01", "令和7年1月"],
    ["2024-10", "令和6年10月"],
    ["2019-05", "令和元年5月"],
    ["2019-04", "平成31年4月"],
    ["2020-01", "令和2年1月"],
    ["1989-01", "平成元年1月"],
    ["1988-12", "昭和63年12月"],
  ])("formatJapaneseMonth(%s) → %s", (m, expected) => {
    expect(formatJapaneseMonth(m)).toBe(expected);
  });

  it("formats dates briefly", () => {
    expect(monthOf("2025-02-04")).toBe("2025-02");
    expect(formatShortDate("2025-02-04")).toBe("2/4");
    expect(formatShortDate("2024-12-27")).toBe("12/27");
    expect(formatJapaneseDate("2025-02-04")).toBe("2月4日");
    expect(formatJapaneseDate("2025-01-23")).toBe("1月23日");
  });
});

describe("time-zone independence", () => {
  const moduleUrl = new URL("../../src/domain/dates.ts", import.meta.url).href;
  const script = `
    const d = await import(${JSON.stringify(moduleUrl)});
    const out = [
      d.serialToIso(45664), d.serialToIso(45664.9999), d.serialToIso(1), d.serialToIso(61),
      d.isoToSerial("2025-01-07"), d.isoToSerial("1900-03-01"),
      d.parseDate("令和7年1月7日"), d.parseDate("2025/1/7 0:00:00"), d.parseDate(45664.999),
      d.parseMonth("R7.1"), d.parseMonth(45688.99),
      d.todayInTokyo(new Date("2025-01-06T15:00:00Z")), d.todayInTokyo(new Date("2025-01-06T14:59:59Z")),
      d.lastDayOfMonth("2024-02"), d.addMonths("2025-01", -1), d.fiscalYearEndMonth("2024-12-17"),
    ];
    process.stdout.write(JSON.stringify(out));
  `;
  const runUnder = (tz: string): string =>
    execFileSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
      cwd: fileURLToPath(new URL("../..", import.meta.url)),
      env: { ...process.env, TZ: tz },
      encoding: "utf8",
    });

  it("gives the same answers under TZ=UTC, TZ=Asia/Tokyo and TZ=America/Los_Angeles", () => {
    const utc = runUnder("UTC");
    const tokyo = runUnder("Asia/Tokyo");
    const la = runUnder("America/Los_Angeles");
    expect(JSON.parse(utc)[0]).toBe("2025-01-07");
    expect(JSON.parse(utc)[11]).toBe("2025-01-07");
    expect(tokyo).toBe(utc);
    expect(la).toBe(utc);
  });
});
