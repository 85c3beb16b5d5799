/**
 * apply-registrations: copy the 資格情報登録開始日 of a pasted 支払基金 登録状況 list into マスタ.
 * Only the changed start-date cells are written, each one logged in 変更履歴, all in one commit;
 * a second run with the same list finds nothing to change and writes nothing.
 *
 * The task pane's preview is the same function with `dryRun: true`: every check runs and refuses
 * the same way, only the commit is left out.
 */
import { dateOut, type IsoDate } from "../domain/cell";
import { parseDate, todayInTokyo } from "../domain/dates";
import { registrationChanges } from "../domain/registrations";
import { PAYMENT_FUND_PREFIX, dateNear, nameDate, paymentFundKindFromName, SHEET_NAMES } from "../domain/schema/fields";
import { parseOfficeCode } from "../domain/codes";
import { cellAddress, detectPaymentFundKind, fieldFormat, fieldValue, readTable, type Table } from "../domain/schema/table";
import type { SheetGrid, WorkbookPort } from "../workbook/port";
import { ambiguityMessage, CommandError, guardsFor, readWorkbook, requireMaster } from "./context";
import { changeLogWrites, importOperation, logValue, START_DATE_FORMAT } from "./layouts/changeLog";
import { READ_WORKBOOK, type Step } from "./steps";

export { CHANGE_LOG_HEADER } from "./layouts/changeLog";

export interface ApplyRegistrationsOptions {
  /** The list sheet; default the newest `支払基金_登録状況_…` sheet. */
  sheet?: string;
  /** The run's time (for 変更履歴); default now. */
  now?: Date;
  /** Check and compute the changes, but write nothing (the task pane's preview). */
  dryRun?: boolean;
}

export interface ApplyRegistrationsResult {
  sheet: string;
  /** `formula`: the cell held this formula, which the new value replaces (logged as 変更前). */
  changed: { code: string; old: IsoDate | null | string; new: IsoDate; formula?: string }[];
  unknownCodes: string[];
  /** The list's own name (保険者名) for each unknown code, so that the pane can say which offices they are. */
  unknownNames?: Record<string, string>;
  /** On a dry run only: the 福祉事務所名 in マスタ of each changed code (the preview lists them). */
  names?: Record<string, string>;
}

export const COMMAND_NAME = "apply-registrations";

/** Reading; writing only when it is not a dry run (and, at run time, only when something changed). */
export const applyRegistrationsSteps = (options: Pick<ApplyRegistrationsOptions, "dryRun"> = {}): Step[] =>
  options.dryRun ? [...READ_WORKBOOK] : [...READ_WORKBOOK, "write"];

/** `2025-01-07 09:30` in Japan (UTC+9, no daylight saving), whatever the process time zone. */
export function tokyoTimestamp(now: Date): string {
  const t = new Date(now.getTime() + 9 * 3_600_000).toISOString();
  return `${t.slice(0, 10)} ${t.slice(11, 16)}`;
}

const REGISTRATION_NAME = /登録状況/u;

const registrationLists = (sheetNames: readonly string[]): string[] =>
  sheetNames.filter((n) => n.startsWith(PAYMENT_FUND_PREFIX) && REGISTRATION_NAME.test(n));

/** The latest データ基準日 of a list, when it has that column. */
function latestDataDate(grid: SheetGrid | undefined): IsoDate | null {
  const table = grid ? readTable(grid, "pf-registration") : null;
  if (!table || !table.fieldIndex.has("dataDate")) return null;
  let latest: IsoDate | null = null;
  for (const row of table.rows) {
    const d = parseDate(fieldValue(table, row, "dataDate"), fieldFormat(table, row, "dataDate"));
    if (d.ok && (latest === null || d.value > latest)) latest = d.value;
  }
  return latest;
}

/** Each list's date: a full date in its name, else its データ基準日, else a month-day in its name placed near the others. */
export function registrationListDates(names: readonly string[], grids: ReadonlyMap<string, SheetGrid> = new Map(), now?: Date): { name: string; date: IsoDate | null }[] {
  const known = names.map((name) => {
    const inName = nameDate(name);
    return { name, inName, date: inName?.kind === "full" ? inName.date : latestDataDate(grids.get(name)) };
  });
  const dated = known.map((k) => k.date).filter((d): d is IsoDate => d !== null).sort();
  const near = dated.at(-1) ?? todayInTokyo(now);
  return known.map(({ name, inName, date }) => ({
    name,
    date: date ?? (inName?.kind === "monthDay" ? dateNear(inName.month, inName.day, near) : null),
  }));
}

/** The newest of dated lists (null with the tied names when two share the newest date); undated lists only when none is dated: the last tab. */
export function newestList(lists: readonly { name: string; date: IsoDate | null }[]): { sheet: string | null; tied: string[]; date: IsoDate | null } {
  const dated = lists.filter((l): l is { name: string; date: IsoDate } => l.date !== null);
  if (dated.length === 0) return { sheet: lists.at(-1)?.name ?? null, tied: [], date: null };
  const date = dated.map((l) => l.date).sort().at(-1)!;
  const tied = dated.filter((l) => l.date === date).map((l) => l.name);
  return tied.length === 1 ? { sheet: tied[0], tied: [], date } : { sheet: null, tied, date };
}

/** The newest registration list by the date in its name (any common form), else the last such tab; null when none or two tie. */
export function newestRegistrationSheet(sheetNames: readonly string[]): string | null {
  return newestList(registrationListDates(registrationLists(sheetNames))).sheet;
}

/** The list's 保険者名 of each wanted code (the first row that names it). */
function listNames(list: Table, wanted: ReadonlySet<string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const row of list.rows) {
    const code = parseOfficeCode(fieldValue(list, row, "code"));
    const name = fieldValue(list, row, "name");
    if (code.ok && wanted.has(code.value) && !(code.value in out) && name !== null && name !== "") out[code.value] = String(name).trim();
  }
  return out;
}

function requireRegistrationList(name: string, grid: SheetGrid | undefined) {
  if (!grid) throw new CommandError(`シート「${name}」がありません。シート名を確認してください。`);
  const kind = (name.startsWith(PAYMENT_FUND_PREFIX) ? paymentFundKindFromName(name) : null) ?? detectPaymentFundKind(grid);
  const table = kind === "pf-registration" ? readTable(grid, "pf-registration") : null;
  if (!table) {
    throw new CommandError(`シート「${name}」は支払基金の登録状況一覧として読めません。上から15行以内に「保険者コード」「保険者名」「資格情報登録開始日」の見出しを置いてください。`);
  }
  if (table.missingColumns.length > 0) {
    throw new CommandError(`シート「${name}」に「保険者コード」と「資格情報登録開始日」の列が必要です。見出しを確認してください。`);
  }
  const ambiguous = ambiguityMessage(table);
  if (ambiguous) throw new CommandError(ambiguous);
  return table;
}

/** The newest list, or a CommandError naming the lists that could all be the newest. */
function chooseNewest(sheetNames: readonly string[], grids: ReadonlyMap<string, SheetGrid>, now: Date | undefined): string | null {
  const choice = newestList(registrationListDates(registrationLists(sheetNames), grids, now));
  if (choice.tied.length > 1) {
    throw new CommandError(
      `最新の登録状況一覧を1つに決められません（${choice.tied.map((n) => `「${n}」`).join("と")}はどれも ${choice.date} の一覧です）。--sheet で取り込むシートを指定してください。`,
    );
  }
  return choice.sheet;
}

export async function applyRegistrations(port: WorkbookPort, options: ApplyRegistrationsOptions = {}): Promise<ApplyRegistrationsResult> {
  // Without --sheet every registration list is read, so that a list named without a date can be dated by its データ基準日.
  const ctx = await readWorkbook(port, (names) => [...(options.sheet ? [options.sheet] : registrationLists(names)), SHEET_NAMES.changeLog]);
  const sheet = options.sheet ?? chooseNewest(ctx.sheetNames, ctx.grids, options.now);
  if (!sheet) {
    throw new CommandError("支払基金の登録状況シート（支払基金_登録状況_YYYYMMDD）がありません。一覧を貼り付けるか --sheet で指定してください。");
  }
  const master = requireMaster(ctx);
  const list = requireRegistrationList(sheet, ctx.grids.get(sheet));
  if (!master.table.fieldIndex.has("startDate")) {
    throw new CommandError("マスタに「資格情報登録開始日」列がありません。見出しを追加してください。");
  }
  const { changes, unknownCodes } = registrationChanges(list, master);
  const formulas = ctx.grids.get(SHEET_NAMES.master)?.formulas ?? {};
  const formulaAt = (row: number, col: number): string | undefined => formulas[cellAddress(row, col)];
  const changed = changes.map((c) => {
    const formula = formulaAt(c.row, c.col);
    return { code: c.code, old: c.old, new: c.new, ...(formula !== undefined ? { formula } : {}) };
  });
  const unknown = unknownCodes.length > 0 ? { unknownNames: listNames(list, new Set(unknownCodes)) } : {};
  const byCode = new Map(master.offices.map((o) => [o.code, o.name]));
  if (options.dryRun) {
    return { sheet, changed, unknownCodes, ...unknown, names: Object.fromEntries(changes.map((c) => [c.code, byCode.get(c.code) ?? ""])) };
  }
  if (changes.length > 0) {
    const when = tokyoTimestamp(options.now ?? new Date());
    const fieldHeader = master.table.columns[master.table.fieldIndex.get("startDate")!]?.header ?? "資格情報登録開始日";
    // A formula that the value replaces is logged as its text, so the change can be undone.
    // A date typed as text is logged as typed, so that undo gives the cell back exactly.
    const grid = master.table.grid;
    const typedText = (row: number, col: number): string | undefined => {
      const v = grid.values[row - grid.top]?.[col - grid.left];
      return typeof v === "string" && v.trim() !== "" ? v : undefined;
    };
    const entries = changes.map((c) => ({
      sheet: master.table.sheet, cell: cellAddress(c.row, c.col), code: c.code, name: byCode.get(c.code) ?? "", field: fieldHeader,
      old: formulaAt(c.row, c.col) ?? typedText(c.row, c.col) ?? logValue(c.old), new: dateOut(c.new),
    }));
    const log = changeLogWrites(entries, { when, operation: importOperation(sheet) }, ctx.grids.get(SHEET_NAMES.changeLog));
    await port.commit({
      guards: guardsFor(master),
      // マスタ's real tab name (a tab named `マスタ ` is マスタ too).
      ranges: [...changes.map((c) => ({ sheet: master.table.sheet, row: c.row, col: c.col, values: [[dateOut(c.new)]], formats: [START_DATE_FORMAT] })), ...log.ranges],
      appends: [log.append],
    });
  }
  return { sheet, changed, unknownCodes, ...unknown };
}
