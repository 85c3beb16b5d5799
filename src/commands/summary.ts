/**
 * summary: the survey and follow-up tables of the report at as-of A — 架電結果まとめ at the given
 * dates, 予定時期分布, 優先対応, 公文書対象 — plus the 判定_ columns and highlights of マスタ, in one
 * commit. In マスタ only 判定_ cells are written (and the header of a missing 判定_ column).
 */
import type { IsoDate, IsoMonth, OutCell } from "../domain/cell";
import { classTitle, classesAt, compareForPriority, type ClassEntry, type ClassRules } from "../domain/classes";
import { formatJapaneseDate, formatJapaneseMonth, formatShortDate, parseDate } from "../domain/dates";
import { distributionAt, type Distribution } from "../domain/distribution";
import {
  actionText,
  documentCountTable,
  documentNote,
  documentsAt,
  type Branch,
  type DocumentCountTable,
  type DocumentEntry,
  type DocumentOffice,
} from "../domain/documents";
import { judgeWrites, officesOf, type JudgeColumn } from "../domain/judge";
import type { Master, OfficeRecord } from "../domain/master";
import { SHEET_NAMES } from "../domain/schema/fields";
import { fieldValue, isBlankCell } from "../domain/schema/table";
import { documentMonthsAt, fiscalYearEndAt, type Settings } from "../domain/settings";
import { NO_ANSWER, planJapanese, surveyColumns, surveyRows, type SurveyColumn, type SurveyRow } from "../domain/survey";
import type { GeneratedSheet, WorkbookPort } from "../workbook/port";
import { CommandError, readWorkbook, requireMaster, resolveAsOf } from "./context";
import { excludedRowsNote } from "../domain/schema/rows";

export interface SummaryOptions {
  asOf?: string;
  /** Dates of the 架電結果まとめ columns; default just the as-of date. */
  dates?: string[];
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
  /** Rows of マスタ that no figure counts (totals, headings, notes …); present only when there are any. */
  excludedRows?: number;
}

/** Parses, sorts and de-duplicates the --dates list; empty = [as-of]. */
export function resolveDates(dates: readonly string[] | undefined, asOf: IsoDate): IsoDate[] {
  const list = (dates ?? []).map((d) => d.trim()).filter(Boolean);
  if (list.length === 0) return [asOf];
  const parsed = list.map((d) => {
    const p = parseDate(d);
    if (!p.ok) throw new CommandError(`日付「${d}」を読めません（例: 2024-10-15,2024-10-29）。`);
    return p.value;
  });
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
  const dates = resolveDates(options.dates, asOf);
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

  const excluded = excludedRowsNote(master.excludedRows);
  await port.commit({
    ranges: judge.ranges,
    sheets: [
      surveySheet(survey, settings),
      distributionSheet(distribution),
      prioritySheet(classes, byRow, rules, asOf),
      documentsSheet(documents, documentTable, byRow, asOf),
    ].map((sheet) => withNote(sheet, excluded)),
    highlights: [judge.highlight],
  });
  const createdColumns = judge.ranges.filter((r) => r.row === master.table.headerRow).map((r) => r.values[0][0] as JudgeColumn);
  const rows = surveyRows(survey, settings.surveyMonth);
  return {
    asOf, dates, survey, surveyRows: rows, distribution, classes, documents, documentTable, issueMonths, classRules: rules, createdColumns,
    ...(master.excludedRows > 0 ? { excludedRows: master.excludedRows } : {}),
  };
}

/** The sheet with extra note lines under its first table (the excluded-rows count). */
export function withNote(sheet: GeneratedSheet, lines: readonly string[]): GeneratedSheet {
  if (lines.length === 0 || sheet.blocks.length === 0) return sheet;
  const [first, ...rest] = sheet.blocks;
  return { ...sheet, blocks: [{ ...first, notes: [...(first.notes ?? []), ...lines] }, ...rest] };
}

// ---------------------------------------------------------------------------------------------
// Sheets

const COUNT = "#,##0";
const PERCENT = "0.0%";

export function surveySheet(cols: readonly SurveyColumn[], settings: Pick<Settings, "surveyMonth">): GeneratedSheet {
  const rows = surveyRows(cols, settings.surveyMonth);
  const levels = ["大分類", "中分類", "小分類", "詳細"];
  return {
    name: SHEET_NAMES.survey,
    freezeHeader: true,
    widths: [16, 18, 44, 44, ...cols.map(() => 14)],
    blocks: [
      {
        title: "架電結果まとめ",
        header: [...levels, ...cols.map((c) => `機関数(${formatShortDate(c.date)})`)],
        rows: rows.map((r) => [...levels.map((_, i) => (i === r.level ? r.label : null)), ...r.values]),
        formats: [undefined, undefined, undefined, undefined, ...cols.map(() => COUNT)],
        notes: [
          "※対象はアンケート対象（○）の福祉事務所（列がない場合は全行）",
          `※アンケート_基準月（${formatJapaneseMonth(settings.surveyMonth)}）より前の月または「登録済み」と回答し未登録の福祉事務所を登録開始遅延とする`,
          "※回答は各時点までのアンケート回答日のものを集計",
        ],
      },
    ],
  };
}

export function distributionSheet(d: Distribution): GeneratedSheet {
  return {
    name: SHEET_NAMES.distribution,
    freezeHeader: true,
    widths: [36, 16, 10],
    blocks: [
      {
        title: `資格情報未登録福祉事務所（${formatJapaneseDate(d.asOf)}時点）における資格情報登録予定時期に係るアンケート回答`,
        header: ["資格情報登録予定時期に係るアンケート回答", "該当福祉事務所", "割合"],
        rows: [...d.rows.map((r) => [r.label, r.offices, r.share]), ["総計", d.total, d.total > 0 ? 1 : 0]],
        formats: [undefined, COUNT, PERCENT],
      },
    ],
  };
}

/** The survey answer as the seed shows it (令和7年4月以降), without the survey's option number. */
function answerCell(o: OfficeRecord | undefined): string {
  return o?.answer ? planJapanese(o.answer) : NO_ANSWER;
}

export function prioritySheet(classes: readonly ClassEntry[], byRow: ReadonlyMap<number, OfficeRecord>, rules: ClassRules, asOf: IsoDate): GeneratedSheet {
  const listed = classes.filter((c) => c.class !== null).sort(compareForPriority);
  const threshold = rules.largeThreshold.toLocaleString("en-US");
  return {
    name: SHEET_NAMES.priority,
    freezeHeader: true,
    widths: [30, 14, 28, 12, 18, 26, 6, 40, 14, 30],
    blocks: [
      {
        title: `資格情報未登録の福祉事務所の状況（被保護者数${threshold}人以上を優先）※${formatJapaneseDate(asOf)}時点`,
        header: ["区分", "自治体", "福祉事務所名", "被保護者数", "アンケート回答", "登録予定時期", "遅延", "現状", "ベンダ", "方針"],
        tableName: "優先対応",
        rows: listed.map((c): OutCell[] => {
          const o = byRow.get(c.row);
          return [
            classTitle(c.class!, rules),
            o?.municipality ?? "",
            c.name,
            c.recipients,
            answerCell(o),
            o?.planText || answerCell(o),
            c.delayed ? "遅延" : "",
            o?.current ?? "",
            o?.vendor ?? "",
            o?.policy ?? "",
          ];
        }),
        formats: [undefined, undefined, undefined, COUNT],
        notes: [
          `※①②（被保護者数${threshold}人以上で翌年度以降の回答、または回答した予定時期から遅延）を優先して対応する`,
          "※区分はアンケート回答（登録予定月）による。登録予定時期は最新の予定",
          "※マスタでは優先の行を薄い赤、遅延の行を薄い黄色で表示",
        ],
      },
    ],
  };
}

const BRANCH_JA: Record<Branch, string> = {
  disaster: "被災地域",
  "zero-recipients": "被保護者数0人",
  "meeting-confirmed": "個別打合せ等で確認済",
  "no-mail": "状況確認メール未送付",
  "no-reply": "返信なし",
  undecided: "未定（要相談）",
  "reply-month": "返信あり",
};

export function documentsSheet(
  documents: readonly DocumentEntry[],
  table: DocumentCountTable,
  byRow: ReadonlyMap<number, OfficeRecord>,
  asOf: IsoDate,
): GeneratedSheet {
  const months = table.issueMonths;
  return {
    name: SHEET_NAMES.documents,
    widths: [34, 10, ...months.map(() => 16), 16, 10, 10, 60],
    blocks: [
      {
        title: `状況確認メールの返信状況及び公文書発出に係る対応方針 ※${formatJapaneseDate(asOf)}時点`,
        header: ["状況確認メール送付", "対象数", ...months.map((m) => `公文書 ${formatJapaneseMonth(m)}`), "状況確認メール", "要相談", "対応なし"],
        rows: table.rows.map((r) => ["　".repeat(r.level) + r.label, r.offices, ...r.documents, r.mails, r.consult, r.none]),
        formats: [undefined, COUNT, ...months.map(() => COUNT), COUNT, COUNT, COUNT],
      },
      {
        title: "公文書対象（福祉事務所別）",
        header: ["保険者コード", "福祉事務所名", "都道府県", "自治体名", "区分", "返信", "対応", "発出月", "備考"],
        tableName: "公文書対象",
        rows: documents.map((d) => {
          const o = byRow.get(d.row);
          const reply = d.replyMonth ? `${formatJapaneseMonth(d.replyMonth)}${d.replyOpenEnded ? "以降" : ""}` : "";
          return [d.code, d.name, o?.prefecture ?? "", o?.municipality ?? "", BRANCH_JA[d.branch], reply, actionText(d), d.month ? formatJapaneseMonth(d.month) : "", documentNote(d)];
        }),
      },
    ],
  };
}
