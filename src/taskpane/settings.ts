/** The 設定 sheet as the 設定 screen edits it: reading items, checking input, building the writes. */
import { dateOut, type OutCell, type RawCell } from "../domain/cell";
import { parseDate, parseMonth } from "../domain/dates";
import { parseCount } from "../domain/numbers";
import { RULE_IDS } from "../domain/rules";
import { SHEET_NAMES } from "../domain/schema/fields";
import { readTable } from "../domain/schema/table";
import { SETTING_ITEMS } from "../domain/settings";
import { normalizeText } from "../domain/text";
import type { GeneratedSheet, RangeWrite, SheetGrid, WorkbookPort, WriteBatch } from "../workbook/port";
import { M } from "./messages";

/** The 設定 item the task pane adds: the 基準日 its date pickers start from (blank = today in Japan). */
export const AS_OF_DEFAULT_ITEM = M.settings.asOfDefaultItem;

export type SettingKey = keyof typeof M.settings.items;
export const SETTING_KEYS: SettingKey[] = [
  "asOfDefault",
  "totalOffices",
  "totalRecipients",
  "largeThreshold",
  "surveyMonth",
  "documentMonths",
  "fiscalYearEnd",
  "disabledRules",
];

export const itemName = (key: SettingKey): string => (key === "asOfDefault" ? AS_OF_DEFAULT_ITEM : SETTING_ITEMS[key]);

export interface SettingsSheet {
  exists: boolean;
  /** Current text of each item ('' when absent or blank). */
  values: Record<SettingKey, string>;
  /** Where each present item's value cell is (1-based). */
  cells: Partial<Record<SettingKey, { row: number; col: number }>>;
  /** Column of 項目 / 値 and the row below the table, for items that are not there yet. */
  itemCol: number;
  valueCol: number;
  nextRow: number;
  /** The sheet exists but has no 項目 | 値 header row: saving writes one first. */
  needsHeader: boolean;
}

export const emptyValues = (): Record<SettingKey, string> =>
  Object.fromEntries(SETTING_KEYS.map((k) => [k, ""])) as Record<SettingKey, string>;

function displayValue(key: SettingKey, raw: RawCell, format: string | undefined): string {
  if (raw === null || raw === "") return "";
  if (key === "asOfDefault") {
    const d = parseDate(raw, format);
    return d.ok ? d.value : normalizeText(raw);
  }
  if (key === "surveyMonth" || key === "fiscalYearEnd") {
    const m = parseMonth(raw, format);
    return m.ok ? m.value : normalizeText(raw);
  }
  return normalizeText(raw);
}

/** Reads 設定 into the form's shape. */
export function readSettingsSheet(grid: SheetGrid | undefined): SettingsSheet {
  const table = grid ? readTable(grid, "settings") : null;
  if (!grid || !table) {
    // An existing 設定 sheet without the header gets one below its content (never overwritten).
    const nextRow = grid && grid.values.length > 0 ? grid.top + grid.values.length + 1 : 1;
    return { exists: grid !== undefined, values: emptyValues(), cells: {}, itemCol: 1, valueCol: 2, nextRow, needsHeader: grid !== undefined };
  }
  const itemIdx = table.fieldIndex.get("item")!;
  const valueIdx = table.fieldIndex.get("value")!;
  const values = emptyValues();
  const cells: SettingsSheet["cells"] = {};
  const byName = new Map(SETTING_KEYS.map((k) => [itemName(k), k]));
  let lastRow = table.headerRow;
  for (const row of table.rows) {
    lastRow = Math.max(lastRow, row.row);
    const key = byName.get(normalizeText(row.cells[itemIdx]));
    if (!key || cells[key]) continue;
    const format = grid.formats?.[row.index]?.[valueIdx];
    values[key] = displayValue(key, row.cells[valueIdx], format);
    cells[key] = { row: row.row, col: table.columns[valueIdx].col };
  }
  return { exists: true, values, cells, itemCol: table.columns[itemIdx].col, valueCol: table.columns[valueIdx].col, nextRow: lastRow + 1, needsHeader: false };
}

export async function loadSettingsSheet(port: WorkbookPort): Promise<SettingsSheet> {
  const grids = await port.readSheets([SHEET_NAMES.settings]);
  return readSettingsSheet(grids.get(SHEET_NAMES.settings));
}

/** A message when `value` is not acceptable for `key`, else null. */
export function checkSetting(key: SettingKey, value: string): string | null {
  const v = normalizeText(value);
  if (v === "") return null;
  const I = M.settings.invalid;
  switch (key) {
    case "asOfDefault":
      return parseDate(v).ok ? null : I.date;
    case "totalOffices":
    case "totalRecipients": {
      const n = parseCount(v);
      return n.ok && n.value > 0 ? null : I.positive;
    }
    case "largeThreshold":
      return parseCount(v).ok ? null : I.count;
    case "surveyMonth":
    case "fiscalYearEnd":
      return parseMonth(v).ok ? null : I.month;
    case "documentMonths":
      return v.split(/[,、，;；\s]+/u).filter(Boolean).every((p) => parseMonth(p).ok) ? null : I.months;
    case "disabledRules": {
      const unknown = v.split(/[,、，;；\s]+/u).filter((id) => id && !RULE_IDS.includes(id));
      return unknown.length === 0 ? null : I.rules(unknown.join(", "));
    }
  }
}

/** The cell value to store: counts as numbers, the 基準日 as a date, everything else as text. */
export function settingCell(key: SettingKey, value: string): OutCell {
  const v = normalizeText(value);
  if (v === "") return null;
  if (key === "totalOffices" || key === "totalRecipients" || key === "largeThreshold") {
    const n = parseCount(v);
    return n.ok ? n.value : v;
  }
  if (key === "asOfDefault") {
    const d = parseDate(v);
    return d.ok ? dateOut(d.value) : v;
  }
  if (key === "surveyMonth" || key === "fiscalYearEnd") {
    const m = parseMonth(v);
    return m.ok ? m.value : v;
  }
  return v;
}

/** The writes that store `values` (only changed items); null when nothing changed. */
export function settingsWrites(sheet: SettingsSheet, values: Record<SettingKey, string>): WriteBatch | null {
  const changed = SETTING_KEYS.filter((k) => normalizeText(values[k]) !== normalizeText(sheet.values[k]));
  if (changed.length === 0) return null;
  if (!sheet.exists) {
    const generated: GeneratedSheet = {
      name: SHEET_NAMES.settings,
      widths: [24, 30],
      blocks: [
        {
          header: [...M.settings.sheetHeader],
          rows: SETTING_KEYS.filter((k) => normalizeText(values[k]) !== "").map((k) => [itemName(k), settingCell(k, values[k])]),
          formats: [undefined, undefined],
        },
      ],
    };
    return { sheets: [generated] };
  }
  const ranges: RangeWrite[] = [];
  let next = sheet.nextRow;
  if (sheet.needsHeader) {
    ranges.push({ sheet: SHEET_NAMES.settings, row: next, col: sheet.itemCol, values: [[...M.settings.sheetHeader]] });
    next++;
  }
  for (const key of changed) {
    const at = sheet.cells[key];
    const cell = settingCell(key, values[key]);
    const format = key === "asOfDefault" && cell !== null ? ["yyyy/m/d"] : undefined;
    if (at) {
      ranges.push({ sheet: SHEET_NAMES.settings, row: at.row, col: at.col, values: [[cell]], formats: format });
    } else if (cell !== null) {
      ranges.push({ sheet: SHEET_NAMES.settings, row: next, col: sheet.itemCol, values: [[itemName(key)]] });
      ranges.push({ sheet: SHEET_NAMES.settings, row: next, col: sheet.valueCol, values: [[cell]], formats: format });
      next++;
    }
  }
  return ranges.length > (sheet.needsHeader ? 1 : 0) ? { ranges } : null;
}

