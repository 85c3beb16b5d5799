/**
 * Browser tests of the refresh routine (SPEC §6) in the task pane: 「ファイルから取込」 through the
 * browser's file chooser (a UTF-8 survey batch, a Shift_JIS 閲覧停止 list, a garbled file), the
 * アンケート回答 list kind in データ取込 (preview → apply, logged in 変更履歴), and 閲覧停止推移 in 集計
 * with its chart. Screenshots go to out/screenshots/refresh-*.png.
 */
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import Encoding from "encoding-japanese";
import type { BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSampleBook, buildSampleRefresh } from "../../src/demo/sample";
import type { OutCell } from "../../src/domain/cell";
import { buildAll, launchPaneBrowser, ROOT, serve, type BuildOutput, type StaticServer } from "./harness";

const OUT_DIR = path.join(ROOT, ".tmp", "e2e-refresh");
const SHOTS = path.join(ROOT, "out", "screenshots");
const WIDTH = 350;
const HEIGHT = 900;

type Cell = string | number | boolean | null;
let build: BuildOutput;
let server: StaticServer;
let context: BrowserContext;
let page: Page;
let userDataDir: string;
let blocked: string[] = [];

const refresh = buildSampleRefresh(buildSampleBook());
const quote = (s: string) => (/[",\r\n]/u.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
const csv = (rows: readonly (readonly string[])[]) => `${rows.map((r) => r.map(quote).join(",")).join("\r\n")}\r\n`;
const asText = (v: OutCell): string => (v === null ? "" : typeof v === "object" ? v.date.replaceAll("-", "/") : String(v));
const surveyCsv = Buffer.from(new TextEncoder().encode(csv(refresh.survey.rows.map((r) => r.map(asText)))));
const suspensionCsv = Buffer.from(Uint8Array.from(Encoding.convert(Encoding.stringToCode(csv(refresh.suspensionCsv.rows)), { to: "SJIS", from: "UNICODE" })));

const fakeCall = <T>(fn: string, ...args: unknown[]): Promise<T> =>
  page.evaluate(
    ([f, a]) => (window as unknown as { __fake: Record<string, (...x: unknown[]) => unknown> }).__fake[f as string](...(a as unknown[])) as T,
    [fn, args] as const,
  );
const sheetNames = () => fakeCall<string[]>("sheetNames");
const dump = (name: string) => fakeCall<Cell[][]>("dump", name);

async function openTab(name: string, id: string): Promise<Locator> {
  await page.getByRole("tab", { name }).click();
  const s = page.locator(`[data-screen="${id}"]`);
  await s.waitFor({ state: "visible" });
  return s;
}
const idle = () => page.getByTestId("progress").waitFor({ state: "detached" });

async function shot(name: string, target?: Locator): Promise<void> {
  await page.mouse.move(WIDTH - 1, HEIGHT - 1);
  if (target) await target.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
}

/** Picks a file through the browser's file chooser, as a user does. */
async function pickFile(s: Locator, name: string, buffer: Buffer): Promise<void> {
  const chooser = page.waitForEvent("filechooser");
  await s.getByTestId("import-file").click();
  await (await chooser).setFiles({ name, mimeType: "text/csv", buffer });
}

async function importCsv(s: Locator, name: string, buffer: Buffer): Promise<void> {
  await pickFile(s, name, buffer);
  await s.getByRole("button", { name: "取り込む" }).click();
  await idle();
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  build = await buildAll(OUT_DIR);
  server = await serve(build.distDir);
  const launched = await launchPaneBrowser({ stubPath: build.stubPath, tempPrefix: "onshi-e2e-refresh-", width: WIDTH, height: HEIGHT, args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--lang=ja"] });
  ({ context, userDataDir } = launched);
  blocked = launched.blocked;
  page = context.pages()[0] ?? (await context.newPage());
  page.on("pageerror", (e) => console.error(`page error: ${String(e)}`));
  page.on("console", (m) => (m.type() === "error" ? console.error(`console: ${m.text()}`) : undefined));
  await page.goto(`${server.url}/taskpane.html`);
  await page.getByRole("tab", { name: "検証" }).waitFor();
});

afterAll(async () => {
  await context?.close();
  await server?.close();
  if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
});

describe("refresh routine in the task pane", () => {
  it("ファイルから取込: a UTF-8 survey batch picked with the file chooser becomes 支払基金_アンケート回答_20250128", async () => {
    const s = await openTab("データ取込", "apply");
    await idle();
    await importCsv(s, "アンケート回答_20250128.csv", surveyCsv);
    await s.getByText(/シート「支払基金_アンケート回答_20250128」に 4 行を取り込みました（文字コード UTF-8/).waitFor();
    expect(await sheetNames()).toContain("支払基金_アンケート回答_20250128");
    const grid = await dump("支払基金_アンケート回答_20250128");
    expect(grid[1][0]).toBe(refresh.survey.rows[1][0]);
    await shot("refresh-import", s.getByText(/に 4 行を取り込みました/));
  });

  it("アンケート回答: preview lists the changes and writes nothing; apply updates マスタ and logs each cell", async () => {
    const s = page.locator('[data-screen="apply"]');
    await s.getByRole("combobox", { name: "アンケート回答のシート" }).waitFor();
    const before = await dump("マスタ");
    await s.getByTestId("survey-preview").click();
    await idle();
    const title = s.getByText(/^反映される回答の変更: [\d,]+ セル$/);
    await title.waitFor();
    const changes = Number((await title.innerText()).replace(/\D/g, ""));
    expect(changes).toBe(7);
    expect(await dump("マスタ")).toEqual(before);
    await s.getByText(/マスタに見つからない福祉事務所: 5行目 架空外市福祉事務所/).waitFor();
    await shot("refresh-survey-preview", s.getByTestId("survey-apply"));
    await s.getByTestId("survey-apply").click();
    await idle();
    await s.getByText(/アンケート回答でマスタの 7 セルを更新し/).waitFor();
    const log = await dump("変更履歴");
    expect(log[0]).toEqual(["日時", "シート", "セル", "保険者コード", "福祉事務所名", "項目", "変更前", "変更後", "操作"]);
    expect(log.filter((r) => String(r[8]).startsWith("アンケート回答の取込"))).toHaveLength(7);
    const master = await dump("マスタ");
    expect(master.some((r) => r.includes("9_令和7年3月"))).toBe(true);
  });

  it("refuses a garbled file with a message and writes no sheet", async () => {
    const s = page.locator('[data-screen="apply"]');
    const names = await sheetNames();
    await importCsv(s, "閲覧停止_20250107.csv", Buffer.from([...new TextEncoder().encode("保険者コード,保険者名\r\n"), 0x82, 0xff, 0xfe, 0x0a]));
    await page.getByTestId("error").getByText(/文字コードを判定できませんでした/).waitFor();
    expect(await sheetNames()).toEqual(names);
  });

  it("ファイルから取込 reads a Shift_JIS 閲覧停止 list; 集計 then shows 閲覧停止推移 with its chart and writes the sheet", async () => {
    const s = page.locator('[data-screen="apply"]');
    await importCsv(s, refresh.suspensionCsv.fileName, suspensionCsv);
    await s.getByText(/シート「支払基金_閲覧停止_20250107」に [\d,]+ 行を取り込みました（文字コード Shift_JIS/).waitFor();
    const sum = await openTab("集計", "summary");
    await idle();
    await sum.getByRole("button", { name: "閲覧停止推移を作成" }).click();
    await idle();
    const chart = sum.getByTestId("trend-chart");
    await chart.waitFor();
    expect(await chart.locator("polyline").count()).toBe(2);
    expect(await sheetNames()).toContain("閲覧停止推移");
    const sheet = await dump("閲覧停止推移");
    expect(sheet.flat()).toContain("支払基金_閲覧停止_20250107");
    await shot("refresh-trend", chart);
    expect(blocked).toEqual([]);
  });
});
