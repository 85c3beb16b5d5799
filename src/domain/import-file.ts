/**
 * Payment Fund files as text rows (SPEC §6 import): decoding (UTF-8 with or without BOM, else
 * Shift_JIS / CP932), refusing garbled text, CSV parsing (quoted fields with commas and line breaks),
 * the list kind from the headers, the list's date and the new sheet's name. Pure: bytes in, rows out.
 *
 * Every cell stays the text the file holds (`01234567` keeps its zero, `1,234` its comma): the
 * sheet is written as text, and the rules read it as the user would have pasted it.
 */
import { parse } from "csv-parse/sync";
import type { IsoDate } from "./cell";
import { parseDate } from "./dates";
import type { SheetGrid } from "./grid";
import { dateNear, nameDate, PAYMENT_FUND_PREFIX, type PaymentFundKind } from "./schema/fields";
import { detectPaymentFundKind, fieldValue, readTable } from "./schema/table";

export type TextEncodingName = "UTF-8" | "UTF-8 (BOM)" | "Shift_JIS";

/** The Japanese word each list kind carries in its sheet name. */
export const KIND_LABELS: Record<PaymentFundKind, string> = {
  "pf-registration": "登録状況",
  "pf-suspension": "閲覧停止",
  "pf-errors": "エラー明細",
  "pf-survey": "アンケート回答",
};

/** The kind a label (`閲覧停止`, `--kind エラー明細`) names, or null. */
export function kindOfLabel(label: string): PaymentFundKind | null {
  const s = label.normalize("NFKC").trim();
  const found = (Object.entries(KIND_LABELS) as [PaymentFundKind, string][]).find(([, l]) => l === s);
  return found ? found[0] : null;
}

export type Decoded = { ok: true; text: string; encoding: TextEncodingName } | { ok: false; reason: string };

const hasUtf8Bom = (b: Uint8Array): boolean => b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf;

/**
 * Characters that Shift_JIS-decoded UTF-8 (and the reverse) is made of: the lead bytes of UTF-8
 * kana read as CP932 give 縺 繧 繝 etc.; text full of them is a wrong guess, not Japanese.
 */
const MOJIBAKE = /[縺繧繝譁螟蜿逕蛻郢隱鬮髢驕荳遒蝨豁讒邨]/gu;
const MIN_SAMPLE = 20;
/** Above this share of the non-ASCII characters, the text is taken as garbled. */
const MOJIBAKE_RATIO = 0.2;

/** Why the text is not what the file meant (a wrong encoding), or null when it reads well. */
export function garbledReason(text: string): string | null {
  const replacement = text.indexOf("\uFFFD");
  if (replacement >= 0) return "読めない文字（�）が含まれています";
  // Sampling the start is enough: a wrong guess garbles every line alike.
  const sample = text.slice(0, 200_000);
  let nonAscii = 0;
  for (let i = 0; i < sample.length; i++) if (sample.charCodeAt(i) > 0x7f) nonAscii++;
  const odd = sample.match(MOJIBAKE)?.length ?? 0;
  if (nonAscii >= MIN_SAMPLE && odd / nonAscii > MOJIBAKE_RATIO) return "文字化けした文字が多く含まれています";
  return null;
}

/**
 * The file's text: UTF-8 when it has a BOM or is valid UTF-8, else Shift_JIS (the Payment Fund's
 * usual CP932). Garbled results are refused with the reason, never passed on.
 */
export function decodeText(bytes: Uint8Array): Decoded {
  let text: string;
  let encoding: TextEncodingName;
  if (hasUtf8Bom(bytes)) {
    text = new TextDecoder("utf-8").decode(bytes.subarray(3));
    encoding = "UTF-8 (BOM)";
  } else {
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
      encoding = "UTF-8";
    } catch {
      text = new TextDecoder("shift_jis").decode(bytes);
      encoding = "Shift_JIS";
    }
  }
  const garbled = garbledReason(text);
  if (garbled) return { ok: false, reason: `文字コードを判定できませんでした（${encoding} として読むと${garbled}）。Shift_JIS か UTF-8 で保存し直してください。` };
  return { ok: true, text, encoding };
}

/** CSV rows as text, every field kept as written (quoted commas and line breaks included); blank lines dropped. */
export function parseCsv(text: string): string[][] {
  return parse(text, { relax_column_count: true, skip_empty_lines: true, bom: true, relax_quotes: true }) as string[][];
}

/** The rows as a sheet grid (every row as wide as the widest), all cells text. */
export function rowsAsGrid(name: string, rows: readonly (readonly string[])[]): SheetGrid {
  let width = 0;
  for (const r of rows) if (r.length > width) width = r.length;
  const values = rows.map((r) => (r.length === width ? [...r] : [...r, ...new Array<string>(width - r.length).fill("")]).map((v) => (v === "" ? null : v)));
  return { name, top: 1, left: 1, values, formats: values.map((r) => r.map(() => "@")) };
}

/** How many rows are enough to find the header and the kind. */
const HEAD_ROWS = 16;

/** The list kind the headers announce (the kind with most known names, at least three). */
export function kindOfRows(rows: readonly (readonly string[])[]): PaymentFundKind | null {
  return detectPaymentFundKind(rowsAsGrid("head", rows.slice(0, HEAD_ROWS)));
}

/** The latest データ基準日 in the list's column of that name, if the list has one. */
export function dataDateOf(grid: SheetGrid, kind: PaymentFundKind): IsoDate | null {
  const table = readTable(grid, kind);
  if (!table || !table.fieldIndex.has("dataDate")) return null;
  let latest: IsoDate | null = null;
  for (const row of table.rows) {
    const p = parseDate(fieldValue(table, row, "dataDate"));
    if (p.ok && (latest === null || p.value > latest)) latest = p.value;
  }
  return latest;
}

/** A date in a file name: `…_20250204.csv`, `R7.2.4`, `令和7年2月4日`, or `2月4日` placed near `near`. */
export function dateOfFileName(fileName: string, near: IsoDate): IsoDate | null {
  const base = fileName.replace(/^.*[\\/]/u, "").replace(/\.[^.]+$/u, "");
  const d = nameDate(base);
  if (!d) return null;
  return d.kind === "full" ? d.date : dateNear(d.month, d.day, near);
}

/** `支払基金_<kind>_<YYYYMMDD>`, with `_2`, `_3` … when a sheet of that name exists (never overwritten). */
export function importSheetName(kind: PaymentFundKind, date: IsoDate, existing: readonly string[]): string {
  const base = `${PAYMENT_FUND_PREFIX}${KIND_LABELS[kind]}_${date.replaceAll("-", "")}`;
  const taken = new Set(existing.map((n) => n.normalize("NFKC").trim()));
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}_${i}`)) return `${base}_${i}`;
}
