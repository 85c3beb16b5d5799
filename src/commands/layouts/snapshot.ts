/** スナップショット履歴 (the frozen rows) and スナップショット (one row per 基準日 with the trend chart). */
import { excludedRowsNote } from "../../domain/schema/rows";
import { DEFAULT_THRESHOLD } from "../../domain/settings";
import { dateOut, type OutCell } from "../../domain/cell";
import { SHEET_NAMES } from "../../domain/schema/fields";
import { DATE_FORMAT, historyRows, type FrozenSnapshot, type SnapshotFigures } from "../../domain/snapshot";
import type { GeneratedSheet } from "../../domain/writes";
import { thresholdLabel } from "./diff";
import { COUNT_FORMAT, SHARE_FORMAT } from "./formats";

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
  const large = thresholdLabel(series[series.length - 1]?.large.threshold ?? DEFAULT_THRESHOLD);
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
