/**
 * 設定 as the task pane's 設定 screen reads and saves it: through the one 設定 parser of
 * domain/settings (so the pane shows and edits the row the engine uses — the last one of an item
 * given twice), with the 設定 findings beside the form, and writes that touch only the value cell of
 * each changed item (or append a row for an item that is not there yet).
 */
import { dateOut, type IsoDate, type OutCell, type RawCell } from "../domain/cell";
import { DATE_CELL_FORMAT, parseDate, parseMonth } from "../domain/dates";
import type { Finding } from "../domain/findings";
import { parseCount } from "../domain/numbers";
import { RULE_IDS, RULES } from "../domain/rules";
import { SHEET_NAMES } from "../domain/schema/fields";
import {
  parseSettingValue,
  readSettingsTable,
  SETTING_KEYS,
  settingItemName,
  settingsTableOf,
  type SettingKey,
} from "../domain/settings";
import { normalizeText, splitList } from "../domain/text";
import { validateSheets } from "../domain/validate";
import type { GeneratedSheet, RangeWrite, SheetGrid, WorkbookPort, WriteBatch } from "../workbook/port";
import type { Step } from "./steps";

export { SETTING_KEYS, settingItemName as itemName, type SettingKey };

/** The rules 無効ルール may name, with their Japanese titles (the 設定 screen's checklist). */
export const ruleChoices = (): { id: string; title: string; severity: string }[] => RULES.map((r) => ({ id: r.meta.id, title: r.meta.title, severity: r.meta.severity }));

/** The 無効ルール value with one rule switched off (`disabled`) or on again; other ids kept in their order. */
export function toggleDisabledRule(value: string, id: string, disabled: boolean): string {
  const ids = splitList(value).filter((x) => x !== id);
  return (disabled ? [...ids, id] : ids).join(", ");
}

/** The rule ids a 無効ルール value names. */
export const disabledRuleIds = (value: string): string[] => splitList(value);

/** The 設定 sheet's header row when the add-in creates it. */
export const SETTINGS_SHEET_HEADER = ["項目", "値"] as const;

const SETTINGS_RULES = RULES.filter((r) => r.meta.id.startsWith("settings-"));

export interface SettingsSheet {
  exists: boolean;
  /** Current text of each item ('' when absent or blank). */
  values: Record<SettingKey, string>;
  /** Where each present item's value cell is (1-based; the last row of an item given twice). */
  cells: Partial<Record<SettingKey, { row: number; col: number }>>;
  /** Column of 項目 / 値 and the row below the table, for items that are not there yet. */
  itemCol: number;
  valueCol: number;
  nextRow: number;
  /** The sheet exists but has no 項目 | 値 header row: saving writes one first. */
  needsHeader: boolean;
  /** The 設定 findings (settings-unknown, settings-invalid, settings-duplicate), as validate reports them. */
  issues: Finding[];
}

export const emptyValues = (): Record<SettingKey, string> =>
  Object.fromEntries(SETTING_KEYS.map((k) => [k, ""])) as Record<SettingKey, string>;

/** The value as the form shows it: dates and months in ISO form, everything else as typed. */
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
  const table = settingsTableOf(grid);
  const issues = grid ? validateSheets([grid], { asOf: "2000-01-01", rules: SETTINGS_RULES, knownRules: RULE_IDS }).issues : [];
  if (!grid || !table) {
    // An existing 設定 sheet without the header gets one below its content (never overwritten).
    const nextRow = grid && grid.values.length > 0 ? grid.top + grid.values.length + 1 : 1;
    return { exists: grid !== undefined, values: emptyValues(), cells: {}, itemCol: 1, valueCol: 2, nextRow, needsHeader: grid !== undefined, issues };
  }
  const data = readSettingsTable(table);
  const values = emptyValues();
  const cells: SettingsSheet["cells"] = {};
  for (const key of SETTING_KEYS) {
    const entry = data.entries[key];
    if (!entry) continue;
    values[key] = displayValue(key, entry.raw, entry.format);
    cells[key] = { row: entry.row, col: entry.valueCol };
  }
  const layout = data.layout!;
  return { exists: true, values, cells, itemCol: layout.itemCol, valueCol: layout.valueCol, nextRow: layout.lastRow + 1, needsHeader: false, issues };
}

/** Reading 設定 is one read; saving reads it again, writes the changed items and reads the result. */
export const loadSettingsSteps = (): Step[] => ["read"];
export const saveSettingsSteps = (): Step[] => ["read", "write", "read"];

/** The 既定_基準日 of a read 設定 (the date the pane's screens start from), or null when absent or unreadable. */
export function defaultAsOfOf(sheet: SettingsSheet): IsoDate | null {
  const d = parseDate(sheet.values.asOfDefault);
  return d.ok ? d.value : null;
}

/** Reads 設定 (one sheet, one round trip after the list). */
export async function loadSettings(port: WorkbookPort): Promise<SettingsSheet> {
  const grids = await port.readSheets([SHEET_NAMES.settings]);
  return readSettingsSheet(grids.get(SHEET_NAMES.settings));
}

/** A message when `value` is not acceptable for `key`, else null (blank = the default, always fine). */
export function checkSetting(key: SettingKey, value: string): string | null {
  const v = normalizeText(value);
  if (v === "") return null;
  const parsed = parseSettingValue(key, v, undefined, RULE_IDS);
  return parsed.ok ? null : parsed.hint;
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

/** The writes of one item: its value cell when the item is there, else a new row below the table. */
function itemWrites(sheet: SettingsSheet, key: SettingKey, value: string, nextRow: number): RangeWrite[] {
  const at = sheet.cells[key];
  const cell = settingCell(key, value);
  const formats = key === "asOfDefault" && cell !== null ? [DATE_CELL_FORMAT] : undefined;
  if (at) return [{ sheet: SHEET_NAMES.settings, row: at.row, col: at.col, values: [[cell]], formats }];
  if (cell === null) return [];
  return [
    { sheet: SHEET_NAMES.settings, row: nextRow, col: sheet.itemCol, values: [[settingItemName(key)]] },
    { sheet: SHEET_NAMES.settings, row: nextRow, col: sheet.valueCol, values: [[cell]], formats },
  ];
}

/** The items whose form value differs from what `sheet` holds. */
export function changedItems(sheet: SettingsSheet, values: Record<SettingKey, string>): SettingKey[] {
  return SETTING_KEYS.filter((k) => normalizeText(values[k]) !== normalizeText(sheet.values[k]));
}

/**
 * The writes that store `values` into `sheet` (only the changed items, or the `only` ones); null
 * when nothing is to be written.
 */
export function settingsWrites(sheet: SettingsSheet, values: Record<SettingKey, string>, only?: readonly SettingKey[]): WriteBatch | null {
  const changed = only ? changedItems(sheet, values).filter((k) => only.includes(k)) : changedItems(sheet, values);
  if (changed.length === 0) return null;
  if (!sheet.exists) {
    const generated: GeneratedSheet = {
      name: SHEET_NAMES.settings,
      widths: [24, 30],
      blocks: [
        {
          header: [...SETTINGS_SHEET_HEADER],
          rows: SETTING_KEYS.filter((k) => normalizeText(values[k]) !== "").map((k) => [settingItemName(k), settingCell(k, values[k])]),
          formats: [undefined, undefined],
        },
      ],
    };
    return { sheets: [generated] };
  }
  const ranges: RangeWrite[] = [];
  let next = sheet.nextRow;
  if (sheet.needsHeader) {
    ranges.push({ sheet: SHEET_NAMES.settings, row: next, col: sheet.itemCol, values: [[...SETTINGS_SHEET_HEADER]] });
    next++;
  }
  for (const key of changed) {
    const writes = itemWrites(sheet, key, values[key], next);
    if (writes.length === 2) next++;
    ranges.push(...writes);
  }
  return ranges.length > (sheet.needsHeader ? 1 : 0) ? { ranges } : null;
}

export type SaveSettingsResult = { saved: false; sheet: SettingsSheet } | { saved: true; sheet: SettingsSheet };

/**
 * Saves the form: only the items the user changed in the form (against `loaded`, the 設定 the form
 * was filled from) are written, into 設定 as it reads now — so a cell edited in Excel meanwhile is
 * never overwritten by a stale form value, and a row added meanwhile is respected. One commit;
 * returns 設定 as it then reads.
 */
export async function saveSettings(port: WorkbookPort, values: Record<SettingKey, string>, loaded?: SettingsSheet): Promise<SaveSettingsResult> {
  const before = await loadSettings(port);
  const batch = settingsWrites(before, values, loaded ? changedItems(loaded, values) : undefined);
  if (!batch) return { saved: false, sheet: before };
  await port.commit(batch);
  return { saved: true, sheet: await loadSettings(port) };
}
