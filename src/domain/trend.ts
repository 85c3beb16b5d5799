/**
 * 閲覧停止推移 (SPEC §6): every 閲覧停止 list of the book, oldest first — the total 資格情報_合計 and
 * 医療情報_合計 of each list (the seed's 「閲覧停止件数推移」), and per office its count in each list
 * with the number of consecutive lists, up to the newest, it has stayed in (「1か月残存」 = listed
 * in the next month's list as well).
 *
 * The per-office count is 資格情報_合計 (the seed follows the 資格情報 suspensions that remain), or
 * 医療情報_合計 when a list has no 資格情報 columns. Rows of one code are added up, as in 閲覧停止集計.
 */
import type { IsoDate } from "./cell";
import { parseOfficeCode } from "./codes";
import { parseCount } from "./numbers";
import { normalizeText } from "./text";
import { fieldValue, type Table } from "./schema/table";

export interface TrendList {
  sheet: string;
  /** The list's date (from its name, else its データ基準日); null when it has none. */
  date: IsoDate | null;
  table: Table;
}

export interface TrendPoint {
  sheet: string;
  date: IsoDate | null;
  /** Sum of 資格情報_合計; null when the list has no such column. */
  資格情報: number | null;
  /** Sum of 医療情報_合計; null when the list has no such column. */
  医療情報: number | null;
  /** Offices listed (count > 0). */
  offices: number;
}

/** Where an office stands in the newest list. */
export type PersistenceState = "新規" | "継続" | "解消";

export interface PersistenceRow {
  code: string;
  name: string;
  /** Its count in each list, oldest first (0 when not listed). */
  counts: number[];
  /** Consecutive lists, ending with the newest, that list it (0 when the newest does not). */
  months: number;
  state: PersistenceState;
}

export interface SuspensionTrend {
  trend: TrendPoint[];
  persistence: PersistenceRow[];
}

function sumOf(table: Table, field: string): number | null {
  if (!table.fieldIndex.has(field)) return null;
  let sum = 0;
  for (const row of table.rows) {
    if (!parseOfficeCode(fieldValue(table, row, "code")).ok) continue;
    const n = parseCount(fieldValue(table, row, field));
    if (n.ok) sum += n.value;
  }
  return sum;
}

/** Per-code counts of one list (資格情報_合計, else 医療情報_合計) and the names it gives. */
function countsOf(table: Table): Map<string, { count: number; name: string }> {
  const field = table.fieldIndex.has("qualTotal") ? "qualTotal" : "medTotal";
  const out = new Map<string, { count: number; name: string }>();
  for (const row of table.rows) {
    const code = parseOfficeCode(fieldValue(table, row, "code"));
    if (!code.ok) continue;
    const n = parseCount(fieldValue(table, row, field));
    const prev = out.get(code.value);
    const count = (prev?.count ?? 0) + (n.ok ? n.value : 0);
    out.set(code.value, { count, name: prev?.name || normalizeText(fieldValue(table, row, "name")) });
  }
  return out;
}

/** Consecutive lists, ending with the last, where the count is above 0. */
export function consecutiveFromEnd(counts: readonly number[]): number {
  let n = 0;
  for (let i = counts.length - 1; i >= 0 && counts[i] > 0; i--) n++;
  return n;
}

/** The trend over `lists` (already ordered oldest first); `names` from マスタ win over the lists' names. */
export function suspensionTrend(lists: readonly TrendList[], names: ReadonlyMap<string, string> = new Map()): SuspensionTrend {
  const perList = lists.map((l) => countsOf(l.table));
  const trend = lists.map((l, i): TrendPoint => ({
    sheet: l.sheet,
    date: l.date,
    資格情報: sumOf(l.table, "qualTotal"),
    医療情報: sumOf(l.table, "medTotal"),
    offices: [...perList[i].values()].filter((c) => c.count > 0).length,
  }));
  const codes = new Map<string, string>();
  for (const m of perList) for (const [code, { name }] of m) if (!codes.has(code) || !codes.get(code)) codes.set(code, name);
  const last = lists.length - 1;
  const persistence = [...codes].map(([code, listName]): PersistenceRow => {
    const counts = perList.map((m) => m.get(code)?.count ?? 0);
    const months = consecutiveFromEnd(counts);
    const state: PersistenceState = months === 0 ? "解消" : months === 1 ? "新規" : "継続";
    return { code, name: names.get(code) || listName, counts, months, state };
  });
  persistence.sort((a, b) => b.months - a.months || (b.counts[last] ?? 0) - (a.counts[last] ?? 0) || a.code.localeCompare(b.code));
  return { trend, persistence };
}
