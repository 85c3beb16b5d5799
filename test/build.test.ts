// Runs the production webpack build once and checks the emitted add-in files and bundle size.
import { execFile } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { gzipSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const DIST = path.join(ROOT, "dist");
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const GZIP_BUDGET = 300 * 1024;
/** The report deck writer (pptxgenjs), loaded only when the report is asked for. */
const LAZY_GZIP_BUDGET = 160 * 1024;
const BUILD_TIMEOUT_MS = 4 * 60_000;

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? listFiles(full) : [full];
  });
}

/** Script URLs of an HTML page, in document order. */
function scriptSources(html: string): string[] {
  return [...html.matchAll(/<script\b[^>]*\bsrc=["']?([^"'\s>]+)/gi)].map((m) => m[1]!);
}

describe("production build", () => {
  beforeAll(async () => {
    await promisify(execFile)("npx", ["webpack", "--mode", "production"], {
      cwd: ROOT,
      timeout: BUILD_TIMEOUT_MS,
      maxBuffer: 16 * 1024 * 1024,
      env: { ...process.env, NODE_ENV: "production" },
    });
  }, BUILD_TIMEOUT_MS + 10_000);

  it("emits taskpane.html loading office.js from the CDN before the bundle", () => {
    const html = readFileSync(path.join(DIST, "taskpane.html"), "utf8");
    const scripts = scriptSources(html);
    expect(scripts[0]).toBe(OFFICE_JS);
    expect(scripts).toContain("taskpane.js");
    expect(html).toContain('id=root');
    for (const src of scripts.filter((s) => !s.startsWith("https://"))) {
      expect(existsSync(path.join(DIST, src)), src).toBe(true);
    }
  });

  it("emits function-file.html with office.js and function-file.js", () => {
    const scripts = scriptSources(readFileSync(path.join(DIST, "function-file.html"), "utf8"));
    expect(scripts[0]).toBe(OFFICE_JS);
    expect(scripts).toContain("function-file.js");
    expect(existsSync(path.join(DIST, "function-file.js"))).toBe(true);
  });

  it("copies the manifest and the icons", () => {
    const manifest = readFileSync(path.join(DIST, "manifest.xml"), "utf8");
    expect(manifest).toBe(readFileSync(path.join(ROOT, "manifest.xml"), "utf8"));
    for (const size of [16, 32, 64, 80, 128]) {
      expect(existsSync(path.join(DIST, "assets", `icon-${size}.png`)), `icon-${size}.png`).toBe(
        true,
      );
    }
  });

  it("does not bundle office.js or emit source maps", () => {
    const files = listFiles(DIST);
    expect(files.filter((f) => f.endsWith(".map"))).toEqual([]);
    expect(files.some((f) => path.basename(f) === "office.js")).toBe(false);
  });

  it(`keeps the JavaScript of the first load under ${GZIP_BUDGET / 1024} KB gzipped (chunks loaded on demand under ${LAZY_GZIP_BUDGET / 1024} KB)`, () => {
    const jsFiles = listFiles(DIST).filter((f) => f.endsWith(".js"));
    expect(jsFiles.length).toBeGreaterThan(0);
    // The first load: the scripts the two pages reference. Everything else is loaded on demand
    // (the report's deck writer, when 「報告資料 (PowerPoint)」 is clicked).
    const initial = new Set(["taskpane.html", "function-file.html"].flatMap((page) => scriptSources(readFileSync(path.join(DIST, page), "utf8"))).map((s) => path.basename(s)));
    let raw = 0;
    let gzipped = 0;
    let lazy = 0;
    for (const file of jsFiles) {
      const content = readFileSync(file);
      const gz = gzipSync(content, { level: 9 }).length;
      if (initial.has(path.basename(file))) {
        raw += content.length;
        gzipped += gz;
      } else lazy += gz;
    }
    console.log(
      `dist JS: ${jsFiles.length} files, first load ${(raw / 1024).toFixed(1)} KB raw, ` +
        `${(gzipped / 1024).toFixed(1)} KB gzipped; on demand ${(lazy / 1024).toFixed(1)} KB gzipped`,
    );
    expect(gzipped).toBeLessThan(GZIP_BUDGET);
    expect(lazy).toBeLessThan(LAZY_GZIP_BUDGET);
  });
});
