/**
 * undo-import: 「直前の取込を元に戻す」. Finds the latest import in 変更履歴 that no undo has undone yet,
 * writes back the logged 変更前 values into マスタ and logs the undo itself (an undo is a change
 * like any other, so it can be read and undone by hand).
 *
 * Never loses data: a cell that no longer holds the value the import wrote (edited since) is left as
 * it is and reported; so is a cell whose old value was a formula (a command writes values only; the
 * formula text is in 変更履歴 to be typed back).
 */
import { dateOut, isDateOut, type OutCell, type RawCell } from "../domain/cell";
import { isDateFormat, parseDate, serialToIso } from "../domain/dates";
import { SHEET_NAMES } from "../domain/schema/fields";
import { sheetNamed } from "../domain/sheet-names";
import type { WorkbookPort } from "../workbook/port";
import { tokyoTimestamp } from "./applyRegistrations";
import { CommandError, readWorkbook, requireMaster } from "./context";
import { changeLogWrites, readChangeLog, START_DATE_FORMAT, UNDO_PREFIX, undoOperation, type LoggedChange } from "./layouts/changeLog";
import { READ_WORKBOOK, type Step } from "./steps";

export interface UndoImportOptions {
  /** The run's time (for 変更履歴); default now. */
  now?: Date;
  /** Find what would be restored, write nothing (the pane shows it before asking). */
  dryRun?: boolean;
}

export interface UndoneCell {
  cell: string;
  code: string;
  name: string;
  field: string;
  /** The value the import wrote (now in the cell). */
  from: OutCell;
  /** The value restored. */
  to: OutCell;
}

export interface UndoImportResult {
  /** The operation undone, as logged (「支払基金データの取込（…）」). */
  operation: string;
  /** When it ran (変更履歴's 日時). */
  when: string;
  restored: UndoneCell[];
  /** Cells left as they are, with the reason in Japanese. */
  skipped: { cell: string; code: string; name: string; reason: string }[];
}

export const undoImportSteps = (options: Pick<UndoImportOptions, "dryRun"> = {}): Step[] =>
  options.dryRun ? [...READ_WORKBOOK] : [...READ_WORKBOOK, "write"];

const isImport = (operation: string): boolean => !operation.startsWith(UNDO_PREFIX) && /取込/u.test(operation);

/** Consecutive log rows of one run (same 日時 and 操作). */
function runs(log: readonly LoggedChange[]): LoggedChange[][] {
  const out: LoggedChange[][] = [];
  for (const change of log) {
    const last = out.at(-1);
    if (last && last[0].when === change.when && last[0].operation === change.operation) last.push(change);
    else out.push([change]);
  }
  return out;
}

/** The latest import run that no later undo undid (each undo cancels the nearest import before it that it names). */
export function latestUndoableImport(log: readonly LoggedChange[]): LoggedChange[] | null {
  const open: LoggedChange[][] = [];
  for (const run of runs(log)) {
    const op = run[0].operation;
    if (isImport(op)) open.push(run);
    else if (op.startsWith(UNDO_PREFIX)) {
      const i = open.map((r) => undoOperation(r[0].operation) === op).lastIndexOf(true);
      if (i >= 0) open.splice(i, 1);
    }
  }
  return open.at(-1) ?? null;
}

/** Two cell values alike as Excel shows them: dates by date, text trimmed, blanks alike. */
function sameValue(a: OutCell, b: OutCell): boolean {
  const norm = (v: OutCell): string => {
    if (v === null || v === "") return "";
    if (isDateOut(v)) return `d:${v.date}`;
    if (typeof v === "string") {
      const d = parseDate(v);
      return d.ok ? `d:${d.value}` : v.trim();
    }
    return String(v);
  };
  return norm(a) === norm(b);
}

/** A master cell as read, as the value it shows (a serial in a date format is that date). */
function shown(raw: RawCell | undefined, format: string | undefined): OutCell {
  if (raw === undefined || raw === null || raw === "") return null;
  if (typeof raw === "number" && isDateFormat(format)) {
    const iso = serialToIso(raw);
    if (iso !== null) return dateOut(iso);
  }
  return raw;
}

function parseAddress(cell: string): { row: number; col: number } | null {
  const m = /^([A-Z]{1,3})(\d+)$/u.exec(cell.toUpperCase());
  if (!m) return null;
  const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return { row: Number(m[2]), col };
}

export async function undoImport(port: WorkbookPort, options: UndoImportOptions = {}): Promise<UndoImportResult> {
  const ctx = await readWorkbook(port, [SHEET_NAMES.changeLog]);
  const master = requireMaster(ctx);
  const logGrid = ctx.grids.get(SHEET_NAMES.changeLog);
  const target = latestUndoableImport(readChangeLog(logGrid));
  if (!target) throw new CommandError("元に戻せる取込がありません（変更履歴に取込の記録がないか、すでに元に戻しています）。");
  const grid = master.table.grid;
  const restored: UndoneCell[] = [];
  const skipped: UndoImportResult["skipped"] = [];
  const ranges: { sheet: string; row: number; col: number; values: OutCell[][]; formats?: (string | undefined)[] }[] = [];
  const officeAtRow = new Map(master.offices.map((o) => [o.row, o]));
  for (const change of target) {
    const at = parseAddress(change.cell);
    // Old-format logs name only the cell: the office and the item come from マスタ's row and header.
    const office = at ? officeAtRow.get(at.row) : undefined;
    const who = { cell: change.cell, code: change.code || (office?.code ?? ""), name: change.name || (office?.name ?? "") };
    const field = change.field || (at ? (master.table.columns.find((c) => c.col === at.col)?.header ?? "") : "");
    if (!at || sheetNamed([master.table.sheet], change.sheet) === null) {
      skipped.push({ ...who, reason: `シート「${change.sheet}」のセル ${change.cell} は戻せません（マスタのセルではありません）。` });
      continue;
    }
    const r = at.row - grid.top;
    const c = at.col - grid.left;
    const now = shown(grid.values[r]?.[c], grid.formats?.[r]?.[c]);
    if (!sameValue(now, change.new)) {
      skipped.push({ ...who, reason: `取込のあとで値が変わっているため、そのままにしました（今の値: ${now === null ? "空欄" : isDateOut(now) ? now.date : String(now)}）。` });
      continue;
    }
    if (typeof change.old === "string" && change.old.startsWith("=")) {
      skipped.push({ ...who, reason: `取込の前は数式（${change.old}）でした。数式は手で入力し直してください。` });
      continue;
    }
    // A date goes back as a date (the start-date format); text and numbers as they were.
    ranges.push({ sheet: master.table.sheet, row: at.row, col: at.col, values: [[change.old]], ...(isDateOut(change.old) ? { formats: [START_DATE_FORMAT] } : {}) });
    restored.push({ ...who, field, from: now, to: change.old });
  }
  const result = { operation: target[0].operation, when: target[0].when, restored, skipped };
  if (options.dryRun || restored.length === 0) return result;
  const log = changeLogWrites(
    restored.map((u) => ({ sheet: master.table.sheet, cell: u.cell, code: u.code, name: u.name, field: u.field, old: u.from, new: u.to })),
    { when: tokyoTimestamp(options.now ?? new Date()), operation: undoOperation(target[0].operation) },
    logGrid,
  );
  await port.commit({ ranges: [...ranges, ...log.ranges], appends: [log.append] });
  return result;
}
