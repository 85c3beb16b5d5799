/**
 * `onshi <command> <book.xlsx> [options]` — the command-line twin of the task pane. Argument
 * parsing and printing only; the work is done by src/commands. Exit 0 = done, no errors found;
 * 1 = done with errors found; 2 = could not run (one Japanese line on stderr, file untouched).
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { CommandError } from "../commands/context";
import { COMMANDS } from "./registry";
import { runDemo } from "./demo";
import { openBook, saveBook } from "./io";
import { createSimulatedEngine, formatEngineStats, type SimulatedEngine } from "../workbook/office-sim/engine";
import { PLATFORMS, type PlatformName } from "../workbook/office-sim/platforms";
import type { WorkbookPort } from "../workbook/port";

const USAGE = [
  "使い方: onshi <コマンド> <ブック.xlsx> [オプション]",
  "",
  "コマンド:",
  ...COMMANDS.map((c) => `  ${c.name.padEnd(22)}${c.summary}`),
  `  ${"demo".padEnd(22)}同梱の架空ブックで一連の作業を実行し、out/demo.xlsx に書き出します（ブックの指定は不要）`,
  "",
  "共通オプション: --json（JSON を1つだけ標準出力へ）, --out <パス>（変更するコマンドの保存先）",
  "  --engine office-sim（アドインの Office.js アダプターで、模擬 Excel 上で実行）, --web（Excel on the web の上限）,",
  "  --platform excel2021|m365|mac|web|excel-1.9, --stats（往復回数と最大の要求・応答を標準エラーへ）",
].join("\n");

export interface CliIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

/**
 * A writer for a process stream that goes quiet once the reader has gone (`onshi demo | head`):
 * the EPIPE is caught rather than crashing with a stack trace, and later writes are dropped. The
 * command itself runs to its end, so a save that has started is never cut short.
 */
export function quietWhenClosed(stream: NodeJS.WritableStream): (s: string) => void {
  let closed = false;
  stream.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code !== "EPIPE") throw e;
    closed = true;
  });
  return (s) => {
    if (!closed) stream.write(s);
  };
}

let processIoOnce: CliIo | null = null;
/** stdout and stderr of this process, made quiet on a closed pipe (installed once, on first use). */
function processIo(): CliIo {
  processIoOnce ??= { stdout: quietWhenClosed(process.stdout), stderr: quietWhenClosed(process.stderr) };
  return processIoOnce;
}

export async function runCli(argv: string[], io: CliIo = processIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    io.stdout(`${USAGE}\n`);
    return name ? 0 : 2;
  }
  if (name === "demo") return runDemoCommand(rest, io);
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.stderr(`不明なコマンド「${name}」です。onshi --help で一覧を確認してください。\n`);
    return 2;
  }
  let values: Record<string, string | boolean | undefined>;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: rest,
      allowPositionals: true,
      strict: true,
      options: { json: { type: "boolean" }, out: { type: "string" }, ...ENGINE_OPTIONS, ...command.options },
    }));
  } catch (e) {
    io.stderr(`オプションが正しくありません: ${(e as Error).message}\n`);
    return 2;
  }
  const extra = command.positionals ?? [];
  if (positionals.length !== 1 + extra.length) {
    const example = [name, "master.xlsx", ...extra.map((p) => `<${p}>`)].join(" ");
    io.stderr(extra.length === 0 ? `ブック（.xlsx）のパスを1つ指定してください。例: onshi ${name} master.xlsx\n` : `ブックと${extra.join("・")}を指定してください。例: onshi ${example}\n`);
    return 2;
  }
  extra.forEach((p, i) => (values[p] = positionals[i + 1]));
  const bookPath = positionals[0];
  try {
    const out = command.outputPath ? command.outputPath(bookPath, values.out as string | undefined) : (values.out as string | undefined);
    const book = await openBook(bookPath, command.writes && !out);
    io.stderr(`${command.name}: ${bookPath} を処理しています…\n`);
    const engine = await engineFor(book, values);
    const result = await command.run(engine?.port ?? book, values, { bookPath });
    if (engine && values.stats) io.stderr(`${formatEngineStats(engine.stats(), engine.label)}\n`);
    if (command.writes) {
      const saved = await saveBook(book, bookPath, out, command.save === "whole");
      io.stderr(saved.path ? `保存しました: ${saved.path}\n` : "変更がないため、ブックは保存していません。\n");
    }
    io.stdout(values.json ? `${JSON.stringify(command.toJson(result))}\n` : `${command.render(result)}\n`);
    return command.foundErrors?.(result) ? 1 : 0;
  } catch (e) {
    if (e instanceof CommandError || (e instanceof Error && e.name === "CommandError")) {
      io.stderr(`${e.message}\n`);
    } else {
      // An unexpected failure is still one plain line: no stack trace reaches the user.
      io.stderr(`処理を完了できませんでした（内部エラー: ${(e as Error)?.message ?? String(e)}）。ブックは変更していません。\n`);
    }
    return 2;
  }
}

/** --engine, --web, --platform, --stats: which engine runs the command (SPEC §5). */
const ENGINE_OPTIONS = {
  engine: { type: "string" },
  web: { type: "boolean" },
  platform: { type: "string" },
  stats: { type: "boolean" },
} as const;

type Engine = SimulatedEngine & { label: string };

/**
 * The simulated Excel host for `--engine office-sim` (null for the default engine). The command
 * runs through the Office adapter; its writes also go to `book`, which is saved as usual.
 */
export async function engineFor(book: WorkbookPort, values: Record<string, string | boolean | undefined>): Promise<Engine | null> {
  const name = values.engine as string | undefined;
  if (name === undefined || name === "xlsx") {
    if (values.web || values.platform || values.stats) throw new CommandError("--web / --platform / --stats は --engine office-sim と一緒に指定してください。");
    return null;
  }
  if (name !== "office-sim") throw new CommandError(`--engine は xlsx か office-sim です（指定: ${name}）。`);
  const platform = (values.platform as string | undefined) ?? (values.web ? "web" : "m365");
  if (!(platform in PLATFORMS)) throw new CommandError(`--platform は ${Object.keys(PLATFORMS).join(" / ")} のいずれかです（指定: ${platform}）。`);
  const engine = await createSimulatedEngine(book, { platform: platform as PlatformName });
  return { ...engine, label: PLATFORMS[platform as PlatformName].label };
}

/** `onshi demo [--out path] [--json]`: the whole routine on the bundled fictional workbook. */
async function runDemoCommand(args: string[], io: CliIo): Promise<number> {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({ args, strict: true, options: { json: { type: "boolean" }, out: { type: "string" }, ...ENGINE_OPTIONS } }));
  } catch (e) {
    io.stderr(`オプションが正しくありません: ${(e as Error).message}\n`);
    return 2;
  }
  const out = path.resolve((values.out as string | undefined) ?? "out/demo.xlsx");
  const json = values.json === true;
  try {
    const engine = (book: WorkbookPort): Promise<Engine | null> => engineFor(book, values);
    const result = await runDemo(out, (s) => io.stderr(`${s}\n`), json ? () => {} : (s) => io.stdout(`${s}\n`), engine);
    if (json) io.stdout(`${JSON.stringify(result)}\n`);
    return 0;
  } catch (e) {
    io.stderr(`デモを完了できませんでした: ${(e as Error)?.message ?? String(e)}\n`);
    return 2;
  }
}

const isMain = process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, "/").split("/").pop()!);
if (isMain) {
  runCli(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
