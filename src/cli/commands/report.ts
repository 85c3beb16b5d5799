import { mkdirSync } from "node:fs";
import path from "node:path";
import { CommandError } from "../../commands/context";
import { report, type ReportResult } from "../../commands/report";
import { splitList } from "../../domain/text";
import { defineCommand } from "../command";
import { writeAtomically } from "../io";

/** `--out`, else 報告資料_<基準日>.pptx beside the book; always a .pptx, never the book itself. */
export function reportPath(bookPath: string, out: string | undefined, asOf: string): string {
  const target = out ?? path.join(path.dirname(bookPath), `報告資料_${asOf.replaceAll("-", "")}.pptx`);
  if (path.extname(target).toLowerCase() !== ".pptx") throw new CommandError(`--out には .pptx のファイル名を指定してください（例: report.pptx）。指定: ${target}`);
  return target;
}

export default defineCommand<ReportResult & { out: string }>({
  name: "report",
  summary: "報告資料（PowerPoint, 16:9）を作成します。ブックは変更しません（--out report.pptx）",
  options: { "as-of": { type: "string" }, from: { type: "string" }, dates: { type: "string" } },
  writes: false,
  async run(port, o, { bookPath }) {
    const result = await report(port, {
      asOf: o["as-of"] as string | undefined,
      from: o.from as string | undefined,
      dates: typeof o.dates === "string" ? splitList(o.dates) : undefined,
    });
    const out = reportPath(bookPath, o.out as string | undefined, result.asOf);
    mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
    await writeAtomically(out, result.bytes);
    return { ...result, out };
  },
  toJson: (r) => ({ slides: r.slides.map((s) => ({ title: s.title })), out: r.out }),
  render(r) {
    const lines = [`報告資料を書き出しました: ${r.out}（${r.slides.length} 枚）`, ...r.slides.map((s, i) => `${String(i + 1).padStart(2)}. ${s.title}`)];
    if (r.omitted.length > 0) lines.push("", ...r.omitted.map((l) => `※${l}`));
    return lines.join("\n");
  },
});
