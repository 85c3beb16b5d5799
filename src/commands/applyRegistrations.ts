/**
 * apply-registrations: copy the 資格情報登録開始日 of a pasted 支払基金 登録状況 list into マスタ.
 * Only the changed start-date cells are written, each one logged in 変更履歴, all in one commit;
 * a second run with the same list finds nothing to change and writes nothing.
 */
import { dateOut, type IsoDate, type OutCell } from "../domain/cell";
import { parseDate } from "../domain/dates";
import { registrationChanges } from "../domain/registrations";
import { PAYMENT_FUND_PREFIX, dateInSheetName, paymentFundKindFromName, SHEET_NAMES } from "../domain/schema/fields";
import { cellAddress, detectPaymentFundKind, readTable } from "../domain/schema/table";
import type { SheetGrid, WorkbookPort } from "../workbook/port";
import { ambiguityMessage, CommandError, readWorkbook, requireMaster } from "./context";

export interface ApplyRegistrationsOptions {
  /** The list sheet; default the newest `支払基金_登録状況_…` sheet. */
  sheet?: string;
  /** The run's time (for 変更履歴); default now. */
  now?: Date;
}

export interface ApplyRegistrationsResult {
  sheet: string;
  changed: { code: string; old: IsoDate | null | string; new: IsoDate }[];
  unknownCodes: string[];
}

export const CHANGE_LOG_HEADER = ["日時", "シート", "セル", "変更前", "変更後", "コマンド"];
export const COMMAND_NAME = "apply-registrations";
const DATE_FORMAT = "yyyy/m/d";

/** `2025-01-07 09:30` in Japan (UTC+9, no daylight saving), whatever the process time zone. */
export function tokyoTimestamp(now: Date): string {
  const t = new Date(now.getTime() + 9 * 3_600_000).toISOString();
  return `${t.slice(0, 10)} ${t.slice(11, 16)}`;
}

const REGISTRATION_NAME = /登録状況/u;

/** The newest registration list: the latest date in the name, else the last such tab. */
export function newestRegistrationSheet(sheetNames: readonly string[]): string | null {
  const lists = sheetNames.filter((n) => n.startsWith(PAYMENT_FUND_PREFIX) && REGISTRATION_NAME.test(n));
  let best: { name: string; date: IsoDate } | null = null;
  for (const name of lists) {
    const date = dateInSheetName(name);
    if (date !== null && (best === null || date >= best.date)) best = { name, date };
  }
  return best?.name ?? lists.at(-1) ?? null;
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

const logValue = (v: IsoDate | null | string): OutCell => (v === null ? null : parseDate(v).ok && /^\d{4}-\d{2}-\d{2}$/u.test(v) ? dateOut(v) : v);

export async function applyRegistrations(port: WorkbookPort, options: ApplyRegistrationsOptions = {}): Promise<ApplyRegistrationsResult> {
  const listName = (names: readonly string[]) => options.sheet ?? newestRegistrationSheet(names);
  const ctx = await readWorkbook(port, (names) => [listName(names) ?? ""]);
  const sheet = listName(ctx.sheetNames);
  if (!sheet) {
    throw new CommandError("支払基金の登録状況シート（支払基金_登録状況_YYYYMMDD）がありません。一覧を貼り付けるか --sheet で指定してください。");
  }
  const master = requireMaster(ctx);
  const list = requireRegistrationList(sheet, ctx.grids.get(sheet));
  if (!master.table.fieldIndex.has("startDate")) {
    throw new CommandError("マスタに「資格情報登録開始日」列がありません。見出しを追加してください。");
  }
  const { changes, unknownCodes } = registrationChanges(list, master);
  if (changes.length > 0) {
    const when = tokyoTimestamp(options.now ?? new Date());
    const command = `${COMMAND_NAME}:${sheet}`;
    await port.commit({
      ranges: changes.map((c) => ({ sheet: master.table.sheet, row: c.row, col: c.col, values: [[dateOut(c.new)]], formats: [DATE_FORMAT] })),
      appends: [
        {
          sheet: SHEET_NAMES.changeLog,
          header: CHANGE_LOG_HEADER,
          rows: changes.map((c) => [when, master.table.sheet, cellAddress(c.row, c.col), logValue(c.old), dateOut(c.new), command]),
          formats: ["@", undefined, undefined, undefined, DATE_FORMAT, undefined],
        },
      ],
    });
  }
  return { sheet, changed: changes.map((c) => ({ code: c.code, old: c.old, new: c.new })), unknownCodes };
}
