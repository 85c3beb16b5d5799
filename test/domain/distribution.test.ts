import { describe, expect, it } from "vitest";
import { distributionAt } from "../../src/domain/distribution";
import { masterOf, times, type OfficeSpec } from "./office-fixtures";

/** The seed's 12/17 table: 86 unregistered offices by survey answer. */
const SEED_TABLE: [string, string, number][] = [
  ["登録済み", "登録済み", 4],
  ["2024-08", "令和6年8月", 3],
  ["2024-09", "令和6年9月", 18],
  ["2024-10", "令和6年10月", 2],
  ["2024-11", "令和6年11月", 9],
  ["2024-12", "令和6年12月", 13],
  ["2025-01", "令和7年1月", 8],
  ["2025-03", "令和7年3月", 13],
  ["2025-04以降", "令和7年4月以降", 16],
];

function seedOffices(): OfficeSpec[] {
  const answers: Record<string, string> = { "2024-08": "R6.8", "2025-04以降": "12_令和7年4月以降" };
  const unregistered = SEED_TABLE.flatMap(([plan, label, n]) => times(n, { answerDate: "2024-09-10", answer: answers[plan] ?? label }));
  // Registered offices (one exactly on the as-of date) are not in the table, whatever they answered.
  const registered = [...times(20, { start: "2024-08-01", answerDate: "2024-09-01", answer: "令和6年8月" }), { start: "2024-12-17", answer: "令和7年1月" }];
  // Reverse the order so that the result's order cannot come from the input's.
  return [...registered, ...unregistered].reverse();
}

describe("予定時期分布", () => {
  it("rebuilds the seed's 86-office table with shares and total", () => {
    const d = distributionAt(masterOf(seedOffices()).offices, "2024-12-17");
    expect(d.total).toBe(86);
    expect(d.rows.map((r) => [r.plan, r.label, r.offices])).toEqual(SEED_TABLE);
    expect(d.rows.map((r) => Math.round(r.share * 100))).toEqual([5, 3, 21, 2, 10, 15, 9, 15, 19]);
    expect(d.rows[0].share).toBe(4 / 86);
    expect(d.rows.reduce((s, r) => s + r.offices, 0)).toBe(86);
  });

  it("orders 登録済み, months, open-ended months, 未定, 未回答 and counts answers only from their date", () => {
    const offices = masterOf([
      { answer: "未定", answerDate: "2024-10-01" },
      { answer: "令和7年6月以降", answerDate: "2024-10-01" },
      { answer: "令和7年4月以降", answerDate: "2024-10-01" },
      { answer: "令和7年5月", answerDate: "2024-10-01" },
      { answer: "登録済み", answerDate: "2024-10-01" },
      { answer: "令和6年11月", answerDate: "2025-01-10" }, // answered after the as-of date
      {},
    ]).offices;
    const d = distributionAt(offices, "2024-12-17");
    expect(d.rows.map((r) => [r.plan, r.offices])).toEqual([
      ["登録済み", 1],
      ["2025-05", 1],
      ["2025-04以降", 1],
      ["2025-06以降", 1],
      ["未定", 1],
      ["未回答", 2],
    ]);
    expect(d.rows.at(-1)!.share).toBe(2 / 7);
  });

  it("gives zero shares and an empty table when every office is registered", () => {
    const d = distributionAt(masterOf([{ start: "2024-01-01" }]).offices, "2024-12-17");
    expect(d).toEqual({ asOf: "2024-12-17", rows: [], total: 0 });
  });
});
