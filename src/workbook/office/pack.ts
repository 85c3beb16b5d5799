/**
 * Request packing for the Office adapter: every write becomes a unit that queues operations on a
 * request context; units are packed into requests of at most a byte budget (row blocks are cut to
 * fill each request), and a request Excel still rejects as too large is retried with half the budget.
 */
import { isDateOut, type OutCell } from "../../domain/cell";
import { byteLength, DEFAULT_DATE_FORMAT, isPayloadError, toExcelInput, type ExcelInput } from "./values";

/** Rough size of one queued operation's object path and envelope in a request. */
const OP_OVERHEAD = 300;
/** The smallest budget a rejected request is retried with. */
const MIN_BUDGET = 4 * 1024;
/** A request of more estimated bytes than this that fails with GeneralException is retried smaller. */
const LARGE_REQUEST = 1024 * 1024;

/** One piece of a commit: queues operations on a context; row blocks can be cut in two. */
export interface Unit {
  bytes: number;
  apply(ctx: Excel.RequestContext): void;
  /** Cuts off a head of at most `bytes` estimated bytes; null when no such head exists. */
  splitAt?(bytes: number): [Unit, Unit] | null;
}

export const op = (bytes: number, apply: (ctx: Excel.RequestContext) => void): Unit => ({
  bytes: bytes + OP_OVERHEAD,
  apply,
});

/** A block of values at a 0-based position, with optional per-column formats. */
export interface GridWrite {
  sheet: string;
  row0: number;
  col0: number;
  cells: OutCell[][];
  /** Per column; undefined = leave the format alone (dates still get DEFAULT_DATE_FORMAT). */
  formats?: (string | undefined)[];
  bold?: boolean;
}

/** One unit for a whole grid write; the packer cuts it into row chunks that fit a request. */
export function gridUnits(w: GridWrite): Unit[] {
  const width = w.cells.reduce((m, r) => Math.max(m, r.length), 0);
  if (w.cells.length === 0 || width === 0) return [];
  // A column formatted as text ("@") takes strings as they are: there Excel keeps a leading
  // apostrophe in the value instead of reading it as the "this is text" prefix.
  const asText = (w.formats ?? []).map((f) => f === "@");
  const inputs = w.cells.map((r) => {
    const row = r.map((v, j) => (asText[j] && typeof v === "string" ? v : toExcelInput(v)));
    while (row.length < width) row.push("");
    return row;
  });
  const fmtBytes = (w.formats ?? []).reduce((n, f) => n + (f === undefined ? 0 : byteLength(f) + 6), 0);
  // prefix[i] = estimated bytes of rows [0, i)
  const prefix = [0];
  inputs.forEach((r, i) => {
    const dates = w.cells[i].reduce<number>((n, c, j) => n + (isDateOut(c) && w.formats?.[j] === undefined ? 20 : 0), 0);
    prefix.push(prefix[i] + byteLength(JSON.stringify(r)) + 1 + fmtBytes + dates);
  });
  const overhead = OP_OVERHEAD * (2 + width);
  const segment = (a: number, z: number): Unit => ({
    bytes: overhead + prefix[z] - prefix[a],
    apply: (ctx) => queueGrid(ctx, w, inputs, width, a, z),
    splitAt: (bytes) => {
      // Largest e in (a, z) with overhead + rows [a, e) <= bytes.
      let lo = a;
      let hi = z - 1;
      while (lo < hi) {
        const mid = Math.ceil((lo + hi) / 2);
        if (overhead + prefix[mid] - prefix[a] <= bytes) lo = mid;
        else hi = mid - 1;
      }
      return lo > a ? [segment(a, lo), segment(lo, z)] : null;
    },
  });
  return [segment(0, inputs.length)];
}

/** Queues formats then values for rows [from, to) of a grid write. */
function queueGrid(
  ctx: Excel.RequestContext,
  w: GridWrite,
  inputs: ExcelInput[][],
  width: number,
  from: number,
  to: number,
): void {
  const ws = ctx.workbook.worksheets.getItem(w.sheet);
  const n = to - from;
  const top = w.row0 + from;
  for (let c = 0; c < width; c++) {
    const fmt = w.formats?.[c];
    if (fmt !== undefined) {
      ws.getRangeByIndexes(top, w.col0 + c, n, 1).numberFormat = Array.from({ length: n }, () => [fmt]);
      continue;
    }
    // No column format: give date cells a date format, run by run, leaving other cells alone.
    let r = from;
    while (r < to) {
      if (!isDateOut(w.cells[r][c])) {
        r++;
        continue;
      }
      const start = r;
      while (r < to && isDateOut(w.cells[r][c])) r++;
      ws.getRangeByIndexes(w.row0 + start, w.col0 + c, r - start, 1).numberFormat = Array.from(
        { length: r - start },
        () => [DEFAULT_DATE_FORMAT],
      );
    }
  }
  const range = ws.getRangeByIndexes(top, w.col0, n, width);
  range.values = inputs.slice(from, to);
  if (w.bold) range.format.font.bold = true;
}

/**
 * Packs units into requests of at most `budget` estimated bytes, cutting row blocks to fill each
 * request; when Excel still rejects a request as too large, the budget is halved and the same
 * units are packed again (a rejected request applies nothing).
 */
export async function sendUnits(
  ctx: Excel.RequestContext,
  units: Unit[],
  initialBudget: number,
  beforeSync: () => void,
): Promise<void> {
  let budget = initialBudget;
  const queue = [...units];
  let i = 0;
  while (i < queue.length) {
    let j = i;
    let bytes = 0;
    while (j < queue.length) {
      const u = queue[j];
      const room = budget - bytes;
      if (u.bytes <= room) {
        bytes += u.bytes;
        j++;
        continue;
      }
      const parts = u.splitAt?.(room) ?? null;
      if (parts) {
        // The head fills this request; the tail starts the next one.
        queue.splice(j, 1, parts[0], parts[1]);
        j++;
      } else if (j === i) {
        // An indivisible unit larger than the budget goes alone.
        j++;
      }
      break;
    }
    beforeSync();
    for (let k = i; k < j; k++) queue[k].apply(ctx);
    try {
      await ctx.sync();
      i = j;
    } catch (e) {
      const indivisible = j - i === 1 && (queue[i].splitAt?.(Math.floor(queue[i].bytes / 2)) ?? null) === null;
      if (!isPayloadError(e, bytes > LARGE_REQUEST) || budget <= MIN_BUDGET || indivisible) throw e;
      budget = Math.max(MIN_BUDGET, Math.floor(budget / 2));
    }
  }
}
