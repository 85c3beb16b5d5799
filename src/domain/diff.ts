/**
 * Period difference D1 → D2 between two frozen snapshots (SPEC §4): the figures of D2 with the
 * change from D1, 参考① / 参考② relative to D1, and the office-level change list keyed by
 * 保険者コード (added, removed, changed cells by マスタ header).
 */
import { isDateOut, type IsoDate } from "./cell";
import { parseOfficeCode } from "./codes";
import { parseCount } from "./numbers";
import { parseDate } from "./dates";
import { fieldDef } from "./schema/fields";
import { frozenTable, isJudgeHeader, snapshotFigures, type FrozenSnapshot, type FrozenValue, type SnapshotFigures, type SnapshotState } from "./snapshot";
import { normalizeText } from "./text";

/** A cell value in the change list: dates as YYYY-MM-DD, numbers, text, or null for blank. */
export type DiffValue = string | number | boolean | null;

export interface OfficeChange {
  code: string;
  /** 福祉事務所名 at D2 (D1 when blank), for the sheet; the JSON keeps SPEC's four keys. */
  name: string;
  /** The マスタ header name, e.g. 資格情報登録開始日. */
  field: string;
  from: DiffValue;
  to: DiffValue;
}

export interface OfficeChanges {
  changes: OfficeChange[];
  /** Codes at D2 that D1 did not have, in D2's row order. */
  added: string[];
  /** Codes at D1 that D2 does not have, in D1's row order. */
  removed: string[];
  /** 福祉事務所名 of every added and removed code (D2's name, else D1's). */
  names: Record<string, string>;
}

/** The SPEC §5 diff object: the snapshot fields of D2 plus from, to and the change list. */
export interface PeriodDiff extends SnapshotFigures, OfficeChanges {
  from: IsoDate;
  to: IsoDate;
}

type FieldType = "date" | "count" | "code" | "other";

/** A compared column: known fields by field (so a renamed header is followed), others by header text. */
interface DiffColumn {
  key: string;
  /** The header as written in that snapshot. */
  header: string;
  index: number;
  type: FieldType;
}

interface KeyedRows {
  /** code → frozen row (the first row of a code; validate reports duplicates). */
  rows: Map<string, FrozenValue[]>;
  order: string[];
  names: Map<string, string>;
  /** The compared columns in sheet order (判定_ columns left out: they are derived). */
  columns: DiffColumn[];
}

function columnType(field: string | undefined): FieldType {
  const type = field ? fieldDef("master", field)?.type : undefined;
  return type === "date" || type === "count" || type === "code" ? type : "other";
}

/** The compared columns of a frozen snapshot: the column a field is read from is keyed by the field. */
function diffColumns(snapshot: FrozenSnapshot, table: ReturnType<typeof frozenTable>): DiffColumn[] {
  const keyed = new Set<string>();
  return snapshot.headers.flatMap((header, index): DiffColumn[] => {
    if (isJudgeHeader(header)) return [];
    const column = table?.columns[index];
    const field = column?.field !== undefined && table?.fieldIndex.get(column.field) === index ? column.field : undefined;
    const key = field ? `field:${field}` : `header:${header}`;
    if (keyed.has(key)) return [];
    keyed.add(key);
    return [{ key, header, index, type: columnType(field) }];
  });
}

function keyedRows(snapshot: FrozenSnapshot): KeyedRows {
  const table = frozenTable(snapshot);
  const out: KeyedRows = { rows: new Map(), order: [], names: new Map(), columns: diffColumns(snapshot, table) };
  if (!table) return out;
  const codeIndex = table.fieldIndex.get("code");
  const nameIndex = table.fieldIndex.get("name");
  if (codeIndex === undefined) return out;
  snapshot.rows.forEach((row, i) => {
    // The frozen grid is the header row followed by the frozen rows, so row i is grid row i + 1.
    const cells = table.grid.values[i + 1];
    const code = parseOfficeCode(cells[codeIndex] ?? null);
    if (!code.ok || out.rows.has(code.value)) return;
    out.rows.set(code.value, row);
    out.order.push(code.value);
    out.names.set(code.value, nameIndex === undefined ? "" : normalizeText(cells[nameIndex] ?? null));
  });
  return out;
}

/** A frozen value as the change list shows it. */
export function diffValue(v: FrozenValue | undefined): DiffValue {
  if (v === undefined || v === null) return null;
  if (isDateOut(v)) return v.date;
  return v;
}

/**
 * The form two values are compared in: dates by value, counts by number, codes as 8 digits, text
 * after NFKC and trimming — so a value retyped as a number (or as text) is the same value.
 */
function comparable(v: DiffValue, type: FieldType): string {
  if (v === null || normalizeText(v) === "") return "";
  if (type === "date") {
    const d = parseDate(v);
    if (d.ok) return `d:${d.value}`;
  }
  if (type === "count") {
    const n = parseCount(v);
    if (n.ok) return `n:${n.value}`;
  }
  if (type === "code") {
    const c = parseOfficeCode(v);
    if (c.ok) return `c:${c.value}`;
  }
  return `t:${normalizeText(v)}`;
}

/** Office-level changes from D1 to D2 (the add-in's own 判定_ columns are derived, so they are left out). */
export function officeChanges(from: FrozenSnapshot, to: FrozenSnapshot): OfficeChanges {
  const a = keyedRows(from);
  const b = keyedRows(to);
  // Columns of D2, then those only D1 had; a field keeps its place whatever its header became.
  const aColumns = new Map(a.columns.map((c) => [c.key, c]));
  const bColumns = new Map(b.columns.map((c) => [c.key, c]));
  const keys = [...new Set([...b.columns.map((c) => c.key), ...a.columns.map((c) => c.key)])];
  const changes: OfficeChange[] = [];
  for (const code of b.order) {
    const before = a.rows.get(code);
    if (!before) continue;
    const after = b.rows.get(code)!;
    const name = b.names.get(code) || a.names.get(code) || "";
    for (const key of keys) {
      const ca = aColumns.get(key);
      const cb = bColumns.get(key);
      const x = diffValue(ca ? before[ca.index] : null);
      const y = diffValue(cb ? after[cb.index] : null);
      const type = cb?.type ?? ca?.type ?? "other";
      if (comparable(x, type) !== comparable(y, type)) changes.push({ code, name, field: (cb ?? ca)!.header, from: x, to: y });
    }
  }
  const added = b.order.filter((c) => !a.rows.has(c));
  const removed = a.order.filter((c) => !b.rows.has(c));
  const names: Record<string, string> = {};
  for (const c of [...added, ...removed]) names[c] = b.names.get(c) || a.names.get(c) || "";
  return { changes, added, removed, names };
}

/** The period difference D1 → D2 from the two frozen snapshots and their states. */
export function periodDiff(
  from: { snapshot: FrozenSnapshot; state: SnapshotState },
  to: { snapshot: FrozenSnapshot; state: SnapshotState },
): PeriodDiff {
  return {
    ...snapshotFigures(to.state, from.state),
    from: from.snapshot.asOf,
    to: to.snapshot.asOf,
    ...officeChanges(from.snapshot, to.snapshot),
  };
}
