/**
 * One measured benchmark case, run in a fresh Node process by bench/run.ts so that one case's
 * heap and JIT state never distort another's. Prints exactly one JSON line on stdout (the last
 * line), including the process' peak resident set size.
 *
 *   node --import tsx bench/child.ts domain <listRows> <runs>
 *   node --import tsx bench/child.ts exceljs <book.xlsx>
 *   node --import tsx bench/child.ts cli <book.xlsx>
 *   node --import tsx bench/child.ts office <listRows>
 *   node --import tsx bench/child.ts snapshot <book.xlsx>          (on a copy: the CLI's surgical save)
 *   node --import tsx bench/child.ts snapshot-whole <book.xlsx>    (on a copy: the former whole-book ExcelJS save)
 *   node --import tsx bench/child.ts generate <listRows> <book.xlsx>   (not measured: writes the input)
 */
import { promises as fs } from "node:fs";
import { saveBook } from "../src/cli/io";
import { snapshot } from "../src/commands/snapshot";
import { loadXlsxBuffer } from "../src/workbook/xlsx/adapter";
import ExcelJS from "exceljs";
import { runCli } from "../src/cli/main";
import { validate } from "../src/commands/validate";
import { RULES } from "../src/domain/rules";
import { validateSheets } from "../src/domain/validate";
import { createOfficeWorkbook } from "../src/workbook/office";
import type { GeneratedSheet } from "../src/workbook/port";
import { createFakeExcel, type FakeExcel } from "../test/fake-excel";
import { BENCH_AS_OF, ERRORS_SHEET, generateBenchBook, toFakeBook, toGrids, writeXlsxFile } from "./generate";

/** Peak RSS of this process in bytes (resourceUsage reports kilobytes). */
const maxRss = (): number => process.resourceUsage().maxRSS * 1024;

function emit(result: Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify({ ...result, maxRss: maxRss() })}\n`);
}

/** CPU time (user + system, all threads) since `since`, in ms: less sensitive to a busy machine than wall time. */
const cpuMs = (since: NodeJS.CpuUsage): number => {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1000;
};

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** The pure engine on in-memory grids: one warm-up run, then `runs` timed runs. */
function domainCase(listRows: number, runs: number): void {
  const book = generateBenchBook(listRows);
  const grids = toGrids(book);
  const cells = grids.reduce((n, g) => n + g.values.length * (g.values[0]?.length ?? 0), 0);
  const rows = grids.reduce((n, g) => n + g.values.length, 0);
  const t0 = performance.now();
  const first = validateSheets(grids, { asOf: BENCH_AS_OF, rules: RULES });
  const coldMs = performance.now() - t0;
  const times: number[] = [];
  const cpu: number[] = [];
  const timings = new Map<string, number>();
  for (let i = 0; i < runs; i++) {
    const c = process.cpuUsage();
    const start = performance.now();
    validateSheets(grids, { asOf: BENCH_AS_OF, rules: RULES, timings });
    times.push(performance.now() - start);
    cpu.push(cpuMs(c));
  }
  // Timed with per-rule timings on: that adds only two performance.now() calls per rule and sheet.
  const ruleMs = Object.fromEntries([...timings].map(([id, ms]) => [id, ms / runs]));
  emit({ case: "domain", listRows, rows, cells, coldMs, ms: median(times), cpuMs: median(cpu), runs, ruleMs, counts: first.counts, findings: first.issues.length });
}

/** The floor: ExcelJS alone loading the same bytes the CLI loads. */
async function exceljsCase(file: string): Promise<void> {
  const c = process.cpuUsage();
  const start = performance.now();
  const data = await fs.readFile(file);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(data as unknown as ArrayBuffer);
  const ms = performance.now() - start;
  emit({ case: "exceljs", file, ms, cpuMs: cpuMs(c), sheets: book.worksheets.length });
}

/** The whole CLI command, in process: argument parsing, reading, validating, printing JSON. */
async function cliCase(file: string): Promise<void> {
  let stdoutBytes = 0;
  const c = process.cpuUsage();
  const start = performance.now();
  const code = await runCli(["validate", file, "--json", "--as-of", BENCH_AS_OF], {
    stdout: (s) => {
      stdoutBytes += Buffer.byteLength(s);
    },
    stderr: () => {},
  });
  const ms = performance.now() - start;
  emit({ case: "cli", file, ms, cpuMs: cpuMs(c), exitCode: code, stdoutBytes });
}

/**
 * `snapshot` on a copy of the book, timed in process: read, compute, save. "whole" saves the way
 * the CLI did before surgical saves (ExcelJS writes its whole model), for the before/after figure.
 */
async function snapshotCase(file: string, whole: boolean): Promise<void> {
  const copy = `${file}.${whole ? "whole" : "surgical"}.xlsx`;
  await fs.copyFile(file, copy);
  const c = process.cpuUsage();
  const start = performance.now();
  const book = await loadXlsxBuffer(await fs.readFile(copy));
  const readMs = performance.now() - start;
  await snapshot(book, { asOf: BENCH_AS_OF });
  const beforeSave = performance.now();
  const saved = await saveBook(book, copy, undefined, whole);
  const end = performance.now();
  const ms = end - start;
  emit({ case: whole ? "snapshot-whole" : "snapshot", file, ms, readMs, saveMs: end - beforeSave, cpuMs: cpuMs(c), saved: saved.path !== null, bytes: (await fs.stat(copy)).size });
  await fs.rm(copy, { force: true });
  await fs.rm(copy.replace(/\.xlsx$/u, ".bak.xlsx"), { force: true });
}

interface SyncFigures {
  syncs: number;
  maxRequestBytes: number;
  maxResponseBytes: number;
  failedSyncs: number;
}

function figures(stats: { requests: { requestBytes: number; responseBytes: number; ok: boolean }[] }): SyncFigures {
  const ok = stats.requests.filter((r) => r.ok);
  return {
    syncs: stats.requests.length,
    maxRequestBytes: Math.max(0, ...ok.map((r) => r.requestBytes)),
    maxResponseBytes: Math.max(0, ...ok.map((r) => r.responseBytes)),
    failedSyncs: stats.requests.length - ok.length,
  };
}

/** A generated sheet as big as the list: what a large commit sends. */
export function largeGeneratedSheet(listRows: number): GeneratedSheet {
  const book = generateBenchBook(listRows);
  const list = book.sheets.find((s) => s.name === ERRORS_SHEET)!;
  return {
    name: "スナップショット履歴",
    freezeHeader: true,
    blocks: [{ header: list.rows[0] as string[], rows: list.rows.slice(1), tableName: "履歴", formats: [undefined, "@"] }],
  };
}

/**
 * Through the Office.js fake: validate's round trips with no response cap (desktop Excel) and
 * with Excel on the web's 5 MB cap, then validate writing 検証結果 and one large generated sheet.
 */
async function officeCase(listRows: number): Promise<void> {
  const book = generateBenchBook(listRows);
  const out: Record<string, SyncFigures & { ms: number; error?: string }> = {};
  const cases: [string, number, boolean][] = [
    ["desktop", Number.POSITIVE_INFINITY, false],
    ["web", 5 * 1024 * 1024, false],
    ["webWrite", 5 * 1024 * 1024, true],
  ];
  // A case that throws is recorded with its error (the report shows it) instead of ending the run.
  const measureCase = async (label: string, fake: FakeExcel, body: () => Promise<unknown>): Promise<void> => {
    const start = performance.now();
    try {
      await body();
      out[label] = { ...figures(fake.stats), ms: performance.now() - start };
    } catch (e) {
      const message = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
      out[label] = { ...figures(fake.stats), ms: performance.now() - start, error: message };
    }
  };
  for (const [label, maxPayloadBytes, write] of cases) {
    const fake = createFakeExcel(toFakeBook(book), { maxPayloadBytes });
    const port = createOfficeWorkbook(fake.Excel.run, { isSetSupported: () => false });
    await measureCase(label, fake, () => validate(port, { asOf: BENCH_AS_OF, write }));
  }
  {
    const fake = createFakeExcel(toFakeBook(generateBenchBook(0)));
    const port = createOfficeWorkbook(fake.Excel.run, { isSetSupported: () => false });
    const sheet = largeGeneratedSheet(listRows);
    await measureCase("commit", fake, () => port.commit({ sheets: [sheet] }));
  }
  emit({ case: "office", listRows, ...out });
}

const [kind, arg, extra] = process.argv.slice(2);
switch (kind) {
  case "domain":
    domainCase(Number(arg), Number(extra ?? 3));
    break;
  case "exceljs":
    await exceljsCase(arg);
    break;
  case "cli":
    await cliCase(arg);
    break;
  case "office":
    await officeCase(Number(arg));
    break;
  case "snapshot":
  case "snapshot-whole":
    await snapshotCase(arg, kind === "snapshot-whole");
    break;
  case "generate": {
    const book = generateBenchBook(Number(arg));
    await writeXlsxFile(book, extra);
    emit({ case: "generate", listRows: Number(arg), file: extra, bytes: (await fs.stat(extra)).size });
    break;
  }
  default:
    throw new Error(`unknown bench case ${kind}`);
}
