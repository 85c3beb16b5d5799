/**
 * Applying a 支払基金 登録状況 list to マスタ: which 資格情報登録開始日 cells must change. Pure: the
 * command turns the result into range writes and 変更履歴 rows.
 *
 * Only dates that differ in value are changes, so a date typed as text (`2025/1/7`) and the same
 * date as a date cell are equal, and applying the same list twice changes nothing.
 */
import type { IsoDate, RawCell } from "./cell";
import { parseOfficeCode } from "./codes";
import { parseDate } from "./dates";
import { eventDate } from "./event-dates";
import type { Master } from "./master";
import { fieldFormat, fieldValue, isBlankCell, type Table } from "./schema/table";
import { normalizeText } from "./text";

export interface RegistrationChange {
  code: string;
  /** 1-based sheet row and column of the master cell. */
  row: number;
  col: number;
  /** The master's value before: a date, null when blank, or the raw text when it is not a date. */
  old: IsoDate | null | string;
  new: IsoDate;
}

export interface RegistrationChanges {
  changes: RegistrationChange[];
  /** Readable codes of the list that マスタ does not hold, in list order, each once. */
  unknownCodes: string[];
}

/** The start date each listed code carries: rows with a blank or unreadable date say nothing; the last row wins. */
export function listedStartDates(list: Table): { dates: Map<string, IsoDate>; codes: string[] } {
  const dates = new Map<string, IsoDate>();
  const codes: string[] = [];
  const seen = new Set<string>();
  for (const row of list.rows) {
    const code = parseOfficeCode(fieldValue(list, row, "code"));
    if (!code.ok) continue;
    if (!seen.has(code.value)) {
      seen.add(code.value);
      codes.push(code.value);
    }
    // A bare number or a pre-2021 date in the list is date-implausible, never applied.
    const date = eventDate(fieldValue(list, row, "startDate"), fieldFormat(list, row, "startDate"));
    if (date !== null) dates.set(code.value, date);
  }
  return { dates, codes };
}

/** The master cell as the change log should show it: its date, null when blank, else its text. */
function currentValue(raw: RawCell, format: string | undefined): IsoDate | null | string {
  if (isBlankCell(raw)) return null;
  const parsed = parseDate(raw, format);
  return parsed.ok ? parsed.value : normalizeText(raw);
}

/**
 * The master cells a registration list changes. Every master row holding a listed code is
 * considered (a duplicated code in マスタ gets the same date on each of its rows; validate reports
 * the duplicate). A blank list date never erases a master date.
 */
export function registrationChanges(list: Table, master: Master): RegistrationChanges {
  const { dates, codes } = listedStartDates(list);
  const known = new Set(master.offices.map((o) => o.code).filter((c): c is string => c !== null));
  const unknownCodes = codes.filter((c) => !known.has(c));
  const startIndex = master.table.fieldIndex.get("startDate");
  if (startIndex === undefined) return { changes: [], unknownCodes };
  const col = master.table.columns[startIndex].col;
  const changes: RegistrationChange[] = [];
  master.codedRows.forEach(({ office, row }) => {
    if (office.code === null) return;
    const listed = dates.get(office.code);
    if (listed === undefined) return;
    const old = currentValue(fieldValue(master.table, row, "startDate"), fieldFormat(master.table, row, "startDate"));
    if (office.startDate === listed) return;
    changes.push({ code: office.code, row: office.row, col, old, new: listed });
  });
  return { changes, unknownCodes };
}
