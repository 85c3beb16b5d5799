import { describe, expect, it } from "vitest";
import { classOf, classTitle, classesAt, compareForPriority, isDelayedAnswer, isLaterAnswer, type ClassRules } from "../../src/domain/classes";
import type { Plan } from "../../src/domain/plans";
import { masterOf } from "./office-fixtures";

const RULES: ClassRules = { largeThreshold: 1000, fiscalYearEnd: "2025-03" };
const A = "2024-11-28";
const month = (m: string): Plan => ({ kind: "month", month: m });

describe("delay", () => {
  it("is delayed only once the answered month has ended (month ends)", () => {
    expect(isDelayedAnswer(month("2024-11"), "2024-11-30")).toBe(false);
    expect(isDelayedAnswer(month("2024-11"), "2024-12-01")).toBe(true);
    expect(isDelayedAnswer(month("2025-02"), "2025-02-28")).toBe(false);
    expect(isDelayedAnswer(month("2025-02"), "2025-03-01")).toBe(true);
    expect(isDelayedAnswer(month("2024-02"), "2024-02-29")).toBe(false); // leap year
    expect(isDelayedAnswer(month("2024-02"), "2024-03-01")).toBe(true);
  });

  it("treats 登録済み as delayed, and open-ended answers and 未定 as never delayed", () => {
    expect(isDelayedAnswer({ kind: "registered" }, "2020-01-01")).toBe(true);
    expect(isDelayedAnswer({ kind: "from", month: "2020-01" }, "2030-01-01")).toBe(false);
    expect(isDelayedAnswer({ kind: "undecided" }, "2030-01-01")).toBe(false);
  });

  it("calls an answer later when open-ended or after the fiscal year end", () => {
    expect(isLaterAnswer({ kind: "from", month: "2024-12" }, "2025-03")).toBe(true);
    expect(isLaterAnswer(month("2025-04"), "2025-03")).toBe(true);
    expect(isLaterAnswer(month("2025-03"), "2025-03")).toBe(false);
    expect(isLaterAnswer({ kind: "undecided" }, "2025-03")).toBe(false);
  });
});

describe("区分 ①–④", () => {
  it("assigns the four classes as the seed's 11/28 tables do", () => {
    expect(classOf({ kind: "from", month: "2025-04" }, 5000, A, RULES)).toBe("①");
    expect(classOf(month("2025-05"), 1000, A, RULES)).toBe("①"); // the threshold itself is large
    expect(classOf(month("2024-10"), 3000, A, RULES)).toBe("②");
    expect(classOf({ kind: "registered" }, 3000, A, RULES)).toBe("②");
    expect(classOf(month("2024-11"), 3000, A, RULES)).toBe("③"); // 11月 not over on 11/28
    expect(classOf(month("2025-03"), 3000, A, RULES)).toBe("③");
    expect(classOf({ kind: "from", month: "2025-04" }, 999, A, RULES)).toBe("④");
    expect(classOf(month("2024-10"), 999, A, RULES)).toBeNull(); // small and delayed: no class
    expect(classOf(month("2025-01"), 999, A, RULES)).toBeNull();
    expect(classOf({ kind: "undecided" }, 5000, A, RULES)).toBeNull();
  });

  it("classifies by the survey answer, shows the revised plan beside it, and skips registered offices", () => {
    const master = masterOf([
      { name: "大規模A", recipients: 5000, answerDate: "2024-08-01", answer: "12_令和7年4月以降", plan: "R7年4月以降⇒R7年3月" },
      { name: "遅延B", recipients: 2500, answerDate: "2024-08-01", answer: "令和6年9月", plan: "R6年9月⇒R6年12月" },
      { name: "小規模C", recipients: 300, answerDate: "2024-08-01", answer: "令和6年8月" },
      { name: "未回答D", recipients: 8000 },
      { name: "登録済E", recipients: 9000, start: "2024-11-01", answerDate: "2024-08-01", answer: "令和7年4月以降" },
      { name: "回答後F", recipients: 4000, answerDate: "2024-12-01", answer: "令和7年4月以降" },
    ]);
    const entries = classesAt(master.offices, A, RULES);
    expect(entries.map((e) => [e.name, e.answer, e.plan, e.class, e.delayed, e.priority])).toEqual([
      ["大規模A", "2025-04以降", "2025-03", "①", false, true],
      ["遅延B", "2024-09", "2024-12", "②", true, true],
      ["小規模C", "2024-08", "2024-08", null, true, false],
      ["未回答D", "未回答", "未回答", null, false, false],
      ["回答後F", "未回答", "未回答", null, false, false],
    ]);
    expect(entries[0]).toMatchObject({ recipients: 5000, row: 2 });
    expect(entries[0].code).toMatch(/^\d{8}$/);
  });

  it("orders ①② before ③④, largest recipients first within a class", () => {
    const master = masterOf([
      { name: "c4", recipients: 900, answer: "令和7年4月以降" },
      { name: "c3", recipients: 1200, answer: "令和7年1月" },
      { name: "c1-small", recipients: 1500, answer: "令和7年4月以降" },
      { name: "c2", recipients: 1100, answer: "令和6年8月" },
      { name: "c1-big", recipients: 9000, answer: "令和7年6月" },
    ]);
    const sorted = classesAt(master.offices, A, RULES).sort(compareForPriority);
    expect(sorted.map((e) => e.name)).toEqual(["c1-big", "c1-small", "c2", "c3", "c4"]);
  });

  it("titles the classes from the fiscal year end", () => {
    expect(classTitle("①", RULES)).toBe("①令和7年4月以降に登録予定");
    expect(classTitle("③", RULES)).toBe("③令和7年3月までに登録予定");
    expect(classTitle("④", { largeThreshold: 1000, fiscalYearEnd: "2026-03" })).toBe("④令和8年4月以降に登録予定（1,000人未満）");
  });
});
