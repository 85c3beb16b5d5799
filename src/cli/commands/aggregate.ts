import { aggregate, basisLabel, excludedNotes, type AggregateResult } from "../../commands/aggregate";
import { defineCommand } from "../command";
import { formatInt, formatPercent, notesJson, renderNotes, renderTable } from "../format";

/** How many 残存割合 rows the terminal shows; the sheet and --json have them all. */
const SHOWN_REMAINING = 20;

export default defineCommand<AggregateResult>({
  name: "aggregate",
  summary: "支払基金の閲覧停止一覧をベンダー別・都道府県別・福祉事務所別に集計します",
  options: { sheet: { type: "string" }, previous: { type: "string" } },
  writes: true,
  run: (port, o) => aggregate(port, { sheet: o.sheet as string | undefined, previous: o.previous as string | undefined }),
  toJson: (r) => ({
    byVendor: r.byVendor,
    byPrefecture: r.byPrefecture,
    top: r.top,
    ...(r.remaining ? { remaining: r.remaining } : {}),
    ...notesJson(r.notes),
    ...(r.excludedRows ? { excludedRows: r.excludedRows } : {}),
    ...(r.listExcludedRows ? { listExcludedRows: r.listExcludedRows } : {}),
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
    return lines.join("\n");
  },
});
