/**
 * Running one command from the task pane: a port wrapper that reports the current step and stops
 * between port calls when the user cancels, and the mapping of errors to plain Japanese.
 */
import { CommandError } from "../commands/context";
import type { WorkbookPort } from "../workbook/port";
import { M } from "./messages";

/** Thrown at the next step boundary after the user pressed キャンセル. */
export class CancelledError extends Error {
  constructor() {
    super("cancelled");
    this.name = "CancelledError";
  }
}

export interface StepReport {
  label: string;
  /** Port calls started so far (this one included). */
  done: number;
}

/** Lets the browser paint the progress bar and handle a click on キャンセル. */
const yieldToUi = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

export function throwIfCancelled(signal: AbortSignal): void {
  if (signal.aborted) throw new CancelledError();
}

/**
 * Wraps a port so that every call first checks the abort signal (so a cancelled command never
 * reaches its commit) and reports which step is running. After a read returns, the step becomes
 * "計算しています" until the command's next port call.
 */
export function guardPort(port: WorkbookPort, signal: AbortSignal, onStep: (step: StepReport) => void, onCommitted: () => void = () => {}): WorkbookPort {
  let done = 0;
  const step = async (label: string): Promise<void> => {
    throwIfCancelled(signal);
    onStep({ label, done: ++done });
    await yieldToUi();
    throwIfCancelled(signal);
  };
  const computing = (): void => onStep({ label: M.progress.compute, done });
  return {
    async listSheets() {
      await step(M.progress.listSheets);
      const names = await port.listSheets();
      computing();
      return names;
    },
    async readSheets(names) {
      await step(M.progress.readSheets(names.length));
      const grids = await port.readSheets(names);
      computing();
      return grids;
    },
    async commit(batch) {
      await step(M.progress.commit);
      // Once the write has started it is not interrupted. It is not all-or-nothing: Excel applies
      // each request as it arrives, so a commit that fails part-way leaves its earlier requests
      // applied (see WorkbookPort.commit); running the command again completes it.
      await port.commit(batch);
      // The book changed: every screen's lists and results depend on it.
      onCommitted();
      computing();
    },
  };
}

export interface ShownError {
  intent: "error" | "warning";
  title: string;
  body: string;
  /** Office's error code, shown in small print (support needs it; the user needs the body). */
  code?: string;
}

/** What the user was acting on, so that an error can name it (the sheet of a finding …). */
export interface ErrorContext {
  sheet?: string;
}

function officeCode(e: unknown): string | null {
  if (typeof e !== "object" || e === null) return null;
  const err = e as { code?: unknown; name?: unknown; debugInfo?: { code?: unknown } };
  const isOffice = err.name === "RichApi.Error" || typeof err.debugInfo === "object";
  if (!isOffice) return null;
  if (typeof err.code === "string") return err.code;
  if (typeof err.debugInfo?.code === "string") return err.debugInfo.code;
  return null;
}

/** What the user sees for an error: never a stack trace, always what to do next. */
export function describeError(e: unknown, context: ErrorContext = {}): ShownError {
  if (e instanceof CancelledError) return { intent: "warning", title: M.errors.cancelledTitle, body: M.errors.cancelled };
  if (e instanceof CommandError || (e instanceof Error && e.name === "CommandError")) {
    return { intent: "error", title: M.errors.title, body: e.message };
  }
  const code = officeCode(e);
  const known = code ? M.errors.office[code as keyof typeof M.errors.office] : undefined;
  if (code && known) return { intent: "error", title: M.errors.title, body: known(context.sheet), code };
  // Unexpected: the user sees plain Japanese; the details stay in this machine's developer console
  // for support (nothing is sent anywhere).
  console.error("オン資トラッカー: 予期しないエラー", e);
  return { intent: "error", title: M.errors.title, body: M.errors.unexpected, ...(code ? { code } : {}) };
}
