/** Plain-text tables for the terminal, aligned for East Asian wide characters. */

const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

/** Display width of a string in terminal columns (wide characters count as 2). */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += WIDE.test(ch) ? 2 : 1;
  return w;
}

function pad(s: string, width: number, right: boolean): string {
  const fill = " ".repeat(Math.max(0, width - displayWidth(s)));
  return right ? fill + s : s + fill;
}

const NUMERIC = /^[+\-−]?[\d,.]+%?$/u;

/** A table with a header rule; numeric-looking cells are right-aligned. */
export function renderTable(header: string[], rows: (string | number | null | undefined)[][]): string {
  const cells = rows.map((r) => header.map((_, i) => (r[i] === null || r[i] === undefined ? "" : String(r[i]))));
  const widths = header.map((h, i) => cells.reduce((w, r) => Math.max(w, displayWidth(r[i])), displayWidth(h)));
  const line = (r: string[]) => r.map((c, i) => pad(c, widths[i], NUMERIC.test(c))).join("  ").trimEnd();
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...cells.map(line)].join("\n");
}

export const formatInt = (n: number): string => n.toLocaleString("en-US");
/** 0.0549 → "5.49%" with the given decimals. */
export const formatPercent = (ratio: number, decimals = 1): string => `${(ratio * 100).toFixed(decimals)}%`;
/** A signed change: −2, +74,152, 0. */
export const formatSigned = (n: number): string => (n > 0 ? `+${formatInt(n)}` : n < 0 ? `-${formatInt(-n)}` : "0");
export const formatSignedPercent = (ratio: number, decimals = 1): string => {
  const s = formatPercent(Math.abs(ratio), decimals);
  return ratio > 0 ? `+${s}` : ratio < 0 ? `-${s}` : s;
};

/** Notes under a table (defaults used for unreadable 設定 values …), one `※` line each. */
export function renderNotes(notes: readonly string[] | undefined): string[] {
  return (notes ?? []).map((n) => `※${n}`);
}

/** The `notes` key of a JSON result: present only when there is something to say. */
export function notesJson(notes: readonly string[] | undefined): { notes?: string[] } {
  return notes && notes.length > 0 ? { notes: [...notes] } : {};
}
