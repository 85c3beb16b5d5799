import { applySurvey, SURVEY_FIELD_LABELS, type ApplySurveyResult } from "../../commands/applySurvey";
import { defineCommand } from "../command";
import { renderTable } from "../format";

/** How many changes the terminal lists; the JSON always has all of them. */
const SHOWN = 50;

export default defineCommand<ApplySurveyResult>({
  name: "apply-survey",
  summary: "アンケート回答の一覧をマスタ（回答日・対応状況・登録予定月・回答理由）に反映します（変更は変更履歴に記録）",
  options: { sheet: { type: "string" } },
  writes: true,
  run: (port, o) => applySurvey(port, { sheet: o.sheet as string | undefined }),
  toJson: (r) => ({
    changed: r.changed.map((c) => ({ code: c.code, field: SURVEY_FIELD_LABELS[c.field], old: c.old, new: c.new })),
    unmatched: r.unmatched,
    ambiguous: r.ambiguous,
    older: r.older,
  }),
  render(r) {
    const offices = new Set(r.changed.map((c) => c.code)).size;
    const lines = [`「${r.sheet}」をマスタに反映しました: ${offices} 福祉事務所、変更 ${r.changed.length} セル`];
    if (r.changed.length > 0) {
      lines.push("", renderTable(
        ["保険者コード", "福祉事務所名", "項目", "変更前", "変更後"],
        r.changed.slice(0, SHOWN).map((c) => [c.code, c.name, SURVEY_FIELD_LABELS[c.field], c.old ?? "（空欄）", c.new]),
      ));
      if (r.changed.length > SHOWN) lines.push(`…ほか ${r.changed.length - SHOWN} 件（全件は --json または変更履歴シートで確認できます）`);
    } else {
      lines.push("変更はありません（マスタはすでに回答と同じです）。");
    }
    if (r.ambiguous.length > 0) {
      lines.push("", "名前が複数の福祉事務所に当たるため反映しなかった行（保険者コードを入れてください）:");
      for (const a of r.ambiguous) lines.push(`  ${a.row}行目 ${a.name} → ${a.candidates.join(", ")}`);
    }
    if (r.unmatched.length > 0) {
      lines.push("", "マスタに見つからない福祉事務所（反映していません）:");
      for (const u of r.unmatched) lines.push(`  ${u.row}行目 ${u.name}`);
    }
    if (r.older.length > 0) lines.push("", `マスタの回答より古いため反映しなかった回答: ${r.older.map((o) => `${o.code}（${o.answerDate}）`).join(", ")}`);
    if (r.missingColumns.length > 0) lines.push("", `マスタに列がないため反映しなかった項目: ${r.missingColumns.map((f) => SURVEY_FIELD_LABELS[f]).join("、")}`);
    return lines.join("\n");
  },
});
