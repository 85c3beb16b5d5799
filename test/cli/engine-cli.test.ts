/**
 * `--engine office-sim` (SPEC §5): the command runs through the task pane's Office adapter on the
 * simulated Excel host, and prints exactly what the default engine prints.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cli } from "./capture";

describe("onshi --engine office-sim", () => {
  it("demo prints the same tables as the default engine, and --stats reports round trips", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "onshi-engine-"));
    const plain = await cli(["demo", "--out", path.join(dir, "a.xlsx")]);
    const sim = await cli(["demo", "--engine", "office-sim", "--out", path.join(dir, "b.xlsx")]);
    expect(plain.exit).toBe(0);
    expect(sim.exit).toBe(0);
    expect(sim.stdout).toBe(plain.stdout);
    expect(sim.stdout).toContain("■ 3. 期間差分");
    expect(sim.stderr).toMatch(/office-sim（Microsoft 365 \(Windows\)）: Excel\.run \d+ 回, 往復 \d+ 回/);

    // A saving command on the demo's book: same JSON, and the saved books read the same.
    const book = path.join(dir, "a.xlsx");
    const copy = path.join(dir, "c.xlsx");
    const a = await cli(["summary", book, "--as-of", "2025-01-23", "--json", "--out", path.join(dir, "s1.xlsx")]);
    const b = await cli(["summary", book, "--as-of", "2025-01-23", "--json", "--out", copy, "--engine", "office-sim", "--web", "--stats"]);
    expect(b.exit).toBe(a.exit);
    expect(b.stdout).toBe(a.stdout);
    expect(b.stderr).toMatch(/office-sim（Excel on the web）.*最大要求 [\d.]+ MB, 最大応答 [\d.]+ MB/);
    const v1 = await cli(["validate", path.join(dir, "s1.xlsx"), "--json"]);
    const v2 = await cli(["validate", copy, "--json"]);
    expect(v2.stdout).toBe(v1.stdout);
    expect(readFileSync(copy).length).toBeGreaterThan(0);
  }, 120_000);

  it("--web without --engine office-sim, or an unknown engine, is one plain line and exit 2", async () => {
    const r = await cli(["validate", "nothing.xlsx", "--web"]);
    expect(r.exit).toBe(2);
    const e = await cli(["demo", "--engine", "excel"]);
    expect(e.exit).toBe(2);
    expect(e.stderr).toMatch(/--engine は xlsx か office-sim/);
  });
});
