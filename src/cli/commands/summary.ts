import { summary, type SummaryResult } from "../../commands/summary";
import { classTitle, compareForPriority } from "../../domain/classes";
import { formatJapaneseMonth, formatShortDate } from "../../domain/dates";
import { actionText } from "../../domain/documents";
import { splitList } from "../../domain/text";
import { defineCommand } from "../command";
import { excludedRowsNote } from "../../domain/schema/rows";
import { formatInt, formatPercent, notesJson, renderNotes, renderTable } from "../format";

/** `2024-10-15,2024-10-29` → the list (the shared list separators: , 、 ; or spaces). */
function dateList(v: unknown): string[] | undefined {
  return typeof v === "string" ? splitList(v) : undefined;
}

/** A JSON plan label as the tables show it: 2025-04以降 → 令和7年4月以降. */
function labelJa(label: string): string {
  const m = /^(\d{4}-\d{2})(以降)?$/u.exec(label);
  return m ? `${formatJapaneseMonth(m[1])}${m[2] ?? ""}` : label;
}

export default defineCommand<SummaryResult>({
  name: "summary",
  summary: "架電結果まとめ・予定時期分布・優先対応・公文書対象を作成し、マスタの判定_列と強調表示を更新します",
  options: { "as-of": { type: "string" }, dates: { type: "string" } },
  writes: true,
  run: (port, o) => summary(port, { asOf: o["as-of"] as string | undefined, dates: dateList(o.dates) }),
  toJson: (r) => ({
    survey: r.survey,
    distribution: r.distribution.rows.map((d) => ({ plan: d.plan, offices: d.offices, share: d.share })),
    classes: r.classes.map((c) => ({ code: c.code, name: c.name, recipients: c.recipients, answer: c.answer, plan: c.plan, class: c.class, delayed: c.delayed, priority: c.priority })),
    documents: r.documents.map((d) => ({ code: d.code, name: d.name, branch: d.branch, action: d.action, month: d.month })),
    ...notesJson(r.notes),
    ...(r.excludedRows ? { excludedRows: r.excludedRows } : {}),
  }),
  render(r) {
    const lines: string[] = [`集計（基準日 ${r.asOf}）`, ...excludedRowsNote(r.excludedRows), ""];
    lines.push("架電結果まとめ");
    lines.push(renderTable(
      ["区分", ...r.survey.map((c) => `機関数(${formatShortDate(c.date)})`)],
      r.surveyRows.map((row) => ["　".repeat(row.level) + row.label, ...row.values.map(formatInt)]),
    ));
    lines.push(...renderNotes(r.notes));
    lines.push("", `予定時期分布（未登録 ${formatInt(r.distribution.total)} 機関）`);
    lines.push(renderTable(
      ["アンケート回答", "該当福祉事務所", "割合"],
      [...r.distribution.rows.map((d) => [d.label, formatInt(d.offices), formatPercent(d.share)]), ["総計", formatInt(r.distribution.total), formatPercent(r.distribution.total > 0 ? 1 : 0)]],
    ));
    const listed = r.classes.filter((c) => c.class !== null).sort(compareForPriority);
    lines.push("", `優先対応（区分①〜④ ${listed.length} 機関、うち優先 ${listed.filter((c) => c.priority).length} 機関。未登録のうち登録遅延は ${r.classes.filter((c) => c.delayed).length} 機関）`);
    lines.push(listed.length === 0 ? "該当なし" : renderTable(
      ["区分", "福祉事務所名", "被保護者数", "アンケート回答", "登録予定時期", "遅延"],
      listed.map((c) => [classTitle(c.class!, r.classRules), c.name, formatInt(c.recipients), labelJa(c.answer), labelJa(c.plan), c.delayed ? "遅延" : ""]),
    ));
    lines.push("", `公文書対象（発出月 ${r.issueMonths.map(formatJapaneseMonth).join("・")}）`);
    lines.push(renderTable(
      ["状況確認メール送付", "対象数", ...r.issueMonths.map((m) => `公文書 ${formatJapaneseMonth(m)}`), "状況確認メール", "要相談", "対応なし"],
      r.documentTable.rows.map((row) => ["　".repeat(row.level) + row.label, formatInt(row.offices), ...row.documents.map(formatInt), formatInt(row.mails), formatInt(row.consult), formatInt(row.none)]),
    ));
    const shown = r.documents.filter((d) => d.action !== "対応なし").slice(0, 30);
    if (shown.length > 0) {
      lines.push("", renderTable(["保険者コード", "福祉事務所名", "対応"], shown.map((d) => [d.code, d.name, actionText(d)])));
      if (r.documents.length > shown.length) lines.push(`…ほか ${r.documents.length - shown.length} 件（全件はシート「公文書対象」または --json）`);
    }
    if (r.createdColumns.length > 0) lines.push("", `マスタに列を追加しました: ${r.createdColumns.join("、")}`);
    return lines.join("\n");
  },
});
