import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { parsePlan, parsePlanChain, planLabel, planMonth, type Plan } from "../../src/domain/plans";
import type { RawCell } from "../../src/domain/cell";
import { anyRawCell } from "./arbitraries";


const registered: Plan = { kind: "registered" };
const undecided: Plan = { kind: "undecided" };
const month = (m: string): Plan => ({ kind: "month", month: m });
const from = (m: string): Plan => ({ kind: "from", month: m });

describe("parsePlan", () => {
  it.each<[RawCell, Plan]>([
    ["登録済み", registered],
    ["登録済", registered],
    ["登録開始済み", registered],
    ["1_登録済み", registered],
    ["登録済み（令和6年11月）", registered],
    ["12_令和7年4月以降", from("2025-04")],
    ["2_令和7年4月以降", from("2025-04")],
    ["令和7年4月以降", from("2025-04")],
    ["R7年4月以降", from("2025-04")],
    ["R7年4月 以降", from("2025-04")],
    ["令和7年度4月以降", from("2025-04")],
    ["令和7年4月以降登録予定", from("2025-04")],
    ["2025-04以降", from("2025-04")],
    ["R7.4~", from("2025-04")],
    ["R7年4月から", from("2025-04")],
    ["令和７年４月以降", from("2025-04")],
    ["未定", undecided],
    ["詳細未定", undecided],
    ["13_未定", undecided],
    ["令和6年7月", month("2024-07")],
    ["3_令和6年8月", month("2024-08")],
    ["令和6年8月登録予定", month("2024-08")],
    ["R6年12月", month("2024-12")],
    ["R7年3月", month("2025-03")],
    ["R7.3", month("2025-03")],
    ["R7/3", month("2025-03")],
    ["2025年3月", month("2025-03")],
    ["2025/03", month("2025-03")],
    ["2025-03", month("2025-03")],
    ["R7年3月末", month("2025-03")],
    ["令和7年3月（予定）", month("2025-03")],
    ["2025/3/31", month("2025-03")],
    [45747, month("2025-03")],
  ])("%j → %j", (v, expected) => {
    expect(parsePlan(v)).toEqual({ ok: true, value: expected });
  });

  it.each<RawCell>([null, "", "未回答", "令和1年4月", "平成31年5月以降", "以降", "12", 12, 0, -1, NaN, true, "xx", "登録済みではない"])(
    "%j fails",
    (v) => {
      const r = parsePlan(v);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.reason).toMatch(/空欄です|読めません/);
    },
  );

  it("never throws", () => {
    fc.assert(fc.property(anyRawCell, (v) => typeof parsePlan(v).ok === "boolean"), { numRuns: 3000 });
  });
});

describe("parsePlanChain", () => {
  it.each<[RawCell, Plan[]]>([
    ["R7年4月以降⇒R7年3月", [from("2025-04"), month("2025-03")]],
    ["R7年4月以降 ⇒R6年10月", [from("2025-04"), month("2024-10")]],
    ["R7年4月以降 ⇒詳細未定", [from("2025-04"), undecided]],
    ["R7年4月以降→R6年12月", [from("2025-04"), month("2024-12")]],
    ["R7年4月以降->R6年12月", [from("2025-04"), month("2024-12")]],
    ["R7年4月以降\nR6年12月", [from("2025-04"), month("2024-12")]],
    ["R7年4月以降\r\nR6年12月\n", [from("2025-04"), month("2024-12")]],
    ["2025-04以降->2025-03", [from("2025-04"), month("2025-03")]],
    ["R7年4月以降⇒R7年3月⇒登録済み", [from("2025-04"), month("2025-03"), registered]],
    ["R7年4月以降", [from("2025-04")]],
    ["登録開始済み", [registered]],
    [45747, [month("2025-03")]],
  ])("%j → %j", (v, chain) => {
    expect(parsePlanChain(v)).toEqual({ ok: true, value: { chain, current: chain[chain.length - 1] } });
  });

  it.each<[RawCell, string]>([
    [null, "空欄です"],
    ["⇒", "空欄です"],
    ["R7年4月以降⇒xx", "2番目の予定時期が読めません"],
    ["xx⇒R7年3月", "1番目の予定時期が読めません"],
    ["xx", "登録予定として読めません"],
    [true, "登録予定として読めません"],
  ])("%j fails: %s", (v, reason) => {
    const r = parsePlanChain(v);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason.startsWith(reason)).toBe(true);
  });

  it("never throws, and a success always has a current element equal to the last", () => {
    fc.assert(
      fc.property(anyRawCell, (v) => {
        const r = parsePlanChain(v);
        return !r.ok || (r.value.chain.length > 0 && r.value.current === r.value.chain[r.value.chain.length - 1]);
      }),
      { numRuns: 3000 },
    );
  });
});

describe("pathological text", () => {
  it.each([["(".repeat(100_000) + ")x)"], ["x" + " ".repeat(200_000) + "y"], ["R7年4月以降⇒".repeat(20_000)]])(
    "is rejected quickly (%#)",
    (s) => {
      const start = performance.now();
      expect(parsePlan(s).ok).toBe(false);
      expect(parsePlanChain(s).ok).toBe(false);
      expect(performance.now() - start).toBeLessThan(500);
    },
  );
});

describe("planLabel / planMonth", () => {
  it.each<[Plan, string, string | null]>([
    [registered, "登録済み", null],
    [month("2024-08"), "2024-08", "2024-08"],
    [from("2025-04"), "2025-04以降", "2025-04"],
    [undecided, "未定", null],
  ])("%j → %s, %s", (p, label, m) => {
    expect(planLabel(p)).toBe(label);
    expect(planMonth(p)).toBe(m);
  });

  it("parses its own labels back", () => {
    for (const p of [registered, month("2024-08"), from("2025-04"), undecided]) {
      expect(parsePlan(planLabel(p))).toEqual({ ok: true, value: p });
    }
  });
});
