/**
 * The master sheet (マスタ) read into one record per office. Unreadable cells become nulls here
 * (the rules report them); computations never see raw cells.
 */
import type { IsoDate, IsoMonth, RawCell } from "./cell";
import { parseOfficeCode } from "./codes";
import { parseCount } from "./numbers";
import { parseDate } from "./dates";
import { implausibility, isEventDateField } from "./event-dates";
import { parsePlanChain, planMonth, type Plan } from "./plans";
import { normalizeText } from "./text";
import { fieldFormat, fieldValue, readTable, type ColumnChoices, type Table, type TableRow } from "./schema/table";
import type { SheetGrid } from "./grid";

export type MailReply =
  | { kind: "none" }
  | { kind: "noReply" }
  | { kind: "undecided" }
  | { kind: "month"; month: IsoMonth; openEnded: boolean }
  | { kind: "other"; text: string };

export const EXCLUSIONS = ["被災地域", "打合せ確認済", "被保護者数0"] as const;
export type Exclusion = (typeof EXCLUSIONS)[number];

export interface OfficeRecord {
  /** 1-based sheet row. */
  row: number;
  /** Normalised 8-digit code, or null when unreadable. */
  code: string | null;
  name: string;
  /** 0 when blank or unreadable. */
  recipients: number;
  startDate: IsoDate | null;
  prefecture: string;
  municipality: string;
  vendor: string;
  surveyTarget: boolean;
  answerDate: IsoDate | null;
  /** The survey answer (登録予定月); for a chain, its current element. */
  answer: Plan | null;
  answerText: string;
  /** The current plan (登録予定時期, last element of a revision chain). */
  plan: Plan | null;
  planText: string;
  status: string;
  mailDate: IsoDate | null;
  mailReply: MailReply;
  exclusion: Exclusion | null;
  current: string;
  policy: string;
}

export interface Master {
  table: Table;
  /** One record per office: rows holding a 保険者コード, the first row of a repeated code (SPEC §2). */
  offices: OfficeRecord[];
  /** Every row holding a 保険者コード, repeated codes included, with its table row (for writes). */
  codedRows: { office: OfficeRecord; row: TableRow }[];
  /** Rows of the table that no figure counts (totals, headings, units, notes, no code, repeats). */
  excludedRows: number;
  /** Whether the アンケート対象 column exists (when absent, every row is in the survey population). */
  hasSurveyColumn: boolean;
}

const SURVEY_MARKS = new Set(["○", "〇", "◯", "対象", "はい", "1", "TRUE", "Y", "YES"]);

function text(table: Table, row: TableRow, field: string): string {
  return normalizeText(fieldValue(table, row, field));
}

function date(table: Table, row: TableRow, field: string): IsoDate | null {
  const v = fieldValue(table, row, field);
  if (v === null || v === "") return null;
  const format = fieldFormat(table, row, field);
  const parsed = parseDate(v, format);
  if (!parsed.ok) return null;
  // 2025 in a start-date cell is not a registration (date-implausible reports it).
  if (isEventDateField(table.kind, field) && implausibility(v, parsed.value, format) !== null) return null;
  return parsed.value;
}

function plan(v: RawCell): Plan | null {
  if (v === null || v === "") return null;
  const parsed = parsePlanChain(v);
  return parsed.ok ? parsed.value.current : null;
}

/** 状況確認メール返信: blank, 返信なし, 未定, or a month (an open-ended answer counts as its first month). */
export function parseMailReply(v: RawCell): MailReply {
  const t = normalizeText(v);
  if (!t) return { kind: "none" };
  if (/返信なし|返信無し|^なし$|^無し$/u.test(t)) return { kind: "noReply" };
  const p = plan(v);
  if (p?.kind === "undecided") return { kind: "undecided" };
  const month = p ? planMonth(p) : null;
  if (p && month) return { kind: "month", month, openEnded: p.kind === "from" };
  return { kind: "other", text: t };
}

function exclusion(t: string): Exclusion | null {
  if (!t) return null;
  if (t.includes("被災")) return "被災地域";
  if (t.includes("打合せ") || t.includes("打ち合わせ")) return "打合せ確認済";
  if (t.includes("被保護者数0") || t.includes("0人")) return "被保護者数0";
  return null;
}

function officeOf(table: Table, row: TableRow, hasSurveyColumn: boolean): OfficeRecord {
  const code = parseOfficeCode(fieldValue(table, row, "code"));
  const recipients = parseCount(fieldValue(table, row, "recipients"));
  const answerRaw = fieldValue(table, row, "answer");
  const planRaw = fieldValue(table, row, "plan");
  return {
    row: row.row,
    code: code.ok ? code.value : null,
    name: text(table, row, "name"),
    recipients: recipients.ok ? recipients.value : 0,
    startDate: date(table, row, "startDate"),
    prefecture: text(table, row, "prefecture"),
    municipality: text(table, row, "municipality"),
    vendor: text(table, row, "vendor"),
    surveyTarget: !hasSurveyColumn || SURVEY_MARKS.has(text(table, row, "surveyTarget").toUpperCase()),
    answerDate: date(table, row, "answerDate"),
    answer: plan(answerRaw),
    answerText: normalizeText(answerRaw),
    plan: plan(planRaw),
    planText: normalizeText(planRaw),
    status: text(table, row, "status"),
    mailDate: date(table, row, "mailDate"),
    mailReply: parseMailReply(fieldValue(table, row, "mailReply")),
    exclusion: exclusion(text(table, row, "exclusion")),
    current: text(table, row, "current"),
    policy: text(table, row, "policy"),
  };
}

export function masterFromTable(table: Table): Master {
  const hasSurveyColumn = table.fieldIndex.has("surveyTarget");
  const counted = new Set(table.officeRows);
  const codedRows: Master["codedRows"] = [];
  const offices: OfficeRecord[] = [];
  for (const row of table.checkedRows) {
    const office = officeOf(table, row, hasSurveyColumn);
    if (office.code === null) continue;
    codedRows.push({ office, row });
    if (counted.has(row)) offices.push(office);
  }
  return { table, offices, codedRows, excludedRows: table.excludedRows, hasSurveyColumn };
}

/** Reads マスタ; null when no header row is found. `choices` are 設定's 列_<field> picks. */
export function readMaster(grid: SheetGrid, choices?: ColumnChoices): Master | null {
  const table = readTable(grid, "master", choices);
  return table ? masterFromTable(table) : null;
}

/** Registered at A: a start date on or before A. */
export const isRegisteredAt = (o: { startDate: IsoDate | null }, asOf: IsoDate): boolean =>
  o.startDate !== null && o.startDate <= asOf;
