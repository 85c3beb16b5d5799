/**
 * A kill during the CLI's write leaves the original book intact; no stack trace reaches stderr of
 * the real process; the task pane makes no network request besides loading office.js; the
 * manifest is HTTPS-only with minimal AppDomains.
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { makeOfficeCode } from "../../src/domain/codes";
import { FUZZ_SEED, loadBook } from "./hostile-book";

const ROOT = path.resolve(import.meta.dirname, "../..");
const MAIN = path.join(ROOT, "src/cli/main.ts");

async function bigBook(rows: number): Promise<string> {
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet("マスタ");
  ws.addRow(["保険者コード", "福祉事務所名", "被保護者数", "資格情報登録開始日", "備考"]);
  for (let i = 0; i < rows; i++) ws.addRow([makeOfficeCode("12", 1 + (i % 47), i % 1000), `架空${i}福祉事務所`, i % 3000, null, "x".repeat(40)]);
  const file = path.join(mkdtempSync(path.join(tmpdir(), "onshi-kill-")), "book.xlsx");
  writeFileSync(file, new Uint8Array(await book.xlsx.writeBuffer()));
  return file;
}

/** A small deterministic PRNG so the kill moment follows FUZZ_SEED. */
const mulberry = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

describe("kill during the CLI's write", () => {
  it("SIGKILL at a random moment leaves a book that opens with the old マスタ (temp + rename, .bak)", async () => {
    const file = await bigBook(8000);
    const original = readFileSync(file);
    const oldMaster = JSON.stringify((await loadBook(original)).getWorksheet("マスタ")!.getSheetValues());
    const random = mulberry(FUZZ_SEED);
    for (let attempt = 0; attempt < 3; attempt++) {
      const child = spawn(process.execPath, ["--import", "tsx", MAIN, "snapshot", file, "--as-of", "2025-02-04", "--json"], { cwd: ROOT, stdio: "pipe" });
      // Listen for the exit from the start: a fast save may finish before the kill comes.
      const closed = new Promise((r) => child.once("close", r));
      let stderr = "";
      child.stderr.on("data", (d) => (stderr += d));
      // Wait until it has read the book (the progress line), then kill somewhere in the work or the write.
      await new Promise<void>((resolve) => child.stderr.once("data", () => resolve()));
      await new Promise((r) => setTimeout(r, Math.floor(random() * 2500)));
      child.kill("SIGKILL");
      await closed;
      const now = readFileSync(file);
      const book = await loadBook(now); // must open, whatever the moment
      expect(JSON.stringify(book.getWorksheet("マスタ")!.getSheetValues())).toBe(oldMaster);
      if (!now.equals(original)) expect(readFileSync(file.replace(/\.xlsx$/, ".bak.xlsx")).equals(original)).toBe(true);
      expect(stderr).not.toMatch(/\n\s+at /);
    }
    // a half-written temp file may be left beside the book, never in its place
    expect(readdirSync(path.dirname(file)).filter((f) => f.endsWith(".xlsx") && !f.startsWith("."))).toEqual(expect.arrayContaining(["book.xlsx"]));
  }, 60_000);
});

describe("the real process", () => {
  it("prints one Japanese line and no stack trace for a corrupt book, an unknown option and a missing file", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "onshi-proc-"));
    const corrupt = path.join(dir, "corrupt.xlsx");
    writeFileSync(corrupt, Buffer.concat([Buffer.from("PK\u0003\u0004"), Buffer.alloc(200, 7)]));
    for (const args of [["summary", corrupt, "--json"], ["snapshot", corrupt, "--bogus"], ["mask", path.join(dir, "none.xlsx")]]) {
      const r = spawnSync(process.execPath, ["--import", "tsx", MAIN, ...args], { cwd: ROOT, encoding: "utf8" });
      expect(r.status).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr).not.toMatch(/\bat .+:\d+:\d+/);
      const lines = r.stderr.trim().split("\n");
      expect(lines.at(-1)).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/u);
    }
  }, 60_000);
});

describe("privacy of the add-in", () => {
  /** Every module reachable from the task pane entry by relative imports. */
  function taskpaneModules(): Map<string, string> {
    const seen = new Map<string, string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      const text = readFileSync(file, "utf8");
      seen.set(file, text);
      for (const m of text.matchAll(/(?:import|export)[^"']*?from\s+["'](\.[^"']+)["']|import\(\s*["'](\.[^"']+)["']\s*\)/g)) {
        const spec = m[1] ?? m[2];
        const base = path.resolve(path.dirname(file), spec);
        const candidates = [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts"), path.join(base, "index.tsx")];
        const found = candidates.find((c) => {
          try {
            return readFileSync(c) && !c.endsWith("/");
          } catch {
            return false;
          }
        });
        if (found) visit(found);
      }
    };
    visit(path.join(ROOT, "src/taskpane/index.tsx"));
    return seen;
  }

  it("no module of the task pane can make a network request", () => {
    const modules = taskpaneModules();
    expect(modules.size).toBeGreaterThan(5);
    const NETWORK = /\bfetch\s*\(|XMLHttpRequest|WebSocket|EventSource|sendBeacon|navigator\.sendBeacon|new\s+Image\s*\(|RTCPeerConnection|importScripts|\bimport\(\s*["']https?:/;
    for (const [file, text] of modules) expect(text, path.relative(ROOT, file)).not.toMatch(NETWORK);
    for (const [file, text] of modules) {
      const urls = [...text.matchAll(/https?:\/\/[^\s"'`)]+/g)].map((m) => m[0]);
      // Allowed: office.js, and the Office Open XML namespace URIs the .xlsx writer puts into the
      // file (identifiers inside XML, never fetched).
      const allowed = (u: string) => u.startsWith("https://appsforoffice.microsoft.com/") || u.startsWith("http://schemas.openxmlformats.org/");
      expect(urls.filter((u) => !allowed(u)), path.relative(ROOT, file)).toEqual([]);
    }
  });

  it("the task pane page loads office.js and nothing else from outside", () => {
    const html = readFileSync(path.join(ROOT, "src/taskpane/taskpane.html"), "utf8");
    const external = [...html.matchAll(/(?:src|href)\s*=\s*["']([^"']+)["']/g)].map((m) => m[1]).filter((u) => /^(https?:)?\/\//.test(u));
    expect(external).toEqual(["https://appsforoffice.microsoft.com/lib/1/hosted/office.js"]);
  });

  it("the manifest uses HTTPS only and declares no extra AppDomains", () => {
    const xml = readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
    const urls = [...xml.matchAll(/(?:DefaultValue|Value)="(https?:[^"]+)"/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(3);
    expect(urls.filter((u) => !u.startsWith("https://"))).toEqual([]);
    const domains = [...xml.matchAll(/<AppDomain>([^<]*)<\/AppDomain>/g)].map((m) => m[1]);
    expect(domains.every((d) => d.startsWith("https://"))).toBe(true);
    expect(domains.length).toBeLessThanOrEqual(1);
  });
});
