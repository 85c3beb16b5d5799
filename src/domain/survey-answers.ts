/**
 * Applying a batch of survey answers (支払基金_アンケート回答_…) to マスタ (SPEC §6): which cells of
 * アンケート回答日, 対応状況, 登録予定月 and 回答理由 change. Pure: the command turns the result into
 * range writes and 変更履歴 rows.
 *
 * - A row matches マスタ by 保険者コード; without a known code, by 福祉事務所名 compared after NFKC,
 *   spaces removed and a leading prefecture name ignored. A name that fits two offices is
 *   ambiguous, none unmatched: both are reported with the names, never guessed.
 * - An answer dated before the one in マスタ never overwrites it (reported as `older`).
 * - Only values that differ are changes, so applying the same batch twice changes nothing.
 */
import type { IsoDate, RawCell } from "./cell";
import { parseOfficeCode } from "./codes";
import { parseDate } from "./dates";
import type { Master } from "./master";
import { parsePlanChain, planLabel } from "./plans";
import { PREFECTURES } from "./prefectures";
import { parseStatus } from "./status";
import { compactKey, isBlank, normalizeText } from "./text";
import { fieldFormat, fieldValue, type Table } from "./schema/table";

/** The master fields a survey answer may change, in the order they are written and logged. */
export const SURVEY_ANSWER_FIELDS = ["answerDate", "status", "answer", "reason"] as const;
export type SurveyAnswerField = (typeof SURVEY_ANSWER_FIELDS)[number];

export interface SurveyChange {
  code: string;
  name: string;
  field: SurveyAnswerField;
  /** 1-based sheet row and column of the master cell. */
  row: number;
  col: number;
  /** The master's value before (a date as YYYY-MM-DD, else the text; null when blank). */
  old: string | null;
  /** The value written (a date as YYYY-MM-DD, else the list's text as it came). */
  new: string;
}

export interface SurveyAnswerChanges {
  changes: SurveyChange[];
  /** 1-based list rows whose office is not in マスタ, with the name (or code) they carry. */
  unmatched: { row: number; name: string }[];
  /** 1-based list rows whose name fits several offices of マスタ. */
  ambiguous: { row: number; name: string; candidates: string[] }[];
  /** Offices whose answer in the list is older than マスタ's アンケート回答日 (nothing written). */
  older: { code: string; answerDate: IsoDate }[];
  /** Fields the list carries but マスタ has no column for (nothing written there). */
  missingColumns: SurveyAnswerField[];
}

const PREFECTURE_PREFIX = new RegExp(`^(?:${PREFECTURES.join("|")})`, "u");

/**
 * The key an office name is matched by: NFKC, every space removed, and a leading prefecture name
 * dropped, so that `東京都 架空市福祉事務所` and `架空市福祉事務所` are the same office.
 */
export function officeNameKey(name: string): string {
  const compact = compactKey(name);
  const stripped = compact.replace(PREFECTURE_PREFIX, "");
  // A name that is only a prefecture (東京都福祉事務所 is not) keeps its text rather than vanishing.
  return stripped || compact;
}

/** An answer date: a date cell, or text with a time after it (`2024/11/15 10:23`, a serial with a fraction). */
export function answerDateOf(v: RawCell, format?: string): IsoDate | null {
  if (isBlank(v)) return null;
  if (typeof v === "number") {
    const p = parseDate(Math.floor(v), format);
    return p.ok ? p.value : null;
  }
  const text = normalizeText(v);
  const p = parseDate(text.split(/\s+|T/u)[0], format);
  return p.ok ? p.value : null;
}

/** A master or list cell as comparable text: dates as ISO, statuses and plans by their meaning, else NFKC text. */
function comparable(field: SurveyAnswerField, v: RawCell, format?: string): string | null {
  if (isBlank(v)) return null;
  if (field === "answerDate") return answerDateOf(v, format) ?? normalizeText(v);
  if (field === "status") {
    const s = parseStatus(v);
    return s.ok ? `status:${s.value.code}` : compactKey(normalizeText(v));
  }
  if (field === "answer") {
    const p = parsePlanChain(v);
    return p.ok ? `plan:${p.value.chain.map(planLabel).join("⇒")}` : compactKey(normalizeText(v));
  }
  return compactKey(normalizeText(v));
}

/** What the master cell holds, for the change log: the date, or the text as it is. */
function shown(field: SurveyAnswerField, v: RawCell, format?: string): string | null {
  if (isBlank(v)) return null;
  if (field === "answerDate") return answerDateOf(v, format) ?? normalizeText(v);
  return typeof v === "string" ? v.trim() : normalizeText(v);
}

interface Answer {
  row: number;
  office: { code: string; name: string; rowIndex: number };
  date: IsoDate | null;
  values: Partial<Record<SurveyAnswerField, RawCell>>;
  formats: Partial<Record<SurveyAnswerField, string | undefined>>;
}

/** Which master office each list row names: by code, else by name; ambiguous and unmatched rows aside. */
function matchRows(list: Table, master: Master): { answers: Answer[]; unmatched: SurveyAnswerChanges["unmatched"]; ambiguous: SurveyAnswerChanges["ambiguous"] } {
  const byCode = new Map<string, number>();
  const byName = new Map<string, number[]>();
  master.codedRows.forEach(({ office }, i) => {
    if (office.code === null || byCode.has(office.code)) return;
    byCode.set(office.code, i);
    const key = officeNameKey(office.name);
    if (key) byName.set(key, [...(byName.get(key) ?? []), i]);
  });
  const answers: Answer[] = [];
  const unmatched: SurveyAnswerChanges["unmatched"] = [];
  const ambiguous: SurveyAnswerChanges["ambiguous"] = [];
  for (const row of list.rows) {
    const rawCode = list.fieldIndex.has("code") ? fieldValue(list, row, "code") : null;
    const code = parseOfficeCode(rawCode);
    const name = list.fieldIndex.has("name") ? normalizeText(fieldValue(list, row, "name")) : "";
    let index = code.ok ? byCode.get(code.value) : undefined;
    if (index === undefined && name) {
      const found = byName.get(officeNameKey(name)) ?? [];
      if (found.length > 1) {
        ambiguous.push({ row: row.row, name, candidates: found.map((i) => master.codedRows[i].office.code!) });
        continue;
      }
      index = found[0];
    }
    if (index === undefined) {
      if (name || !isBlank(rawCode)) unmatched.push({ row: row.row, name: name || normalizeText(rawCode) });
      continue;
    }
    const office = master.codedRows[index].office;
    const values: Answer["values"] = {};
    const formats: Answer["formats"] = {};
    for (const f of SURVEY_ANSWER_FIELDS) {
      if (!list.fieldIndex.has(f)) continue;
      values[f] = fieldValue(list, row, f);
      formats[f] = fieldFormat(list, row, f);
    }
    const date = values.answerDate !== undefined ? answerDateOf(values.answerDate, formats.answerDate) : null;
    answers.push({ row: row.row, office: { code: office.code!, name: office.name, rowIndex: index }, date, values, formats });
  }
  return { answers, unmatched, ambiguous };
}

/** One answer per office: the newest by answer date; on a tie (or undated), the later row. */
function latestPerOffice(answers: readonly Answer[]): Answer[] {
  const best = new Map<string, Answer>();
  for (const a of answers) {
    const prev = best.get(a.office.code);
    if (!prev || (a.date ?? "") >= (prev.date ?? "")) best.set(a.office.code, a);
  }
  return [...best.values()];
}

export function surveyAnswerChanges(list: Table, master: Master): SurveyAnswerChanges {
  const { answers, unmatched, ambiguous } = matchRows(list, master);
  const missingColumns = SURVEY_ANSWER_FIELDS.filter((f) => list.fieldIndex.has(f) && !master.table.fieldIndex.has(f));
  const changes: SurveyChange[] = [];
  const older: SurveyAnswerChanges["older"] = [];
  for (const a of latestPerOffice(answers)) {
    const { row } = master.codedRows[a.office.rowIndex];
    const masterDate = master.table.fieldIndex.has("answerDate")
      ? answerDateOf(fieldValue(master.table, row, "answerDate"), fieldFormat(master.table, row, "answerDate"))
      : null;
    if (a.date !== null && masterDate !== null && a.date < masterDate) {
      older.push({ code: a.office.code, answerDate: a.date });
      continue;
    }
    for (const f of SURVEY_ANSWER_FIELDS) {
      const value = a.values[f];
      const index = master.table.fieldIndex.get(f);
      // A blank answer says nothing: it never erases what マスタ holds.
      if (value === undefined || isBlank(value) || index === undefined) continue;
      const oldRaw = fieldValue(master.table, row, f);
      const oldFormat = fieldFormat(master.table, row, f);
      if (comparable(f, oldRaw, oldFormat) === comparable(f, value, a.formats[f])) continue;
      const next = f === "answerDate" ? a.date : shown(f, value, a.formats[f]);
      if (next === null) continue;
      changes.push({ code: a.office.code, name: a.office.name, field: f, row: row.row, col: master.table.columns[index].col, old: shown(f, oldRaw, oldFormat), new: next });
    }
  }
  return { changes, unmatched, ambiguous, older, missingColumns };
}
