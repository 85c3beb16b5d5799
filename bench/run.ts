/**
 * `npm run bench`: how fast validation is on a 1,104-office master plus a 支払基金 エラー明細 list of
 * 10k, 100k and 300k rows, and whether the performance goals hold.
 *
 * Every measured case runs in a fresh Node process (bench/child.ts), so one case's heap, GC state
 * and JIT warm-up never distort another's, and each child reports its own peak RSS. For every
 * list size it measures:
 * - domain: validateSheets on in-memory grids (median of timed runs after one warm-up), with
 *   per-rule times as ESLint's TIMING=1 prints them;
 * - cli: the whole `validate --json` command in process (read file, ExcelJS load, grids, rules,
 *   JSON), and its peak RSS;
 * - floor: ExcelJS alone loading the same file (what no ExcelJS-based CLI can beat);
 * - office: validate through the Office.js adapter over the in-memory Excel fake, counting
 *   context.sync() round trips and the largest request / response payloads.
 *
 * Options: --sizes 10000,100000,300000  --runs 3 (CLI and floor runs per size)  --domain-runs 5
 *          --out bench/RESULTS.md (where the Markdown report is also written; "-" = stdout only)
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const here = path.dirname(fileURLToPath(import.meta.url));
const childScript = path.join(here, "child.ts");

const MB = 1024 * 1024;
/** Goals of the performance issue (this 2-core machine). */
const GOALS = {
  cliOverFloor: 1.5,
  cellsPerSecond: 3_000_000,
  maxSyncs: 3,
  maxRequestBytes: 5 * MB,
  maxRss300k: 1.5 * 1024 * MB,
  /** SPEC §5: snapshot (read, compute, save) on a 100k-row book ≤ 1.6 × ExcelJS reading it. */
  snapshotOverFloor: 1.6,
};

const { values: opts } = parseArgs({
  options: {
    sizes: { type: "string", default: "10000,100000,300000" },
    runs: { type: "string", default: "3" },
    "domain-runs": { type: "string", default: "5" },
    out: { type: "string", default: path.join(here, "RESULTS.md") },
  },
});
const sizes = String(opts.sizes).split(",").map(Number);
const runs = Math.max(1, Number(opts.runs));
const domainRuns = Math.max(1, Number(opts["domain-runs"]));

interface ChildResult {
  maxRss: number;
  ms?: number;
  wallMs: number;
  [key: string]: unknown;
}

/** Highest 1-minute load average seen before a case (other work on the machine inflates wall times). */
let peakLoad = 0;

/** Runs one case in a fresh process and returns the JSON of its last stdout line. */
function child(args: string[]): ChildResult {
  peakLoad = Math.max(peakLoad, os.loadavg()[0]);
  const start = performance.now();
  const r = spawnSync(process.execPath, ["--max-old-space-size=4096", "--import", "tsx", childScript, ...args], {
    encoding: "utf8",
    maxBuffer: 64 * MB,
  });
  const wallMs = performance.now() - start;
  if (r.status !== 0) {
    throw new Error(`bench case ${args.join(" ")} failed (exit ${r.status}):\n${r.stderr}`);
  }
  const last = r.stdout.trim().split("\n").pop() ?? "";
  return { ...(JSON.parse(last) as ChildResult), wallMs };
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

const progress = (s: string): void => {
  process.stderr.write(`${s}\n`);
};

interface SyncFigures {
  syncs: number;
  maxRequestBytes: number;
  maxResponseBytes: number;
  failedSyncs: number;
  ms: number;
  /** Set when the case threw (the figures are then those up to the failure). */
  error?: string;
}

/** "syncs / largest request", or the failure. */
function syncsAndRequest(o: SyncFigures): string {
  if (o.error) return `fails (${o.error.split("\n")[0].slice(0, 60)})`;
  return `${o.syncs} / ${mb(o.maxRequestBytes)}`;
}

function syncsOnly(o: SyncFigures): string {
  if (o.error) return `fails (${o.error.split("\n")[0].slice(0, 60)})`;
  return `${o.syncs}${o.failedSyncs ? ` (${o.failedSyncs} rejected)` : ""}`;
}

interface SizeResult {
  listRows: number;
  rows: number;
  cells: number;
  findings: number;
  domainMs: number;
  domainCpuMs: number;
  domainColdMs: number;
  ruleMs: Record<string, number>;
  cliMs: number;
  cliCpuMs: number;
  cliWallMs: number;
  floorMs: number;
  floorCpuMs: number;
  cliRss: number;
  floorRss: number;
  domainRss: number;
  fileBytes: number;
  /** snapshot with the surgical save, and with the former whole-book ExcelJS save. */
  snap: { ms: number; cpuMs: number; saveMs: number; rss: number };
  snapWhole: { ms: number; cpuMs: number; saveMs: number; rss: number };
  office: Record<"desktop" | "web" | "webWrite" | "commit", SyncFigures>;
}

function measure(listRows: number, dir: string): SizeResult {
  const file = path.join(dir, `bench-${listRows}.xlsx`);
  progress(`[${listRows}] generating ${file}`);
  const gen = child(["generate", String(listRows), file]);

  progress(`[${listRows}] domain validate (${domainRuns} runs)`);
  const domain = child(["domain", String(listRows), String(domainRuns)]);

  const cli: ChildResult[] = [];
  const floor: ChildResult[] = [];
  const snap: ChildResult[] = [];
  const snapWhole: ChildResult[] = [];
  for (let i = 0; i < runs; i++) {
    progress(`[${listRows}] ExcelJS floor, CLI validate and snapshot (surgical / whole-book save), run ${i + 1}/${runs}`);
    floor.push(child(["exceljs", file]));
    cli.push(child(["cli", file]));
    snap.push(child(["snapshot", file]));
    snapWhole.push(child(["snapshot-whole", file]));
  }
  const snapFigures = (xs: ChildResult[]) => ({
    ms: median(xs.map((c) => c.ms as number)),
    cpuMs: median(xs.map((c) => c.cpuMs as number)),
    saveMs: median(xs.map((c) => c.saveMs as number)),
    rss: Math.max(...xs.map((c) => c.maxRss)),
  });

  progress(`[${listRows}] Office adapter through the Excel fake`);
  const office = child(["office", String(listRows)]) as unknown as SizeResult["office"] & ChildResult;

  return {
    listRows,
    rows: domain.rows as number,
    cells: domain.cells as number,
    findings: domain.findings as number,
    domainMs: domain.ms as number,
    domainCpuMs: domain.cpuMs as number,
    domainColdMs: domain.coldMs as number,
    ruleMs: domain.ruleMs as Record<string, number>,
    cliMs: median(cli.map((c) => c.ms as number)),
    cliCpuMs: median(cli.map((c) => c.cpuMs as number)),
    cliWallMs: median(cli.map((c) => c.wallMs)),
    floorMs: median(floor.map((c) => c.ms as number)),
    floorCpuMs: median(floor.map((c) => c.cpuMs as number)),
    cliRss: Math.max(...cli.map((c) => c.maxRss)),
    floorRss: Math.max(...floor.map((c) => c.maxRss)),
    domainRss: domain.maxRss,
    fileBytes: gen.bytes as number,
    snap: snapFigures(snap),
    snapWhole: snapFigures(snapWhole),
    office: { desktop: office.desktop, web: office.web, webWrite: office.webWrite, commit: office.commit },
  };
}

// ---- formatting ---------------------------------------------------------------------------------

const int = (n: number): string => Math.round(n).toLocaleString("en-US");
const ms = (n: number): string => (n >= 100 ? int(n) : n.toFixed(1));
const mb = (bytes: number): string => `${(bytes / MB).toFixed(bytes >= 10 * MB ? 0 : 2)} MB`;
const rate = (n: number): string => (n >= 1e6 ? `${(n / 1e6).toFixed(2)} M` : `${int(n / 1e3)} k`);
const ok = (met: boolean): string => (met ? "met" : "**missed**");

function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]): string => `| ${cells.join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}

function machine(): string {
  const cpus = os.cpus();
  return `${cpus.length} × ${cpus[0]?.model.trim() ?? "unknown CPU"}, ${(os.totalmem() / 1024 ** 3).toFixed(0)} GB RAM, ${os.platform()} ${os.release()}, Node ${process.version}`;
}

function report(results: SizeResult[]): string {
  const date = new Date().toISOString().slice(0, 10);
  const out: string[] = [];
  out.push(`## Benchmark (${date})`, "", `Machine: ${machine()}.`, "");
  out.push(
    `Book: 設定, a 1,104-office マスタ, a 1,104-row 支払基金 登録状況 list and a 支払基金 エラー明細 list of N rows ` +
      `(9 columns; about 1 row in 40 carries a mistake the rules report). Domain: median of ${domainRuns} runs after a warm-up; ` +
      `CLI and floor: median of ${runs} fresh processes each, timed in process (Node and tsx start-up excluded; ` +
      `the whole process is the "CLI process" column). Syncs and payloads come from the Office.js adapter over the Excel fake.`,
    "",
  );
  out.push(
    table(
      [
        "list rows",
        "cells",
        "findings",
        "domain validate",
        "rows/s",
        "cells/s",
        "cells/s (CPU time)",
        "CLI validate",
        "ExcelJS read (floor)",
        "CLI ÷ floor",
        "CLI ÷ floor (CPU time)",
        "CLI process",
        "CLI peak RSS",
        "ExcelJS peak RSS",
        "syncs (desktop)",
        "syncs (web, 5 MB cap)",
        "largest response",
        "syncs / largest request: validate + write 検証結果",
        "syncs / largest request: N-row sheet commit",
      ],
      results.map((r) => [
        int(r.listRows),
        int(r.cells),
        int(r.findings),
        `${ms(r.domainMs)} ms`,
        rate((r.rows / r.domainMs) * 1000),
        rate((r.cells / r.domainMs) * 1000),
        rate((r.cells / r.domainCpuMs) * 1000),
        `${ms(r.cliMs)} ms`,
        `${ms(r.floorMs)} ms`,
        `${(r.cliMs / r.floorMs).toFixed(2)}`,
        `${(r.cliCpuMs / r.floorCpuMs).toFixed(2)}`,
        `${ms(r.cliWallMs)} ms`,
        mb(r.cliRss),
        mb(r.floorRss),
        syncsOnly(r.office.desktop),
        syncsOnly(r.office.web),
        mb(r.office.desktop.maxResponseBytes),
        syncsAndRequest(r.office.webWrite),
        syncsAndRequest(r.office.commit),
      ]),
    ),
    "",
  );

  out.push(
    "Saving: `snapshot` on the same book (read, compute, save; in process). Surgical = the CLI today (only the parts the command " +
      "changes are written, every other zip entry copied as is); whole-book = the former save, ExcelJS writing its whole model.",
    "",
    table(
      ["list rows", "ExcelJS read (floor)", "snapshot, surgical save", "of which save", "÷ floor", "÷ floor (CPU time)", "peak RSS", "snapshot, whole-book save (before)", "of which save", "÷ floor", "÷ floor (CPU time)", "peak RSS"],
      results.map((r) => [
        int(r.listRows),
        `${ms(r.floorMs)} ms`,
        `${ms(r.snap.ms)} ms`,
        `${ms(r.snap.saveMs)} ms`,
        (r.snap.ms / r.floorMs).toFixed(2),
        (r.snap.cpuMs / r.floorCpuMs).toFixed(2),
        mb(r.snap.rss),
        `${ms(r.snapWhole.ms)} ms`,
        `${ms(r.snapWhole.saveMs)} ms`,
        (r.snapWhole.ms / r.floorMs).toFixed(2),
        (r.snapWhole.cpuMs / r.floorCpuMs).toFixed(2),
        mb(r.snapWhole.rss),
      ]),
    ),
    "",
  );

  // Per-rule time, largest list first, like ESLint's TIMING=1.
  const largest = results[results.length - 1];
  const ids = Object.keys(largest.ruleMs).sort((a, b) => largest.ruleMs[b] - largest.ruleMs[a]);
  const total = (r: SizeResult): number => Object.values(r.ruleMs).reduce((a, b) => a + b, 0);
  out.push("Per-rule time (ms per validate run; share of the rules' total at the largest size):", "");
  out.push(
    table(
      ["rule", ...results.map((r) => `${int(r.listRows)} rows`), "share"],
      [
        ...ids.map((id) => [
          id,
          ...results.map((r) => ms(r.ruleMs[id] ?? 0)),
          `${((100 * largest.ruleMs[id]) / total(largest)).toFixed(1)} %`,
        ]),
        ["**all rules**", ...results.map((r) => ms(total(r))), "100 %"],
        ["engine (tables, sorting, counts)", ...results.map((r) => ms(Math.max(0, r.domainMs - total(r)))), ""],
      ],
    ),
    "",
  );

  // Goals.
  const at = (n: number): SizeResult | undefined => results.find((r) => r.listRows === n);
  const r100 = at(100_000);
  const r300 = at(300_000);
  const minCells = Math.min(...results.map((r) => (r.cells / r.domainMs) * 1000));
  const maxSyncsDesktop = Math.max(...results.map((r) => r.office.desktop.syncs));
  const maxSyncsWeb = Math.max(...results.map((r) => r.office.web.syncs));
  const maxRequest = Math.max(
    ...results.flatMap((r) => [r.office.desktop, r.office.web, r.office.webWrite, r.office.commit].map((o) => o.maxRequestBytes)),
  );
  const goals: string[][] = [];
  if (r100) {
    const ratio = r100.cliMs / r100.floorMs;
    const cpuRatio = r100.cliCpuMs / r100.floorCpuMs;
    goals.push([
      "CLI validate, 100k rows",
      `≤ ${GOALS.cliOverFloor} × ExcelJS read`,
      `${ratio.toFixed(2)} × wall (${ms(r100.cliMs)} / ${ms(r100.floorMs)} ms); ${cpuRatio.toFixed(2)} × CPU time`,
      ok(ratio <= GOALS.cliOverFloor),
    ]);
  }
  if (r100) {
    const ratio = r100.snap.ms / r100.floorMs;
    goals.push([
      "snapshot (surgical save), 100k rows",
      `≤ ${GOALS.snapshotOverFloor} × ExcelJS read`,
      `${ratio.toFixed(2)} × wall (${ms(r100.snap.ms)} / ${ms(r100.floorMs)} ms); ${(r100.snap.cpuMs / r100.floorCpuMs).toFixed(2)} × CPU time; before: ${(r100.snapWhole.ms / r100.floorMs).toFixed(2)} ×`,
      ok(ratio <= GOALS.snapshotOverFloor),
    ]);
  }
  const minCellsCpu = Math.min(...results.map((r) => (r.cells / r.domainCpuMs) * 1000));
  goals.push([
    "domain validate throughput",
    `≥ ${rate(GOALS.cellsPerSecond)} cells/s`,
    `${rate(minCells)} cells/s wall, ${rate(minCellsCpu)} cells/s CPU time (slowest size)`,
    ok(minCells >= GOALS.cellsPerSecond),
  ]);
  goals.push([
    "Office validate round trips (desktop: no response cap)",
    `≤ ${GOALS.maxSyncs} syncs at every size`,
    results.map((r) => `${r.office.desktop.syncs}`).join(" / "),
    ok(maxSyncsDesktop <= GOALS.maxSyncs),
  ]);
  goals.push([
    "Office validate round trips (Excel on the web: 5 MB response cap)",
    `≤ ${GOALS.maxSyncs} syncs at every size`,
    results.map((r) => `${r.office.web.syncs}`).join(" / "),
    ok(maxSyncsWeb <= GOALS.maxSyncs),
  ]);
  const failures = results.flatMap((r) =>
    (["desktop", "web", "webWrite", "commit"] as const)
      .filter((k) => r.office[k].error)
      .map((k) => `${k} at ${int(r.listRows)} rows: ${r.office[k].error}`),
  );
  goals.push([
    "largest write request",
    `≤ ${mb(GOALS.maxRequestBytes)}`,
    `${mb(maxRequest)}${failures.length ? ` (${failures.length} Office case(s) failed, see notes)` : ""}`,
    ok(maxRequest <= GOALS.maxRequestBytes && failures.length === 0),
  ]);
  if (r300) goals.push(["CLI peak RSS, 300k rows", `< ${mb(GOALS.maxRss300k)}`, mb(r300.cliRss), ok(r300.cliRss < GOALS.maxRss300k)]);
  out.push("Goals:", "", table(["goal", "target", "measured", "status"], goals), "");

  const notes: string[] = [];
  if (peakLoad > os.cpus().length) {
    notes.push(
      `The machine was busy during this run (1-minute load average up to ${peakLoad.toFixed(1)} on ${os.cpus().length} cores): wall times are inflated; ` +
        `the CPU-time columns are the steadier figures.`,
    );
  }
  if (r100) {
    const share = r100.floorMs / r100.cliMs;
    notes.push(
      `At 100k rows ExcelJS' own load is ${(share * 100).toFixed(0)} % of the CLI's time (${ms(r100.floorMs)} of ${ms(r100.cliMs)} ms); ` +
        `grids, rules and JSON take the other ${ms(r100.cliMs - r100.floorMs)} ms, of which the rule engine is about ${ms(r100.domainColdMs)} ms (first, cold run).`,
    );
  }
  if (maxSyncsWeb > GOALS.maxSyncs) {
    const worst = results[results.length - 1];
    const minimum = Math.ceil(worst.office.desktop.maxResponseBytes / GOALS.maxRequestBytes);
    notes.push(
      `Round trips on Excel on the web are bounded first by its 5 MB response cap: reading the ${int(worst.listRows)}-row book ` +
        `returns ${mb(worst.office.desktop.maxResponseBytes)} of values and number formats, so no reader can use fewer than ` +
        `${minimum} responses there. Desktop Excel has no such cap and stays at ${maxSyncsDesktop} syncs at every size.` +
        (worst.office.web.syncs > 4 * (minimum + 2)
          ? ` The measured ${int(worst.office.web.syncs)} syncs are far above that minimum: the adapter's chunked fallback halves its ` +
            `cell budget on every rejected chunk but re-chunks only the rejected batch, so each still-queued chunk of the old size ` +
            `is rejected in turn and the budget collapses (${worst.office.web.failedSyncs} rejections).`
          : ""),
    );
  }
  if (r300) {
    notes.push(
      `Peak memory at 300k rows: the CLI ${mb(r300.cliRss)}, ExcelJS alone ${mb(r300.floorRss)}; ExcelJS' in-memory workbook is most of it.`,
    );
  }
  for (const f of failures) notes.push(`Office adapter failure: ${f.split("\n")[0]}`);
  if (minCells < GOALS.cellsPerSecond) {
    notes.push("Domain throughput below the goal: see the per-rule table for where the time goes.");
  }
  if (notes.length) out.push("Notes:", "", ...notes.map((n) => `- ${n}`), "");
  return out.join("\n");
}

const dir = mkdtempSync(path.join(os.tmpdir(), "onshi-bench-"));
try {
  const results = sizes.map((n) => measure(n, dir));
  progress("import of a 100,000-row Payment Fund file (bench/import.ts)");
  const imported = spawnSync(process.execPath, ["--max-old-space-size=4096", "--import", "tsx", path.join(here, "import.ts")], { encoding: "utf8", maxBuffer: 64 * MB });
  const md = `${report(results)}${imported.status === 0 ? imported.stdout : `\nImport bench failed: ${imported.stderr.split("\n")[0]}\n`}`;
  process.stdout.write(`${md}\n`);
  if (opts.out && opts.out !== "-") {
    writeFileSync(opts.out, `${md}\n`);
    progress(`written to ${opts.out}`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
