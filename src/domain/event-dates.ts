/**
 * Dates of events of this project — a registration start, a survey answer, a mail — cannot be
 * older than the project itself. A bare number in such a cell (`2025`, `1`) is read by Excel as a
 * serial (1905-07-17, 1900-01-01) and would count as 登録済: it is date-implausible instead, and
 * read as no date at all by every computation (one definition, used by the rule and by マスタ).
 */
import type { IsoDate, RawCell } from "./cell";
import { isDateFormat, parseDate } from "./dates";
import type { SheetKind } from "./schema/fields";

/** The earliest plausible registration, answer or mail date. */
export const EARLIEST_EVENT_DATE: IsoDate = "2021-01-01";

/** Fields where a registration, answer or mail date is expected. */
export const EVENT_DATE_FIELDS: Partial<Record<SheetKind, readonly string[]>> = {
  master: ["startDate", "answerDate", "mailDate"],
  "pf-registration": ["startDate"],
};

export const isEventDateField = (kind: SheetKind, field: string): boolean => EVENT_DATE_FIELDS[kind]?.includes(field) ?? false;

/** A number typed without a date format, small enough to be a year or a count rather than a date. */
export function isBareNumber(raw: RawCell, format: string | undefined): boolean {
  return typeof raw === "number" && Math.abs(raw) < 10_000 && !isDateFormat(format);
}

/** Why a date that reads is still not a plausible event date, or null when it is one. */
export function implausibility(raw: RawCell, date: IsoDate, format?: string): string | null {
  if (isBareNumber(raw, format)) return `数字だけが入っています（Excel では ${date} と読まれます）`;
  if (date < EARLIEST_EVENT_DATE) return `${EARLIEST_EVENT_DATE.slice(0, 4)}年より前の日付です`;
  return null;
}

/** The event date of a cell: its date when it reads and is plausible, else null. */
export function eventDate(raw: RawCell, format?: string): IsoDate | null {
  const parsed = parseDate(raw, format);
  if (!parsed.ok) return null;
  return implausibility(raw, parsed.value, format) === null ? parsed.value : null;
}
