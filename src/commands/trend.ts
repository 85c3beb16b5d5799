/**
 * aggregate --trend: 閲覧停止推移 across every 閲覧停止 list of the book, oldest first (SPEC §6).
 * Writes only the generated sheet 閲覧停止推移 (with a native line chart in Excel).
 */
import type { IsoDate } from "../domain/cell";
import { parseDate } from "../domain/dates";
import { PAYMENT_FUND_PREFIX, dateInSheetName } from "../domain/schema/fields";
import { fieldValue, readTable, type Table } from "../domain/schema/table";
import { suspensionTrend, type PersistenceRow, type TrendPoint } from "../domain/trend";
import type { WorkbookPort } from "../workbook/port";
import { suspensionSheetsInOrder } from "./aggregate";
import { ambiguityMessage, CommandError, readWorkbook, requireMaster } from "./context";
import { suspensionTrendSheet } from "./layouts/trend";
import { READ_WORKBOOK, type Step } from "./steps";

export { listLabels } from "./layouts/trend";
export type { PersistenceRow, TrendPoint } from "../domain/trend";

export interface TrendResult {
  /** The lists, oldest first. */
  sheets: string[];
  trend: TrendPoint[];
  persistence: PersistenceRow[];
}

export interface TrendOptions {
  /** Compute only (the task pane's 集計 shows it before writing); default writes 閲覧停止推移. */
  dryRun?: boolean;
}

export const trendSteps = (options: TrendOptions = {}): Step[] => (options.dryRun ? [...READ_WORKBOOK] : [...READ_WORKBOOK, "write"]);

function latestDataDate(table: Table): IsoDate | null {
  if (!table.fieldIndex.has("dataDate")) return null;
  let latest: IsoDate | null = null;
  for (const row of table.rows) {
    const p = parseDate(fieldValue(table, row, "dataDate"));
    if (p.ok && (latest === null || p.value > latest)) latest = p.value;
  }
  return latest;
}

export async function trend(port: WorkbookPort, options: TrendOptions = {}): Promise<TrendResult> {
  const ctx = await readWorkbook(port, (names) => names.filter((n) => n.startsWith(PAYMENT_FUND_PREFIX)));
  const master = requireMaster(ctx);
  const sheets = suspensionSheetsInOrder(ctx.sheetNames, ctx.grids);
  if (sheets.length === 0) {
    throw new CommandError("閲覧停止の一覧がありません。支払基金から届いた一覧を「支払基金_閲覧停止_YYYYMMDD」という名前のシートに貼り付けるか取り込んでください。");
  }
  const lists = sheets.map((sheet) => {
    const table = readTable(ctx.grids.get(sheet)!, "pf-suspension");
    if (!table || !table.fieldIndex.has("code")) throw new CommandError(`シート「${sheet}」に閲覧停止一覧の見出し行（保険者コード・資格情報_合計 など）が見つかりません。`);
    const ambiguous = ambiguityMessage(table);
    if (ambiguous) throw new CommandError(ambiguous);
    return { sheet, date: dateInSheetName(sheet) ?? latestDataDate(table), table };
  });
  const names = new Map(master.offices.filter((o) => o.code && o.name).map((o) => [o.code!, o.name]));
  const result = { sheets, ...suspensionTrend(lists, names) };
  if (!options.dryRun) await port.commit({ sheets: [suspensionTrendSheet(result.trend, result.persistence)] });
  return result;
}
