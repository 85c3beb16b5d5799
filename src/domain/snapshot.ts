/**
 * Snapshots (SPEC §4): a snapshot at 基準日 D is what マスタ said on D, frozen into the
 * スナップショット履歴 sheet (基準日 + every master column by its header), and the figures of the
 * seed's 「資格情報未登録福祉事務所の状況」 table computed from those frozen rows only, so later edits
 * of マスタ never change a past snapshot.
 *
 * Frozen values round-trip through the history sheet unchanged: dates travel as DateOut (written as
 * real dates formatted yyyy/m/d, read back from any cell whose number format is a date format),
 * numbers as numbers, text as text (a text `2025/1/7` stays text), blanks as null.
 */
import { dateOut, isDateOut, type IsoDate, type OutCell, type RawCell } from "./cell";
import { DATE_CELL_FORMAT, isDateFormat, parseDate, serialToIso } from "./dates";
import { isRegisteredAt, readMaster, type Master, type OfficeRecord } from "./master";
import { fieldDef, JUDGE_PREFIX } from "./schema/fields";
import { HEADER_SEARCH_ROWS, headerKey, isBlankRow, readTable, type Table } from "./schema/table";
import { readSettings, type Settings } from "./settings";
import { readColumnChoices } from "./column-choices";
import type { ColumnChoices } from "./schema/table";
import type { SheetGrid } from "./grid";

/** A frozen cell: text, number, boolean, blank (null) or a date. */
export type FrozenValue = OutCell;

export interface FrozenSnapshot {
  asOf: IsoDate;
  /** Master headers, unique (a repeated header gets `_2`, `_3` …). */
  headers: string[];
  /** One row per master row, values parallel to headers. */
  rows: FrozenValue[][];
}

/** The first column of スナップショット履歴. */
export const HISTORY_DATE_HEADER = "基準日";
export const DATE_FORMAT = DATE_CELL_FORMAT;

// ---------------------------------------------------------------------------------------------
// Freezing

/** Moved to dates.ts (one definition of a date format); re-exported for existing callers. */
export { isDateFormat } from "./dates";

/**
 * Whether a master header names a date field (資格情報登録開始日, アンケート回答日 …), by the same
 * header matching マスタ uses: the header is read alongside three known names so that the row
 * qualifies as a master header row.
 */
function isDateHeader(header: string): boolean {
  const table = readTable({ name: "", top: 1, left: 1, values: [[header, "保険者コード", "福祉事務所名", "被保護者数"]] }, "master");
  const field = table?.columns[0]?.field;
  return field !== undefined && fieldDef("master", field)?.type === "date";
}

/** A cell as it is frozen: blanks become null, date serials a DateOut, everything else as read. */
export function freezeCell(raw: RawCell, format: string | undefined, dateColumn: boolean): FrozenValue {
  if (raw === null || raw === "") return null;
  if (typeof raw === "number" && (dateColumn || isDateFormat(format))) {
    const iso = serialToIso(raw);
    if (iso !== null) return dateOut(iso);
  }
  return raw;
}

/** Unique names for a list of headers: the second `備考` becomes `備考_2`. */
function uniqueHeaders(headers: string[]): string[] {
  const seen = new Map<string, number>();
  return headers.map((h) => {
    const n = (seen.get(h) ?? 0) + 1;
    seen.set(h, n);
    return n === 1 ? h : `${h}_${n}`;
  });
}

/** The master's rows as they stand, to be kept as the snapshot of D. Columns without a header are not frozen. */
export function freezeMaster(master: Master, asOf: IsoDate): FrozenSnapshot {
  const table = master.table;
  const columns = table.columns.filter((c) => c.header !== "");
  const dateColumn = columns.map((c) => c.field !== undefined && fieldDef("master", c.field)?.type === "date");
  const rows = table.rows.map((row) =>
    columns.map((c, j) => freezeCell(row.cells[c.index] ?? null, table.grid.formats?.[row.index]?.[c.index], dateColumn[j])),
  );
  return { asOf, headers: uniqueHeaders(columns.map((c) => c.header)), rows };
}

// ---------------------------------------------------------------------------------------------
// The history sheet

/** Headers of several snapshots merged in first-seen order (snapshots taken before a column existed read it as blank). */
export function historyHeaders(snapshots: readonly FrozenSnapshot[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const s of snapshots) {
    for (const h of s.headers) {
      if (seen.has(h)) continue;
      seen.add(h);
      out.push(h);
    }
  }
  return out;
}

/** The rows of スナップショット履歴: 基準日 then the merged headers, snapshots in date order. */
export function historyRows(snapshots: readonly FrozenSnapshot[]): { header: string[]; rows: FrozenValue[][] } {
  const headers = historyHeaders(snapshots);
  const rows: FrozenValue[][] = [];
  for (const s of [...snapshots].sort((a, b) => (a.asOf < b.asOf ? -1 : a.asOf > b.asOf ? 1 : 0))) {
    const index = new Map(s.headers.map((h, i) => [h, i]));
    for (const r of s.rows) rows.push([dateOut(s.asOf), ...headers.map((h) => (index.has(h) ? (r[index.get(h)!] ?? null) : null))]);
  }
  return { header: [HISTORY_DATE_HEADER, ...headers], rows };
}

export interface HistoryRead {
  /** Snapshots in date order. */
  snapshots: FrozenSnapshot[];
  /** 1-based rows whose 基準日 could not be read (kept out of every snapshot). */
  unreadableRows: number[];
}

/** The frozen snapshots held in スナップショット履歴 (none when the sheet is absent or has no 基準日 header). */
export function readHistory(grid: SheetGrid | undefined): HistoryRead {
  const empty: HistoryRead = { snapshots: [], unreadableRows: [] };
  if (!grid) return empty;
  const limit = Math.min(HEADER_SEARCH_ROWS, grid.values.length);
  let headerIndex = -1;
  let dateIndex = -1;
  for (let r = 0; r < limit && headerIndex < 0; r++) {
    const i = grid.values[r].findIndex((v) => typeof v === "string" && headerKey(v) === HISTORY_DATE_HEADER);
    if (i >= 0) [headerIndex, dateIndex] = [r, i];
  }
  if (headerIndex < 0) return empty;
  const headerRow = grid.values[headerIndex];
  const columns = headerRow
    .map((v, i) => ({ i, header: v === null ? "" : String(v).trim() }))
    .filter((c) => c.i !== dateIndex && c.header !== "");
  const dateColumn = columns.map((c) => isDateHeader(c.header));
  const headers = columns.map((c) => c.header);
  const byDate = new Map<IsoDate, FrozenValue[][]>();
  const unreadableRows: number[] = [];
  for (let r = headerIndex + 1; r < grid.values.length; r++) {
    const cells = grid.values[r];
    if (isBlankRow(cells)) continue;
    const asOf = parseDate(cells[dateIndex] ?? null);
    if (!asOf.ok) {
      unreadableRows.push(grid.top + r);
      continue;
    }
    // Formats are optional in the port: without them, only the master's date fields read as dates.
    const formats = grid.formats?.[r];
    const row = columns.map((c, j) => freezeCell(cells[c.i] ?? null, formats?.[c.i], !formats && dateColumn[j]));
    byDate.set(asOf.value, [...(byDate.get(asOf.value) ?? []), row]);
  }
  const snapshots = [...byDate.keys()].sort().map((asOf) => ownColumns(asOf, headers, byDate.get(asOf)!));
  return { snapshots, unreadableRows };
}

/**
 * One date's rows with only the columns that hold a value on that date. The history sheet merges
 * the headers of all dates, so a column renamed in マスタ (被保護者人数 → 被保護者数) appears twice;
 * keeping each date to its own columns makes its rows read exactly as they were frozen.
 */
function ownColumns(asOf: IsoDate, headers: string[], rows: FrozenValue[][]): FrozenSnapshot {
  const keep = headers.map((_, j) => rows.some((r) => r[j] !== null));
  return {
    asOf,
    headers: headers.filter((_, j) => keep[j]),
    rows: rows.map((r) => r.filter((_, j) => keep[j])),
  };
}

/** Replaces (or adds) the snapshot of one date; the result is in date order. */
export function withSnapshot(snapshots: readonly FrozenSnapshot[], snapshot: FrozenSnapshot): FrozenSnapshot[] {
  return [...snapshots.filter((s) => s.asOf !== snapshot.asOf), snapshot].sort((a, b) => (a.asOf < b.asOf ? -1 : 1));
}

// ---------------------------------------------------------------------------------------------
// Frozen rows as a master

/** A frozen value as a RawCell (dates as ISO text, which every date parser reads). */
export function frozenToRaw(v: FrozenValue): RawCell {
  return isDateOut(v) ? v.date : v;
}

/** The frozen rows read exactly as マスタ is read; null when the headers are not a master's. */
export function frozenTable(snapshot: FrozenSnapshot): Table | null {
  const grid: SheetGrid = { name: `${HISTORY_DATE_HEADER} ${snapshot.asOf}`, top: 1, left: 1, values: [snapshot.headers, ...snapshot.rows.map((r) => r.map(frozenToRaw))] };
  return readTable(grid, "master");
}

export function frozenMaster(snapshot: FrozenSnapshot, choices?: ColumnChoices): Master | null {
  const table = frozenTable(snapshot);
  return table ? readMaster(table.grid, choices) : null;
}

/** What the figures of one 基準日 are computed from. */
export interface SnapshotState {
  asOf: IsoDate;
  offices: OfficeRecord[];
  settings: Settings;
  /** What the figures must say about 設定 (defaults used for unreadable values, computed from these rows). */
  notes?: string[];
  /** Frozen rows that are not offices (totals, headings, notes, no code, repeated codes). */
  excludedRows?: number;
  /** The frozen rows read as マスタ (for the columns 設定 must choose between). */
  table?: Table;
}

/**
 * The offices and settings of a frozen snapshot. 設定's explicit values apply to every snapshot;
 * its defaults (number of rows, sum of 被保護者数) come from the frozen rows of that date.
 */
export function snapshotState(snapshot: FrozenSnapshot, settingsGrid: SheetGrid | undefined): SnapshotState | null {
  const master = frozenMaster(snapshot, readColumnChoices(settingsGrid));
  if (!master) return null;
  const { settings, notes } = readSettings(settingsGrid, master);
  return { asOf: snapshot.asOf, offices: master.offices, settings, notes, excludedRows: master.excludedRows, table: master.table };
}

// ---------------------------------------------------------------------------------------------
// Figures

export interface ShareCounts {
  offices: number;
  recipients: number;
  /** offices / 全数_福祉事務所数 */
  officeShare: number;
  /** recipients / 全数_被保護者数 */
  recipientShare: number;
}

export interface LargeFigures {
  threshold: number;
  offices: number;
  recipients: number;
  /** recipients / the unregistered offices' recipients */
  shareOfUnregistered: number;
}

export interface NewlyRegistered {
  code: string;
  name: string;
  startDate: IsoDate;
  recipients: number;
}

/** The SPEC §5 snapshot object. */
export interface SnapshotFigures {
  asOf: IsoDate;
  previous: IsoDate | null;
  total: { offices: number; recipients: number };
  unregistered: ShareCounts;
  registered: ShareCounts;
  large: LargeFigures;
  delta: { unregistered: ShareCounts; registered: ShareCounts } | null;
  newlyRegistered: NewlyRegistered[];
  /** Rows of マスタ that no figure counts; present only when there are any. */
  excludedRows?: number;
}

/** A ratio that is 0 (not NaN or Infinity) when the denominator is 0. */
const ratio = (n: number, d: number): number => (d === 0 ? 0 : n / d);

/** The key an office is matched by across snapshots: its code, else its name. */
export const officeKey = (o: OfficeRecord): string => (o.code !== null ? o.code : `name:${o.name}`);

/** U(D): offices whose start date is blank or after D. */
export function unregisteredAt(offices: readonly OfficeRecord[], asOf: IsoDate): OfficeRecord[] {
  return offices.filter((o) => !isRegisteredAt(o, asOf));
}

const sumRecipients = (offices: readonly OfficeRecord[]): number => offices.reduce((s, o) => s + o.recipients, 0);

function shareCounts(offices: number, recipients: number, settings: Settings): ShareCounts {
  return {
    offices,
    recipients,
    officeShare: ratio(offices, settings.totalOffices),
    recipientShare: ratio(recipients, settings.totalRecipients),
  };
}

function minus(a: ShareCounts, b: ShareCounts): ShareCounts {
  return {
    offices: a.offices - b.offices,
    recipients: a.recipients - b.recipients,
    officeShare: a.officeShare - b.officeShare,
    recipientShare: a.recipientShare - b.recipientShare,
  };
}

interface StatusFigures {
  unregistered: ShareCounts;
  registered: ShareCounts;
  large: LargeFigures;
}

function statusFigures(state: SnapshotState): StatusFigures {
  const { settings } = state;
  const u = unregisteredAt(state.offices, state.asOf);
  const uRecipients = sumRecipients(u);
  const large = u.filter((o) => o.recipients >= settings.largeThreshold);
  const largeRecipients = sumRecipients(large);
  return {
    unregistered: shareCounts(u.length, uRecipients, settings),
    // 登録済 = 全数 − 未登録, as the seed's note says (so offices outside マスタ count as registered).
    registered: shareCounts(settings.totalOffices - u.length, settings.totalRecipients - uRecipients, settings),
    large: {
      threshold: settings.largeThreshold,
      offices: large.length,
      recipients: largeRecipients,
      shareOfUnregistered: ratio(largeRecipients, uRecipients),
    },
  };
}

/**
 * 参考②: offices unregistered in the previous snapshot and registered in this one, earliest start
 * first, then the larger office first (further ties keep the master's row order).
 */
export function newlyRegistered(current: SnapshotState, previous: SnapshotState): NewlyRegistered[] {
  const before = new Set(unregisteredAt(previous.offices, previous.asOf).map(officeKey));
  const seen = new Set<string>();
  const out: NewlyRegistered[] = [];
  for (const o of current.offices) {
    const key = officeKey(o);
    if (seen.has(key)) continue;
    seen.add(key);
    if (before.has(key) && o.startDate !== null && isRegisteredAt(o, current.asOf)) {
      out.push({ code: o.code ?? "", name: o.name, startDate: o.startDate, recipients: o.recipients });
    }
  }
  return out.sort((a, b) => (a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : b.recipients - a.recipients));
}

/** The figures of a snapshot, with the change from a previous one when given. */
export function snapshotFigures(current: SnapshotState, previous: SnapshotState | null): SnapshotFigures {
  const now = statusFigures(current);
  const before = previous ? statusFigures(previous) : null;
  return {
    asOf: current.asOf,
    previous: previous?.asOf ?? null,
    total: { offices: current.settings.totalOffices, recipients: current.settings.totalRecipients },
    unregistered: now.unregistered,
    registered: now.registered,
    large: now.large,
    delta: before
      ? { unregistered: minus(now.unregistered, before.unregistered), registered: minus(now.registered, before.registered) }
      : null,
    newlyRegistered: previous ? newlyRegistered(current, previous) : [],
    ...(current.excludedRows ? { excludedRows: current.excludedRows } : {}),
  };
}

/** Figures for every state in date order, each against the one before it. */
export function snapshotSeries(states: readonly SnapshotState[]): SnapshotFigures[] {
  return states.map((s, i) => snapshotFigures(s, i > 0 ? states[i - 1] : null));
}

/** Whether a master header belongs to the add-in's own 判定_ columns (derived, not data). */
export const isJudgeHeader = (header: string): boolean => header.startsWith(JUDGE_PREFIX);
