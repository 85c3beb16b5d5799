/**
 * `npm run preview`: the browser-test harness for a person. Builds the task pane, serves it beside
 * a read-only grid of the in-memory fake workbook (the fictional demo book), and prints the URL.
 * The grid refreshes after every command the task pane runs. No browser is launched.
 *
 *   PREVIEW_PORT=3001 (default) npm run preview
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { buildAll, OFFICE_JS_URL, ROOT, serve, STUB_FILE } from "./harness";

const PORT = Number(process.env.PREVIEW_PORT ?? 3001);

/** The preview page: the task pane (350 px, like Excel's pane) and the workbook grid. */
const PAGE = `<!doctype html>
<html lang="ja">
<head>
<meta charset="utf-8" />
<title>オン資トラッカー プレビュー</title>
<style>
  body { margin: 0; font-family: "Segoe UI", "Noto Sans CJK JP", sans-serif; display: flex; height: 100vh; }
  #pane { width: 350px; border: 0; border-right: 1px solid #ccc; height: 100vh; flex: none; }
  #book { flex: 1; display: flex; flex-direction: column; min-width: 0; }
  #tabs { display: flex; flex-wrap: wrap; gap: 4px; padding: 6px; border-bottom: 1px solid #ccc; background: #f3f3f3; }
  #tabs button { border: 1px solid #bbb; background: #fff; padding: 2px 8px; cursor: pointer; font: inherit; font-size: 12px; }
  #tabs button.on { background: #217346; color: #fff; border-color: #217346; }
  #status { font-size: 12px; color: #555; padding: 4px 8px; }
  #grid { overflow: auto; flex: 1; }
  table { border-collapse: collapse; font-size: 12px; }
  td, th { border: 1px solid #ddd; padding: 1px 4px; white-space: nowrap; max-width: 260px; overflow: hidden; text-overflow: ellipsis; }
  th { background: #f3f3f3; position: sticky; top: 0; font-weight: normal; color: #555; }
  td.rh { background: #f3f3f3; color: #555; text-align: right; position: sticky; left: 0; }
</style>
</head>
<body>
<iframe id="pane" src="/taskpane.html" title="作業ウィンドウ"></iframe>
<div id="book">
  <div id="tabs"></div>
  <div id="status">ブックを読み込んでいます…</div>
  <div id="grid"></div>
</div>
<script>
const MAX_ROWS = 500;
let current = null, lastKey = "";
const fake = () => document.getElementById("pane").contentWindow.__fake;
const col = (n) => { let s = ""; n++; while (n > 0) { const m = (n - 1) % 26; s = String.fromCharCode(65 + m) + s; n = Math.floor((n - 1) / 26); } return s; };
function render(f) {
  const names = f.sheetNames();
  if (!names.includes(current)) current = f.activeSheet() || names[0];
  const tabs = document.getElementById("tabs");
  tabs.replaceChildren(...names.map((n) => {
    const b = document.createElement("button");
    b.textContent = n;
    if (n === current) b.className = "on";
    b.onclick = () => { current = n; lastKey = ""; tick(); };
    return b;
  }));
  const { rows, totalRows } = f.view(current, MAX_ROWS);
  const width = rows.reduce((m, r) => Math.max(m, r.length), 0);
  const table = document.createElement("table");
  const head = table.insertRow();
  head.appendChild(document.createElement("th"));
  for (let c = 0; c < width; c++) { const th = document.createElement("th"); th.textContent = col(c); head.appendChild(th); }
  rows.forEach((r, i) => {
    const tr = table.insertRow();
    const rh = tr.insertCell(); rh.className = "rh"; rh.textContent = String(i + 1);
    for (let c = 0; c < width; c++) { const td = tr.insertCell(); td.textContent = r[c] ?? ""; td.title = r[c] ?? ""; }
  });
  document.getElementById("grid").replaceChildren(table);
  const more = totalRows > MAX_ROWS ? "（先頭 " + MAX_ROWS + " 行を表示）" : "";
  document.getElementById("status").textContent =
    "シート「" + current + "」 " + totalRows + " 行" + more + " ・ Excel との往復回数（累計）: " + f.syncs() + " ・ 読み取り専用";
}
function tick() {
  const f = fake();
  if (!f) return;
  const key = f.syncs() + "|" + f.sheetNames().join("/") + "|" + current;
  if (key === lastKey) return;
  lastKey = key;
  render(f);
}
setInterval(tick, 500);
</script>
</body>
</html>`;

async function main(): Promise<void> {
  console.error("タスクペインをビルドしています…");
  const build = await buildAll(path.join(ROOT, ".tmp", "preview"));
  const stub = readFileSync(build.stubPath);
  const server = await serve(build.distDir, {
    port: PORT,
    routes: {
      "/": () => ({ body: PAGE, type: "text/html; charset=utf-8" }),
      [`/${STUB_FILE}`]: () => ({ body: stub, type: "text/javascript; charset=utf-8" }),
    },
    // The pane loads the stand-in instead of Microsoft's office.js: nothing leaves this machine.
    rewriteHtml: (html) => html.split(OFFICE_JS_URL).join(`/${STUB_FILE}`),
  });
  console.log(`${server.url}/`);
  console.error("Ctrl+C で終了します。");
  const stop = () => void server.close().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
});
