/**
 * The rows a batch writes by position, and the 保険者コード each of them held when the command read
 * the book. Between that read and the commit the user may sort マスタ, or a co-author may edit it
 * (Excel on the web), and Excel waits with the commit while a cell is being edited: the Office adapter
 * checks these codes in the request that precedes its writes and writes nothing when one moved.
 */
import type { RawCell } from "./cell";
import type { Master } from "./master";
import type { RowGuard } from "./writes";

/** The code cell of every coded master row, as read (the Office adapter compares them as text). */
export function masterRowGuard(master: Master): RowGuard | null {
  const { table } = master;
  const i = table.fieldIndex.get("code");
  if (i === undefined || master.codedRows.length === 0) return null;
  const col = table.columns.find((c) => c.index === i)?.col ?? table.grid.left + i;
  return {
    sheet: table.sheet,
    col,
    rows: master.codedRows.map(({ row }) => ({ row: row.row, text: guardText(row.cells[i]) })),
  };
}

/** How a code cell compares: its value as text, blank for nothing. */
export const guardText = (v: RawCell | undefined): string => (v === null || v === undefined ? "" : String(v));
