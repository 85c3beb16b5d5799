import { undoImport, type UndoImportResult } from "../../commands/undoImport";
import { isDateOut, type OutCell } from "../../domain/cell";
import { defineCommand } from "../command";
import { renderTable } from "../format";

const shown = (v: OutCell): string => (v === null ? "（空欄）" : isDateOut(v) ? v.date : String(v));

export default defineCommand<UndoImportResult>({
  name: "undo-import",
  summary: "直前の取込を元に戻します（変更履歴の変更前の値をマスタに戻し、そのことも変更履歴に記録）",
  options: {},
  writes: true,
  run: (port) => undoImport(port),
  toJson: (r) => r,
  render(r) {
    const lines = [`${r.when} の「${r.operation}」を元に戻しました: ${r.restored.length} セル`];
    if (r.restored.length > 0) {
      lines.push("", renderTable(["セル", "保険者コード", "福祉事務所名", "取込後", "戻した値"], r.restored.map((c) => [c.cell, c.code, c.name, shown(c.from), shown(c.to)])));
    }
    if (r.skipped.length > 0) lines.push("", "戻さなかったセル:", ...r.skipped.map((s) => `  ${s.cell} ${s.name}: ${s.reason}`));
    return lines.join("\n");
  },
  foundErrors: (r) => r.skipped.length > 0,
});
