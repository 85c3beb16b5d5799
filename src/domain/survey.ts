/**
 * 架電結果まとめ (SPEC §4): the survey population at dates A1 … An, split into registered and
 * unregistered, the unregistered into unanswered and answered, and the answers into planned
 * (this fiscal year / later) and delayed (by answer value).
 *
 * Decisions (documented for the report):
 * - An answer counts at A when 登録予定月 is readable and 回答日 ≤ A. An answer without a 回答日
 *   counts at every date (hand-entered answers often have no date); an unreadable answer counts as
 *   unanswered (validate reports it as plan-invalid), so the identities always hold.
 * - 年度内 = a month ≤ the end of the fiscal year of アンケート_基準月 (基準月 2024-10 → ≤ 2025-03,
 *   the seed's 「令和6年度中」). Open-ended answers (…以降) and 未定 are 翌年度以降: neither commits
 *   to a month within the year. An open-ended answer is always planned, whatever its month.
 * - Delayed = 登録済み, or a month before the 基準月; the breakdown keys are '登録済み' and 'YYYY-MM'.
 */
import type { IsoDate, IsoMonth } from "./cell";
import { addMonths, fiscalYearOf, formatJapaneseMonth } from "./dates";
import { isRegisteredAt, type OfficeRecord } from "./master";
import type { Plan } from "./plans";

/** The key of the 登録済み answer in delayed breakdowns. */
export const REGISTERED_ANSWER = "登録済み";
/** The label of offices without an answer at A. */
export const NO_ANSWER = "未回答";

export interface SurveyColumn {
  date: IsoDate;
  registered: number;
  unregistered: number;
  unanswered: number;
  answered: number;
  planned: number;
  plannedThisYear: number;
  plannedLater: number;
  delayed: number;
  /** '登録済み' first, then months ascending. */
  delayedBy: Record<string, number>;
}

type AnswerFields = Pick<OfficeRecord, "answer" | "answerDate">;

/** The survey answer known at A: a readable 登録予定月 whose 回答日 (if any) is on or before A. */
export function answerAt(o: AnswerFields, asOf: IsoDate): Plan | null {
  if (!o.answer) return null;
  return o.answerDate === null || o.answerDate <= asOf ? o.answer : null;
}

/** 令和6年度 for fiscal year 2024 (令和元年度 = 2019). */
export function fiscalYearLabel(fiscalYear: number): string {
  const n = fiscalYear - 2018;
  return n >= 1 ? `令和${n === 1 ? "元" : n}年度` : `${fiscalYear}年度`;
}

/** The end month of the fiscal year that contains the survey's 基準月 (2024-10 → 2025-03). */
export function surveyYearEnd(surveyMonth: IsoMonth): IsoMonth {
  return `${fiscalYearOf(surveyMonth) + 1}-03`;
}

/** A plan as the seed's tables show it: 登録済み, 令和6年8月, 令和7年4月以降, 未定. */
export function planJapanese(p: Plan): string {
  switch (p.kind) {
    case "registered":
      return REGISTERED_ANSWER;
    case "month":
      return formatJapaneseMonth(p.month);
    case "from":
      return `${formatJapaneseMonth(p.month)}以降`;
    case "undecided":
      return "未定";
  }
}

export type SurveyBucket = "thisYear" | "later" | "delayed";

/** Where an answer lands: planned this fiscal year, planned later, or delayed (SPEC §4). */
export function surveyBucket(answer: Plan, surveyMonth: IsoMonth): SurveyBucket {
  switch (answer.kind) {
    case "registered":
      return "delayed";
    case "from":
    case "undecided":
      return "later";
    case "month":
      if (answer.month < surveyMonth) return "delayed";
      return answer.month <= surveyYearEnd(surveyMonth) ? "thisYear" : "later";
  }
}

/** The breakdown key of a delayed answer: '登録済み' or its month. */
export function delayedKey(answer: Plan): string {
  return answer.kind === "month" ? answer.month : REGISTERED_ANSWER;
}

/** Orders breakdown keys: 登録済み first, then months ascending. */
export function compareDelayedKeys(a: string, b: string): number {
  if (a === b) return 0;
  if (a === REGISTERED_ANSWER) return -1;
  if (b === REGISTERED_ANSWER) return 1;
  return a < b ? -1 : 1;
}

type SurveyOffice = Pick<OfficeRecord, "surveyTarget" | "startDate" | "answer" | "answerDate">;

/** One column of 架電結果まとめ at A over the survey population. */
export function surveyAt(offices: readonly SurveyOffice[], surveyMonth: IsoMonth, asOf: IsoDate): SurveyColumn {
  const col: SurveyColumn = {
    date: asOf,
    registered: 0,
    unregistered: 0,
    unanswered: 0,
    answered: 0,
    planned: 0,
    plannedThisYear: 0,
    plannedLater: 0,
    delayed: 0,
    delayedBy: {},
  };
  const delayedBy = new Map<string, number>();
  for (const o of offices) {
    if (!o.surveyTarget) continue;
    if (isRegisteredAt(o, asOf)) {
      col.registered++;
      continue;
    }
    col.unregistered++;
    const answer = answerAt(o, asOf);
    if (!answer) {
      col.unanswered++;
      continue;
    }
    col.answered++;
    const bucket = surveyBucket(answer, surveyMonth);
    if (bucket === "delayed") {
      col.delayed++;
      const key = delayedKey(answer);
      delayedBy.set(key, (delayedBy.get(key) ?? 0) + 1);
    } else {
      col.planned++;
      if (bucket === "thisYear") col.plannedThisYear++;
      else col.plannedLater++;
    }
  }
  for (const key of [...delayedBy.keys()].sort(compareDelayedKeys)) col.delayedBy[key] = delayedBy.get(key)!;
  return col;
}

/**
 * The columns at every date, each with the same breakdown keys (the union over the dates, zeros
 * filled in) so that the sheet rows and JSON objects line up.
 */
export function surveyColumns(offices: readonly SurveyOffice[], surveyMonth: IsoMonth, dates: readonly IsoDate[]): SurveyColumn[] {
  const cols = dates.map((d) => surveyAt(offices, surveyMonth, d));
  const keys = [...new Set(cols.flatMap((c) => Object.keys(c.delayedBy)))].sort(compareDelayedKeys);
  for (const c of cols) {
    const filled: Record<string, number> = {};
    for (const k of keys) filled[k] = c.delayedBy[k] ?? 0;
    c.delayedBy = filled;
  }
  return cols;
}

/** One row of the sheet: its place in the hierarchy (0 = 大分類 … 3 = 詳細), its label, and the count per date. */
export interface SurveyRow {
  level: 0 | 1 | 2 | 3;
  label: string;
  values: number[];
}

/**
 * The rows of 架電結果まとめ, labelled from the data: `資格情報登録開始予定（令和6年10月以降登録開始予定）`,
 * `令和6年度中に登録予定と回答した福祉事務所`, `「令和7年4月以降登録予定」と回答した福祉事務所`,
 * `「令和6年8月登録予定」と回答した福祉事務所` …
 */
export function surveyRows(cols: readonly SurveyColumn[], surveyMonth: IsoMonth): SurveyRow[] {
  const yearEnd = surveyYearEnd(surveyMonth);
  const pick = (f: (c: SurveyColumn) => number) => cols.map(f);
  const keys = cols.length > 0 ? Object.keys(cols[0].delayedBy) : [];
  return [
    { level: 0, label: "資格情報登録済", values: pick((c) => c.registered) },
    { level: 0, label: "資格情報未登録", values: pick((c) => c.unregistered) },
    { level: 1, label: "アンケート未回答", values: pick((c) => c.unanswered) },
    { level: 1, label: "アンケート回答済み", values: pick((c) => c.answered) },
    { level: 2, label: `資格情報登録開始予定（${formatJapaneseMonth(surveyMonth)}以降登録開始予定）`, values: pick((c) => c.planned) },
    { level: 3, label: `${fiscalYearLabel(fiscalYearOf(surveyMonth))}中に登録予定と回答した福祉事務所`, values: pick((c) => c.plannedThisYear) },
    { level: 3, label: `「${formatJapaneseMonth(addMonths(yearEnd, 1))}以降登録予定」と回答した福祉事務所`, values: pick((c) => c.plannedLater) },
    { level: 2, label: "資格情報登録開始遅延", values: pick((c) => c.delayed) },
    ...keys.map((k) => ({
      level: 3 as const,
      label: k === REGISTERED_ANSWER ? "「登録済み」と回答した福祉事務所" : `「${formatJapaneseMonth(k)}登録予定」と回答した福祉事務所`,
      values: pick((c) => c.delayedBy[k]),
    })),
  ];
}
