/**
 * snapshot: freeze マスタ as the snapshot of 基準日 D in スナップショット履歴 (replacing D's rows if
 * they exist), then rebuild スナップショット (one row per 基準日, with the unregistered trend chart)
 * and 期間差分 (the latest two snapshots). Everything is written in one commit; the sheets are laid
 * out in layouts/.
 */
import { officeChanges } from "../domain/diff";
import { SHEET_NAMES } from "../domain/schema/fields";
import { freezeMaster, readHistory, snapshotSeries, withSnapshot, type SnapshotFigures } from "../domain/snapshot";
import type { WorkbookPort } from "../workbook/port";
import { CommandError, notesField, readWorkbook, requireMaster, resolveAsOf, withNotes } from "./context";
import { loadStates } from "./history";
import { diffSheet } from "./layouts/diff";
import { historySheet, trendSheet } from "./layouts/snapshot";
import { READ_WORKBOOK, type Step } from "./steps";

export type { ShareCounts, SnapshotFigures } from "../domain/snapshot";

export interface SnapshotOptions {
  /** 基準日; default today in Japan. */
  asOf?: string;
  /** The clock for the default 基準日 (tests). */
  now?: Date;
}

export const snapshotSteps = (): Step[] => [...READ_WORKBOOK, "write"];

/** The figures of the snapshot taken, with what they must say about 設定 (SPEC §2). */
export type SnapshotResult = SnapshotFigures & { notes?: string[] };

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
  const snapshots = withSnapshot(history.snapshots, freezeMaster(master, asOf));
  const loaded = loadStates(snapshots, ctx.grids.get(SHEET_NAMES.settings));
  const series = snapshotSeries(loaded.map((l) => l.state));
  const latest = loaded.length - 1;
  const latestChanges = latest > 0 ? officeChanges(loaded[latest - 1].snapshot, loaded[latest].snapshot) : null;
  const latestNotes = loaded[latest].state.notes ?? [];
  await port.commit({
    sheets: [historySheet(snapshots), withNotes(trendSheet(series), latestNotes), withNotes(diffSheet(series[latest], latestChanges), latestNotes)],
  });
  const taken = loaded.findIndex((l) => l.snapshot.asOf === asOf);
  return { ...series[taken], ...notesField(loaded[taken].state.notes) };
}
