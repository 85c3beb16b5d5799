/**
 * What every screen gets from the shell: the workbook port, a runner that shows progress, lets the
 * user cancel between steps and turns errors into a Japanese MessageBar, and the default 基準日.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import type { Step } from "../commands/steps";
import { todayInTokyo } from "../domain/dates";
import type { ScratchWorkbookFactory, WorkbookPort } from "../workbook/port";
import type { ExcelRun } from "./excel";
import { describeError, guardPort, throwIfCancelled, type ErrorContext, type ShownError } from "./runner";

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
  /** Shows an error that happened outside `run` (e.g. selecting a cell); `context` names what was acted on. */
  showError(e: unknown, context?: ErrorContext): void;
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
  /** The one 基準日 of the whole pane (the bar above the tabs): the default until the user picks one. */
  asOf: string;
  setAsOf(value: string): void;
  /**
   * How many times a command has changed the book (the book is the state): screens reload their
   * lists when it moves, and a result computed at an older version is shown as 「古い結果」.
   */
  bookVersion: number;
  /** The version now, for stamping a result just computed (a ref: valid inside a run's callback). */
  currentVersion(): number;
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
  const [pickedAsOf, setPickedAsOf] = useState<string | null>(null);
  const [bookVersion, setBookVersion] = useState(0);
  const version = useRef(0);
  const controller = useRef<AbortController | null>(null);
  const bookChanged = useCallback(() => {
    version.current += 1;
    setBookVersion(version.current);
  }, []);

  const runOne = useCallback(
    async <T,>(steps: readonly Step[], fn: (p: WorkbookPort, signal: AbortSignal, step: ReportStep) => Promise<T>): Promise<T | undefined> => {
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
        const guarded = guardPort(
          port,
          abort.signal,
          (s) => {
            const started = s.done > portSteps;
            portSteps = s.done;
            show(s.label, started ? done + 1 : done);
          },
          bookChanged,
        );
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
    [port, bookChanged],
  );

  // One command at a time, in the order asked: the lists every screen reloads after a change and a
  // click made meanwhile wait their turn instead of being dropped.
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const run = useCallback(
    <T,>(steps: readonly Step[], fn: (p: WorkbookPort, signal: AbortSignal, step: ReportStep) => Promise<T>): Promise<T | undefined> => {
      const next = queue.current.then(() => runOne(steps, fn));
      queue.current = next.catch(() => undefined);
      return next;
    },
    [runOne],
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
      showError: (e: unknown, context?: ErrorContext) => setError(describeError(e, context)),
      run,
      cancel,
      cancelling,
      defaultAsOf: configuredAsOf ?? todayInTokyo(),
      setDefaultAsOf: setConfiguredAsOf,
      asOf: pickedAsOf ?? configuredAsOf ?? todayInTokyo(),
      setAsOf: setPickedAsOf,
      bookVersion,
      currentVersion: () => version.current,
    }),
    [port, excelRun, createWorkbook, scratch, progress, error, run, cancel, cancelling, configuredAsOf, pickedAsOf, bookVersion],
  );
  return <ServicesContext.Provider value={value}>{children}</ServicesContext.Provider>;
}

/**
 * The pane's one 基準日 (the bar above the tabs): every screen reads and sets the same date, so a
 * snapshot, a validation and a summary are always for the date the bar shows.
 */
export function useAsOf(): [string, (v: string) => void] {
  const { asOf, setAsOf } = useServices();
  return [asOf, setAsOf];
}

/**
 * A result with the book version it was computed at: `stale` once a command has changed the book
 * since (the screen then marks it 「古い結果」).
 */
export function useResult<T>(): { value: T | null; set(v: T | null): void; stale: boolean } {
  const { bookVersion, currentVersion } = useServices();
  const [state, setState] = useState<{ value: T | null; at: number }>({ value: null, at: 0 });
  return {
    value: state.value,
    set: (value) => setState({ value, at: currentVersion() }),
    stale: state.value !== null && state.at < bookVersion,
  };
}

/** Runs `load` again whenever a command has changed the book (lists of sheets, snapshot dates, settings). */
export function useReloadOnChange(load: () => Promise<void>): void {
  const { bookVersion, busy } = useServices();
  const seen = useRef(bookVersion);
  const [first] = useState(() => load);
  useEffect(() => {
    // After the command that changed the book has finished (the runner runs one command at a time).
    if (busy || bookVersion === seen.current) return;
    seen.current = bookVersion;
    void first();
  }, [bookVersion, busy, first]);
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
