import path from "node:path";
import { CommandError } from "../../commands/context";
import { mask, type MaskResult } from "../../commands/mask";
import { defineCommand } from "../command";

/** `<dir>/【マスク】<name>.xlsx` beside the original. */
export function maskedPathFor(bookPath: string): string {
  const ext = path.extname(bookPath);
  const base = path.basename(bookPath, ext);
  return path.join(path.dirname(bookPath), `【マスク】${base}.xlsx`);
}

/** The output path; never the original book (the masked copy must not replace the real data). */
export function maskOutputPath(bookPath: string, out: string | undefined): string {
  const target = out ?? maskedPathFor(bookPath);
  if (path.resolve(target) === path.resolve(bookPath)) {
    throw new CommandError("マスクしたブックを元のブックに上書きすることはできません。--out に別のパスを指定してください。");
  }
  return target;
}

export default defineCommand<MaskResult & { out?: string }>({
  name: "mask",
  summary: "共有用に氏名・住所・事務所名などを■に置き換え、個人番号を削除したコピー（【マスク】…）を作ります",
  options: { "hash-codes": { type: "boolean" }, salt: { type: "string" } },
  writes: true,
  save: "whole",
  outputPath: maskOutputPath,
  run: (port, o) => mask(port, { hashCodes: o["hash-codes"] === true, salt: o.salt as string | undefined }),
  // Counts and sheet names only: the CLI never prints a cell's value, let alone a 個人番号.
  toJson: (r) => ({ masked: r.masked, removedMyNumbers: r.removedMyNumbers, hashedCodes: r.hashedCodes, sheets: r.sheets }),
  render(r) {
    const lines = [`マスクしました: ■に置き換えたセル ${r.masked} 件、削除した個人番号 ${r.removedMyNumbers} 件、仮コードに置き換えた保険者コード ${r.hashedCodes} 件`];
    lines.push(r.sheets.length > 0 ? `対象シート: ${r.sheets.join("、")}` : "マスクの対象はありませんでした。");
    return lines.join("\n");
  },
});
