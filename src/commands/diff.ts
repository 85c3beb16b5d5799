/**
 * diff: the period difference D1 → D2 between two frozen snapshots (default the latest two),
 * written to 期間差分 in the layout of the seed's 「資格情報未登録福祉事務所の状況」 slides.
 * The sheet builder and the history loader are shared with the snapshot command.
 */
import { dateOut, type IsoDate, type OutCell } from "../domain/cell";
import { formatJapaneseDate, formatJapaneseMonth, formatShortDate, monthOf, parseDate } from "../domain/dates";
import { periodDiff, type OfficeChanges, type PeriodDiff } from "../domain/diff";
import { SHEET_NAMES } from "../domain/schema/fields";
import { readHistory, snapshotState, type FrozenSnapshot, type SnapshotFigures, type SnapshotState } from "../domain/snapshot";
import type { GeneratedSheet, SheetBlock, SheetGrid, WorkbookPort } from "../workbook/port";
import { ambiguityMessage, CommandError, readWorkbook } from "./context";
import { excludedRowsNote } from "../domain/schema/rows";

export interface DiffOptions {
  /** D1; default the snapshot before D2. */
  from?: string;
  /** D2; default the latest snapshot. */
  to?: string;
}

export const COUNT_FORMAT = "#,##0";
export const SHARE_FORMAT = "0.0%";
export const SIGNED_COUNT_FORMAT = "+#,##0;-#,##0;0";
export const SIGNED_SHARE_FORMAT = "+0.0%;-0.0%;0.0%";
export const DATE_FORMAT = "yyyy/m/d";

// ---------------------------------------------------------------------------------------------
// Loading frozen snapshots

export interface LoadedSnapshot {
  snapshot: FrozenSnapshot;
  state: SnapshotState;
}

/** Each frozen snapshot with the state its figures are computed from; a snapshot whose rows are not a master's is a CommandError. */
export function loadStates(snapshots: readonly FrozenSnapshot[], settingsGrid: SheetGrid | undefined): LoadedSnapshot[] {
  return snapshots.map((snapshot) => {
    const state = snapshotState(snapshot, settingsGrid);
    if (!state) {
      throw new CommandError(`スナップショット履歴の基準日 ${snapshot.asOf} の行に「保険者コード」「福祉事務所名」「被保護者数」などの見出しがありません。スナップショットを取り直してください。`);
    }
    const ambiguous = state.table ? ambiguityMessage(state.table) : null;
    if (ambiguous) throw new CommandError(ambiguous.replace(state.table!.sheet, `スナップショット履歴（基準日 ${snapshot.asOf}）`));
    return { snapshot, state };
  });
}

// ---------------------------------------------------------------------------------------------
// The 期間差分 sheet

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
  return {
    title: `福祉事務所別の変更（${formatShortDate(from)}時点 → ${formatShortDate(to)}時点）`,
    header: ["保険者コード", "福祉事務所名", "項目", `${formatShortDate(from)}時点`, `${formatShortDate(to)}時点`],
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

// ---------------------------------------------------------------------------------------------
// The command

function requireDate(value: string, option: string): IsoDate {
  const d = parseDate(value);
  if (!d.ok) throw new CommandError(`${option} の「${value}」を日付として読めません（例: 2025-02-04）。`);
  return d.value;
}

const available = (loaded: readonly LoadedSnapshot[]): string => loaded.map((l) => l.snapshot.asOf).join(", ");

/** D1 and D2 among the frozen snapshots (default the latest two). */
export function choosePeriod(loaded: readonly LoadedSnapshot[], options: DiffOptions): { from: LoadedSnapshot; to: LoadedSnapshot } {
  if (loaded.length === 0) throw new CommandError("スナップショットがありません。先に snapshot を実行してください。");
  const find = (value: string, option: string): LoadedSnapshot => {
    const date = requireDate(value, option);
    const hit = loaded.find((l) => l.snapshot.asOf === date);
    if (!hit) throw new CommandError(`基準日 ${date} のスナップショットがありません。利用できる基準日: ${available(loaded)}`);
    return hit;
  };
  const to = options.to ? find(options.to, "--to") : loaded[loaded.length - 1];
  const before = loaded.filter((l) => l.snapshot.asOf < to.snapshot.asOf);
  const from = options.from ? find(options.from, "--from") : before[before.length - 1];
  if (!from) throw new CommandError(`基準日 ${to.snapshot.asOf} より前のスナップショットがありません。利用できる基準日: ${available(loaded)}`);
  if (from.snapshot.asOf >= to.snapshot.asOf) {
    throw new CommandError(`比較元（${from.snapshot.asOf}）は比較先（${to.snapshot.asOf}）より前の基準日にしてください。`);
  }
  return { from, to };
}

export async function diff(port: WorkbookPort, options: DiffOptions = {}): Promise<PeriodDiff> {
  const ctx = await readWorkbook(port, [SHEET_NAMES.history]);
  const loaded = loadStates(readHistory(ctx.grids.get(SHEET_NAMES.history)).snapshots, ctx.grids.get(SHEET_NAMES.settings));
  const { from, to } = choosePeriod(loaded, options);
  const result = periodDiff(from, to);
  await port.commit({ sheets: [diffSheet(result, result)] });
  return result;
}
