/** The 期間差分 sheet, in the layout of the seed's 「資格情報未登録福祉事務所の状況」 slides. */
import { excludedRowsNote } from "../../domain/schema/rows";
import { dateOut, type IsoDate, type OutCell } from "../../domain/cell";
import { formatJapaneseDate, formatJapaneseMonth, formatShortDate, monthOf } from "../../domain/dates";
import type { OfficeChanges } from "../../domain/diff";
import { SHEET_NAMES } from "../../domain/schema/fields";
import type { SnapshotFigures } from "../../domain/snapshot";
import type { GeneratedSheet, SheetBlock } from "../../domain/writes";
import { COUNT_FORMAT, DATE_FORMAT, SHARE_FORMAT, SIGNED_COUNT_FORMAT, SIGNED_SHARE_FORMAT } from "./formats";

/** `2025-01-07` → `令和7年1月7日`. */
export function japaneseEraDate(d: IsoDate): string {
  return `${formatJapaneseMonth(monthOf(d))}${Number(d.slice(8, 10))}日`;
}

const STATUS_HEADER = ["資格情報登録状況", "福祉事務所数", "被保護者数", "被保護者全数に対する割合", "福祉事務所全数に対する割合"];

function statusBlock(f: SnapshotFigures): SheetBlock {
  const prev = f.previous ? `前回（${formatShortDate(f.previous)}時点）からの増減` : null;
  const delta = f.delta;
  const deltaHeader = prev ? STATUS_HEADER.slice(1).map((h) => `${prev} ${h}`) : [];
  const line = (label: string, c: SnapshotFigures["unregistered"], d: SnapshotFigures["unregistered"] | undefined): OutCell[] => [
    label, c.offices, c.recipients, c.recipientShare, c.officeShare,
    ...(d ? [d.offices, d.recipients, d.recipientShare, d.officeShare] : []),
  ];
  return {
    title: `資格情報未登録福祉事務所の状況 ※${formatJapaneseDate(f.asOf)}時点`,
    header: [...STATUS_HEADER, ...deltaHeader],
    rows: [
      line("未登録", f.unregistered, delta?.unregistered),
      line("参考：登録済", f.registered, delta?.registered),
      ["参考：全数", f.total.offices, f.total.recipients, "-", "-", ...deltaHeader.map(() => "-")],
    ],
    formats: [undefined, COUNT_FORMAT, COUNT_FORMAT, SHARE_FORMAT, SHARE_FORMAT, ...(prev ? [SIGNED_COUNT_FORMAT, SIGNED_COUNT_FORMAT, SIGNED_SHARE_FORMAT, SIGNED_SHARE_FORMAT] : [])],
    notes: [`◆未登録の福祉事務所（保険者コード単位）は${japaneseEraDate(f.asOf)}時点`, "※登録済は全数から未登録を引いた数", ...excludedRowsNote(f.excludedRows)],
  };
}

export const thresholdLabel = (threshold: number): string => `${threshold.toLocaleString("en-US")}人以上`;

function largeBlock(f: SnapshotFigures): SheetBlock {
  return {
    title: `※参考①（未登録福祉事務所のうち被保護者${thresholdLabel(f.large.threshold)}）`,
    header: ["被保護者数", "未登録福祉事務所数", "被保護者数累計", "未登録に占める割合（被保護者ベース）"],
    rows: [[thresholdLabel(f.large.threshold), f.large.offices, f.large.recipients, f.large.shareOfUnregistered]],
    formats: [undefined, COUNT_FORMAT, COUNT_FORMAT, SHARE_FORMAT],
  };
}

function newlyRegisteredBlock(f: SnapshotFigures): SheetBlock {
  return {
    title: "※参考②（資格情報登録を開始した福祉事務所）",
    header: ["福祉事務所名", "資格情報登録開始時期", "被保護者数"],
    rows: f.newlyRegistered.map((o) => [o.name, dateOut(o.startDate), o.recipients]),
    formats: [undefined, DATE_FORMAT, COUNT_FORMAT],
  };
}

function changesBlock(from: IsoDate, to: IsoDate, c: OfficeChanges): SheetBlock {
  const rows: OutCell[][] = [
    ...c.added.map((code): OutCell[] => [code, c.names[code] ?? "", "（追加）", null, null]),
    ...c.removed.map((code): OutCell[] => [code, c.names[code] ?? "", "（削除）", null, null]),
    ...c.changes.map((x): OutCell[] => [x.code, x.name, x.field, x.from, x.to]),
  ];
  // 1/21 of two different years would name two table columns alike (Excel would rename one): the
  // year is shown when the short forms collide.
  const same = formatShortDate(from) === formatShortDate(to);
  const label = (d: IsoDate): string => (same ? `${d.slice(0, 4)}/${formatShortDate(d)}` : formatShortDate(d));
  return {
    title: `福祉事務所別の変更（${label(from)}時点 → ${label(to)}時点）`,
    header: ["保険者コード", "福祉事務所名", "項目", `${label(from)}時点`, `${label(to)}時点`],
    rows,
    tableName: "期間差分_変更",
  };
}

/** 期間差分: the status table of D2 (with the change from D1 when there is one), 参考①, 参考② and the change list. */
export function diffSheet(figures: SnapshotFigures, changes: OfficeChanges | null): GeneratedSheet {
  const blocks = [statusBlock(figures), largeBlock(figures)];
  if (figures.previous) blocks.push(newlyRegisteredBlock(figures));
  if (figures.previous && changes) blocks.push(changesBlock(figures.previous, figures.asOf, changes));
  return { name: SHEET_NAMES.diff, blocks, widths: [30, 16, 16, 24, 24, 24, 24, 24, 24] };
}
