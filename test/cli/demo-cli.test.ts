import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/main";
import { SAMPLE_EXPECTED } from "../../src/demo/sample";

describe("onshi demo", () => {
  it("replays the six rounds, prints one JSON object and writes the book", async () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), "onshi-demo-")), "demo.xlsx");
    let stdout = "";
    const code = await runCli(["demo", "--out", out, "--json"], { stdout: (s) => (stdout += s), stderr: () => {} });
    expect(code).toBe(0);
    expect(stdout.trim().split("\n")).toHaveLength(1);
    const result = JSON.parse(stdout);
    expect(result.rounds.map((r: { unregistered: { offices: number } }) => r.unregistered.offices)).toEqual(
      SAMPLE_EXPECTED.snapshots.map((s) => s.unregistered.offices),
    );
    expect(result.diff).toMatchObject({ from: "2025-01-21", to: "2025-02-04", unregistered: { offices: 74, recipients: 32_609 } });
    expect(Object.keys(result.summary)).toEqual(["survey", "distribution", "classes", "documents"]);
    expect(result.aggregate.byVendor[0]).toMatchObject({ count: 7_473 });
    // The refresh routine: a Shift_JIS CSV imported, a survey batch applied, four 閲覧停止 lists followed.
    expect(result.import).toMatchObject({ sheet: "支払基金_閲覧停止_20250107", kind: "閲覧停止", date: "2025-01-07", encoding: "Shift_JIS" });
    expect(result.survey.changed.length).toBeGreaterThan(0);
    expect(result.survey.unmatched).toHaveLength(1);
    expect(result.survey.ambiguous).toEqual([]);
    expect(result.survey.older).toHaveLength(1);
    expect(result.trend.trend.map((t: { date: string }) => t.date)).toEqual(["2024-11-05", "2024-12-02", "2025-01-07", "2025-02-04"]);
    expect(new Set(result.trend.persistence.map((p: { state: string }) => p.state))).toEqual(new Set(["継続", "新規", "解消"]));
    expect(existsSync(out)).toBe(true);
  });
});
