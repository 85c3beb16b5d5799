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

type FieldType = "date" | "count" | "other";

interface KeyedRows {
  /** code → frozen row (the first row of a code; validate reports duplicates). */
  rows: Map<string, FrozenValue[]>;
  order: string[];
  names: Map<string, string>;
  /** header → how its values compare. */
  types: Map<string, FieldType>;
}

function keyedRows(snapshot: FrozenSnapshot): KeyedRows {
  const table = frozenTable(snapshot);
  const out: KeyedRows = { rows: new Map(), order: [], names: new Map(), types: new Map() };
  if (!table) return out;
  for (const c of table.columns) {
    const type = c.field ? fieldDef("master", c.field)?.type : undefined;
    out.types.set(snapshot.headers[c.index], type === "date" ? "date" : type === "count" ? "count" : "other");
  }
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

/** The form two values are compared in: dates by value, counts by number, text after NFKC and trimming. */
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
  return `${typeof v}:${normalizeText(v)}`;
}

/** Office-level changes from D1 to D2 (the add-in's own 判定_ columns are derived, so they are left out). */
export function officeChanges(from: FrozenSnapshot, to: FrozenSnapshot): OfficeChanges {
  const a = keyedRows(from);
  const b = keyedRows(to);
  const headers = [...new Set([...to.headers, ...from.headers])].filter((h) => !isJudgeHeader(h));
  const aIndex = new Map(from.headers.map((h, i) => [h, i]));
  const bIndex = new Map(to.headers.map((h, i) => [h, i]));
  const changes: OfficeChange[] = [];
  for (const code of b.order) {
    const before = a.rows.get(code);
    if (!before) continue;
    const after = b.rows.get(code)!;
    const name = b.names.get(code) || a.names.get(code) || "";
    for (const h of headers) {
      const x = diffValue(aIndex.has(h) ? before[aIndex.get(h)!] : null);
      const y = diffValue(bIndex.has(h) ? after[bIndex.get(h)!] : null);
      const type = b.types.get(h) ?? a.types.get(h) ?? "other";
      if (comparable(x, type) !== comparable(y, type)) changes.push({ code, name, field: h, from: x, to: y });
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
