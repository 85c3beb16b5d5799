/**
 * What every command starts from: the workbook's sheet names, the sheets it needs (read in one
 * call, so the Office adapter makes one round trip), マスタ and 設定 already parsed.
 */
import type { IsoDate } from "../domain/cell";
import { parseDate, todayInTokyo } from "../domain/dates";
import { readMaster, type Master } from "../domain/master";
import { SHEET_NAMES } from "../domain/schema/fields";
import { readSettings, type Settings, type SettingsProblem } from "../domain/settings";
import { readColumnChoices } from "../domain/column-choices";
import { sheetNamed } from "../domain/sheet-names";
import { fieldDef } from "../domain/schema/fields";
import { cellAddress, type Table } from "../domain/schema/table";
import type { GeneratedSheet, SheetGrid, WorkbookPort } from "../workbook/port";
import { masterRowGuard } from "../domain/guard";
import type { RowGuard } from "../domain/writes";

/** A command that cannot run at all (CLI exit 2); the message is one plain Japanese line. */
export class CommandError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CommandError";
  }
}

export interface WorkbookContext {
  sheetNames: string[];
  grids: Map<string, SheetGrid>;
  master: Master | null;
  settings: Settings;
  settingsProblems: SettingsProblem[];
  /** Japanese lines every computed table carries: defaults used for unreadable 設定 values, ignored items. */
  settingsNotes: string[];
}

/** Which sheets a command reads besides マスタ and 設定: names, every sheet, or a choice made from the names. */
export type ExtraSheets = readonly string[] | "all" | ((sheetNames: readonly string[]) => readonly string[]);

/**
 * Reads マスタ, 設定 and the extra sheets in one list and one read (two round trips in Excel).
 * Sheets that do not exist are simply absent.
 */
export async function readWorkbook(port: WorkbookPort, extra: ExtraSheets = []): Promise<WorkbookContext> {
  const sheetNames = await port.listSheets();
  const chosen = typeof extra === "function" ? extra(sheetNames) : extra;
  // マスタ and 設定 are found after NFKC and trimming (a tab named `マスタ ` is マスタ).
  const masterName = sheetNamed(sheetNames, SHEET_NAMES.master);
  const settingsName = sheetNamed(sheetNames, SHEET_NAMES.settings);
  const inputs = [masterName, settingsName].filter((n): n is string => n !== null);
  const wanted = chosen === "all" ? sheetNames : [...inputs, ...chosen];
  const grids = await port.readSheets([...new Set(wanted)].filter((n) => sheetNames.includes(n)));
  // Commands look the inputs up by their canonical names.
  for (const [name, canonical] of [[masterName, SHEET_NAMES.master], [settingsName, SHEET_NAMES.settings]] as const) {
    const grid = name !== null ? grids.get(name) : undefined;
    if (grid && name !== canonical && !grids.has(canonical)) grids.set(canonical, grid);
  }
  const settingsGrid = grids.get(SHEET_NAMES.settings);
  const masterGrid = grids.get(SHEET_NAMES.master);
  const master = masterGrid ? readMaster(masterGrid, readColumnChoices(settingsGrid)) : null;
  const { settings, problems, notes } = readSettings(settingsGrid, master);
  return { sheetNames, grids, master, settings, settingsProblems: problems, settingsNotes: notes };
}

/** `{ notes }` when there is something to say, else nothing (results stay as they were without notes). */
export const notesField = (notes: readonly string[] | undefined): { notes?: string[] } => (notes && notes.length > 0 ? { notes: [...notes] } : {});

/** The sheet with `notes` added under its first table (where the figures they qualify are). */
export function withNotes(sheet: GeneratedSheet, notes: readonly string[]): GeneratedSheet {
  if (notes.length === 0 || sheet.blocks.length === 0) return sheet;
  const [first, ...rest] = sheet.blocks;
  return { ...sheet, blocks: [{ ...first, notes: [...(first.notes ?? []), ...notes] }, ...rest] };
}

/** The sheet with the 基準日 it describes, printed in its page header (SPEC §6). */
export const withAsOf = (sheet: GeneratedSheet, asOf: string | null | undefined): GeneratedSheet => (asOf ? { ...sheet, asOf } : sheet);

/**
 * The one line that stops a computing command when two columns match one field: it names both
 * headers and their cells, and says how to choose in 設定.
 */
export function ambiguityMessage(table: Table): string | null {
  const first = table.ambiguousFields[0];
  if (!first) return null;
  const label = fieldDef(table.kind, first.field)?.label ?? first.field;
  const named = first.columns.map((c) => `「${c.header}」（${cellAddress(table.headerRow, c.col)}）`).join("と");
  return `${table.sheet}の${named}がどちらも「${label}」に当たります。どちらを使うか、設定シートに「列_${label}」の行を作り、値に使う列の見出し（例: ${first.columns[first.columns.length - 1].header}）を書いてください。`;
}

/** The master, or a CommandError that says what to do. */
export function requireMaster(ctx: WorkbookContext): Master {
  if (sheetNamed(ctx.sheetNames, SHEET_NAMES.master) === null) {
    throw new CommandError("シート「マスタ」がありません。マスタ シートを作成するか、シート名を「マスタ」にしてください。");
  }
  if (!ctx.master) {
    throw new CommandError("マスタの見出し行が見つかりません。上から15行以内に「保険者コード」「福祉事務所名」「被保護者数」などの見出しを置いてください。");
  }
  if (!ctx.master.table.fieldIndex.has("code")) {
    throw new CommandError("マスタに「保険者コード」列がありません。見出しを確認してください。");
  }
  const ambiguous = ambiguityMessage(ctx.master.table);
  if (ambiguous) throw new CommandError(ambiguous);
  return ctx.master;
}

/** Reads an as-of option (any date form of SPEC §1); omitted = today in Japan. */
export function resolveAsOf(value: string | undefined, now?: Date): IsoDate {
  if (value === undefined || value === "") return todayInTokyo(now);
  const parsed = parseDate(value);
  if (!parsed.ok) throw new CommandError(`基準日「${value}」を日付として読めません（例: 2025-02-04）。`);
  return parsed.value;
}

/** The 保険者コード of every coded マスタ row as read: a commit that writes by row checks them first. */
export function guardsFor(master: Master): RowGuard[] {
  const guard = masterRowGuard(master);
  return guard ? [guard] : [];
}
