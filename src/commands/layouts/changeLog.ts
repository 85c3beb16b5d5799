/** 変更履歴: one appended row per master cell a command changed. */
import { dateOut, type IsoDate, type OutCell } from "../../domain/cell";
import { parseDate } from "../../domain/dates";
import type { RegistrationChange } from "../../domain/registrations";
import { SHEET_NAMES } from "../../domain/schema/fields";
import { cellAddress } from "../../domain/schema/table";
import type { AppendRows } from "../../domain/writes";
import { DATE_FORMAT } from "./formats";

export const CHANGE_LOG_HEADER = ["日時", "シート", "セル", "変更前", "変更後", "コマンド"];
/** The format of a 資格情報登録開始日 written into マスタ. */
export const START_DATE_FORMAT = DATE_FORMAT;

/** A valid ISO date is logged as a date; anything else the cell held is logged as it was. */
const logValue = (v: IsoDate | null | string): OutCell => (v === null ? null : parseDate(v).ok && /^\d{4}-\d{2}-\d{2}$/u.test(v) ? dateOut(v) : v);

export interface ChangeLogContext {
  /** `2025-01-07 09:30` (Japan). */
  when: string;
  command: string;
  /** マスタ's tab name as it is in the book. */
  masterSheet: string;
  /** The formula a changed cell held, if any: logged as its text (変更前), so the change can be undone. */
  formulaAt?: (row: number, col: number) => string | undefined;
}

/** The 変更履歴 rows for start dates written into マスタ. */
export function changeLogAppend(changes: readonly RegistrationChange[], { when, command, masterSheet, formulaAt }: ChangeLogContext): AppendRows {
  return {
    sheet: SHEET_NAMES.changeLog,
    header: CHANGE_LOG_HEADER,
    rows: changes.map((c) => [when, masterSheet, cellAddress(c.row, c.col), formulaAt?.(c.row, c.col) ?? logValue(c.old), dateOut(c.new), command]),
    formats: ["@", undefined, undefined, undefined, DATE_FORMAT, undefined],
  };
}
