import { validate, type ValidateResult } from "../../commands/validate";
import { SEVERITY_LABEL } from "../../domain/findings";
import { ruleTitle } from "../../domain/rules";
import { defineCommand } from "../command";
import { renderTable } from "../format";

/** How many findings per rule the terminal shows; the counts stay exact. */
const SHOWN_PER_RULE = 20;

export default defineCommand<ValidateResult>({
  name: "validate",
  summary: "ブックを検証し、ルール違反を一覧にします（ブックは変更しません）",
  options: { "as-of": { type: "string" } },
  writes: false,
  run: (port, o) => validate(port, { asOf: o["as-of"] as string | undefined }),
  toJson: (r) => ({ issues: r.issues, counts: r.counts, byRule: r.byRule }),
  foundErrors: (r) => r.counts.error > 0,
  render(r) {
    const lines = [`検証結果（基準日 ${r.asOf}）: エラー ${r.counts.error} 件、警告 ${r.counts.warning} 件、情報 ${r.counts.info} 件`];
    if (r.issues.length === 0) return `${lines[0]}\n問題は見つかりませんでした。`;
    lines.push("", "ルール別", renderTable(
      ["ルール", "項目", "重要度", "件数", "多い値"],
      r.byRule.map((s) => [s.rule, ruleTitle(s.rule), SEVERITY_LABEL[s.severity], s.count, s.topValues.filter((t) => t.value !== null).slice(0, 3).map((t) => `${t.value}(${t.count})`).join(" ")]),
    ));
    const shown = new Map<string, number>();
    const rows = r.issues.filter((f) => {
      const n = (shown.get(f.rule) ?? 0) + 1;
      shown.set(f.rule, n);
      return n <= SHOWN_PER_RULE;
    });
    lines.push("", "指摘", renderTable(["シート", "セル", "列", "ルール", "重要度", "内容", "値"], rows.map((f) => [f.sheet, f.cell || `${f.row}行`, f.column, f.rule, SEVERITY_LABEL[f.severity], f.message, f.value === null ? "" : String(f.value)])));
    const hidden = r.issues.length - rows.length;
    if (hidden > 0) lines.push(`…ほか ${hidden} 件（ルールごとに先頭 ${SHOWN_PER_RULE} 件を表示。全件は --json で出力できます）`);
    return lines.join("\n");
  },
});
