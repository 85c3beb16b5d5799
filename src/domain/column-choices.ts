/**
 * 設定's column choices (SPEC §2): `列_<field> | <header>` says which column holds a field when two
 * match it (`列_被保護者数 | 被保護者数（R6.3）`). They are read before マスタ, because マスタ's
 * columns depend on them — by the one 設定 parser (./settings), which also reports their mistakes.
 */
import type { ColumnChoices } from "./schema/table";
import { readSettingsTable, settingsTableOf } from "./settings";
import type { SheetGrid } from "./grid";

/** Field label → chosen header text, from the 設定 sheet (empty when absent; the last 項目 wins). */
export function readColumnChoices(grid: SheetGrid | undefined): ColumnChoices {
  return new Map(Object.entries(readSettingsTable(settingsTableOf(grid)).columns));
}
