/**
 * apply-survey: copy a batch of survey answers (支払基金_アンケート回答_YYYYMMDD, or a sheet whose
 * headers are the form's questions) into マスタ's アンケート回答日, 対応状況, 登録予定月 and 回答理由.
 * Only changed cells are written, each one logged in 変更履歴 with its value before (so the change
 * can be undone), all in one commit; a second run with the same batch writes nothing.
 *
 * The task pane's preview is the same function with `dryRun: true`.
 */
import { dateOut, type OutCell } from "../domain/cell";
import { PAYMENT_FUND_PREFIX, paymentFundKindFromName, SHEET_NAMES } from "../domain/schema/fields";
import { detectPaymentFundKind, readTable } from "../domain/schema/table";
import { surveyAnswerChanges, type SurveyAnswerChanges, type SurveyChange } from "../domain/survey-answers";
import type { SheetGrid, WorkbookPort } from "../workbook/port";
import { tokyoTimestamp, newestList, registrationListDates } from "./applyRegistrations";
import { ambiguityMessage, CommandError, guardsFor, readWorkbook, requireMaster } from "./context";
import { changeLogWrites } from "./layouts/changeLog";
import { SURVEY_FIELD_FORMATS, surveyLogEntries, surveyOperation } from "./layouts/surveyAnswers";
import { READ_WORKBOOK, type Step } from "./steps";

export { SURVEY_FIELD_LABELS } from "./layouts/surveyAnswers";

export interface ApplySurveyOptions {
  /** The answer sheet; default the newest `支払基金_アンケート回答_…` sheet. */
  sheet?: string;
  /** The run's time (for 変更履歴); default now. */
  now?: Date;
  /** Check and compute the changes, but write nothing (the task pane's preview). */
  dryRun?: boolean;
}

export interface ApplySurveyResult extends Omit<SurveyAnswerChanges, "changes"> {
  sheet: string;
  changed: SurveyChange[];
}

export const APPLY_SURVEY_COMMAND = "apply-survey";

export const applySurveySteps = (options: Pick<ApplySurveyOptions, "dryRun"> = {}): Step[] =>
  options.dryRun ? [...READ_WORKBOOK] : [...READ_WORKBOOK, "write"];

const isSurveySheet = (name: string, grid: SheetGrid | undefined): boolean =>
  name.startsWith(PAYMENT_FUND_PREFIX) && ((paymentFundKindFromName(name) ?? (grid ? detectPaymentFundKind(grid) : null)) === "pf-survey");

/** `支払基金_` sheets that are (by name, else by headers) survey answer lists, in tab order. */
export function surveySheets(names: readonly string[], grids: ReadonlyMap<string, SheetGrid> = new Map()): string[] {
  return names.filter((n) => isSurveySheet(n, grids.get(n)) || (grids.size === 0 && paymentFundKindFromName(n) === "pf-survey"));
}

function requireSurveyList(name: string, grid: SheetGrid | undefined) {
  if (!grid) throw new CommandError(`シート「${name}」がありません。シート名を確認してください。`);
  const table = readTable(grid, "pf-survey");
  if (!table) {
    throw new CommandError(`シート「${name}」はアンケート回答の一覧として読めません。上から15行以内に「福祉事務所名」「資格情報の登録予定月を以下よりお選びください。」などの見出しを置いてください。`);
  }
  if (!table.fieldIndex.has("code") && !table.fieldIndex.has("name")) {
    throw new CommandError(`シート「${name}」に「保険者コード」または「福祉事務所名」の列が必要です。`);
  }
  const ambiguous = ambiguityMessage(table);
  if (ambiguous) throw new CommandError(ambiguous);
  return table;
}

export async function applySurvey(port: WorkbookPort, options: ApplySurveyOptions = {}): Promise<ApplySurveyResult> {
  const ctx = await readWorkbook(port, (names) => [...(options.sheet ? [options.sheet] : names.filter((n) => n.startsWith(PAYMENT_FUND_PREFIX))), SHEET_NAMES.changeLog]);
  const candidates = surveySheets(ctx.sheetNames, ctx.grids);
  const sheet = options.sheet ?? newestList(registrationListDates(candidates, ctx.grids, options.now)).sheet ?? candidates.at(-1);
  if (!sheet) {
    throw new CommandError("アンケート回答のシート（支払基金_アンケート回答_YYYYMMDD）がありません。回答一覧を貼り付けるか取り込み、--sheet で指定してください。");
  }
  const master = requireMaster(ctx);
  const list = requireSurveyList(sheet, ctx.grids.get(sheet));
  const { changes, ...rest } = surveyAnswerChanges(list, master);
  const result: ApplySurveyResult = { sheet, changed: changes, ...rest };
  if (options.dryRun || changes.length === 0) return result;
  const when = tokyoTimestamp(options.now ?? new Date());
  const cell = (c: SurveyChange): OutCell => (c.field === "answerDate" ? dateOut(c.new) : c.new);
  // One 変更履歴 writer for every command (an old six-column log gets the SPEC §2 columns added).
  const log = changeLogWrites(surveyLogEntries(changes, master.table.sheet), { when, operation: surveyOperation(sheet) }, ctx.grids.get(SHEET_NAMES.changeLog));
  await port.commit({
    ranges: [...changes.map((c) => ({ sheet: master.table.sheet, row: c.row, col: c.col, values: [[cell(c)]], formats: [SURVEY_FIELD_FORMATS[c.field]] })), ...log.ranges],
    appends: [log.append],
    // The rows were matched in an earlier read: write nothing if マスタ was sorted meanwhile.
    guards: guardsFor(master),
  });
  return result;
}

/** The survey lists the pane offers (by name: one listSheets), the newest pre-selected. */
export async function listSurveySheets(port: WorkbookPort): Promise<{ sheets: string[]; suggested: string }> {
  const sheets = surveySheets(await port.listSheets());
  return { sheets, suggested: newestList(registrationListDates(sheets)).sheet ?? sheets.at(-1) ?? "" };
}

export const listSurveySheetsSteps = (): Step[] => ["list"];
