/**
 * The loops rules share: visit the non-blank (or the blank) cells of one field, of every field of a
 * type, or the well-formed office codes; group rows by a key. Column indexes are resolved once per
 * sheet, never per row.
 */
import type { RawCell } from "../cell";
import { parseOfficeCode } from "../codes";
import { SCHEMAS, type FieldDef, type FieldType, type SheetKind } from "../schema/fields";
import type { Table, TableRow } from "../schema/table";
import { isBlank } from "../text";

export interface CellVisit {
  value: RawCell;
  row: TableRow;
  /** 1-based sheet column. */
  col: number;
  /** 0-based index into row.cells (and into the grid's formats). */
  index: number;
  /** The schema field key of the column. */
  field: string;
}

/** Where a visited cell is, in the form report() takes: row, col, field and value. */
export function atCell(cell: CellVisit): { row: number; col: number; field: string; value: RawCell } {
  return { row: cell.row.row, col: cell.col, field: cell.field, value: cell.value };
}

function eachCell(table: Table | null, field: string, blank: boolean, visit: (cell: CellVisit) => void): void {
  const index = table?.fieldIndex.get(field);
  if (!table || index === undefined) return;
  const col = table.grid.left + index;
  for (const row of table.rows) {
    const value = row.cells[index] ?? null;
    if (isBlank(value) === blank) visit({ value, row, col, index, field });
  }
}

/** Calls visit for every non-blank cell of one field; nothing when the column is absent. */
export function eachFieldCell(table: Table | null, field: string, visit: (cell: CellVisit) => void): void {
  eachCell(table, field, false, visit);
}

/** Calls visit for every blank cell (by isBlank) of one field; nothing when the column is absent. */
export function eachBlankFieldCell(table: Table | null, field: string, visit: (cell: CellVisit) => void): void {
  eachCell(table, field, true, visit);
}

/** One field's column in a table, resolved once: where it is and how to read it in any row. */
export interface FieldColumn {
  field: string;
  /** 1-based sheet column. */
  col: number;
  read: (row: TableRow) => RawCell;
}

/** The column of a field, or null when the table lacks it. */
export function fieldColumn(table: Table | null, field: string): FieldColumn | null {
  const index = table?.fieldIndex.get(field);
  if (!table || index === undefined) return null;
  return { field, col: table.grid.left + index, read: (row) => row.cells[index] ?? null };
}

/** Where a row's cell of a column is, in the form report() takes: row, col, field and value. */
export function atRow(column: FieldColumn, row: TableRow): { row: number; col: number; field: string; value: RawCell } {
  return { row: row.row, col: column.col, field: column.field, value: column.read(row) };
}

/** The fields of one type in a sheet kind's schema. */
export function fieldsOfType(kind: SheetKind | null, type: FieldType): FieldDef[] {
  return kind === null ? [] : SCHEMAS[kind].fields.filter((f) => f.type === type);
}

/** Calls visit for every non-blank cell of every field of a type (e.g. all date columns). */
export function eachCellOfType(
  kind: SheetKind | null,
  table: Table | null,
  type: FieldType,
  visit: (cell: CellVisit, field: FieldDef) => void,
): void {
  for (const field of fieldsOfType(kind, type)) eachFieldCell(table, field.key, (cell) => visit(cell, field));
}

/** The normalised 保険者コード of a cell, or null when blank or malformed. */
export function officeCodeOf(value: RawCell): string | null {
  const parsed = parseOfficeCode(value);
  return parsed.ok ? parsed.value : null;
}

/** Calls visit for every well-formed 保険者コード; malformed ones are code-format's business. */
export function eachOfficeCode(table: Table | null, visit: (code: string, cell: CellVisit) => void): void {
  eachFieldCell(table, "code", (cell) => {
    const code = officeCodeOf(cell.value);
    if (code !== null) visit(code, cell);
  });
}

/** One part of a row's key; null when the row has no complete key (it then joins no group). */
export type KeyPart = (row: TableRow) => string | null;

/**
 * The groups of rows that share a key (two or more rows each), in order of first appearance, each
 * in table order. A key is one or more parts, looked up in nested maps part by part, so no per-row
 * key string is ever built (this runs on Payment Fund lists of 300,000 rows).
 */
export function groupRowsByKey(rows: readonly TableRow[], parts: readonly [KeyPart, ...KeyPart[]]): TableRow[][] {
  const ids = new Int32Array(rows.length).fill(-1);
  const counts: number[] = [];
  const root = new Map<string, unknown>();
  const last = parts.length - 1;
  rowLoop: for (let i = 0; i < rows.length; i++) {
    let level = root;
    for (let p = 0; p < last; p++) {
      const key = parts[p](rows[i]);
      if (key === null) continue rowLoop;
      let next = level.get(key) as Map<string, unknown> | undefined;
      if (!next) level.set(key, (next = new Map()));
      level = next;
    }
    const key = parts[last](rows[i]);
    if (key === null) continue;
    let id = level.get(key) as number | undefined;
    if (id === undefined) level.set(key, (id = counts.push(0) - 1));
    ids[i] = id;
    counts[id]++;
  }
  const groups = new Map<number, TableRow[]>();
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i];
    if (id < 0 || counts[id] < 2) continue;
    const group = groups.get(id);
    if (group) group.push(rows[i]);
    else groups.set(id, [rows[i]]);
  }
  return [...groups.values()];
}

/** How many other rows a duplicate's message names before it says "…". */
const MAX_ROWS_NAMED = 5;

/**
 * The other sheet rows of a row's group as a message names them: `3・7・9`, at most five, then `…`.
 * Never scans the whole group: a group may hold thousands of rows.
 */
export function otherRowsNamed(group: readonly TableRow[], row: TableRow): string {
  const others: number[] = [];
  for (let k = 0; k < group.length && others.length < MAX_ROWS_NAMED; k++) if (group[k] !== row) others.push(group[k].row);
  return others.join("・") + (group.length - 1 > MAX_ROWS_NAMED ? "…" : "");
}

/** How many distinct texts a per-sheet verdict cache keeps. */
const MAX_CACHED = 10_000;

/**
 * Date and plan columns repeat the same few texts over thousands of rows: remember the verdict per
 * text (bounded), compute it for anything else.
 */
export function memoByText<T>(compute: (value: RawCell) => T): (value: RawCell) => T {
  const cache = new Map<string, T>();
  return (value) => {
    if (typeof value !== "string") return compute(value);
    const hit = cache.get(value);
    if (hit !== undefined || cache.has(value)) return hit as T;
    const verdict = compute(value);
    if (cache.size < MAX_CACHED) cache.set(value, verdict);
    return verdict;
  };
}
