#!/usr/bin/env node
// The `onshi` bin: runs the TypeScript CLI through tsx's loader (no build step needed).
import { register } from "tsx/esm/api";
import { fileURLToPath } from "node:url";
import path from "node:path";

register();
const here = path.dirname(fileURLToPath(import.meta.url));
const { runCli } = await import(path.join(here, "..", "src", "cli", "main.ts"));
process.exitCode = await runCli(process.argv.slice(2));
