/**
 * The frozen snapshots of スナップショット履歴 as the snapshot and diff commands use them, and the
 * list of their 基準日 the screens offer.
 */
import type { IsoDate } from "../domain/cell";
import type { SheetGrid } from "../domain/grid";
import { SHEET_NAMES } from "../domain/schema/fields";
import { readHistory, snapshotState, type FrozenSnapshot, type SnapshotState } from "../domain/snapshot";
import type { WorkbookPort } from "../workbook/port";
import { ambiguityMessage, CommandError } from "./context";
import type { Step } from "./steps";

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

/** The 基準日 of every frozen snapshot in スナップショット履歴, oldest first (one read, no listSheets). */
export async function listSnapshotDates(port: WorkbookPort): Promise<IsoDate[]> {
  const grids = await port.readSheets([SHEET_NAMES.history]);
  return readHistory(grids.get(SHEET_NAMES.history)).snapshots.map((s) => s.asOf);
}

export const listSnapshotDatesSteps = (): Step[] => ["read"];
