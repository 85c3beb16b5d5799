/**
 * Opening and saving books for the CLI. A book that cannot be read is a CommandError (exit 2,
 * file untouched). Saving applies only the command's writes to the original package (see
 * src/workbook/xlsx/package/save.ts); when they change nothing, nothing is written. Otherwise the
 * original is copied to `<book>.bak.<ext>` first and the book replaced atomically (temp file +
 * rename), so a crash mid-write never leaves a half-written book.
 */
import { promises as fs, constants as fsc } from "node:fs";
import path from "node:path";
import { CommandError } from "../commands/context";
import { loadXlsxBuffer, type XlsxWorkbook } from "../workbook/xlsx/adapter";

export function backupPathFor(bookPath: string): string {
  const ext = path.extname(bookPath);
  return `${ext ? bookPath.slice(0, -ext.length) : bookPath}.bak${ext || ".xlsx"}`;
}

/** Excel keeps `~$name.xlsx` beside a book it has open. */
function excelLockPath(bookPath: string): string {
  return path.join(path.dirname(bookPath), `~$${path.basename(bookPath)}`);
}

async function exists(p: string): Promise<boolean> {
  return fs.access(p, fsc.F_OK).then(() => true, () => false);
}

export async function openBook(bookPath: string, forWriting: boolean): Promise<XlsxWorkbook> {
  let data: Buffer;
  try {
    const stat = await fs.stat(bookPath);
    if (!stat.isFile()) throw new CommandError(`「${bookPath}」はファイルではありません。`);
    data = await fs.readFile(bookPath);
  } catch (e) {
    if (e instanceof CommandError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new CommandError(`ファイル「${bookPath}」が見つかりません。パスを確認してください。`);
    if (code === "EACCES" || code === "EPERM" || code === "EBUSY") throw new CommandError(`ファイル「${bookPath}」を開けません（使用中か、読み取り権限がありません）。`);
    throw new CommandError(`ファイル「${bookPath}」を読めません（${code ?? "不明なエラー"}）。`);
  }
  if (forWriting && (await exists(excelLockPath(bookPath)))) {
    throw new CommandError(`「${bookPath}」は Excel で開かれています。Excel で閉じてから実行してください。`);
  }
  if (data.length < 4 || data[0] !== 0x50 || data[1] !== 0x4b) {
    throw new CommandError(`「${bookPath}」は Excel ブック（.xlsx）ではありません。`);
  }
  try {
    return await loadXlsxBuffer(data);
  } catch {
    throw new CommandError(`「${bookPath}」を Excel ブック（.xlsx）として読めません。ファイルが壊れているか、別の形式です。`);
  }
}

/** Writes to a temp file beside the target, then renames over it. */
export async function writeAtomically(target: string, data: Uint8Array): Promise<void> {
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
  try {
    await fs.writeFile(tmp, data);
    await fs.rename(tmp, target);
  } catch (e) {
    await fs.rm(tmp, { force: true });
    throw new CommandError(`「${target}」に保存できません（${(e as NodeJS.ErrnoException).code ?? "不明なエラー"}）。`);
  }
}

export interface SaveOutcome {
  /** Where the book was written, or null when nothing changed and nothing was written. */
  path: string | null;
  /** The backup written before replacing the book in place. */
  backup?: string;
}

/**
 * Saves the book: to `out` when given (the original bytes when nothing changed), else in place
 * after copying the original to `<book>.bak.<ext>` — and not at all when nothing changed.
 * `whole`: write ExcelJS's model instead of editing the original (mask: a new, values-only copy).
 */
export async function saveBook(book: XlsxWorkbook, bookPath: string, out?: string, whole = false): Promise<SaveOutcome> {
  let data: Uint8Array | null;
  try {
    data = whole ? new Uint8Array(await book.book.xlsx.writeBuffer()) : await book.saveBytes();
  } catch (e) {
    if (e instanceof CommandError) throw e;
    throw new CommandError(`「${bookPath}」に変更を書き込めません（${(e as Error)?.message ?? String(e)}）。ブックは変更していません。`);
  }
  if (out) {
    await writeAtomically(out, data ?? book.source ?? new Uint8Array(await book.book.xlsx.writeBuffer()));
    return { path: out };
  }
  if (data === null) return { path: null };
  const backup = backupPathFor(bookPath);
  await fs.copyFile(bookPath, backup);
  await writeAtomically(bookPath, data);
  return { path: bookPath, backup };
}
