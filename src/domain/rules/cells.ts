/**
 * The loops most rules share: visit the non-blank cells of one field, of every field of a type, or
 * the well-formed office codes. Column indexes are resolved once per sheet, never per row.
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
}

/** Calls visit for every non-blank cell of one field; nothing when the column is absent. */
export function eachFieldCell(table: Table | null, field: string, visit: (cell: CellVisit) => void): void {
  const index = table?.fieldIndex.get(field);
  if (!table || index === undefined) return;
  const col = table.grid.left + index;
  for (const row of table.rows) {
    const value = row.cells[index] ?? null;
    if (!isBlank(value)) visit({ value, row, col, index });
  }
}

/** Calls visit for every row's cell of one field, blank ones included (rules about blanks); nothing when the column is absent. */
export function eachFieldRow(table: Table | null, field: string, visit: (cell: CellVisit) => void): void {
  const index = table?.fieldIndex.get(field);
  if (!table || index === undefined) return;
  const col = table.grid.left + index;
  for (const row of table.rows) visit({ value: row.cells[index] ?? null, row, col, index });
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

/** Calls visit for every well-formed 保険者コード; malformed ones are code-format's business. */
export function eachOfficeCode(table: Table | null, visit: (code: string, cell: CellVisit) => void): void {
  eachFieldCell(table, "code", (cell) => {
    const parsed = parseOfficeCode(cell.value);
    if (parsed.ok) visit(parsed.value, cell);
  });
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
