import { aggregate, basisLabel, excludedNotes, type AggregateResult } from "../../commands/aggregate";
import { listLabels, trend, type TrendResult } from "../../commands/trend";
import { defineCommand } from "../command";
import { formatInt, formatPercent, notesJson, renderNotes, renderTable } from "../format";

/** How many 残存割合 rows the terminal shows; the sheet and --json have them all. */
const SHOWN_REMAINING = 20;

/** How many offices the terminal shows in the trend; the sheet and --json have them all. */
const SHOWN_PERSISTENCE = 20;

type AggregateWithTrend = AggregateResult & { trendResult?: TrendResult };

/** 閲覧停止推移 as the terminal shows it. */
function renderTrend(t: TrendResult): string[] {
  const labels = listLabels(t.trend);
  const lines = ["", "閲覧停止件数推移", renderTable(
    ["データ基準日", "シート", "資格情報_合計", "医療情報_合計", "福祉事務所数"],
    t.trend.map((p) => [p.date ?? "-", p.sheet, p.資格情報 === null ? "-" : formatInt(p.資格情報), p.医療情報 === null ? "-" : formatInt(p.医療情報), formatInt(p.offices)]),
  )];
  const shown = t.persistence.slice(0, SHOWN_PERSISTENCE);
  lines.push("", "福祉事務所別の推移（連続掲載回数の多い順）", renderTable(
    ["保険者コード", "福祉事務所名", ...labels, "連続", "状況"],
    shown.map((p) => [p.code, p.name, ...p.counts.map(formatInt), p.months, p.state]),
  ));
  if (t.persistence.length > shown.length) lines.push(`…ほか ${t.persistence.length - shown.length} 件（全件はシート「閲覧停止推移」または --json）`);
  return lines;
}

export default defineCommand<AggregateWithTrend>({
  name: "aggregate",
  summary: "支払基金の閲覧停止一覧をベンダー別・都道府県別・福祉事務所別に集計します",
  options: { sheet: { type: "string" }, previous: { type: "string" }, trend: { type: "boolean" } },
  writes: true,
  async run(port, o) {
    const result: AggregateWithTrend = await aggregate(port, { sheet: o.sheet as string | undefined, previous: o.previous as string | undefined });
    if (o.trend) result.trendResult = await trend(port);
    return result;
  },
  toJson: (r) => ({
    byVendor: r.byVendor,
    byPrefecture: r.byPrefecture,
    top: r.top,
    ...(r.remaining ? { remaining: r.remaining } : {}),
    ...notesJson(r.notes),
    ...(r.excludedRows ? { excludedRows: r.excludedRows } : {}),
    ...(r.listExcludedRows ? { listExcludedRows: r.listExcludedRows } : {}),
    ...(r.trendResult
      ? {
          trend: r.trendResult.trend.map((t) => ({ date: t.date, sheet: t.sheet, 資格情報: t.資格情報, 医療情報: t.医療情報 })),
          persistence: r.trendResult.persistence.map((p) => ({ code: p.code, name: p.name, counts: p.counts, months: p.months, state: p.state })),
        }
      : {}),
  }),
  render(r) {
    const label = basisLabel(r.basis);
    const lines = [`閲覧停止集計: ${r.sheet}（${label}、合計 ${formatInt(r.total)} 件）`, ...excludedNotes(r), ""];
    lines.push("ベンダー別", renderTable(
      ["ベンダー名", "件数", "割合", "福祉事務所の割合"],
      r.byVendor.map((v) => [v.vendor, formatInt(v.count), formatPercent(v.share), formatPercent(v.officeShare)]),
    ));
    lines.push(...renderNotes(r.notes));
    lines.push("", "都道府県別", renderTable(
      ["都道府県名", "件数", "割合", "被保護者数の割合"],
      r.byPrefecture.map((p) => [p.prefecture, formatInt(p.count), formatPercent(p.share), formatPercent(p.recipientShare)]),
    ));
    lines.push("", `件数の多い福祉事務所（上位${r.top.length}）`, renderTable(
      ["順位", "保険者コード", "福祉事務所名", "件数", "割合"],
      r.top.map((t, i) => [i + 1, t.code, t.name, formatInt(t.count), formatPercent(t.share)]),
    ));
    if (r.remaining) {
      const shown = r.remaining.slice(0, SHOWN_REMAINING);
      lines.push("", `残存割合（${r.previous} → ${r.sheet}）`, renderTable(
        ["保険者コード", "保険者名", "前回件数", "今回件数", "残存割合"],
        shown.map((x) => [x.code, x.name, x.previous === null ? "-" : formatInt(x.previous), formatInt(x.count), x.ratio === null ? "-" : formatPercent(x.ratio)]),
      ));
      if (r.remaining.length > shown.length) lines.push(`…ほか ${r.remaining.length - shown.length} 件（全件はシート「閲覧停止集計」または --json）`);
    }
    if (r.trendResult) lines.push(...renderTrend(r.trendResult));
    return lines.join("\n");
  },
});
