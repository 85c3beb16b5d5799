/**
 * Finding rows that share a key, for the rules that report duplicates (code-duplicate on マスタ,
 * pf-duplicate-row on the Payment Fund lists). Three passes, linear in the row count: a group id
 * per row, the sheet rows of each repeated id, then every row of every group in sheet order.
 */
import type { Table, TableRow } from "../schema/table";

/** How many other rows a message names before it says "…". */
export const MAX_ROWS_NAMED = 5;

/**
 * Small integer ids for keys of one or two parts. Two-part keys are looked up in nested maps, first
 * part first, so no key string is built per row (an エラー明細 list has hundreds of thousands).
 */
export class KeyIds {
  private readonly single = new Map<string, number>();
  private readonly nested = new Map<string, Map<string, number>>();
  private next = 0;

  of(first: string, second?: string): number {
    if (second === undefined) {
      let id = this.single.get(first);
      if (id === undefined) this.single.set(first, (id = this.next++));
      return id;
    }
    let inner = this.nested.get(first);
    if (!inner) this.nested.set(first, (inner = new Map()));
    let id = inner.get(second);
    if (id === undefined) inner.set(second, (id = this.next++));
    return id;
  }
}

/**
 * Calls visit for every row whose group id (from `idOf`; -1 = no key, not compared) occurs on two
 * or more rows, in sheet order, with the sheet rows of its whole group and the id.
 */
export function eachDuplicateRow(
  table: Table,
  idOf: (row: TableRow) => number,
  visit: (row: TableRow, group: readonly number[], id: number) => void,
): void {
  const rows = table.rows;
  const ids = new Int32Array(rows.length);
  const counts: number[] = [];
  for (let i = 0; i < rows.length; i++) {
    const id = idOf(rows[i]);
    ids[i] = id;
    if (id >= 0) counts[id] = (counts[id] ?? 0) + 1;
  }
  const groups = new Map<number, number[]>();
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i];
    if (id < 0 || counts[id] < 2) continue;
    const group = groups.get(id);
    if (group) group.push(rows[i].row);
    else groups.set(id, [rows[i].row]);
  }
  if (groups.size === 0) return;
  for (let i = 0; i < ids.length; i++) {
    const group = ids[i] < 0 ? undefined : groups.get(ids[i]);
    if (group) visit(rows[i], group, ids[i]);
  }
}

/** The group's other rows for a message: `12・15` or, past MAX_ROWS_NAMED, `12・15・…`. */
export function otherRowsNamed(group: readonly number[], row: number): string {
  // Never scan the whole group per row: a group may hold thousands of rows.
  const others: number[] = [];
  for (let k = 0; k < group.length && others.length < MAX_ROWS_NAMED; k++) if (group[k] !== row) others.push(group[k]);
  return others.join("・") + (group.length - 1 > MAX_ROWS_NAMED ? "…" : "");
}
