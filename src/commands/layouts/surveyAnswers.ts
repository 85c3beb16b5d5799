/**
 * 変更履歴 rows for survey answers written into マスタ, in SPEC §2's column set (日時, シート, セル,
 * 保険者コード, 福祉事務所名, 項目, 変更前, 変更後, 操作). 変更前 keeps the value the cell held, so the
 * change can be undone from the log.
 */
import { dateOut, type OutCell } from "../../domain/cell";
import { SHEET_NAMES } from "../../domain/schema/fields";
import { cellAddress } from "../../domain/schema/table";
import type { SurveyAnswerField, SurveyChange } from "../../domain/survey-answers";
import type { AppendRows } from "../../domain/writes";
import { DATE_FORMAT } from "./formats";

export const CHANGE_LOG_COLUMNS = ["日時", "シート", "セル", "保険者コード", "福祉事務所名", "項目", "変更前", "変更後", "操作"];

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

export function surveyChangeLogAppend(changes: readonly SurveyChange[], ctx: { when: string; operation: string; masterSheet: string }): AppendRows {
  return {
    sheet: SHEET_NAMES.changeLog,
    header: CHANGE_LOG_COLUMNS,
    rows: changes.map((c) => [
      ctx.when, ctx.masterSheet, cellAddress(c.row, c.col), c.code, c.name, SURVEY_FIELD_LABELS[c.field], logged(c.field, c.old), logged(c.field, c.new), ctx.operation,
    ]),
    formats: ["@", undefined, undefined, "@", undefined, undefined, undefined, undefined, undefined],
  };
}
