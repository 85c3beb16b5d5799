/**
 * snapshot: freeze マスタ as the snapshot of 基準日 D in スナップショット履歴, then rebuild
 * スナップショット (one row per 基準日, with the unregistered trend chart). Everything is written in
 * one commit; the sheets are laid out in layouts/. 期間差分 is never touched: only diff writes it
 * (SPEC §4), so a retake cannot silently change a period table the user is looking at.
 *
 * Retaking a date that already has a snapshot (SPEC §4): when the frozen rows would not change,
 * nothing is written and the result says so; when they would, the command stops (SnapshotReplaceError)
 * unless `replace` is given. `dryRun` (the task pane's question) computes the same and writes nothing.
 */
import type { IsoDate } from "../domain/cell";
import { isDateOut } from "../domain/cell";
import type { FrozenSnapshot, FrozenValue } from "../domain/snapshot";
import { JUDGE_PREFIX, SHEET_NAMES } from "../domain/schema/fields";
import { freezeMaster, readHistory, snapshotSeries, withSnapshot, type SnapshotFigures } from "../domain/snapshot";
import type { WorkbookPort } from "../workbook/port";
import { CommandError, notesField, readWorkbook, requireMaster, resolveAsOf, withNotes } from "./context";
import { loadStates } from "./history";
import { historySheet, trendSheet } from "./layouts/snapshot";
import { READ_WORKBOOK, type Step } from "./steps";

export type { ShareCounts, SnapshotFigures } from "../domain/snapshot";

export interface SnapshotOptions {
  /** 基準日; default today in Japan. */
  asOf?: string;
  /** The clock for the default 基準日 (tests). */
  now?: Date;
  /** Replace the frozen rows of a date that already has a snapshot, when they would change. */
  replace?: boolean;
  /** Compute the figures and the retake, write nothing (the pane asks before replacing). */
  dryRun?: boolean;
}

/**
 * What taking the snapshot does to スナップショット履歴: a new date, a retake that changes nothing,
 * or one that replaces `changedRows` frozen rows (`replaced` false on a dry run).
 */
export type SnapshotRetake =
  | { status: "new" }
  | { status: "unchanged" }
  | { status: "replace"; changedRows: number; replaced: boolean };

/** A retake that would change the frozen rows, refused without `replace` (CLI exit 2). */
export class SnapshotReplaceError extends CommandError {
  constructor(readonly asOf: IsoDate, readonly changedRows: number) {
    super(`基準日 ${asOf} のスナップショットは既にあり、取り直すと ${changedRows} 行が変わります。置き換えるには --replace を付けて実行してください。`);
    this.name = "SnapshotReplaceError";
  }
}

/**
 * How many frozen rows differ between two snapshots of one date. Columns are matched by header, and
 * a column absent on one side reads as blank: スナップショット履歴 keeps each date to the columns that
 * hold a value, so an all-blank column (備考) is not a change; nor is a 判定_ column (derived).
 */
export function changedFrozenRows(before: FrozenSnapshot, after: FrozenSnapshot): number {
  // 判定_ columns are derived by the add-in (as in diff, they are not changes of the master).
  const headers = [...new Set([...before.headers, ...after.headers])].filter((h) => !h.startsWith(JUDGE_PREFIX));
  const rowKey = (s: FrozenSnapshot, row: FrozenValue[] | undefined): string => {
    if (!row) return "";
    const at = new Map(s.headers.map((h, i) => [h, row[i] ?? null]));
    return JSON.stringify(headers.map((h) => comparable(at.get(h) ?? null)));
  };
  let changed = 0;
  for (let i = 0; i < Math.max(before.rows.length, after.rows.length); i++) {
    if (rowKey(before, before.rows[i]) !== rowKey(after, after.rows[i])) changed++;
  }
  return changed;
}

/** A frozen value as compared across a save: blanks alike, dates by their ISO date. */
const comparable = (v: FrozenValue): string | number | boolean | null => (v === null || v === "" ? null : isDateOut(v) ? `date:${v.date}` : v);

export const snapshotSteps = (options: Pick<SnapshotOptions, "dryRun"> = {}): Step[] =>
  options.dryRun ? [...READ_WORKBOOK] : [...READ_WORKBOOK, "write"];

/** The figures of the snapshot taken, with what they must say about 設定 (SPEC §2), and what the retake did. */
export type SnapshotResult = SnapshotFigures & { notes?: string[]; retake: SnapshotRetake };

export async function snapshot(port: WorkbookPort, options: SnapshotOptions = {}): Promise<SnapshotResult> {
  const asOf = resolveAsOf(options.asOf, options.now);
  const ctx = await readWorkbook(port, [SHEET_NAMES.history]);
  const master = requireMaster(ctx);
  const history = readHistory(ctx.grids.get(SHEET_NAMES.history));
  if (history.unreadableRows.length > 0) {
    // Rewriting the history would drop these rows, so stop rather than lose them.
    const rows = history.unreadableRows.slice(0, 5).join(", ");
    throw new CommandError(`スナップショット履歴の ${rows} 行目の基準日が読めません。日付に直すか行を削除してから実行してください。`);
  }
  const frozen = freezeMaster(master, asOf);
  const existing = history.snapshots.find((s) => s.asOf === asOf);
  const changedRows = existing ? changedFrozenRows(existing, frozen) : 0;
  const unchanged = existing !== undefined && changedRows === 0;
  // An unchanged retake computes from the rows already frozen (they are the same), and writes nothing.
  const snapshots = unchanged ? history.snapshots : withSnapshot(history.snapshots, frozen);
  const loaded = loadStates(snapshots, ctx.grids.get(SHEET_NAMES.settings));
  const series = snapshotSeries(loaded.map((l) => l.state));
  const latest = loaded.length - 1;
  const latestNotes = loaded[latest].state.notes ?? [];
  if (existing && !unchanged && !options.replace && !options.dryRun) throw new SnapshotReplaceError(asOf, changedRows);
  const writes = !unchanged && !options.dryRun;
  if (writes) await port.commit({ sheets: [historySheet(snapshots), withNotes(trendSheet(series), latestNotes)] });
  const retake: SnapshotRetake = !existing ? { status: "new" } : unchanged ? { status: "unchanged" } : { status: "replace", changedRows, replaced: writes };
  const taken = loaded.findIndex((l) => l.snapshot.asOf === asOf);
  return { ...series[taken], ...notesField(loaded[taken].state.notes), retake };
}
