/**
 * aggregate: 閲覧停止集計 from a Payment Fund 閲覧停止 list joined to マスタ — by vendor, by
 * prefecture, the top 10 offices, and 残存割合 against the previous list when there is one.
 * Writes only the generated sheet 閲覧停止集計.
 *
 * Which lists: every `支払基金_` sheet whose name (or, failing that, headers) says 閲覧停止. They are
 * ordered by the date in the sheet name (`_20250107`), else their latest データ基準日, else tab
 * order; the default list is the newest and the default previous list the one before it.
 */
import type { IsoDate } from "../domain/cell";
import {
  aggregateSuspensions,
  readSuspensionList,
  remainingRatios,
  type CountBasis,
  type PrefectureRow,
  type RemainingRow,
  type SuspensionList,
  type TopOffice,
  type VendorRow,
} from "../domain/aggregates";
import { parseDate } from "../domain/dates";
import { officesOf } from "../domain/judge";
import { PAYMENT_FUND_PREFIX, dateInSheetName, paymentFundKindFromName } from "../domain/schema/fields";
import { detectPaymentFundKind, fieldFormat, fieldValue, readTable, type Table } from "../domain/schema/table";
import type { SheetGrid, WorkbookPort } from "../workbook/port";
import { ambiguityMessage, CommandError, notesField, readWorkbook, requireMaster, withAsOf, withNotes } from "./context";
import { aggregateSheet } from "./layouts/aggregate";
import { READ_WORKBOOK, type Step } from "./steps";

export { basisLabel, excludedNotes } from "./layouts/aggregate";
export type { PrefectureRow, RemainingRow, TopOffice, VendorRow } from "../domain/aggregates";

export interface AggregateOptions {
  /** The 閲覧停止 sheet; default the newest. */
  sheet?: string;
  /** The list to compare with for 残存割合; default the one before `sheet`. */
  previous?: string;
}

export interface AggregateResult {
  sheet: string;
  previous: string | null;
  basis: CountBasis;
  total: number;
  byVendor: VendorRow[];
  byPrefecture: PrefectureRow[];
  top: TopOffice[];
  /** Present when a previous list exists. */
  remaining?: RemainingRow[];
  /** What the figures must say about 設定 (defaults used for unreadable values). */
  notes?: string[];
  /** Rows of マスタ that no figure counts; present only when there are any. */
  excludedRows?: number;
  /** Rows of the list without a readable 保険者コード (totals, notes …); present only when there are any. */
  listExcludedRows?: number;
}

function latestDataDate(table: Table): IsoDate | null {
  let latest: IsoDate | null = null;
  for (const row of table.rows) {
    const v = fieldValue(table, row, "dataDate");
    if (v === null || v === "") continue;
    const p = parseDate(v, fieldFormat(table, row, "dataDate"));
    if (p.ok && (latest === null || p.value > latest)) latest = p.value;
  }
  return latest;
}

function isSuspensionSheet(name: string, grid: SheetGrid): boolean {
  return (paymentFundKindFromName(name) ?? detectPaymentFundKind(grid)) === "pf-suspension";
}

/** The 閲覧停止 sheets, oldest first. */
export function suspensionSheetsInOrder(sheetNames: readonly string[], grids: ReadonlyMap<string, SheetGrid>): string[] {
  const found = sheetNames
    .map((name, tab) => ({ name, tab, grid: grids.get(name) }))
    .filter((s) => s.name.startsWith(PAYMENT_FUND_PREFIX) && s.grid && isSuspensionSheet(s.name, s.grid))
    .map((s) => {
      const table = readTable(s.grid!, "pf-suspension");
      return { ...s, key: dateInSheetName(s.name) ?? (table ? latestDataDate(table) : null) ?? "" };
    });
  return found.sort((a, b) => a.key.localeCompare(b.key) || a.tab - b.tab).map((s) => s.name);
}

function listOf(name: string, grids: ReadonlyMap<string, SheetGrid>): { list: SuspensionList; excluded: number } {
  const grid = grids.get(name);
  if (!grid) throw new CommandError(`シート「${name}」がありません。シート名を確認してください。`);
  const table = readTable(grid, "pf-suspension");
  if (!table) throw new CommandError(`シート「${name}」に閲覧停止一覧の見出し行（保険者コード・保険者名・医療情報_合計 など）が見つかりません。`);
  if (!table.fieldIndex.has("code")) throw new CommandError(`シート「${name}」に「保険者コード」列がありません。`);
  if (!table.fieldIndex.has("medTotal") && !table.fieldIndex.has("qualTotal")) {
    throw new CommandError(`シート「${name}」に件数の列（医療情報_合計 または 資格情報_合計）がありません。`);
  }
  const ambiguous = ambiguityMessage(table);
  if (ambiguous) throw new CommandError(ambiguous);
  return { list: readSuspensionList(table), excluded: table.excludedRows };
}

export async function aggregate(port: WorkbookPort, options: AggregateOptions = {}): Promise<AggregateResult> {
  const ctx = await readWorkbook(port, (sheetNames) =>
    [...sheetNames.filter((n) => n.startsWith(PAYMENT_FUND_PREFIX)), options.sheet, options.previous].filter(
      (n): n is string => typeof n === "string" && n !== "",
    ),
  );
  const master = requireMaster(ctx);
  const ordered = suspensionSheetsInOrder(ctx.sheetNames, ctx.grids);
  const sheet = options.sheet ?? ordered[ordered.length - 1];
  if (!sheet) {
    throw new CommandError("閲覧停止の一覧がありません。支払基金から届いた一覧を「支払基金_閲覧停止_YYYYMMDD」という名前のシートに貼り付けてください。");
  }
  if (!ctx.sheetNames.includes(sheet)) throw new CommandError(`シート「${sheet}」がありません。シート名を確認してください。`);
  const index = ordered.indexOf(sheet);
  const previous = options.previous ?? (index > 0 ? ordered[index - 1] : null);
  if (previous !== null && !ctx.sheetNames.includes(previous)) throw new CommandError(`シート「${previous}」がありません。シート名を確認してください。`);

  const { list, excluded: listExcluded } = listOf(sheet, ctx.grids);
  const offices = officesOf(master);
  const result = aggregateSuspensions(list, offices, ctx.settings.totalRecipients);
  let remaining: RemainingRow[] | undefined;
  if (previous !== null && previous !== sheet) {
    const masterNames = new Map(offices.filter((o) => o.code && o.name).map((o) => [o.code!, o.name]));
    remaining = remainingRatios(list, listOf(previous, ctx.grids).list, masterNames);
  }
  const out: AggregateResult = { sheet, previous: remaining ? previous : null, ...result, ...notesField(ctx.settingsNotes) };
  if (remaining) out.remaining = remaining;
  if (master.excludedRows > 0) out.excludedRows = master.excludedRows;
  if (listExcluded > 0) out.listExcludedRows = listExcluded;
  await port.commit({ sheets: [withAsOf(withNotes(aggregateSheet(out), ctx.settingsNotes), dateInSheetName(sheet))] });
  return out;
}

export const aggregateSteps = (): Step[] => [...READ_WORKBOOK, "write"];
