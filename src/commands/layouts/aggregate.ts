/** 閲覧停止集計: by vendor, by prefecture, the top offices and 残存割合. */
import type { CountBasis } from "../../domain/aggregates";
import { excludedRowsNote } from "../../domain/schema/rows";
import { SHEET_NAMES } from "../../domain/schema/fields";
import type { GeneratedSheet } from "../../domain/writes";
import type { AggregateResult } from "../aggregate";
import { COUNT_FORMAT, DATE_FORMAT, SHARE_FORMAT } from "./formats";

export function basisLabel(basis: CountBasis): string {
  return basis === "medical" ? "医療情報閲覧停止件数" : "資格情報閲覧停止件数";
}

/** What the aggregate left out: rows of マスタ that are not offices, rows of the list without a code. */
export function excludedNotes(r: Pick<AggregateResult, "excludedRows" | "listExcludedRows" | "sheet">): string[] {
  const lines = excludedRowsNote(r.excludedRows).map((l) => `マスタの${l}`);
  if (r.listExcludedRows) lines.push(`${r.sheet}の集計から除外した行: ${r.listExcludedRows}（合計・注記など保険者コードが読めない行）`);
  return lines;
}

export function aggregateSheet(r: AggregateResult): GeneratedSheet {
  const label = basisLabel(r.basis);
  const blocks: GeneratedSheet["blocks"] = [
    {
      title: `ベンダー別${label}（${r.sheet}、合計 ${r.total.toLocaleString("en-US")} 件）`,
      header: ["ベンダー名", "件数", "割合", "該当ベンダを使用する福祉事務所数/全福祉事務所数"],
      rows: r.byVendor.map((v) => [v.vendor, v.count, v.share, v.officeShare]),
      formats: [undefined, COUNT_FORMAT, SHARE_FORMAT, SHARE_FORMAT],
      notes: excludedNotes(r),
    },
    {
      title: `都道府県別${label}`,
      header: ["都道府県名", "件数", "割合", "該当都道府県の被保護者数/被保護者全数"],
      rows: r.byPrefecture.map((p) => [p.prefecture, p.count, p.share, p.recipientShare]),
      formats: [undefined, COUNT_FORMAT, SHARE_FORMAT, SHARE_FORMAT],
    },
    {
      title: `${label}の多い福祉事務所（上位${r.top.length}）`,
      header: ["順位", "保険者コード", "福祉事務所名", "件数", "割合"],
      rows: r.top.map((t, i) => [i + 1, t.code, t.name, t.count, t.share]),
      formats: [undefined, undefined, undefined, COUNT_FORMAT, SHARE_FORMAT],
    },
  ];
  if (r.remaining) {
    blocks.push({
      title: `残存割合（${r.previous} → ${r.sheet}）`,
      header: ["保険者コード", "保険者名", "初回検知", "前回件数", "今回件数", "残存割合"],
      tableName: "閲覧停止残存",
      rows: r.remaining.map((x) => [x.code, x.name, x.firstDetected ? { date: x.firstDetected } : null, x.previous, x.count, x.ratio]),
      formats: [undefined, undefined, DATE_FORMAT, COUNT_FORMAT, COUNT_FORMAT, SHARE_FORMAT],
      notes: ["※残存割合 = 今回件数 / 前回件数（前回の一覧にない福祉事務所は空欄）"],
    });
  }
  return { name: SHEET_NAMES.suspension, widths: [28, 14, 28, 16, 14, 12], blocks };
}
