/**
 * summary: the survey and follow-up tables of the report at as-of A — 架電結果まとめ at the given
 * dates, 予定時期分布, 優先対応, 公文書対象 — plus the 判定_ columns and highlights of マスタ, in one
 * commit. In マスタ only 判定_ cells are written (and the header of a missing 判定_ column). The
 * sheets are laid out in layouts/summary.ts.
 */
import type { IsoDate, IsoMonth } from "../domain/cell";
import { classesAt, type ClassEntry, type ClassRules } from "../domain/classes";
import { parseDate } from "../domain/dates";
import { distributionAt, type Distribution } from "../domain/distribution";
import { documentCountTable, documentsAt, type DocumentCountTable, type DocumentEntry, type DocumentOffice } from "../domain/documents";
import { judgeWrites, officesOf, type JudgeColumn } from "../domain/judge";
import type { Master } from "../domain/master";
import { fieldValue, isBlankCell } from "../domain/schema/table";
import { documentMonthsAt, fiscalYearEndAt } from "../domain/settings";
import { surveyColumns, surveyRows, type SurveyColumn, type SurveyRow } from "../domain/survey";
import type { WorkbookPort } from "../workbook/port";
import { excludedRowsNote } from "../domain/schema/rows";
import { CommandError, guardsFor, notesField, readWorkbook, requireMaster, resolveAsOf, withAsOf, withNotes } from "./context";
import { distributionSheet, documentsSheet, prioritySheet, surveySheet } from "./layouts/summary";
import { READ_WORKBOOK, type Step } from "./steps";

// What the 集計 screen shows of a result, besides the result itself.
export { actionText } from "../domain/documents";

export interface SummaryOptions {
  asOf?: string;
  /** Dates of the 架電結果まとめ columns; default just the as-of date. */
  dates?: string[];
  /** End the survey columns at the as-of date (the task pane: the 基準日 is always the last column). */
  endAtAsOf?: boolean;
}

export interface SummaryResult {
  asOf: IsoDate;
  dates: IsoDate[];
  survey: SurveyColumn[];
  /** The 架電結果まとめ rows as labelled in the sheet. */
  surveyRows: SurveyRow[];
  distribution: Distribution;
  classes: ClassEntry[];
  documents: DocumentEntry[];
  documentTable: DocumentCountTable;
  issueMonths: IsoMonth[];
  classRules: ClassRules;
  /** 判定_ columns that did not exist and were added at the right end of マスタ. */
  createdColumns: JudgeColumn[];
  /** What the figures must say about 設定 (defaults used for unreadable values). */
  notes?: string[];
  /** Rows of マスタ that no figure counts (totals, headings, notes …); present only when there are any. */
  excludedRows?: number;
}

/**
 * Parses, sorts and de-duplicates the --dates list; empty = [as-of]. With `endAtAsOf` (the task
 * pane) the as-of date is always the last column: the tables below the survey are computed at it,
 * so the survey shows it too, and comparison dates after it are left out. The CLI keeps the list as
 * given (the seed's 架電結果まとめ has its own columns).
 */
export function resolveDates(dates: readonly string[] | undefined, asOf: IsoDate, endAtAsOf = false): IsoDate[] {
  const list = (dates ?? []).map((d) => d.trim()).filter(Boolean);
  if (list.length === 0) return [asOf];
  const parsed = list.map((d) => {
    const p = parseDate(d);
    if (!p.ok) throw new CommandError(`日付「${d}」を読めません（例: 2024-10-15,2024-10-29）。`);
    return p.value;
  });
  if (endAtAsOf) return [...new Set(parsed.filter((d) => d < asOf)), asOf].sort();
  return [...new Set(parsed)].sort();
}

/** Offices whose 被保護者数 cell is blank (rows of master.table.rows parallel master.offices). */
function blankRecipientRows(master: Master): Set<number> {
  const rows = new Set<number>();
  master.table.rows.forEach((r) => {
    if (isBlankCell(fieldValue(master.table, r, "recipients"))) rows.add(r.row);
  });
  return rows;
}

export async function summary(port: WorkbookPort, options: SummaryOptions = {}): Promise<SummaryResult> {
  const asOf = resolveAsOf(options.asOf);
  const dates = resolveDates(options.dates, asOf, options.endAtAsOf);
  const ctx = await readWorkbook(port);
  const master = requireMaster(ctx);
  const { settings } = ctx;
  const offices = officesOf(master);

  const survey = surveyColumns(offices, settings.surveyMonth, dates);
  const distribution = distributionAt(offices, asOf);
  const rules: ClassRules = { largeThreshold: settings.largeThreshold, fiscalYearEnd: fiscalYearEndAt(settings, asOf) };
  const classes = classesAt(offices, asOf, rules);
  const issueMonths = [...documentMonthsAt(settings, asOf)].sort();
  const blanks = blankRecipientRows(master);
  const docOffices: DocumentOffice[] = offices.map((o) => ({ ...o, recipientsBlank: blanks.has(o.row) }));
  const documents = documentsAt(docOffices, asOf, issueMonths);
  const documentTable = documentCountTable(documents, issueMonths);
  const judge = judgeWrites({ master, asOf, classes, documents });
  const byRow = new Map(offices.map((o) => [o.row, o]));

  await port.commit({
    ranges: judge.ranges,
    sheets: [
      surveySheet(survey, settings),
      distributionSheet(distribution),
      prioritySheet(classes, byRow, rules, asOf),
      documentsSheet(documents, documentTable, byRow, asOf),
    ].map((sheet) => withAsOf(withNotes(sheet, [...excludedRowsNote(master.excludedRows), ...ctx.settingsNotes]), asOf)),
    highlights: [judge.highlight],
    guards: guardsFor(master),
  });
  const createdColumns = judge.ranges.filter((r) => r.row === master.table.headerRow).map((r) => r.values[0][0] as JudgeColumn);
  const rows = surveyRows(survey, settings.surveyMonth);
  return {
    asOf, dates, survey, surveyRows: rows, distribution, classes, documents, documentTable, issueMonths, classRules: rules, createdColumns,
    ...notesField(ctx.settingsNotes),
    ...(master.excludedRows > 0 ? { excludedRows: master.excludedRows } : {}),
  };
}

export const summarySteps = (): Step[] => [...READ_WORKBOOK, "write"];
