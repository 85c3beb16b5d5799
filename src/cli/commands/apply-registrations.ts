import { applyRegistrations, type ApplyRegistrationsResult } from "../../commands/applyRegistrations";
import { defineCommand } from "../command";
import { renderTable } from "../format";

/** How many changes the terminal lists; the JSON always has all of them. */
const SHOWN = 50;

export default defineCommand<ApplyRegistrationsResult>({
  name: "apply-registrations",
  summary: "支払基金の登録状況一覧の資格情報登録開始日をマスタに反映します（変更は変更履歴に記録）",
  options: { sheet: { type: "string" } },
  writes: true,
  run: (port, o) => applyRegistrations(port, { sheet: o.sheet as string | undefined }),
  toJson: (r) => ({ changed: r.changed, unknownCodes: r.unknownCodes }),
  render(r) {
    const lines = [`「${r.sheet}」をマスタに反映しました: 変更 ${r.changed.length} 件、マスタにない保険者コード ${r.unknownCodes.length} 件`];
    const formulas = r.changed.filter((c) => c.formula !== undefined).length;
    if (formulas > 0) lines.push(`数式を値で置き換えます: ${formulas} 件（元の数式は変更履歴の「変更前」に記録します）`);
    if (r.changed.length > 0) {
      lines.push("", renderTable(["保険者コード", "変更前", "変更後"], r.changed.slice(0, SHOWN).map((c) => [c.code, c.formula ?? c.old ?? "（空欄）", c.new])));
      if (r.changed.length > SHOWN) lines.push(`…ほか ${r.changed.length - SHOWN} 件（全件は --json または変更履歴シートで確認できます）`);
    } else {
      lines.push("変更はありません（マスタはすでに一覧と同じです）。");
    }
    if (r.unknownCodes.length > 0) {
      lines.push("", "マスタにない保険者コード（追加していません）:");
      lines.push(renderTable(["保険者コード", "一覧の保険者名"], r.unknownCodes.map((c) => [c, r.unknownNames?.[c] ?? ""])));
    }
    return lines.join("\n");
  },
});
