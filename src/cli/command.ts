/** The shape of one CLI command: options, the use case it runs, and how its result is printed. */
import type { WorkbookPort } from "../workbook/port";

export type CliOptions = Record<string, string | boolean | undefined>;

export interface CliCommand<R = unknown> {
  name: string;
  /** One Japanese line for the help text. */
  summary: string;
  /** Options besides --json and --out, as node:util parseArgs declares them. */
  options: Record<string, { type: "string" | "boolean" }>;
  /** Names of positional arguments after the book (e.g. import's file), handed to run() under these names. */
  positionals?: string[];
  /** Whether the command changes the book (then it is saved after a .bak copy). */
  writes: boolean;
  /**
   * How a writing command saves: by default only its own writes are applied to the original file;
   * "whole" writes ExcelJS's model as a new file (mask: a copy that must not carry the original's
   * hidden parts such as pivot caches, comments or document properties along).
   */
  save?: "whole";
  /** `context.bookPath`: the book given on the command line (for files written beside it). */
  run(port: WorkbookPort, options: CliOptions, context: { bookPath: string }): Promise<R>;
  /** The JSON object of SPEC §5. */
  toJson(result: R): unknown;
  /** Readable Japanese tables. */
  render(result: R): string;
  /**
   * Where a writing command saves when --out is not given (default: in place, after a .bak copy).
   * May throw a CommandError to refuse a path (e.g. mask never writes over the original). Returns
   * undefined when --out names something else than the saved book (mail-drafts: the .eml folder).
   */
  outputPath?(bookPath: string, out: string | undefined): string | undefined;
  /** Done, but with errors found (exit 1). */
  foundErrors?(result: R): boolean;
}

export const defineCommand = <R>(c: CliCommand<R>): CliCommand<R> => c;
