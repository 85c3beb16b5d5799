/**
 * What every screen gets from the shell: the workbook port, a runner that shows progress, lets the
 * user cancel between steps and turns errors into a Japanese MessageBar, and the default 基準日.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import type { Step } from "../commands/steps";
import { todayInTokyo } from "../domain/dates";
import type { ScratchWorkbookFactory, WorkbookPort } from "../workbook/port";
import type { ExcelRun } from "./excel";
import { describeError, guardPort, throwIfCancelled, type ShownError } from "./runner";

/**
 * Opens a new workbook from an .xlsx file (`Excel.createWorkbook`, ExcelApi 1.8); null when the
 * host does not offer it.
 */
export type CreateWorkbook = (xlsx: Uint8Array) => Promise<void>;

/** Reports a step that is not a port call (e.g. "opening the copy"); throws when cancelled. */
export type ReportStep = (label: string) => Promise<void>;

export interface Progress {
  label: string;
  done: number;
  /** Steps the command declares (the bar's full length). */
  total: number;
}

export interface Services {
  port: WorkbookPort;
  excelRun: ExcelRun;
  createWorkbook: CreateWorkbook | null;
  /** Makes the in-memory copy a command may build (the masked copy). */
  scratch: ScratchWorkbookFactory;
  busy: boolean;
  progress: Progress | null;
  error: ShownError | null;
  clearError(): void;
  /** Shows an error that happened outside `run` (e.g. selecting a cell). */
  showError(e: unknown): void;
  /**
   * Runs one command through a guarded port. `steps` are the steps the command declares (its
   * `…Steps(options)`), the progress bar's length. Resolves to the result, or undefined when it
   * failed or was cancelled (the error is then shown by the shell). `step` reports a step that is
   * not a port call on the same progress bar.
   */
  run<T>(steps: readonly Step[], fn: (port: WorkbookPort, signal: AbortSignal, step: ReportStep) => Promise<T>): Promise<T | undefined>;
  cancel(): void;
  cancelling: boolean;
  /** The as-of date screens start from: 設定's 既定_基準日 when set, else today in Japan. */
  defaultAsOf: string;
  setDefaultAsOf(value: string | null): void;
}

const ServicesContext = createContext<Services | null>(null);

export function useServices(): Services {
  const s = useContext(ServicesContext);
  if (!s) throw new Error("useServices outside ServicesProvider");
  return s;
}

/** Lets the browser paint the progress bar and handle a click on キャンセル. */
const yieldToUi = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

export function ServicesProvider({
  port,
  excelRun,
  createWorkbook = null,
  scratch,
  children,
}: {
  port: WorkbookPort;
  excelRun: ExcelRun;
  createWorkbook?: CreateWorkbook | null;
  scratch: ScratchWorkbookFactory;
  children: ReactNode;
}) {
  const [progress, setProgress] = useState<Progress | null>(null);
  const [error, setError] = useState<ShownError | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const [configuredAsOf, setConfiguredAsOf] = useState<string | null>(null);
  const controller = useRef<AbortController | null>(null);

  const run = useCallback(
    async <T,>(steps: readonly Step[], fn: (p: WorkbookPort, signal: AbortSignal, step: ReportStep) => Promise<T>): Promise<T | undefined> => {
      if (controller.current) return undefined;
      const expectedSteps = steps.length;
      const abort = new AbortController();
      controller.current = abort;
      setError(null);
      setCancelling(false);
      setProgress({ label: "", done: 0, total: expectedSteps });
      let done = 0;
      const show = (label: string, at: number): void => {
        done = at;
        setProgress({ label, done: at, total: Math.max(expectedSteps, at) });
      };
      const step: ReportStep = async (label) => {
        throwIfCancelled(abort.signal);
        show(label, done + 1);
        await yieldToUi();
        throwIfCancelled(abort.signal);
      };
      try {
        // The port's steps and reported steps share one count.
        let portSteps = 0;
        const guarded = guardPort(port, abort.signal, (s) => {
          const started = s.done > portSteps;
          portSteps = s.done;
          show(s.label, started ? done + 1 : done);
        });
        return await fn(guarded, abort.signal, step);
      } catch (e) {
        setError(describeError(e));
        return undefined;
      } finally {
        controller.current = null;
        setProgress(null);
        setCancelling(false);
      }
    },
    [port],
  );

  const cancel = useCallback(() => {
    if (controller.current) {
      controller.current.abort();
      setCancelling(true);
    }
  }, []);

  const value = useMemo<Services>(
    () => ({
      port,
      excelRun,
      createWorkbook,
      scratch,
      busy: progress !== null,
      progress,
      error,
      clearError: () => setError(null),
      showError: (e: unknown) => setError(describeError(e)),
      run,
      cancel,
      cancelling,
      defaultAsOf: configuredAsOf ?? todayInTokyo(),
      setDefaultAsOf: setConfiguredAsOf,
    }),
    [port, excelRun, createWorkbook, scratch, progress, error, run, cancel, cancelling, configuredAsOf],
  );
  return <ServicesContext.Provider value={value}>{children}</ServicesContext.Provider>;
}

/**
 * A screen's 基準日 field: follows the default (設定's 既定_基準日, else today in Japan) until the user
 * edits it, so a default that arrives after the screen opened still shows.
 */
export function useAsOf(): [string, (v: string) => void] {
  const { defaultAsOf } = useServices();
  const [edited, setEdited] = useState<string | null>(null);
  return [edited ?? defaultAsOf, setEdited];
}

/**
 * Runs `load` once, when the screen opens (its 再読み込み button calls `load` again). The first
 * render's `load` is kept: it only uses the runner and state setters, which never change.
 */
export function useLoadOnOpen(load: () => Promise<void>): void {
  const [first] = useState(() => load);
  useEffect(() => {
    void first();
  }, [first]);
}
