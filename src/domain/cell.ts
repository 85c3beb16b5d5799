/**
 * Cell-level types shared by the whole engine. The domain sees workbook cells only through these:
 * adapters convert ExcelJS / Office.js values into RawCell, and dates travel as ISO strings so that
 * no answer ever depends on the process time zone.
 */

/**
 * A cell as an adapter reads it. Dates arrive as Excel serial numbers (1900 system) together with
 * the cell's number format; formulas arrive as their last result; rich text as its plain text;
 * error values as their text (`#N/A`).
 */
export type RawCell = string | number | boolean | null;

/** A calendar date without time zone, `YYYY-MM-DD`. Compares correctly as a string. */
export type IsoDate = string;

/** A calendar month, `YYYY-MM`. Compares correctly as a string. */
export type IsoMonth = string;

/** The outcome of reading one cell: a value, or the reason it could not be read. Parsers never throw. */
export type Parsed<T> = { ok: true; value: T; asText?: boolean } | { ok: false; reason: string };

export const ok = <T>(value: T, asText?: boolean): Parsed<T> =>
  asText ? { ok: true, value, asText } : { ok: true, value };
export const fail = <T = never>(reason: string): Parsed<T> => ({ ok: false, reason });

/** A date value to be written to a sheet; adapters turn it into a real Excel date. */
export interface DateOut {
  date: IsoDate;
}

/** A value an adapter writes. Strings are always written as text, never as formulas. */
export type OutCell = string | number | boolean | null | DateOut;

export const dateOut = (date: IsoDate): DateOut => ({ date });
export const isDateOut = (v: unknown): v is DateOut =>
  typeof v === "object" && v !== null && typeof (v as DateOut).date === "string";
