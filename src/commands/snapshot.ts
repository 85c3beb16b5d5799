/**
 * snapshot: freeze マスタ as the snapshot of 基準日 D in スナップショット履歴 (replacing D's rows if
 * they exist), then rebuild スナップショット (one row per 基準日, with the unregistered trend chart)
 * and 期間差分 (the latest two snapshots). Everything is written in one commit.
 */
import { dateOut, type OutCell } from "../domain/cell";
import { officeChanges } from "../domain/diff";
import { SHEET_NAMES } from "../domain/schema/fields";
import {
  DATE_FORMAT,
  freezeMaster,
  historyRows,
  readHistory,
  snapshotSeries,
  withSnapshot,
  type FrozenSnapshot,
  type SnapshotFigures,
} from "../domain/snapshot";
import type { GeneratedSheet, WorkbookPort } from "../workbook/port";
import { excludedRowsNote } from "../domain/schema/rows";
import { CommandError, readWorkbook, requireMaster, resolveAsOf } from "./context";
import { COUNT_FORMAT, diffSheet, loadStates, SHARE_FORMAT, thresholdLabel } from "./diff";

export interface SnapshotOptions {
  /** 基準日; default today in Japan. */
  asOf?: string;
  /** The clock for the default 基準日 (tests). */
  now?: Date;
}

export function historySheet(snapshots: readonly FrozenSnapshot[]): GeneratedSheet {
  const { header, rows } = historyRows(snapshots);
  return {
    name: SHEET_NAMES.history,
    freezeHeader: true,
    blocks: [{ header, rows, formats: [DATE_FORMAT], tableName: "スナップショット履歴" }],
    widths: [12],
  };
}

export const TREND_SERIES = "未登録_福祉事務所数";

/** スナップショット: one row per 基準日 and a line chart of the unregistered offices over time. */
export function trendSheet(series: readonly SnapshotFigures[]): GeneratedSheet {
  const large = thresholdLabel(series[series.length - 1]?.large.threshold ?? 1000);
  const header = [
    "基準日",
    TREND_SERIES, "未登録_被保護者数", "未登録_被保護者全数に対する割合", "未登録_福祉事務所全数に対する割合",
    "登録済_福祉事務所数", "登録済_被保護者数", "登録済_被保護者全数に対する割合", "登録済_福祉事務所全数に対する割合",
    "全数_福祉事務所数", "全数_被保護者数",
    `${large}_未登録福祉事務所数`, `${large}_被保護者数累計`, `${large}_未登録に占める割合`,
  ];
  const rows = series.map((f): OutCell[] => [
    dateOut(f.asOf),
    f.unregistered.offices, f.unregistered.recipients, f.unregistered.recipientShare, f.unregistered.officeShare,
    f.registered.offices, f.registered.recipients, f.registered.recipientShare, f.registered.officeShare,
    f.total.offices, f.total.recipients,
    f.large.offices, f.large.recipients, f.large.shareOfUnregistered,
  ]);
  const c = COUNT_FORMAT;
  const s = SHARE_FORMAT;
  return {
    name: SHEET_NAMES.snapshot,
    freezeHeader: true,
    blocks: [{ header, rows, formats: [DATE_FORMAT, c, c, s, s, c, c, s, s, c, c, c, c, s], tableName: "スナップショット", notes: excludedRowsNote(series[series.length - 1]?.excludedRows) }],
    widths: [12, ...header.slice(1).map(() => 18)],
    chart: { title: "資格情報未登録福祉事務所数の推移", block: 0, category: "基準日", series: [TREND_SERIES] },
  };
}

export async function snapshot(port: WorkbookPort, options: SnapshotOptions = {}): Promise<SnapshotFigures> {
  const asOf = resolveAsOf(options.asOf, options.now);
  const ctx = await readWorkbook(port, [SHEET_NAMES.history]);
  const master = requireMaster(ctx);
  const history = readHistory(ctx.grids.get(SHEET_NAMES.history));
  if (history.unreadableRows.length > 0) {
    // Rewriting the history would drop these rows, so stop rather than lose them.
    const rows = history.unreadableRows.slice(0, 5).join(", ");
    throw new CommandError(`スナップショット履歴の ${rows} 行目の基準日が読めません。日付に直すか行を削除してから実行してください。`);
  }
  const snapshots = withSnapshot(history.snapshots, freezeMaster(master, asOf));
  const loaded = loadStates(snapshots, ctx.grids.get(SHEET_NAMES.settings));
  const series = snapshotSeries(loaded.map((l) => l.state));
  const latest = loaded.length - 1;
  const latestChanges = latest > 0 ? officeChanges(loaded[latest - 1].snapshot, loaded[latest].snapshot) : null;
  await port.commit({ sheets: [historySheet(snapshots), trendSheet(series), diffSheet(series[latest], latestChanges)] });
  return series[loaded.findIndex((l) => l.snapshot.asOf === asOf)];
}
