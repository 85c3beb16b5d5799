/**
 * `onshi demo | head`: when the reader closes the pipe early, the CLI neither prints `write EPIPE`
 * nor a stack trace, and still finishes its work (the demo book is written).
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const dir = mkdtempSync(path.join(tmpdir(), "onshi-pipe-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the bin, reads the first chunk of stdout, then closes the pipe (as `head -1` would). */
function runAndCloseEarly(args: string[]): Promise<{ code: number | null; signal: NodeJS.Signals | null; firstChunk: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.resolve("bin/onshi.js"), ...args], { stdio: ["ignore", "pipe", "pipe"] });
    let firstChunk = "";
    let stderr = "";
    child.stdout.once("data", (chunk: Buffer) => {
      firstChunk = chunk.toString("utf8");
      child.stdout.destroy();
    });
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code, signal, firstChunk, stderr }));
  });
}

describe("a closed output pipe", () => {
  it("onshi demo | head: no EPIPE, no stack trace, exit 0, the book still written", async () => {
    const out = path.join(dir, "demo.xlsx");
    const r = await runAndCloseEarly(["demo", "--out", out]);
    expect(r.firstChunk).toContain("検証");
    expect(r.stderr).not.toMatch(/EPIPE|Error|\n\s+at /u);
    expect(r.signal).toBeNull();
    expect(r.code).toBe(0);
    expect(existsSync(out)).toBe(true);
  }, 120_000);
});
