/**
 * Every CLI command over generated hostile workbooks: exit 0/1 with exactly one JSON object, or 2
 * with plain Japanese lines and no stack trace; never an internal error; never a 個人番号 in the
 * output; and every user cell (value, formula, style, comment), width and merge as it was, apart
 * from the cells the command owns. FUZZ_SEED / FUZZ_RUNS pick the seed and the number of books.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, it } from "vitest";
import { runCli } from "../../src/cli/main";
import { backupPathFor } from "../../src/cli/io";
import { SHEET_NAMES } from "../../src/domain/schema/fields";
import { readTable } from "../../src/domain/schema/table";
import { XlsxWorkbook } from "../../src/workbook/xlsx/adapter";
import { FUZZ_SEED, checkProperty, fuzzRuns, hostileBook, loadBook, printDiff, userPrints, writeBook, type BookSpec } from "./hostile-book";

export const COMMAND_RUNS: { name: string; args: string[]; writes: boolean }[] = [
  { name: "validate", args: ["--as-of", "2025-02-04"], writes: false },
  { name: "apply-registrations", args: [], writes: true },
  { name: "snapshot", args: ["--as-of", "2025-02-04"], writes: true },
  { name: "diff", args: [], writes: true },
  { name: "summary", args: ["--as-of", "2025-02-04"], writes: true },
  { name: "aggregate", args: [], writes: true },
  { name: "mask", args: [], writes: true },
];

export async function cli(args: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await runCli(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { code, stdout, stderr };
}

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/u;

/** The contract of one run's output (SPEC §5). Returns problems as text (empty = fine). */
export function outputProblems(r: { code: number; stdout: string; stderr: string }, myNumbers: string[]): string[] {
  const problems: string[] = [];
  if (![0, 1, 2].includes(r.code)) problems.push(`exit code ${r.code}`);
  if (r.code === 2) {
    if (r.stdout !== "") problems.push(`stdout on exit 2: ${r.stdout.slice(0, 200)}`);
    const lines = r.stderr.trim().split("\n");
    if (!lines.every((l) => JAPANESE.test(l))) problems.push(`non-Japanese stderr: ${r.stderr.slice(0, 300)}`);
  } else {
    const lines = r.stdout.trim().split("\n");
    if (lines.length !== 1) problems.push(`stdout has ${lines.length} lines`);
    try {
      const json = JSON.parse(r.stdout);
      if (typeof json !== "object" || json === null || Array.isArray(json)) problems.push("stdout is not one JSON object");
    } catch {
      problems.push(`stdout is not JSON: ${r.stdout.slice(0, 200)}`);
    }
  }
  if (/\n\s+at\s|\bat .*\.(ts|js):\d+/u.test(r.stderr)) problems.push(`stack trace on stderr: ${r.stderr.slice(0, 300)}`);
  if (r.stderr.includes("内部エラー")) problems.push(`internal error: ${r.stderr.trim().slice(0, 400)}`);
  const digitsOnly = (r.stdout + r.stderr).replace(/[\s-]/g, "");
  for (const n of myNumbers) if (digitsOnly.includes(n)) problems.push(`個人番号 printed`);
  return problems;
}

/** Cells of マスタ a command may write: the 判定_ columns, and 資格情報登録開始日 for apply-registrations. */
export async function ownedCells(after: Awaited<ReturnType<typeof loadBook>>, command: string) {
  const grid = (await new XlsxWorkbook(after).readSheets([SHEET_NAMES.master])).get(SHEET_NAMES.master);
  const table = grid ? readTable(grid, "master") : null;
  const cols = new Set<number>(table ? table.judgeColumns.map((c) => c.col) : []);
  const start = table?.fieldIndex.get("startDate");
  if (table && command === "apply-registrations" && start !== undefined) cols.add(grid!.left + start);
  const headerRow = table?.headerRow ?? Infinity;
  return (sheet: string, row: number, col: number) => sheet === SHEET_NAMES.master && row >= headerRow && cols.has(col);
}

const dir = mkdtempSync(path.join(tmpdir(), "onshi-hostile-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

export async function checkBook(spec: BookSpec, workDir: string): Promise<string[]> {
  const original = path.join(workDir, "book.xlsx");
  writeFileSync(original, await writeBook(spec));
  const originalBytes = readFileSync(original);
  const problems: string[] = [];
  for (const c of COMMAND_RUNS) {
    const file = path.join(workDir, `${c.name}.xlsx`);
    copyFileSync(original, file);
    const r = await cli([c.name, file, ...c.args, "--json"]);
    problems.push(...outputProblems(r, spec.myNumbers).map((p) => `${c.name}: ${p}`));
    if (c.name === "mask" || !c.writes || r.code === 2) {
      if (!readFileSync(file).equals(originalBytes)) problems.push(`${c.name}: the book changed (exit ${r.code})`);
      if (c.name === "mask" && r.code !== 2) {
        const masked = path.join(workDir, `【マスク】${c.name}.xlsx`);
        if (!existsSync(masked)) problems.push("mask: no masked copy");
        else rmSync(masked);
      }
      continue;
    }
    // A run that changes nothing writes nothing: no .bak, and the book as it was.
    if (!existsSync(backupPathFor(file))) {
      if (!readFileSync(file).equals(originalBytes)) problems.push(`${c.name}: the book changed without a .bak`);
      continue;
    }
    if (!readFileSync(backupPathFor(file)).equals(originalBytes)) problems.push(`${c.name}: .bak differs from the original`);
    const before = await loadBook(originalBytes);
    const after = await loadBook(readFileSync(file));
    const skip = await ownedCells(after, c.name);
    problems.push(...printDiff(userPrints(before, skip), userPrints(after, skip)).slice(0, 5).map((d) => `${c.name}: ${d}`));
  }
  return problems;
}

describe("hostile workbooks through every CLI command", () => {
  it(`answer with JSON or one clear error and keep every user cell (seed ${FUZZ_SEED})`, async () => {
    let n = 0;
    await checkProperty(hostileBook, fuzzRuns(12), async (spec) => {
      const workDir = path.join(dir, String(n++));
      mkdirSync(workDir, { recursive: true });
      return checkBook(spec, workDir);
    });
  }, 120_000);
});
