import { promises as fs } from "node:fs";
import path from "node:path";
import { CommandError } from "../../commands/context";
import { importFile, type ImportFileResult } from "../../commands/importFile";
import { xlsxTextRows } from "../../workbook/xlsx/textRows";
import { defineCommand } from "../command";
import { formatInt } from "../format";

async function readFileBytes(file: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await fs.readFile(file));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new CommandError(code === "ENOENT" ? `ファイル「${file}」が見つかりません。パスを確認してください。` : `ファイル「${file}」を読めません（${code ?? "不明なエラー"}）。`);
  }
}

export default defineCommand<ImportFileResult>({
  name: "import",
  summary: "支払基金のファイル（CSV: Shift_JIS / UTF-8、または .xlsx）を新しいシート 支払基金_<種類>_<日付> に取り込みます",
  positionals: ["file"],
  options: { kind: { type: "string" }, date: { type: "string" } },
  writes: true,
  async run(port, o) {
    const file = o.file as string;
    return importFile(port, {
      fileName: path.basename(file),
      bytes: await readFileBytes(file),
      kind: o.kind as string | undefined,
      date: o.date as string | undefined,
      readXlsx: xlsxTextRows,
    });
  },
  toJson: (r) => ({ sheet: r.sheet, kind: r.kind, date: r.date, rows: r.rows, encoding: r.encoding }),
  render(r) {
    const lines = [
      `シート「${r.sheet}」に取り込みました: ${r.kind}、${formatInt(r.rows)} 行（文字コード ${r.encoding}、日付は${r.dateFrom}から ${r.date}）`,
      `取り込んだシートの検証: エラー ${r.counts.error} 件、警告 ${r.counts.warning} 件、情報 ${r.counts.info} 件`,
    ];
    for (const f of r.issues.filter((i) => i.severity === "error").slice(0, 10)) lines.push(`  ${f.cell} ${f.message}`);
    return lines.join("\n");
  },
  foundErrors: (r) => r.counts.error > 0,
});
