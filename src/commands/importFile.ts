/**
 * import: a Payment Fund file (CSV in Shift_JIS or UTF-8, or .xlsx) into a new sheet
 * `支払基金_<kind>_<YYYYMMDD>` (SPEC §6). The kind comes from the headers (or the caller), the date
 * from the list's データ基準日, else the file name, else the caller; without one the command stops and
 * says so (the task pane then asks). Cells are written as text exactly as in the file; an existing
 * sheet is never overwritten (`_2`); the new sheet is validated at once, before anything is written.
 *
 * The file is read by the caller (the CLI from disk, the task pane with a file picker: nothing
 * leaves the machine). An .xlsx file is turned into text rows by `readXlsx`, which the composition
 * root provides (commands do not parse workbooks).
 */
import type { IsoDate } from "../domain/cell";
import { parseDate, todayInTokyo } from "../domain/dates";
import type { Finding } from "../domain/findings";
import {
  dataDateOf,
  dateOfFileName,
  decodeText,
  importSheetName,
  KIND_LABELS,
  kindOfLabel,
  kindOfRows,
  parseCsv,
  rowsAsGrid,
  type TextEncodingName,
} from "../domain/import-file";
import { RULES, RULE_IDS } from "../domain/rules";
import type { PaymentFundKind } from "../domain/schema/fields";
import { validateSheets } from "../domain/validate";
import type { WorkbookPort } from "../workbook/port";
import { CommandError, readWorkbook } from "./context";
import type { Step } from "./steps";

export { KIND_LABELS } from "../domain/import-file";

export interface ImportFileOptions {
  /** The file's name (its date may be read from it) and its bytes. */
  fileName: string;
  bytes: Uint8Array;
  /** 登録状況 / 閲覧停止 / エラー明細 / アンケート回答; default from the headers. */
  kind?: string;
  /** The list's date when neither the file nor its name carries one (any date form of SPEC §1). */
  date?: string;
  /** Text rows of an .xlsx file's first sheet (given by the composition root). */
  readXlsx?: (bytes: Uint8Array) => Promise<string[][]>;
  /** Check everything and return the result, but write nothing (the pane's preview). */
  dryRun?: boolean;
  now?: Date;
}

export interface ImportFileResult {
  sheet: string;
  kind: string;
  date: IsoDate;
  /** Data rows written (the header row not counted). */
  rows: number;
  encoding: TextEncodingName | "xlsx";
  /** Where the date came from. */
  dateFrom: "データ基準日" | "ファイル名" | "指定";
  /** The new sheet's findings (validated at once). */
  issues: Finding[];
  counts: { error: number; warning: number; info: number };
}

/** Raised when only the date is missing: the task pane asks for it and runs again. */
export class ImportDateMissing extends CommandError {}

export const importFileSteps = (options: Pick<ImportFileOptions, "dryRun"> = {}): Step[] => (options.dryRun ? ["list", "read"] : ["list", "read", "write"]);

const isXlsx = (name: string, bytes: Uint8Array): boolean => /\.xls[xm]$/iu.test(name) || (bytes[0] === 0x50 && bytes[1] === 0x4b);

async function fileRows(o: ImportFileOptions): Promise<{ rows: string[][]; encoding: ImportFileResult["encoding"] }> {
  if (isXlsx(o.fileName, o.bytes)) {
    if (!o.readXlsx) throw new CommandError("この環境では .xlsx ファイルを読めません。CSV で保存し直してください。");
    return { rows: await o.readXlsx(o.bytes), encoding: "xlsx" };
  }
  const decoded = decodeText(o.bytes);
  if (!decoded.ok) throw new CommandError(`「${o.fileName}」: ${decoded.reason}`);
  return { rows: parseCsv(decoded.text), encoding: decoded.encoding };
}

function chooseKind(o: ImportFileOptions, rows: string[][]): PaymentFundKind {
  if (o.kind) {
    const k = kindOfLabel(o.kind);
    if (!k) throw new CommandError(`種類「${o.kind}」は指定できません（登録状況・閲覧停止・エラー明細・アンケート回答 のいずれか）。`);
    return k;
  }
  const k = kindOfRows(rows);
  if (!k) throw new CommandError(`「${o.fileName}」の見出しから一覧の種類がわかりません。--kind（登録状況・閲覧停止・エラー明細・アンケート回答）で指定してください。`);
  return k;
}

export async function importFile(port: WorkbookPort, o: ImportFileOptions): Promise<ImportFileResult> {
  const { rows, encoding } = await fileRows(o);
  if (rows.length < 2) throw new CommandError(`「${o.fileName}」にデータの行がありません。`);
  const kind = chooseKind(o, rows);
  const probe = rowsAsGrid("取込", rows);
  let date = dataDateOf(probe, kind);
  let dateFrom: ImportFileResult["dateFrom"] = "データ基準日";
  if (date === null) {
    date = dateOfFileName(o.fileName, todayInTokyo(o.now));
    dateFrom = "ファイル名";
  }
  if (date === null && o.date) {
    const p = parseDate(o.date);
    if (!p.ok) throw new CommandError(`日付「${o.date}」を日付として読めません（例: 2025-02-04）。`);
    date = p.value;
    dateFrom = "指定";
  }
  if (date === null) {
    throw new ImportDateMissing(`「${o.fileName}」の日付がわかりません（データ基準日の列もファイル名の日付もありません）。--date で一覧の日付を指定してください。`);
  }
  const ctx = await readWorkbook(port, []);
  const sheet = importSheetName(kind, date, ctx.sheetNames);
  const grid = { ...probe, name: sheet };
  // Validated at once, against マスタ (pf-code-unknown) and 設定 (無効ルール) as they are now.
  const inputs = [ctx.grids.get("設定"), ctx.grids.get("マスタ")].filter((g) => g !== undefined);
  const checked = validateSheets([...inputs, grid], { asOf: todayInTokyo(o.now), rules: RULES, knownRules: RULE_IDS, disabledRules: ctx.settings.disabledRules });
  const issues = checked.issues.filter((f) => f.sheet === sheet);
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of issues) counts[f.severity]++;
  if (!o.dryRun) {
    const width = grid.values[0]?.length ?? 0;
    const [header, ...data] = rows;
    await port.commit({
      sheets: [{
        name: sheet,
        blocks: [{ header: [...header, ...new Array<string>(Math.max(0, width - header.length)).fill("")], rows: data, formats: new Array<string>(width).fill("@") }],
        widths: new Array<number>(width).fill(14),
      }],
    });
  }
  return { sheet, kind: KIND_LABELS[kind], date, rows: rows.length - 1, encoding, dateFrom, issues, counts };
}
