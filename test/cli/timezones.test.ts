/**
 * SPEC §1: every answer is the same under TZ=UTC and TZ=Asia/Tokyo. The whole demo routine runs in
 * two child processes, one per zone, and their printed tables and written sheets must agree.
 */
import { execFile } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { loadXlsx } from "../../src/workbook/xlsx/adapter";

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, "../..");

async function demoUnder(tz: string, dir: string) {
  const out = path.join(dir, `demo-${tz.replace("/", "-")}.xlsx`);
  const { stdout } = await run(process.execPath, ["--import", "tsx", "src/cli/main.ts", "demo", "--out", out], {
    cwd: ROOT,
    env: { ...process.env, TZ: tz },
    maxBuffer: 16 * 1024 * 1024,
  });
  const book = await loadXlsx(out);
  const names = (await book.listSheets()).filter((n) => n !== "変更履歴"); // its 日時 column is the run's clock
  return { stdout, sheets: await book.readSheets(names) };
}

describe("time zones", () => {
  it("the demo routine prints and writes the same under UTC and Asia/Tokyo", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "onshi-tz-"));
    const [utc, tokyo] = await Promise.all([demoUnder("UTC", dir), demoUnder("Asia/Tokyo", dir)]);
    expect(utc.stdout).toContain("2月4日時点");
    expect(tokyo.stdout).toBe(utc.stdout);
    expect([...tokyo.sheets.keys()]).toEqual([...utc.sheets.keys()]);
    for (const [name, grid] of utc.sheets) expect(tokyo.sheets.get(name), name).toEqual(grid);
  });
});
