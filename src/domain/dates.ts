/**
 * Dates and months as time-zone-free ISO strings. Everything here is integer arithmetic on civil
 * dates (days since 1970-01-01), never local-time `Date` getters, so answers do not depend on TZ.
 */
import { fail, ok, type IsoDate, type IsoMonth, type Parsed, type RawCell } from "./cell";
import { isBlank, nfkc } from "./text";

// ---------------------------------------------------------------------------------------------
// Civil calendar arithmetic (proleptic Gregorian; H. Hinnant's days_from_civil / civil_from_days)

const MS_PER_DAY = 86_400_000;
const TOKYO_OFFSET_MS = 9 * 3_600_000;

/** Days since 1970-01-01 of a proleptic Gregorian date. */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** The ISO date `days` days after 1970-01-01. */
function isoOfDays(days: number): IsoDate {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return isoOf(y, m, d);
}

const pad2 = (n: number): string => (n < 10 ? "0" : "") + n;
const pad4 = (n: number): string => String(n).padStart(4, "0");
const isoOf = (y: number, m: number, d: number): IsoDate => `${pad4(y)}-${pad2(m)}-${pad2(d)}`;
const isoMonthOf = (y: number, m: number): IsoMonth => `${pad4(y)}-${pad2(m)}`;

const isLeapYear = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(y: number, m: number): number {
  return m === 2 && isLeapYear(y) ? 29 : DAYS_IN_MONTH[m - 1];
}

function isRealMonth(y: number, m: number): boolean {
  return Number.isInteger(y) && Number.isInteger(m) && y >= 1 && y <= 9999 && m >= 1 && m <= 12;
}

function isRealDate(y: number, m: number, d: number): boolean {
  return isRealMonth(y, m) && Number.isInteger(d) && d >= 1 && d <= daysInMonth(y, m);
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_MONTH = /^(\d{4})-(\d{2})$/;

/** True for a real calendar date written `YYYY-MM-DD`. */
export function isValidIsoDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  return m !== null && isRealDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** True for a real month written `YYYY-MM`. */
export function isValidIsoMonth(s: string): boolean {
  const m = ISO_MONTH.exec(s);
  return m !== null && isRealMonth(Number(m[1]), Number(m[2]));
}

// ---------------------------------------------------------------------------------------------
// Excel serial dates (1900 date system, with Lotus's fictitious 1900-02-29 = serial 60)

const SERIAL_OF_EPOCH = 25_569; // 1970-01-01
const FAKE_LEAP_SERIAL = 60;
const FAKE_LEAP_DAY = "1900-02-29";
const MAX_SERIAL = 2_958_465; // 9999-12-31
const DAYS_OF_1900_03_01 = daysFromCivil(1900, 3, 1);

/** The date of an Excel serial (time of day ignored), or null outside 1 … 2958465. */
export function serialToIso(serial: number): IsoDate | null {
  if (typeof serial !== "number" || !Number.isFinite(serial)) return null;
  const s = Math.floor(serial);
  if (s < 1 || s > MAX_SERIAL) return null;
  if (s === FAKE_LEAP_SERIAL) return FAKE_LEAP_DAY;
  return isoOfDays(s < FAKE_LEAP_SERIAL ? s - SERIAL_OF_EPOCH + 1 : s - SERIAL_OF_EPOCH);
}

/** The Excel serial of an ISO date; NaN when the text is not a date Excel can hold. */
export function isoToSerial(iso: IsoDate): number {
  if (iso === FAKE_LEAP_DAY) return FAKE_LEAP_SERIAL;
  const m = ISO_DATE.exec(iso);
  if (!m) return NaN;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (!isRealDate(y, mo, d)) return NaN;
  const days = daysFromCivil(y, mo, d);
  const serial = days < DAYS_OF_1900_03_01 ? days + SERIAL_OF_EPOCH - 1 : days + SERIAL_OF_EPOCH;
  return serial >= 1 && serial <= MAX_SERIAL ? serial : NaN;
}

// ---------------------------------------------------------------------------------------------
// Japanese eras

interface Era {
  name: string;
  /** Gregorian year of the era's first (元) year. */
  firstYear: number;
  start: IsoDate;
  end: IsoDate;
}

const REIWA: Era = { name: "令和", firstYear: 2019, start: "2019-05-01", end: "9999-12-31" };
const HEISEI: Era = { name: "平成", firstYear: 1989, start: "1989-01-08", end: "2019-04-30" };
const SHOWA: Era = { name: "昭和", firstYear: 1926, start: "1926-12-25", end: "1989-01-07" };
const TAISHO: Era = { name: "大正", firstYear: 1912, start: "1912-07-30", end: "1926-12-25" };

const ERA_BY_TOKEN: Readonly<Record<string, Era>> = {
  令和: REIWA, R: REIWA, r: REIWA,
  平成: HEISEI, H: HEISEI, h: HEISEI,
  昭和: SHOWA, S: SHOWA, s: SHOWA,
  大正: TAISHO, T: TAISHO, t: TAISHO,
};

/** The Gregorian year of an era year (`元` = 1), or null for year 0 / nonsense. */
function gregorianYear(era: Era, yearText: string): number | null {
  const n = yearText === "元" ? 1 : Number(yearText);
  return Number.isInteger(n) && n >= 1 ? era.firstYear + n - 1 : null;
}

// ---------------------------------------------------------------------------------------------
// Text forms

const ERA = "(令和|平成|昭和|大正|[RHSTrhst])";
const ERA_YEAR = "(元|\\d{1,2})";
const TIME_SUFFIX = /(?:\s|T)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2}|[AaPp][Mm])?$/;
const WEEKDAY_SUFFIX = /\((?:[月火水木金土日](?:曜日?)?)\)$/;
const SPACES = /\s+/g;
/** Longer text cannot be a date (even with a time and zone); skipping it bounds the work per cell. */
const MAX_DATE_TEXT = 100;

const WESTERN_DATE = /^(\d{4})([/.-])(\d{1,2})\2(\d{1,2})$/;
const WESTERN_KANJI_DATE = /^(\d{4})年(\d{1,2})月(\d{1,2})日?$/;
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})$/;
const ERA_DATE = new RegExp(`^${ERA}${ERA_YEAR}[年./-](\\d{1,2})[月./-](\\d{1,2})日?$`);

const WESTERN_MONTH = /^(\d{4})(年度|年|[/.-])(\d{1,2})月?$/;
const COMPACT_MONTH = /^(\d{4})(\d{2})$/;
const ERA_MONTH = new RegExp(`^${ERA}${ERA_YEAR}(年度|[年./-])(\\d{1,2})月?$`);

const R_BLANK = "空欄です";
const R_NOT_DATE = "日付として読めません";
const R_NOT_MONTH = "年月として読めません";
const R_NO_SUCH_DATE = "存在しない日付です";
const R_NO_SUCH_MONTH = "存在しない月です";
const R_OUT_OF_ERA = "元号の期間外の日付です";
const R_OUT_OF_ERA_MONTH = "元号の期間外の年月です";
const R_SERIAL_RANGE = "日付の範囲外です";

/** NFKC text with any time of day, weekday and spaces removed: the date part only. */
function dateText(s: string): string {
  return nfkc(s).trim().replace(TIME_SUFFIX, "").replace(WEEKDAY_SUFFIX, "").replace(SPACES, "");
}

function checkedDate(y: number, m: number, d: number): Parsed<IsoDate> {
  return isRealDate(y, m, d) ? ok(isoOf(y, m, d)) : fail(R_NO_SUCH_DATE);
}

function eraDate(token: string, yearText: string, m: number, d: number): Parsed<IsoDate> {
  const era = ERA_BY_TOKEN[token];
  const y = gregorianYear(era, yearText);
  if (y === null || !isRealDate(y, m, d)) return fail(R_NO_SUCH_DATE);
  const iso = isoOf(y, m, d);
  return iso >= era.start && iso <= era.end ? ok(iso) : fail(R_OUT_OF_ERA);
}

/** A date from already-cleaned text, or null when no date form matches. */
function dateOfText(s: string): Parsed<IsoDate> | null {
  let m = WESTERN_DATE.exec(s);
  if (m) return checkedDate(Number(m[1]), Number(m[3]), Number(m[4]));
  m = WESTERN_KANJI_DATE.exec(s) ?? COMPACT_DATE.exec(s);
  if (m) return checkedDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = ERA_DATE.exec(s);
  if (m) return eraDate(m[1], m[2], Number(m[3]), Number(m[4]));
  return null;
}

/** Month of a fiscal-year form (`令和6年度1月` = 2025-01): January–March belong to the next year. */
function yearOfMonthForm(y: number, m: number, yearKind: string): number {
  return yearKind === "年度" && m >= 1 && m <= 3 ? y + 1 : y;
}

function checkedMonth(y: number, m: number): Parsed<IsoMonth> {
  return isRealMonth(y, m) ? ok(isoMonthOf(y, m)) : fail(R_NO_SUCH_MONTH);
}

function eraMonth(token: string, yearText: string, yearKind: string, m: number): Parsed<IsoMonth> {
  const era = ERA_BY_TOKEN[token];
  const y0 = gregorianYear(era, yearText);
  if (y0 === null) return fail(R_NO_SUCH_MONTH);
  const y = yearOfMonthForm(y0, m, yearKind);
  if (!isRealMonth(y, m)) return fail(R_NO_SUCH_MONTH);
  const month = isoMonthOf(y, m);
  // The month must overlap the era (平成1年1月 and 令和元年5月 are fine; 令和1年4月 is not).
  return month >= era.start.slice(0, 7) && month <= era.end.slice(0, 7) ? ok(month) : fail(R_OUT_OF_ERA_MONTH);
}

/** A month from already-cleaned text, or null when no month-only form matches. */
function monthOfText(s: string): Parsed<IsoMonth> | null {
  let m = WESTERN_MONTH.exec(s);
  if (m) return checkedMonth(yearOfMonthForm(Number(m[1]), Number(m[3]), m[2]), Number(m[3]));
  m = COMPACT_MONTH.exec(s);
  if (m) return checkedMonth(Number(m[1]), Number(m[2]));
  m = ERA_MONTH.exec(s);
  if (m) return eraMonth(m[1], m[2], m[3], Number(m[4]));
  return null;
}

function dateOfSerial(serial: number): Parsed<IsoDate> {
  const iso = serialToIso(serial);
  if (iso === null) return fail(R_SERIAL_RANGE);
  return iso === FAKE_LEAP_DAY ? fail(R_NO_SUCH_DATE) : ok(iso);
}

/**
 * A date cell: a number is an Excel serial whatever its format (the format is informational);
 * text may be Western, Japanese-era (令和7年1月7日, R7.1.7, H31.4.30), full-width, 8-digit
 * (20250107), optionally followed by a time of day. Serial 60 (Excel's fictitious 1900-02-29) fails.
 */
export function parseDate(v: RawCell, format?: string): Parsed<IsoDate> {
  void format;
  if (isBlank(v)) return fail(R_BLANK);
  if (typeof v === "number") return dateOfSerial(v);
  if (typeof v !== "string" || v.length > MAX_DATE_TEXT) return fail(R_NOT_DATE);
  return dateOfText(dateText(v)) ?? fail(R_NOT_DATE);
}

/**
 * A month cell: 令和7年1月, R7年1月, R7.1, R7/1, 2025年1月, 2025/01, 2025-01, 202501, 令和6年度1月
 * (fiscal-year form: = 2025-01). A full date or a serial number yields its month.
 */
export function parseMonth(v: RawCell, format?: string): Parsed<IsoMonth> {
  void format;
  if (isBlank(v)) return fail(R_BLANK);
  if (typeof v === "number") return monthOfParsedDate(dateOfSerial(v));
  if (typeof v !== "string" || v.length > MAX_DATE_TEXT) return fail(R_NOT_MONTH);
  const s = dateText(v);
  return monthOfText(s) ?? monthOfParsedDate(dateOfText(s) ?? fail(R_NOT_MONTH));
}

function monthOfParsedDate(p: Parsed<IsoDate>): Parsed<IsoMonth> {
  return p.ok ? ok(monthOf(p.value)) : p;
}

// ---------------------------------------------------------------------------------------------
// Today and month helpers

/** Today's date in Japan (UTC+9 all year round; Japan has no daylight saving time). */
export function todayInTokyo(now: Date = new Date()): IsoDate {
  const t = now.getTime();
  const ms = Number.isFinite(t) ? t : Date.now();
  return isoOfDays(Math.floor((ms + TOKYO_OFFSET_MS) / MS_PER_DAY));
}

const yearOf = (s: string): number => Number(s.slice(0, 4));
const monthNumberOf = (s: string): number => Number(s.slice(5, 7));

/** `2025-02-04` → `2025-02`. */
export function monthOf(d: IsoDate): IsoMonth {
  return d.slice(0, 7);
}

/** The month n months after m (n may be negative). */
export function addMonths(m: IsoMonth, n: number): IsoMonth {
  const index = yearOf(m) * 12 + monthNumberOf(m) - 1 + Math.trunc(n);
  return isoMonthOf(Math.floor(index / 12), (index % 12) + 1);
}

/** `2024-02` → `2024-02-29`. */
export function lastDayOfMonth(m: IsoMonth): IsoDate {
  const y = yearOf(m);
  const mo = monthNumberOf(m);
  return isoOf(y, mo, daysInMonth(y, mo));
}

/** The fiscal year (April … March) of a date or month: 2025-03 → 2024, 2025-04 → 2025. */
export function fiscalYearOf(d: IsoDate | IsoMonth): number {
  const y = yearOf(d);
  return monthNumberOf(d) >= 4 ? y : y - 1;
}

/** The last month of the fiscal year of a date or month: 2024-12-17 → 2025-03. */
export function fiscalYearEndMonth(d: IsoDate | IsoMonth): IsoMonth {
  return isoMonthOf(fiscalYearOf(d) + 1, 3);
}

/** `2025-01` → `令和7年1月`, `2019-05` → `令和元年5月`, `2019-04` → `平成31年4月`. */
export function formatJapaneseMonth(m: IsoMonth): string {
  const y = yearOf(m);
  const mo = monthNumberOf(m);
  const era = [REIWA, HEISEI, SHOWA].find((e) => m >= e.start.slice(0, 7));
  if (!era) return `${y}年${mo}月`;
  const n = y - era.firstYear + 1;
  return `${era.name}${n === 1 ? "元" : n}年${mo}月`;
}

/**
 * True for an Excel number format that shows a date (y, m or d outside quotes, escapes and
 * [colour]/[$-locale] brackets). `General`, `0.0%`, `#,##0` and `@` are not dates.
 */
export function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  const bare = format.replace(/"[^"]*"/gu, "").replace(/\\./gu, "").replace(/\[[^\]]*\]/gu, "");
  if (/general/iu.test(bare)) return false;
  return /[ymdge]/iu.test(bare.replace(/[Ee][+-]/gu, ""));
}

/** The number format of every date cell the add-in writes (one definition). */
export const DATE_CELL_FORMAT = "yyyy/m/d";

/**
 * A date as text for people, as Excel shows a DATE_CELL_FORMAT cell (findings, the task pane):
 * `2025-06-01` → `2025/6/1`. Anything that is not an ISO date is returned as it is.
 */
export function formatSlashDate(d: IsoDate): string {
  const m = ISO_DATE.exec(d);
  return m ? `${m[1]}/${Number(m[2])}/${Number(m[3])}` : d;
}

/** `2025-02-04` → `2/4`. */
export function formatShortDate(d: IsoDate): string {
  return `${monthNumberOf(d)}/${Number(d.slice(8, 10))}`;
}

/** `2025-02-04` → `2月4日`. */
export function formatJapaneseDate(d: IsoDate): string {
  return `${monthNumberOf(d)}月${Number(d.slice(8, 10))}日`;
}
