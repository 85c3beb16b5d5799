/**
 * Cells and errors as Office.js sees them: what `Range.values` accepts and returns, and how Excel
 * says a request or response was too large.
 *
 * Strings are always written as text: every non-empty string is sent with a leading apostrophe,
 * which Excel treats as the "this is text" prefix (it is not stored in the value). That keeps
 * `=SUM(A1)`, `+81…`, `-`, `@…` from becoming formulas and `00123` / `2024-10` from becoming numbers
 * or dates, without touching the cell's number format.
 */
import { isDateOut, type OutCell, type RawCell } from "../../domain/cell";
import { isoToSerial } from "../../domain/dates";

/** A cell as sent to Excel through `Range.values`. */
export type ExcelInput = string | number | boolean;

export const DEFAULT_DATE_FORMAT = "yyyy/m/d";

/** Converts an OutCell to what `values` needs: strings escaped as text, dates as serials. */
export function toExcelInput(v: OutCell): ExcelInput {
  if (v === null) return "";
  if (typeof v === "string") return v === "" ? "" : `'${v}`;
  if (typeof v === "number") return Number.isFinite(v) ? v : "";
  if (typeof v === "boolean") return v;
  if (isDateOut(v)) {
    // A date Excel cannot hold (before 1900) is written as its text rather than lost.
    const serial = isoToSerial(v.date);
    return Number.isNaN(serial) ? `'${v.date}` : serial;
  }
  throw new Error(`unsupported cell value ${JSON.stringify(v)}`);
}

/** A RawCell from what `Range.values` returns. */
export const toRaw = (v: unknown): RawCell => {
  if (v === "" || v === null || v === undefined) return null;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  return String(v);
};

const PAYLOAD_CODES = new Set(["RequestPayloadSizeLimitExceeded", "ResponsePayloadSizeLimitExceeded"]);

/**
 * Excel rejected a request or a response as too large (Excel on the web caps both at 5 MB).
 * `large`: the request was large, so a GeneralException — what some Excel on the web builds report
 * instead of the payload codes — is taken as the same rejection and retried smaller.
 */
export function isPayloadError(e: unknown, large = false): boolean {
  if (typeof e !== "object" || e === null) return false;
  const err = e as { code?: unknown; message?: unknown };
  return (
    (typeof err.code === "string" && PAYLOAD_CODES.has(err.code)) ||
    (large && err.code === "GeneralException") ||
    (typeof err.message === "string" && /payload size/i.test(err.message))
  );
}

/**
 * A problem with the book or the host that the user can act on, in plain Japanese. Named
 * "CommandError" so the task pane and the CLI show its message as they show a command's.
 */
export class HostError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CommandError";
  }
}

/** Excel compares sheet names case-insensitively. */
export const lower = (s: string): string => s.toLowerCase();

const utf8 = new TextEncoder();
export const byteLength = (s: string): number => utf8.encode(s).length;
