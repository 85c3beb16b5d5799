/**
 * Delay, class and priority at A (SPEC §4), for every office unregistered at A.
 *
 * The class uses the survey answer (登録予定月) known at A, as the seed's tables do; the revised
 * plan (登録予定時期) is carried beside it for display. An office without an answer has no class
 * and is never delayed.
 */
import type { IsoDate, IsoMonth } from "./cell";
import { addMonths, formatJapaneseMonth, lastDayOfMonth } from "./dates";
import { isRegisteredAt, type OfficeRecord } from "./master";
import { planLabel, type Plan } from "./plans";
import { NO_ANSWER, answerAt } from "./survey";

export const CLASSES = ["①", "②", "③", "④"] as const;
export type OfficeClass = (typeof CLASSES)[number];

export interface ClassEntry {
  code: string;
  name: string;
  recipients: number;
  /** The survey answer's JSON label, or 未回答. */
  answer: string;
  /** The current plan (登録予定時期; the answer when there is no revision), or 未回答. */
  plan: string;
  class: OfficeClass | null;
  delayed: boolean;
  priority: boolean;
  /** The master row, for 判定_ columns and the 優先対応 sheet. */
  row: number;
}

export interface ClassRules {
  largeThreshold: number;
  /** End month of the fiscal year of A (settings 年度末 or derived). */
  fiscalYearEnd: IsoMonth;
}

/** Delayed at A: the answer is 登録済み, or the last day of the answered month is before A. */
export function isDelayedAnswer(answer: Plan, asOf: IsoDate): boolean {
  if (answer.kind === "registered") return true;
  return answer.kind === "month" && lastDayOfMonth(answer.month) < asOf;
}

/** Later: open-ended, or a month after the fiscal year end. */
export function isLaterAnswer(answer: Plan, fiscalYearEnd: IsoMonth): boolean {
  return answer.kind === "from" || (answer.kind === "month" && answer.month > fiscalYearEnd);
}

/** ① large and later; ② large and delayed; ③ large, on time, a month within the year; ④ small and later. */
export function classOf(answer: Plan, recipients: number, asOf: IsoDate, rules: ClassRules): OfficeClass | null {
  const large = recipients >= rules.largeThreshold;
  const later = isLaterAnswer(answer, rules.fiscalYearEnd);
  if (large && later) return "①";
  if (large && isDelayedAnswer(answer, asOf)) return "②";
  if (large && answer.kind === "month" && answer.month <= rules.fiscalYearEnd) return "③";
  if (!large && later) return "④";
  return null;
}

type ClassOffice = Pick<OfficeRecord, "row" | "code" | "name" | "recipients" | "startDate" | "answer" | "answerDate" | "plan">;

export function classify(o: ClassOffice, asOf: IsoDate, rules: ClassRules): ClassEntry {
  const answer = answerAt(o, asOf);
  const current = o.plan ?? answer;
  const cls = answer ? classOf(answer, o.recipients, asOf, rules) : null;
  return {
    code: o.code ?? "",
    name: o.name,
    recipients: o.recipients,
    answer: answer ? planLabel(answer) : NO_ANSWER,
    plan: current ? planLabel(current) : NO_ANSWER,
    class: cls,
    delayed: answer ? isDelayedAnswer(answer, asOf) : false,
    priority: cls === "①" || cls === "②",
    row: o.row,
  };
}

/** One entry per office unregistered at A, in master order. */
export function classesAt(offices: readonly ClassOffice[], asOf: IsoDate, rules: ClassRules): ClassEntry[] {
  return offices.filter((o) => !isRegisteredAt(o, asOf)).map((o) => classify(o, asOf, rules));
}

/** The 区分 column text of 優先対応, with months derived from the fiscal year end. */
export function classTitle(cls: OfficeClass, rules: ClassRules): string {
  const next = formatJapaneseMonth(addMonths(rules.fiscalYearEnd, 1));
  const threshold = rules.largeThreshold.toLocaleString("en-US");
  switch (cls) {
    case "①":
      return `①${next}以降に登録予定`;
    case "②":
      return "②資格情報登録の遅延";
    case "③":
      return `③${formatJapaneseMonth(rules.fiscalYearEnd)}までに登録予定`;
    case "④":
      return `④${next}以降に登録予定（${threshold}人未満）`;
  }
}

/** 優先対応 order: ①, ②, ③, ④, and within a class the largest recipients first. */
export function compareForPriority(a: ClassEntry, b: ClassEntry): number {
  const ca = a.class ? CLASSES.indexOf(a.class) : CLASSES.length;
  const cb = b.class ? CLASSES.indexOf(b.class) : CLASSES.length;
  return ca - cb || b.recipients - a.recipients || a.code.localeCompare(b.code);
}
