import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { OfficeRecord } from "../../src/domain/master";
import type { Plan } from "../../src/domain/plans";
import { answerAt, surveyAt, surveyBucket, surveyColumns, surveyRows, surveyYearEnd } from "../../src/domain/survey";
import { SEED_SURVEY_DATES, SEED_SURVEY_TABLE, masterOf, seedSurveyOffices } from "./office-fixtures";

/*
 * How the fixture reproduces the seed: 64 offices registered by 10/15 (one exactly on 10/15), 4 that
 * register by 10/29 (three answered 令和6年9月), 5 by 11/05 (one 令和6年8月, two within the year, one
 * 令和7年4月以降, one unanswered), and 112 that stay unregistered: 登録済み 4 (answered 10/1, 10/15,
 * 10/20, 11/1), 7月 1, 8月 15, 9月 20, 45 within 令和6年度 (18 + 10 + 14 + 3 per period) and 27 later
 * (7 + 14 + 4 + 1 + 1). Ten more rows are outside the survey (アンケート対象 blank).
 */
describe("架電結果まとめ (survey summary)", () => {
  const master = masterOf(seedSurveyOffices());

  it("rebuilds the seed's 10/15 … 11/19 table figure for figure", () => {
    const cols = surveyColumns(master.offices, "2024-10", SEED_SURVEY_DATES);
    const rows = surveyRows(cols, "2024-10");
    expect(rows.map((r) => [r.label, r.values])).toEqual(SEED_SURVEY_TABLE);
    expect(cols.map((c) => c.registered + c.unregistered)).toEqual([185, 185, 185, 185, 185]);
    expect(cols[0].delayedBy).toEqual({ 登録済み: 2, "2024-07": 1, "2024-08": 16, "2024-09": 23 });
    expect(Object.keys(cols[4].delayedBy)).toEqual(["登録済み", "2024-07", "2024-08", "2024-09"]);
  });

  it("places the labels in the hierarchy of the seed's table", () => {
    const rows = surveyRows(surveyColumns(master.offices, "2024-10", ["2024-11-19"]), "2024-10");
    expect(rows.map((r) => r.level)).toEqual([0, 0, 1, 1, 2, 3, 3, 2, 3, 3, 3, 3]);
  });

  it("derives the labels from the 基準月 instead of hard-coding months", () => {
    const cols = surveyColumns(master.offices, "2025-04", ["2025-05-01"]);
    const labels = surveyRows(cols, "2025-04").map((r) => r.label);
    expect(labels).toContain("資格情報登録開始予定（令和7年4月以降登録開始予定）");
    expect(labels).toContain("令和7年度中に登録予定と回答した福祉事務所");
    expect(labels).toContain("「令和8年4月以降登録予定」と回答した福祉事務所");
    expect(labels).toContain("「令和7年3月登録予定」と回答した福祉事務所");
  });

  it("takes every row as the population when アンケート対象 is absent", () => {
    const specs = seedSurveyOffices();
    const all = masterOf(specs, { withoutSurveyColumn: true });
    const col = surveyAt(all.offices, "2024-10", "2024-11-19");
    expect(col.registered + col.unregistered).toBe(195);
    expect(col.unanswered).toBe(10);
  });

  it("splits the year at the fiscal-year end of the 基準月 and treats 未定 and …以降 as later", () => {
    expect(surveyYearEnd("2024-10")).toBe("2025-03");
    expect(surveyYearEnd("2025-03")).toBe("2025-03");
    const m = (month: string): Plan => ({ kind: "month", month });
    expect(surveyBucket(m("2024-09"), "2024-10")).toBe("delayed");
    expect(surveyBucket(m("2024-10"), "2024-10")).toBe("thisYear");
    expect(surveyBucket(m("2025-03"), "2024-10")).toBe("thisYear");
    expect(surveyBucket(m("2025-04"), "2024-10")).toBe("later");
    expect(surveyBucket({ kind: "from", month: "2024-08" }, "2024-10")).toBe("later");
    expect(surveyBucket({ kind: "undecided" }, "2024-10")).toBe("later");
    expect(surveyBucket({ kind: "registered" }, "2024-10")).toBe("delayed");
  });

  it("counts an answer from its 回答日 on, and an undated answer at every date", () => {
    const answer: Plan = { kind: "month", month: "2025-01" };
    expect(answerAt({ answer, answerDate: "2024-11-01" }, "2024-10-31")).toBeNull();
    expect(answerAt({ answer, answerDate: "2024-11-01" }, "2024-11-01")).toEqual(answer);
    expect(answerAt({ answer, answerDate: null }, "2000-01-01")).toEqual(answer);
    expect(answerAt({ answer: null, answerDate: "2024-11-01" }, "2025-01-01")).toBeNull();
  });
});

// ---------------------------------------------------------------------------------------------
// Property tests: the SPEC identities hold on random offices and dates.

const day = fc.integer({ min: 0, max: 700 }).map((n) => {
  const d = new Date(Date.UTC(2024, 0, 1) + n * 86_400_000);
  return d.toISOString().slice(0, 10);
});
const month = fc.integer({ min: 0, max: 30 }).map((n) => `${2024 + Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, "0")}`);
const plan: fc.Arbitrary<Plan> = fc.oneof(
  fc.constant<Plan>({ kind: "registered" }),
  fc.constant<Plan>({ kind: "undecided" }),
  month.map((m): Plan => ({ kind: "month", month: m })),
  month.map((m): Plan => ({ kind: "from", month: m })),
);
const office = fc.record({
  surveyTarget: fc.boolean(),
  startDate: fc.option(day, { nil: null }),
  answer: fc.option(plan, { nil: null }),
  answerDate: fc.option(day, { nil: null }),
});

type SurveyOffice = Pick<OfficeRecord, "surveyTarget" | "startDate" | "answer" | "answerDate">;

describe("survey identities (property)", () => {
  it("未登録 = 未回答 + 回答済み, 回答済み = 予定 + 遅延, 予定 = 年度内 + 翌年度以降, 遅延 = Σ内訳", () => {
    fc.assert(
      fc.property(fc.array(office, { maxLength: 60 }), fc.array(day, { minLength: 1, maxLength: 5 }), month, (offices: SurveyOffice[], dates, surveyMonth) => {
        const population = offices.filter((o) => o.surveyTarget).length;
        for (const c of surveyColumns(offices, surveyMonth, dates)) {
          expect(c.registered + c.unregistered).toBe(population);
          expect(c.unanswered + c.answered).toBe(c.unregistered);
          expect(c.planned + c.delayed).toBe(c.answered);
          expect(c.plannedThisYear + c.plannedLater).toBe(c.planned);
          expect(Object.values(c.delayedBy).reduce((s, n) => s + n, 0)).toBe(c.delayed);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("registered offices never decrease as the date advances, and the columns agree with single dates", () => {
    fc.assert(
      fc.property(fc.array(office, { maxLength: 40 }), fc.array(day, { minLength: 2, maxLength: 5 }), (offices: SurveyOffice[], dates) => {
        const sorted = [...new Set(dates)].sort();
        const cols = surveyColumns(offices, "2024-10", sorted);
        for (let i = 1; i < cols.length; i++) expect(cols[i].registered).toBeGreaterThanOrEqual(cols[i - 1].registered);
        cols.forEach((c, i) => {
          const single = surveyAt(offices, "2024-10", sorted[i]);
          expect({ ...c, delayedBy: undefined }).toEqual({ ...single, delayedBy: undefined });
          for (const [k, n] of Object.entries(single.delayedBy)) expect(c.delayedBy[k]).toBe(n);
        });
      }),
      { numRuns: 200 },
    );
  });
});
