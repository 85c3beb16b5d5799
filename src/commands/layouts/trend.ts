/** 閲覧停止推移: the totals per list (with a line chart in Excel) and each office's count per list. */
import { dateOut, type OutCell } from "../../domain/cell";
import { SHEET_NAMES } from "../../domain/schema/fields";
import type { PersistenceRow, TrendPoint } from "../../domain/trend";
import type { GeneratedSheet } from "../../domain/writes";
import { COUNT_FORMAT, DATE_FORMAT } from "./formats";

export const TREND_HEADER = ["データ基準日", "シート", "資格情報_合計", "医療情報_合計", "福祉事務所数"];

/** The column header of each list in the per-office table: its date, else its sheet name (kept distinct). */
export function listLabels(trend: readonly Pick<TrendPoint, "date" | "sheet">[]): string[] {
  const labels = trend.map((t) => t.date ?? t.sheet);
  return labels.map((l, i) => (labels.indexOf(l) === i ? l : trend[i].sheet));
}

export function suspensionTrendSheet(trend: readonly TrendPoint[], persistence: readonly PersistenceRow[]): GeneratedSheet {
  const labels = listLabels(trend);
  const series = (["資格情報", "医療情報"] as const).filter((k) => trend.some((t) => t[k] !== null)).map((k) => `${k}_合計`);
  return {
    name: SHEET_NAMES.suspensionTrend,
    widths: [14, 30, 14, 14, 14, ...labels.map(() => 12)],
    blocks: [
      {
        title: "閲覧停止件数推移",
        header: TREND_HEADER,
        rows: trend.map((t): OutCell[] => [t.date ? dateOut(t.date) : null, t.sheet, t.資格情報, t.医療情報, t.offices]),
        formats: [DATE_FORMAT, undefined, COUNT_FORMAT, COUNT_FORMAT, COUNT_FORMAT],
        tableName: "閲覧停止件数推移",
      },
      {
        title: "福祉事務所別 資格情報閲覧停止件数の推移（連続掲載回数 = 最新の一覧まで続けて載っている回数。1か月残存 = 2以上）",
        header: ["保険者コード", "福祉事務所名", ...labels, "連続掲載回数", "状況"],
        rows: persistence.map((p): OutCell[] => [p.code, p.name, ...p.counts, p.months, p.state]),
        formats: ["@", undefined, ...labels.map(() => COUNT_FORMAT), COUNT_FORMAT, undefined],
        tableName: "閲覧停止残存推移",
      },
    ],
    chart: { title: "閲覧停止件数の推移", block: 0, category: "データ基準日", series },
  };
}
