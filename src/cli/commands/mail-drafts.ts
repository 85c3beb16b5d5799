import { mkdirSync } from "node:fs";
import path from "node:path";
import { CommandError } from "../../commands/context";
import { mailDrafts, type MailDraftsResult } from "../../commands/mailDrafts";
import { defineCommand } from "../command";
import { renderTable } from "../format";
import { writeAtomically } from "../io";

/** A file name for an office's draft: `<code>_<name>.eml`, without characters file systems refuse. */
export function emlFileName(code: string, name: string): string {
  const safe = `${code}_${name}`.replace(/[\\/:*?"<>|\u0000-\u001f]/gu, "_").slice(0, 120);
  return `${safe}.eml`;
}

type Result = MailDraftsResult & { dir: string; files: string[] };

export default defineCommand<Result>({
  name: "mail-drafts",
  summary: "メール文案シートを作成し、福祉事務所ごとの下書き（.eml）を --out のフォルダに書き出します（送信はしません）",
  options: { "as-of": { type: "string" }, template: { type: "string" } },
  writes: true,
  // --out is the folder of .eml files; the book itself is saved in place (after a .bak copy).
  outputPath: () => undefined,
  async run(port, o, { bookPath }) {
    if (typeof o.template !== "string" || o.template.trim() === "") {
      throw new CommandError("--template にテンプレートの名前を指定してください（例: --template 状況確認）。");
    }
    const result = await mailDrafts(port, { asOf: o["as-of"] as string | undefined, template: o.template });
    const dir = typeof o.out === "string" ? o.out : path.join(path.dirname(bookPath), `メール文案_${result.template.name}_${result.asOf.replaceAll("-", "")}`);
    mkdirSync(dir, { recursive: true });
    const files: string[] = [];
    for (const d of result.drafts) {
      const file = path.join(dir, emlFileName(d.code, d.name));
      await writeAtomically(file, new TextEncoder().encode(d.eml));
      files.push(file);
    }
    return { ...result, dir, files };
  },
  toJson: (r) => ({ drafts: r.drafts.map((d, i) => ({ code: d.code, name: d.name, to: d.to, subject: d.subject, file: r.files[i] })) }),
  render(r) {
    const lines = [`メール文案（テンプレート: ${r.template.name}）: ${r.drafts.length} 件の下書きを ${r.dir} に書き出しました（送信はしていません）。`];
    if (r.createdTemplates) lines.push("テンプレート シートを既定の文面で作成しました。");
    if (!r.hasAddressColumn) lines.push("マスタに「メールアドレス」列がないため、宛先は空欄です。");
    if (r.drafts.length > 0) lines.push(renderTable(["保険者コード", "福祉事務所名", "宛先", "件名"], r.drafts.map((d) => [d.code, d.name, d.to, d.subject])));
    return lines.join("\n");
  },
});
