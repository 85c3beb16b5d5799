/**
 * How survey answers written into マスタ are logged in 変更履歴 (through the one writer of
 * ./changeLog, in SPEC §2's columns), and the formats of the cells they write.
 */
import { dateOut, type OutCell } from "../../domain/cell";
import { cellAddress } from "../../domain/schema/table";
import type { SurveyAnswerField, SurveyChange } from "../../domain/survey-answers";
import type { LogEntry } from "./changeLog";
import { DATE_FORMAT } from "./formats";


/** The マスタ header each field is logged (and shown) under. */
export const SURVEY_FIELD_LABELS: Record<SurveyAnswerField, string> = {
  answerDate: "アンケート回答日",
  status: "対応状況",
  answer: "登録予定月",
  reason: "回答理由",
};

/** The number format of a written cell: dates as dates, the rest as text (so `12_令和7年4月以降` stays as typed). */
export const SURVEY_FIELD_FORMATS: Record<SurveyAnswerField, string> = {
  answerDate: DATE_FORMAT,
  status: "@",
  answer: "@",
  reason: "@",
};

const logged = (field: SurveyAnswerField, v: string | null): OutCell => (v !== null && field === "answerDate" && /^\d{4}-\d{2}-\d{2}$/u.test(v) ? dateOut(v) : v);

/** The 変更履歴 operation of a survey batch, in Japanese (SPEC §2). */
export const surveyOperation = (sheet: string): string => `アンケート回答の取込（${sheet}）`;

/** One 変更履歴 entry per changed cell; 変更前 keeps the value the cell held, so the change can be undone. */
export function surveyLogEntries(changes: readonly SurveyChange[], masterSheet: string): LogEntry[] {
  return changes.map((c) => ({
    sheet: masterSheet,
    cell: cellAddress(c.row, c.col),
    code: c.code,
    name: c.name,
    field: SURVEY_FIELD_LABELS[c.field],
    old: logged(c.field, c.old),
    new: logged(c.field, c.new),
  }));
}
