import { diff, type DiffResult } from "../../commands/diff";
import { defineCommand } from "../command";
import { notesJson, renderTable } from "../format";
import { renderFigures, snapshotJson } from "./snapshot";

/** How many office-level changes the terminal lists; the JSON always has all of them. */
const SHOWN = 50;

const show = (v: string | number | boolean | null): string => (v === null ? "（空欄）" : String(v));

export default defineCommand<DiffResult>({
  name: "diff",
  summary: "2つのスナップショットの期間差分を期間差分シートに書き出します（既定は直近の2つ）",
  options: { from: { type: "string" }, to: { type: "string" } },
  writes: true,
  run: (port, o) => diff(port, { from: o.from as string | undefined, to: o.to as string | undefined }),
  toJson: (r) => ({
    ...snapshotJson(r),
    from: r.from,
    to: r.to,
    changes: r.changes.map((c) => ({ code: c.code, field: c.field, from: c.from, to: c.to })),
    added: r.added,
    removed: r.removed,
    ...notesJson(r.notes),
  }),
  render(r) {
    const lines = [`期間差分 ${r.from} → ${r.to}`, "", renderFigures(r), ""];
    const rows = [
      ...r.added.map((code) => [code, r.names[code] ?? "", "（追加）", "", ""]),
      ...r.removed.map((code) => [code, r.names[code] ?? "", "（削除）", "", ""]),
      ...r.changes.map((c) => [c.code, c.name, c.field, show(c.from), show(c.to)]),
    ];
    lines.push(`福祉事務所別の変更: 追加 ${r.added.length} 件、削除 ${r.removed.length} 件、変更 ${r.changes.length} 件`);
    if (rows.length > 0) lines.push(renderTable(["保険者コード", "福祉事務所名", "項目", r.from, r.to], rows.slice(0, SHOWN)));
    if (rows.length > SHOWN) lines.push(`…ほか ${rows.length - SHOWN} 件（全件は --json または期間差分シートで確認できます）`);
    return lines.join("\n");
  },
});
