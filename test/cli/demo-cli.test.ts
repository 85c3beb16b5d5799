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
    expect(existsSync(out)).toBe(true);
  });
});
