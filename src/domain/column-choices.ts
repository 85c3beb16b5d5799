/**
 * 設定's column choices (SPEC §2): `列_<field> | <header>` says which column holds a field when two
 * match it (`列_被保護者数 | 被保護者数（R6.3）`). They are read before マスタ, because マスタ's
 * columns depend on them, and the 設定 parser keeps them in `Settings.columns`.
 */
import { readTable, type ColumnChoices } from "./schema/table";
import { normalizeText } from "./text";
import type { SheetGrid } from "../workbook/port";

export const COLUMN_CHOICE_PREFIX = "列_";

/** Field label → chosen header text, from the 設定 sheet (empty when absent; the last 項目 wins). */
export function readColumnChoices(grid: SheetGrid | undefined): ColumnChoices {
  const choices = new Map<string, string>();
  const table = grid ? readTable(grid, "settings") : null;
  if (!table) return choices;
  const itemIndex = table.fieldIndex.get("item");
  const valueIndex = table.fieldIndex.get("value");
  if (itemIndex === undefined || valueIndex === undefined) return choices;
  for (const row of table.rows) {
    const item = normalizeText(row.cells[itemIndex] ?? null);
    if (!item.startsWith(COLUMN_CHOICE_PREFIX)) continue;
    const label = item.slice(COLUMN_CHOICE_PREFIX.length).trim();
    const header = normalizeText(row.cells[valueIndex] ?? null);
    if (label && header) choices.set(label, header);
  }
  return choices;
}
