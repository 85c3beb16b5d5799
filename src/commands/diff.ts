/**
 * diff: the period difference D1 → D2 between two frozen snapshots (default the latest two),
 * written to 期間差分 (layout in layouts/diff.ts, shared with the snapshot command).
 */
import type { IsoDate } from "../domain/cell";
import { parseDate } from "../domain/dates";
import { periodDiff, type PeriodDiff } from "../domain/diff";
import { SHEET_NAMES } from "../domain/schema/fields";
import { readHistory } from "../domain/snapshot";
import type { WorkbookPort } from "../workbook/port";
import { CommandError, notesField, readWorkbook, withAsOf, withNotes } from "./context";
import { loadStates, type LoadedSnapshot } from "./history";
import { diffSheet } from "./layouts/diff";
import { READ_WORKBOOK, type Step } from "./steps";

export type { DiffValue, PeriodDiff } from "../domain/diff";

export interface DiffOptions {
  /** D1; default the snapshot before D2. */
  from?: string;
  /** D2; default the latest snapshot. */
  to?: string;
}

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

/** The period difference with what its figures must say about 設定 (SPEC §2). */
export type DiffResult = PeriodDiff & { notes?: string[] };

export async function diff(port: WorkbookPort, options: DiffOptions = {}): Promise<DiffResult> {
  const ctx = await readWorkbook(port, [SHEET_NAMES.history]);
  const loaded = loadStates(readHistory(ctx.grids.get(SHEET_NAMES.history)).snapshots, ctx.grids.get(SHEET_NAMES.settings));
  const { from, to } = choosePeriod(loaded, options);
  const result = periodDiff(from, to);
  const notes = to.state.notes ?? [];
  await port.commit({ sheets: [withAsOf(withNotes(diffSheet(result, result), notes), result.to)] });
  return { ...result, ...notesField(notes) };
}

export const diffSteps = (): Step[] => [...READ_WORKBOOK, "write"];
