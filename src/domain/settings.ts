/**
 * The optional 設定 sheet (項目 | 値): denominators, thresholds, months, column choices. This is the
 * one parser of 設定, for the CLI and the task pane alike (the pane edits through src/commands/settings).
 *
 * A nonsense 設定 never stops a command, and never passes silently either: an unknown 項目 is
 * settings-unknown, an unreadable value settings-invalid (the default is used, and every computed
 * table says so in its notes), a 項目 given twice settings-duplicate (the last row wins).
 */
import type { IsoDate, IsoMonth, RawCell } from "./cell";
import { addMonths, fiscalYearEndMonth, monthOf, parseDate, parseMonth } from "./dates";
import { parseCount } from "./numbers";
import { compactKey, isBlank, nfkc, normalizeText, splitList } from "./text";
import { cellAddress, readTable, type Table } from "./schema/table";
import type { Master } from "./master";
import type { SheetGrid } from "./grid";

export interface Settings {
  totalOffices: number;
  totalRecipients: number;
  largeThreshold: number;
  surveyMonth: IsoMonth;
  /** Explicit issue months, or null for "the two months after the as-of date". */
  documentMonths: IsoMonth[] | null;
  /** Explicit end of the current fiscal year, or null for "derived from the as-of date". */
  fiscalYearEnd: IsoMonth | null;
  disabledRules: string[];
  /** 列_<field> items: the field as written after 列_ (e.g. 被保護者数) → the header text to use. */
  columns: Record<string, string>;
  /** 既定_基準日: the date the task pane's screens start from; null = today in Japan. */
  asOfDefault?: IsoDate | null;
}

export const SETTING_ITEMS = {
  totalOffices: "全数_福祉事務所数",
  totalRecipients: "全数_被保護者数",
  largeThreshold: "優先_被保護者数閾値",
  surveyMonth: "アンケート_基準月",
  documentMonths: "公文書_発出月",
  fiscalYearEnd: "年度末",
  disabledRules: "無効ルール",
} as const;

/** The 設定 item of the date the task pane's screens start from. */
export const AS_OF_DEFAULT_ITEM = "既定_基準日";
/** Prefix of the items that choose a column when two match one field (`列_被保護者数`). */
export const COLUMN_ITEM_PREFIX = "列_";

export type SettingKey = "asOfDefault" | keyof typeof SETTING_ITEMS;
/** Every fixed item, in the order the task pane shows them. */
export const SETTING_KEYS: readonly SettingKey[] = [
  "asOfDefault",
  "totalOffices",
  "totalRecipients",
  "largeThreshold",
  "surveyMonth",
  "documentMonths",
  "fiscalYearEnd",
  "disabledRules",
];

export const settingItemName = (key: SettingKey): string => (key === "asOfDefault" ? AS_OF_DEFAULT_ITEM : SETTING_ITEMS[key]);

/** The defaults (one definition). */
export const DEFAULT_THRESHOLD = 1000;
export const DEFAULT_SURVEY_MONTH: IsoMonth = "2024-10";

/** What each item falls back to, in words (the pane's hints and the findings' messages). */
export const SETTING_DEFAULT_LABELS: Readonly<Record<SettingKey, string>> = {
  asOfDefault: "今日（日本時間）",
  totalOffices: "マスタの行数",
  totalRecipients: "マスタの被保護者数の合計",
  largeThreshold: String(DEFAULT_THRESHOLD),
  surveyMonth: DEFAULT_SURVEY_MONTH,
  documentMonths: "基準日の翌月と翌々月",
  fiscalYearEnd: "基準日から求める",
  disabledRules: "なし",
};

/** What a value must look like, per kind of item (also the pane's input messages). */
export const SETTING_VALUE_HINTS = {
  count: "0 以上の整数を入力してください。",
  positive: "1 以上の整数を入力してください。",
  month: "年月を入力してください（例: 2024-10、令和6年10月）。",
  months: "年月をカンマ区切りで入力してください（例: 2025-03, 2025-04）。",
  date: "日付を入力してください（例: 2025-02-04）。",
  rules: (ids: string) => `知らないルールがあります: ${ids}`,
} as const;

/** The value of an item once read. */
export type SettingValue = number | IsoMonth | IsoMonth[] | string[] | IsoDate;

/**
 * Reads one item's value (blank values are the caller's business: they mean "the default").
 * `knownRules`, when given, makes an unknown rule id in 無効ルール unreadable (the pane's check).
 */
export function parseSettingValue(
  key: SettingKey,
  raw: RawCell,
  format?: string,
  knownRules?: readonly string[],
): { ok: true; value: SettingValue } | { ok: false; hint: string } {
  const H = SETTING_VALUE_HINTS;
  switch (key) {
    case "totalOffices":
    case "totalRecipients": {
      const n = parseCount(raw);
      return n.ok && n.value > 0 ? { ok: true, value: n.value } : { ok: false, hint: H.positive };
    }
    case "largeThreshold": {
      const n = parseCount(raw);
      return n.ok ? { ok: true, value: n.value } : { ok: false, hint: H.count };
    }
    case "surveyMonth":
    case "fiscalYearEnd": {
      const m = parseMonth(raw, format);
      return m.ok ? { ok: true, value: m.value } : { ok: false, hint: H.month };
    }
    case "documentMonths": {
      // A single date cell (a serial) is one month; text is a list.
      const parts = typeof raw === "string" ? splitList(raw) : [raw];
      const months = parts.map((p) => parseMonth(p, format));
      if (months.some((m) => !m.ok)) return { ok: false, hint: H.months };
      return { ok: true, value: [...new Set(months.map((m) => (m.ok ? m.value : "")))].sort() };
    }
    case "disabledRules": {
      const ids = splitList(normalizeText(raw));
      const unknown = knownRules ? ids.filter((id) => !knownRules.includes(id)) : [];
      return unknown.length === 0 ? { ok: true, value: ids } : { ok: false, hint: H.rules(unknown.join(", ")) };
    }
    case "asOfDefault": {
      const d = parseDate(raw, format);
      return d.ok ? { ok: true, value: d.value } : { ok: false, hint: H.date };
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Reading the sheet

/** Where an item is in 設定 and what it holds (the last row of an item given twice). */
export interface SettingEntry {
  /** The 項目 as written (trimmed NFKC). */
  item: string;
  raw: RawCell;
  format?: string;
  /** 1-based sheet row, and the columns of 項目 and 値. */
  row: number;
  itemCol: number;
  valueCol: number;
  /** A1 address of the value cell (where the pane writes). */
  cell: string;
}

export type SettingsRuleId = "settings-unknown" | "settings-invalid" | "settings-duplicate";

/** Something wrong in 設定, reported by the rule of the same id. */
export interface SettingsProblem {
  rule: SettingsRuleId;
  row: number;
  col: number;
  item: string;
  value: RawCell;
  /** The message id in the meta of the rule `rule`, and the data for its template. */
  messageId: string;
  data: Readonly<Record<string, string | number>>;
  /** For settings-invalid: what a readable value looks like. */
  note?: string;
  /** For settings-invalid: the item whose default is used. */
  key?: SettingKey;
}

export interface SettingsSheetData {
  /** The fixed items present (last row wins). */
  entries: Partial<Record<SettingKey, SettingEntry>>;
  /** 列_<field> items present (last row wins). */
  columnEntries: Record<string, SettingEntry>;
  /** Explicit values that read (blank and unreadable ones are absent: the default applies). */
  values: Partial<Record<SettingKey, SettingValue>>;
  columns: Record<string, string>;
  problems: SettingsProblem[];
  /** Items that do not exist, as written (said in the notes of computed tables). */
  unknownItems: string[];
  /** The table's place, for writing back: null when the sheet has no 項目 | 値 header row. */
  layout: { headerRow: number; itemCol: number; valueCol: number; lastRow: number } | null;
}

/** How item names are compared leniently: NFKC, without spaces, underscores and middle dots. */
const looseKey = (s: string): string => compactKey(s).replace(/[_＿・･\-－]/gu, "");

const ITEM_BY_NAME = new Map<string, SettingKey>(SETTING_KEYS.map((k) => [settingItemName(k), k]));
const ITEM_BY_LOOSE_NAME = new Map<string, SettingKey>(SETTING_KEYS.map((k) => [looseKey(settingItemName(k)), k]));
const COLUMN_ITEM = /^列[\s_＿]*(.+)$/u;

/** Levenshtein distance, capped: enough to suggest the item a typo meant. */
function distance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const next = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = prev[j];
      prev[j] = next;
    }
  }
  return prev[b.length];
}

/** The known item a misspelt one most likely meant (within two edits), or null. */
export function suggestItem(item: string): string | null {
  const key = looseKey(item);
  let best: { name: string; d: number } | null = null;
  for (const k of SETTING_KEYS) {
    const name = settingItemName(k);
    const d = distance(key, looseKey(name));
    if (d <= 2 && (best === null || d < best.d)) best = { name, d };
  }
  return best?.name ?? null;
}

type Matched = { kind: "fixed"; key: SettingKey; exact: boolean } | { kind: "column"; field: string; exact: boolean } | { kind: "unknown" };

/** Which item a 項目 cell names: exactly, leniently (spaces for underscores), or none. */
export function matchItem(item: string): Matched {
  const exact = ITEM_BY_NAME.get(item);
  if (exact) return { kind: "fixed", key: exact, exact: true };
  if (item.startsWith(COLUMN_ITEM_PREFIX) && item.length > COLUMN_ITEM_PREFIX.length) {
    return { kind: "column", field: item.slice(COLUMN_ITEM_PREFIX.length).trim(), exact: true };
  }
  const loose = ITEM_BY_LOOSE_NAME.get(looseKey(item));
  if (loose) return { kind: "fixed", key: loose, exact: false };
  const column = COLUMN_ITEM.exec(nfkc(item).trim());
  if (column && column[1].trim()) return { kind: "column", field: compactKey(column[1]), exact: false };
  return { kind: "unknown" };
}

const shown = (raw: RawCell): string => normalizeText(raw);

/** Reads the 設定 table: entries with their cells, explicit values, 列_ choices and the problems. */
export function readSettingsTable(table: Table | null): SettingsSheetData {
  const data: SettingsSheetData = { entries: {}, columnEntries: {}, values: {}, columns: {}, problems: [], unknownItems: [], layout: null };
  if (!table) return data;
  const itemIndex = table.fieldIndex.get("item")!;
  const valueIndex = table.fieldIndex.get("value")!;
  const itemCol = table.columns[itemIndex].col;
  const valueCol = table.columns[valueIndex].col;
  let lastRow = table.headerRow;
  // Every row of each item, so that duplicates can be named together.
  const rowsOf = new Map<string, SettingEntry[]>();
  const keyOf = new Map<string, Matched>();
  for (const row of table.rows) {
    lastRow = Math.max(lastRow, row.row);
    const rawItem = row.cells[itemIndex] ?? null;
    const raw = row.cells[valueIndex] ?? null;
    if (isBlank(rawItem)) {
      if (!isBlank(raw)) {
        data.problems.push({ rule: "settings-unknown", row: row.row, col: itemCol, item: "", value: raw, messageId: "blankItem", data: { value: shown(raw) } });
      }
      continue;
    }
    const item = normalizeText(rawItem);
    const entry: SettingEntry = { item, raw, format: table.grid.formats?.[row.index]?.[valueIndex], row: row.row, itemCol, valueCol, cell: cellAddress(row.row, valueCol) };
    const matched = matchItem(item);
    if (matched.kind === "unknown") {
      const suggestion = suggestItem(item);
      data.unknownItems.push(item);
      data.problems.push({
        rule: "settings-unknown",
        row: row.row,
        col: itemCol,
        item,
        value: item,
        ...(suggestion
          ? { messageId: "unknownItemLike", data: { item, suggestion } }
          : { messageId: "unknownItem", data: { item, items: SETTING_KEYS.map(settingItemName).join("、") } }),
      });
      continue;
    }
    const canonical = matched.kind === "fixed" ? settingItemName(matched.key) : `${COLUMN_ITEM_PREFIX}${matched.field}`;
    if (!matched.exact) {
      data.problems.push({
        rule: "settings-unknown",
        row: row.row,
        col: itemCol,
        item,
        value: item,
        messageId: "misnamedItem",
        data: { item, canonical },
      });
    }
    keyOf.set(canonical, matched);
    rowsOf.set(canonical, [...(rowsOf.get(canonical) ?? []), entry]);
  }
  data.layout = { headerRow: table.headerRow, itemCol, valueCol, lastRow };

  for (const [canonical, entries] of rowsOf) {
    const last = entries[entries.length - 1];
    if (entries.length > 1) {
      const rows = entries.map((e) => `${e.row} 行目`).join("・");
      for (const e of entries.slice(0, -1)) {
        data.problems.push({
          rule: "settings-duplicate",
          row: e.row,
          col: itemCol,
          item: e.item,
          value: e.item,
          messageId: "duplicate",
          data: { item: canonical, rows, lastRow: last.row },
        });
      }
    }
    const matched = keyOf.get(canonical)!;
    if (matched.kind === "column") {
      data.columnEntries[matched.field] = last;
      // The header as the user typed it (trimmed): header matching normalises both sides itself.
      if (!isBlank(last.raw)) data.columns[matched.field] = typeof last.raw === "string" ? last.raw.trim() : normalizeText(last.raw);
      continue;
    }
    if (matched.kind !== "fixed") continue;
    data.entries[matched.key] = last;
    if (isBlank(last.raw)) continue;
    const parsed = parseSettingValue(matched.key, last.raw, last.format);
    if (parsed.ok) {
      data.values[matched.key] = parsed.value;
      continue;
    }
    data.problems.push({
      rule: "settings-invalid",
      row: last.row,
      col: valueCol,
      item: last.item,
      value: last.raw,
      key: matched.key,
      messageId: "unreadable",
      data: { item: canonical, value: shown(last.raw), fallback: SETTING_DEFAULT_LABELS[matched.key] },
      note: parsed.hint,
    });
  }
  data.problems.sort((a, b) => a.row - b.row || a.col - b.col);
  return data;
}

/** The 設定 table of a sheet (null when the sheet is absent or has no 項目 | 値 header row). */
export function settingsTableOf(grid: SheetGrid | undefined): Table | null {
  return grid ? readTable(grid, "settings") : null;
}

export interface ReadSettings {
  settings: Settings;
  problems: SettingsProblem[];
  /** Japanese lines for every computed table: which defaults replaced unreadable values, which items were ignored. */
  notes: string[];
  data: SettingsSheetData;
}

const count = (n: number): string => n.toLocaleString("en-US");

/** The settings in force, with the master's defaults, and what was said about 設定. */
export function readSettings(grid: SheetGrid | undefined, master: Master | null): ReadSettings {
  const offices = master?.offices ?? [];
  const defaults: Settings = {
    totalOffices: offices.length,
    totalRecipients: offices.reduce((s, o) => s + o.recipients, 0),
    largeThreshold: DEFAULT_THRESHOLD,
    surveyMonth: DEFAULT_SURVEY_MONTH,
    documentMonths: null,
    fiscalYearEnd: null,
    disabledRules: [],
    columns: {},
    asOfDefault: null,
  };
  const data = readSettingsTable(settingsTableOf(grid));
  const v = data.values;
  const settings: Settings = {
    totalOffices: (v.totalOffices as number | undefined) ?? defaults.totalOffices,
    totalRecipients: (v.totalRecipients as number | undefined) ?? defaults.totalRecipients,
    largeThreshold: (v.largeThreshold as number | undefined) ?? defaults.largeThreshold,
    surveyMonth: (v.surveyMonth as IsoMonth | undefined) ?? defaults.surveyMonth,
    documentMonths: (v.documentMonths as IsoMonth[] | undefined) ?? null,
    fiscalYearEnd: (v.fiscalYearEnd as IsoMonth | undefined) ?? null,
    disabledRules: (v.disabledRules as string[] | undefined) ?? [],
    columns: data.columns,
    asOfDefault: (v.asOfDefault as IsoDate | undefined) ?? null,
  };
  const fallback: Record<SettingKey, string> = {
    asOfDefault: `今日（日本時間）`,
    totalOffices: `マスタの行数 ${count(defaults.totalOffices)}`,
    totalRecipients: `マスタの被保護者数の合計 ${count(defaults.totalRecipients)}`,
    largeThreshold: `既定値 ${count(DEFAULT_THRESHOLD)}`,
    surveyMonth: `既定値 ${DEFAULT_SURVEY_MONTH}`,
    documentMonths: "基準日の翌月と翌々月",
    fiscalYearEnd: "基準日から求めた年度末",
    disabledRules: "なし",
  };
  const notes: string[] = [];
  for (const p of data.problems) {
    if (p.rule === "settings-invalid" && p.key && p.key !== "asOfDefault") {
      notes.push(`${settingItemName(p.key)} が読めないため、${fallback[p.key]} を使いました（設定 ${p.row} 行目「${shown(p.value)}」）。`);
    }
  }
  for (const item of data.unknownItems) notes.push(`設定の項目「${item}」は知らない項目のため使っていません。`);
  return { settings, problems: data.problems, notes, data };
}

/** Issue months for official documents at A: the configured ones, or the two months after A. */
export function documentMonthsAt(settings: Settings, asOf: IsoDate): IsoMonth[] {
  if (settings.documentMonths && settings.documentMonths.length > 0) return settings.documentMonths;
  const m = monthOf(asOf);
  return [addMonths(m, 1), addMonths(m, 2)];
}

/** End month of the fiscal year that contains A (or the configured 年度末). */
export function fiscalYearEndAt(settings: Settings, asOf: IsoDate): IsoMonth {
  return settings.fiscalYearEnd ?? fiscalYearEndMonth(asOf);
}
