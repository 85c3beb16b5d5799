/**
 * 変更履歴: one appended row per master cell a command changed (SPEC §2): 日時, シート, セル,
 * 保険者コード, 福祉事務所名, 項目, 変更前, 変更後, 操作 (the operation in Japanese).
 *
 * Books logged before these columns existed (日時, シート, セル, 変更前, 変更後, コマンド) keep their
 * rows as they are: new rows are laid out by the header the sheet already has, and the columns it
 * lacks are added at its right end (コマンド is read as 操作).
 */
import { dateOut, type IsoDate, type OutCell, type RawCell } from "../../domain/cell";
import { isDateFormat, parseDate, serialToIso } from "../../domain/dates";
import type { SheetGrid } from "../../domain/grid";
import { SHEET_NAMES } from "../../domain/schema/fields";
import type { AppendRows, RangeWrite } from "../../domain/writes";
import { DATE_FORMAT } from "./formats";

export const CHANGE_LOG_HEADER = ["日時", "シート", "セル", "保険者コード", "福祉事務所名", "項目", "変更前", "変更後", "操作"];
/** The header of logs written before SPEC §2 named the office and the operation. */
export const LEGACY_CHANGE_LOG_HEADER = ["日時", "シート", "セル", "変更前", "変更後", "コマンド"];
/** The format of a 資格情報登録開始日 written into マスタ. */
export const START_DATE_FORMAT = DATE_FORMAT;

/** 操作 of a Payment Fund list applied to マスタ. */
export const importOperation = (sheet: string): string => `支払基金データの取込（${sheet}）`;
/** 操作 of an undo: it names the operation it undid. */
export const UNDO_PREFIX = "直前の取込を元に戻す";
export const undoOperation = (undone: string): string => `${UNDO_PREFIX}（${undone}）`;

/** A valid ISO date is logged as a date; anything else the cell held is logged as it was. */
export const logValue = (v: IsoDate | null | string | number | boolean): OutCell =>
  v === null ? null : typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/u.test(v) && parseDate(v).ok ? dateOut(v) : v;

/** One changed master cell, as logged. */
export interface LogEntry {
  sheet: string;
  cell: string;
  code: string;
  name: string;
  field: string;
  old: OutCell;
  new: OutCell;
}

export interface ChangeLogContext {
  /** `2025-01-07 09:30` (Japan). */
  when: string;
  /** The operation in Japanese (importOperation, undoOperation). */
  operation: string;
}

/** Which column of an existing header holds a field of the log (操作 is コマンド in old logs). */
const headerSynonyms: Record<string, string[]> = { 操作: ["操作", "コマンド"] };
const columnOf = (header: readonly string[], name: string): number => {
  const names = headerSynonyms[name] ?? [name];
  return header.findIndex((h) => names.includes(h));
};

/** The header row of 変更履歴 as it is in the book (trailing blanks dropped); null when the sheet is absent or empty. */
export function existingLogHeader(grid: SheetGrid | undefined): string[] | null {
  const first = grid?.values[0];
  // The log's header is its first row; a sheet whose used range starts lower is not a log we wrote.
  if (!grid || !first || grid.top !== 1 || grid.left !== 1) return null;
  const header = first.map((v) => (v === null ? "" : String(v).trim()));
  while (header.length > 0 && header[header.length - 1] === "") header.pop();
  return header.length > 0 ? header : null;
}

/**
 * The writes that log `entries`: an append laid out by the sheet's header, and (for an old-format
 * log) the header cells it lacks, added at its right end.
 */
export function changeLogWrites(entries: readonly LogEntry[], { when, operation }: ChangeLogContext, existing: SheetGrid | undefined): { ranges: RangeWrite[]; append: AppendRows } {
  const current = existingLogHeader(existing);
  const header = current ? [...current] : [...CHANGE_LOG_HEADER];
  const added = CHANGE_LOG_HEADER.filter((name) => columnOf(header, name) < 0);
  const ranges: RangeWrite[] = current && added.length > 0 ? [{ sheet: SHEET_NAMES.changeLog, row: 1, col: header.length + 1, values: [added] }] : [];
  header.push(...added);
  const at = Object.fromEntries(CHANGE_LOG_HEADER.map((name) => [name, columnOf(header, name)]));
  const formats: (string | undefined)[] = header.map(() => undefined);
  formats[at["日時"]] = "@";
  formats[at["保険者コード"]] = "@";
  const rows = entries.map((e) => {
    const row: OutCell[] = header.map(() => null);
    const put = (name: string, v: OutCell) => void (row[at[name]] = v);
    put("日時", when);
    put("シート", e.sheet);
    put("セル", e.cell);
    put("保険者コード", e.code);
    put("福祉事務所名", e.name);
    put("項目", e.field);
    put("変更前", e.old);
    put("変更後", e.new);
    put("操作", operation);
    return row;
  });
  return { ranges, append: { sheet: SHEET_NAMES.changeLog, header, rows, formats } };
}

/** One row of 変更履歴 as read (old and new formats alike): the entry as written, with when and by what. */
export interface LoggedChange extends LogEntry {
  /** 1-based row in 変更履歴. */
  row: number;
  when: string;
  operation: string;
}

/** A logged value as it was written: a number in a date-formatted cell is the date. */
function loggedValue(v: RawCell, format: string | undefined): OutCell {
  if (typeof v === "number" && isDateFormat(format)) {
    const iso = serialToIso(v);
    if (iso !== null) return dateOut(iso);
  }
  return v === "" ? null : v;
}

/** The rows of 変更履歴, oldest first; reads both the SPEC §2 columns and the old six. */
export function readChangeLog(grid: SheetGrid | undefined): LoggedChange[] {
  const header = existingLogHeader(grid);
  if (!grid || !header) return [];
  const at = Object.fromEntries(CHANGE_LOG_HEADER.map((name) => [name, columnOf(header, name)]));
  if (at["セル"] < 0 || at["変更前"] < 0) return [];
  const out: LoggedChange[] = [];
  grid.values.slice(1).forEach((cells, i) => {
    const text = (name: string): string => (at[name] >= 0 && cells[at[name]] !== null ? String(cells[at[name]]).trim() : "");
    const value = (name: string): OutCell => (at[name] >= 0 ? loggedValue(cells[at[name]] ?? null, grid.formats?.[i + 1]?.[at[name]]) : null);
    if (text("セル") === "") return;
    const legacy = /^apply-registrations:(.+)$/u.exec(text("操作"));
    out.push({
      row: i + 2,
      when: text("日時"),
      sheet: text("シート"),
      cell: text("セル"),
      code: text("保険者コード"),
      name: text("福祉事務所名"),
      field: text("項目"),
      old: value("変更前"),
      new: value("変更後"),
      // An old log's English command reads as the Japanese operation it was.
      operation: legacy ? importOperation(legacy[1]) : text("操作"),
    });
  });
  return out;
}
