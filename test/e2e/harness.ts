/**
 * Shared by the browser tests and `npm run preview`: builds the task pane (production config, into
 * its own directory so it never races the build test over dist/) plus the office.js stand-in, and
 * serves the files from a tiny static server on 127.0.0.1.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromium, type BrowserContext } from "playwright-core";
import type { Configuration, MultiStats } from "webpack";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const OFFICE_JS_URL = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
export const STUB_FILE = "office-stub.js";

export interface BuildOutput {
  /** The task pane as webpack emits it (taskpane.html, vendor.js, taskpane.js, …). */
  distDir: string;
  /** The bundled office.js stand-in. */
  stubPath: string;
  /** Gzipped size of the JavaScript the task pane loads first (the scripts of taskpane.html), in bytes. */
  gzippedJs: number;
  rawJs: number;
  /** Gzipped size of the chunks loaded on demand (the report's deck writer), in bytes. */
  lazyGzippedJs: number;
}

/** Builds the task pane (production) and the stub (development, unminified) in one webpack run. */
export async function buildAll(outDir: string): Promise<BuildOutput> {
  const distDir = path.join(outDir, "dist");
  const stubDir = path.join(outDir, "stub");
  rmSync(outDir, { recursive: true, force: true });
  const { default: webpack } = await import("webpack");
  const configModule = (await import(pathToFileURL(path.join(ROOT, "webpack.config.js")).href)) as {
    default: (env: Record<string, unknown>, argv: { mode: string }) => Promise<Configuration>;
  };
  const app = await configModule.default({}, { mode: "production" });
  app.output = { ...app.output, path: distDir };
  const stub: Configuration = {
    name: "office-stub",
    mode: "development",
    devtool: false,
    target: "web",
    context: ROOT,
    entry: { "office-stub": "./test/e2e/office-stub.ts" },
    output: { path: stubDir, filename: "[name].js", clean: true },
    resolve: app.resolve,
    module: app.module,
    performance: { hints: false },
  };
  const stats = await new Promise<MultiStats>((resolve, reject) => {
    webpack([app, stub], (err, result) => {
      if (err) reject(err);
      else if (!result) reject(new Error("webpack returned no stats"));
      else if (result.hasErrors()) reject(new Error(result.toString({ all: false, errors: true, colors: false })));
      else resolve(result);
    });
  });
  void stats;
  const { gzipSync } = await import("node:zlib");
  const { readdirSync } = await import("node:fs");
  let gzippedJs = 0;
  let rawJs = 0;
  let lazyGzippedJs = 0;
  // The first load is what taskpane.html references; other chunks load only when asked for.
  const html = readFileSync(path.join(distDir, "taskpane.html"), "utf8");
  const initial = new Set([...html.matchAll(/<script[^>]*\ssrc="?([^"\s>]+\.js)"?/g)].map((m) => path.basename(m[1])));
  for (const f of readdirSync(distDir).filter((n) => n.endsWith(".js") && n !== "function-file.js")) {
    const content = readFileSync(path.join(distDir, f));
    const gz = gzipSync(content, { level: 9 }).length;
    if (initial.has(f)) {
      rawJs += content.length;
      gzippedJs += gz;
    } else lazyGzippedJs += gz;
  }
  return { distDir, stubPath: path.join(stubDir, `${STUB_FILE}`), gzippedJs, rawJs, lazyGzippedJs };
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".png": "image/png",
  ".xml": "application/xml; charset=utf-8",
  ".json": "application/json; charset=utf-8",
};

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

export interface ServeOptions {
  port?: number;
  /** Extra routes (path → body + type), checked before the files. */
  routes?: Record<string, () => { body: string | Buffer; type: string }>;
  /** Rewrites an HTML file's text before it is sent. */
  rewriteHtml?: (html: string) => string;
}

/** Serves `dir` on 127.0.0.1 (random port unless given). No directory listings, no escaping `dir`. */
export async function serve(dir: string, options: ServeOptions = {}): Promise<StaticServer> {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const route = options.routes?.[url.pathname];
    if (route) {
      const { body, type } = route();
      res.writeHead(200, { "content-type": type, "cache-control": "no-store" });
      res.end(body);
      return;
    }
    const file = path.resolve(dir, "." + decodeURIComponent(url.pathname));
    if (!file.startsWith(path.resolve(dir)) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { "content-type": "text/plain; charset=utf-8" });
      res.end("not found");
      return;
    }
    const ext = path.extname(file);
    let body: string | Buffer = readFileSync(file);
    if (ext === ".html" && options.rewriteHtml) body = options.rewriteHtml(body.toString("utf8"));
    res.writeHead(200, { "content-type": TYPES[ext] ?? "application/octet-stream", "cache-control": "no-store" });
    res.end(body);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export const CHROMIUM = "/usr/bin/chromium";

export interface PaneBrowser {
  context: BrowserContext;
  userDataDir: string;
  /** Requests to anywhere but this machine (blocked, and listed so that tests can assert none). */
  blocked: string[];
}

/**
 * Debian's headless Chromium in Japanese (ja-JP, Asia/Tokyo) with office.js routed to the stub at
 * `stubPath`; requests to this machine pass, every other request is blocked and recorded.
 */
export async function launchPaneBrowser(options: { stubPath: string; tempPrefix: string; width: number; height: number; args: readonly string[] }): Promise<PaneBrowser> {
  const userDataDir = mkdtempSync(path.join(os.tmpdir(), options.tempPrefix));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [...options.args],
    env: { ...process.env, LANGUAGE: "ja" },
    viewport: { width: options.width, height: options.height },
    locale: "ja-JP",
    timezoneId: "Asia/Tokyo",
  });
  const blocked: string[] = [];
  const stub = readFileSync(options.stubPath, "utf8");
  await context.route("**/*", async (route) => {
    const url = route.request().url();
    if (url === OFFICE_JS_URL || url.startsWith("https://appsforoffice.microsoft.com/")) {
      await route.fulfill({ status: 200, contentType: "text/javascript; charset=utf-8", body: stub });
      return;
    }
    const host = new URL(url).hostname;
    if (url.startsWith("data:") || host === "127.0.0.1" || host === "localhost") {
      await route.continue();
      return;
    }
    blocked.push(url);
    await route.abort("blockedbyclient");
  });
  return { context, userDataDir, blocked };
}
