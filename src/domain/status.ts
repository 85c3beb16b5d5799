/** 対応状況 (the survey's status question): six fixed options, accepted by number or label. */
import { fail, ok, type Parsed, type RawCell } from "./cell";
import { compactKey, isBlank } from "./text";

/** Option labels; the code is index + 1. */
export const STATUS_LABELS: readonly string[] = Object.freeze([
  "登録済み",
  "登録準備完了",
  "準備中",
  "システム改修中",
  "システム改修予定",
  "システム改修検討中",
]);

/** The options as the survey shows them: `1_登録済み` … `6_システム改修検討中`. */
export const STATUS_OPTIONS: readonly string[] = Object.freeze(STATUS_LABELS.map((label, i) => `${i + 1}_${label}`));

const CODE_BY_LABEL: ReadonlyMap<string, number> = new Map([
  ...STATUS_LABELS.map((label, i) => [label, i + 1] as const),
  ["登録済", 1],
]);

/** Optional leading option number (`4_`, `4.`, `4:`), then the label up to any bracketed note. */
const STATUS_TEXT = /^(?:(\d{1,3})(?:[_.:、]|(?=\D)))?([^([「【]*)/;
const ONLY_NUMBER = /^\d{1,3}$/;

const R_BLANK = "空欄です";
const R_UNKNOWN = "対応状況の選択肢（1_登録済み〜6_システム改修検討中）にありません";
const R_MISMATCH = "選択肢の番号と名称が一致しません";

export interface Status {
  code: number;
  label: string;
}

function statusOfCode(code: number): Parsed<Status> {
  return Number.isInteger(code) && code >= 1 && code <= STATUS_LABELS.length
    ? ok({ code, label: STATUS_LABELS[code - 1] })
    : fail(R_UNKNOWN);
}

function statusOfText(text: string): Parsed<Status> {
  const s = compactKey(text);
  if (ONLY_NUMBER.test(s)) return statusOfCode(Number(s));
  const m = STATUS_TEXT.exec(s);
  const code = m ? CODE_BY_LABEL.get(m[2]) : undefined;
  if (!m || code === undefined) return fail(R_UNKNOWN);
  if (m[1] !== undefined && Number(m[1]) !== code) return fail(R_MISMATCH);
  return statusOfCode(code);
}

/**
 * 対応状況 from its number (1–6, as a number or text), its label, the `n_label` option, or the
 * survey's long form (`4_システム改修中（既にシステム改修に着手）`, `準備中（…）`).
 */
export function parseStatus(v: RawCell): Parsed<Status> {
  if (isBlank(v)) return fail(R_BLANK);
  if (typeof v === "number") return statusOfCode(v);
  if (typeof v === "string") return statusOfText(v);
  return fail(R_UNKNOWN);
}
