import { snapshot, type SnapshotResult } from "../../commands/snapshot";
import { thresholdLabel } from "../../commands/layouts/diff";
import { formatJapaneseDate, formatShortDate } from "../../domain/dates";
import type { ShareCounts, SnapshotFigures } from "../../domain/snapshot";
import { defineCommand } from "../command";
import { excludedRowsNote } from "../../domain/schema/rows";
import { formatInt, formatPercent, formatSigned, notesJson, renderNotes, renderTable } from "../format";

/** A signed share at one decimal; a change that rounds to zero shows as 0.0%, as the seed does. */
export function signedShare(ratio: number): string {
  const rounded = Math.round(ratio * 1000) / 10;
  if (rounded === 0) return "0.0%";
  return `${rounded > 0 ? "+" : "-"}${Math.abs(rounded).toFixed(1)}%`;
}

/** The snapshot fields of SPEC §5, in its order. */
export function snapshotJson(f: SnapshotFigures & { notes?: string[]; retake?: SnapshotResult["retake"] }) {
  return {
    asOf: f.asOf,
    previous: f.previous,
    total: f.total,
    unregistered: f.unregistered,
    registered: f.registered,
    large: f.large,
    delta: f.delta,
    newlyRegistered: f.newlyRegistered,
    ...notesJson(f.notes),
    ...(f.excludedRows ? { excludedRows: f.excludedRows } : {}),
    // Only a retake of an existing date says what it did (a new date keeps SPEC §5's shape).
    ...(f.retake && f.retake.status !== "new" ? { retake: f.retake } : {}),
  };
}

/** The line that says what a retake of an existing date did. */
export function retakeLine(f: Pick<SnapshotResult, "asOf" | "retake">): string[] {
  if (f.retake.status === "unchanged") return [`基準日 ${f.asOf} のスナップショットは既にあり、マスタから変わる行がないため、何も書き込みませんでした。`];
  if (f.retake.status === "replace") return [`基準日 ${f.asOf} のスナップショットを置き換えました（変わった行: ${f.retake.changedRows}）。`];
  return [];
}

/** The seed's 「資格情報未登録福祉事務所の状況」 table with 参考① and 参考②, as terminal text. */
export function renderFigures(f: SnapshotFigures & { notes?: string[] }): string {
  const header = ["資格情報登録状況", "福祉事務所数", "被保護者数", "被保護者全数に対する割合", "福祉事務所全数に対する割合"];
  const withDelta = f.previous !== null && f.delta !== null;
  const deltaHeader = withDelta ? ["増減:福祉事務所数", "増減:被保護者数", "増減:被保護者割合", "増減:福祉事務所割合"] : [];
  const line = (label: string, c: ShareCounts, d?: ShareCounts) => [
    label, formatInt(c.offices), formatInt(c.recipients), formatPercent(c.recipientShare), formatPercent(c.officeShare),
    ...(d ? [formatSigned(d.offices), formatSigned(d.recipients), signedShare(d.recipientShare), signedShare(d.officeShare)] : []),
  ];
  const lines = [
    `■資格情報未登録福祉事務所の状況 ※${formatJapaneseDate(f.asOf)}時点${withDelta ? `（増減は前回 ${formatShortDate(f.previous!)}時点から）` : ""}`,
    renderTable([...header, ...deltaHeader], [
      line("未登録", f.unregistered, f.delta?.unregistered),
      line("参考：登録済", f.registered, f.delta?.registered),
      ["参考：全数", formatInt(f.total.offices), formatInt(f.total.recipients), "-", "-", ...deltaHeader.map(() => "-")],
    ]),
    ...excludedRowsNote(f.excludedRows),
    ...renderNotes(f.notes),
    "",
    `※参考①（未登録福祉事務所のうち被保護者${thresholdLabel(f.large.threshold)}）`,
    renderTable(["被保護者数", "未登録福祉事務所数", "被保護者数累計", "未登録に占める割合（被保護者ベース）"], [
      [thresholdLabel(f.large.threshold), formatInt(f.large.offices), formatInt(f.large.recipients), formatPercent(f.large.shareOfUnregistered)],
    ]),
  ];
  if (f.previous !== null) {
    lines.push("", "※参考②（資格情報登録を開始した福祉事務所）");
    lines.push(f.newlyRegistered.length === 0
      ? "（前回から登録を開始した福祉事務所はありません）"
      : renderTable(["保険者コード", "福祉事務所名", "資格情報登録開始時期", "被保護者数"], f.newlyRegistered.map((o) => [o.code, o.name, o.startDate, formatInt(o.recipients)])));
  }
  return lines.join("\n");
}

export default defineCommand<SnapshotResult>({
  name: "snapshot",
  summary: "マスタを基準日のスナップショットとして保存し、推移のシートを作り直します（同じ基準日で変わる行があるときは --replace が必要）",
  options: { "as-of": { type: "string" }, replace: { type: "boolean" } },
  writes: true,
  run: (port, o) => snapshot(port, { asOf: o["as-of"] as string | undefined, replace: o.replace === true }),
  toJson: snapshotJson,
  render: (f) => [...retakeLine(f), renderFigures(f)].join("\n"),
});
