/**
 * The optional 設定 sheet (項目 | 値): denominators, thresholds, months. Values that cannot be read
 * fall back to their defaults and are listed in `problems`, so a nonsense 設定 never stops a command.
 */
import type { IsoDate, IsoMonth } from "./cell";
import { addMonths, fiscalYearEndMonth, monthOf, parseMonth } from "./dates";
import { parseCount } from "./numbers";
import { normalizeText } from "./text";
import { fieldValue, readTable } from "./schema/table";
import type { Master } from "./master";
import type { SheetGrid } from "../workbook/port";
import type { ColumnChoices } from "./schema/table";
import { readColumnChoices } from "./column-choices";

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
  /** 列_<field> choices: field label → the header of the column that holds it. */
  columns?: ColumnChoices;
}

export interface SettingsProblem {
  row: number;
  item: string;
  message: string;
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

export const DEFAULT_THRESHOLD = 1000;
export const DEFAULT_SURVEY_MONTH = "2024-10";

const LIST_SEPARATOR = /[,、，;；\s]+/u;

export function readSettings(grid: SheetGrid | undefined, master: Master | null): { settings: Settings; problems: SettingsProblem[] } {
  const offices = master?.offices ?? [];
  const settings: Settings = {
    totalOffices: offices.length,
    totalRecipients: offices.reduce((s, o) => s + o.recipients, 0),
    largeThreshold: DEFAULT_THRESHOLD,
    surveyMonth: DEFAULT_SURVEY_MONTH,
    documentMonths: null,
    fiscalYearEnd: null,
    disabledRules: [],
    columns: readColumnChoices(grid),
  };
  const problems: SettingsProblem[] = [];
  const table = grid ? readTable(grid, "settings") : null;
  if (!table) return { settings, problems };
  for (const row of table.rows) {
    const item = normalizeText(fieldValue(table, row, "item"));
    const raw = fieldValue(table, row, "value");
    const bad = (what: string) => problems.push({ row: row.row, item, message: `${item} の値「${normalizeText(raw)}」を${what}として読めません。既定値を使います。` });
    switch (item) {
      case SETTING_ITEMS.totalOffices:
      case SETTING_ITEMS.totalRecipients:
      case SETTING_ITEMS.largeThreshold: {
        if (normalizeText(raw) === "") break;
        const n = parseCount(raw);
        if (!n.ok || (item !== SETTING_ITEMS.largeThreshold && n.value === 0)) {
          bad("正の整数");
          break;
        }
        if (item === SETTING_ITEMS.totalOffices) settings.totalOffices = n.value;
        else if (item === SETTING_ITEMS.totalRecipients) settings.totalRecipients = n.value;
        else settings.largeThreshold = n.value;
        break;
      }
      case SETTING_ITEMS.surveyMonth:
      case SETTING_ITEMS.fiscalYearEnd: {
        if (normalizeText(raw) === "") break;
        const m = parseMonth(raw);
        if (!m.ok) bad("年月");
        else if (item === SETTING_ITEMS.surveyMonth) settings.surveyMonth = m.value;
        else settings.fiscalYearEnd = m.value;
        break;
      }
      case SETTING_ITEMS.documentMonths: {
        const parts = normalizeText(raw).split(LIST_SEPARATOR).filter(Boolean);
        if (parts.length === 0) break;
        const months = parts.map((p) => parseMonth(p));
        if (months.some((m) => !m.ok)) bad("年月の並び");
        else settings.documentMonths = [...new Set(months.map((m) => (m.ok ? m.value : "")))].sort();
        break;
      }
      case SETTING_ITEMS.disabledRules:
        settings.disabledRules = normalizeText(raw).split(LIST_SEPARATOR).filter(Boolean);
        break;
      default:
        break;
    }
  }
  return { settings, problems };
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
