/**
 * 登録予定月 (survey answer) and 登録予定時期 (current plan, possibly a revision chain).
 * JSON labels (SPEC §5): 登録済み, YYYY-MM, YYYY-MM以降, 未定.
 */
import { fail, ok, type IsoMonth, type Parsed, type RawCell } from "./cell";
import { parseMonth } from "./dates";
import { compactKey, isBlank, nfkc } from "./text";

export type Plan =
  | { kind: "registered" }
  | { kind: "month"; month: IsoMonth }
  | { kind: "from"; month: IsoMonth }
  | { kind: "undecided" };

export interface PlanChain {
  chain: Plan[];
  current: Plan;
}

const REGISTERED: Plan = Object.freeze({ kind: "registered" }) as Plan;
const UNDECIDED: Plan = Object.freeze({ kind: "undecided" }) as Plan;

/** Survey option number prefix: `12_令和7年4月以降` → `令和7年4月以降`. */
const OPTION_PREFIX = /^\d{1,3}_/;
/** A trailing bracketed note: `令和7年4月以降（予定）`. */
const TRAILING_NOTE = /[([【「][^)\]】」]*[)\]】」]$/;
const REGISTERED_TEXT = /^(?:資格情報の?)?登録(?:開始)?済み?$/;
const UNDECIDED_TEXT = /^(?:詳細)?未定$/;
/** Words after the month that do not change it: 登録予定, 末, 頃 … */
const MONTH_SUFFIX = /に?(?:登録開始予定|登録予定|開始予定|予定|登録開始|登録)?(?:末|中|頃|ごろ|目途|めど|上旬|中旬|下旬)?$/;
const OPEN_ENDED = /(?:以降|以後|から|~)$/;
const CHAIN_SEPARATOR = /⇒|→|->|=>|⇨|➡|➔|\r\n|\r|\n/;
/** Serials before 2000-01-01 are not plausible plan months (a bare option number, say). */
const MIN_PLAN_SERIAL = 36_526;
/** Longer text cannot be a plan (or a chain of a few); skipping it bounds the work per cell. */
const MAX_PLAN_TEXT = 100;
const MAX_CHAIN_TEXT = 500;

const R_BLANK = "空欄です";
const HINT = "（登録済み・令和7年4月・令和7年4月以降・未定 などの形で入力してください）";
const R_NOT_PLAN = `登録予定として読めません${HINT}`;

/** Text with the option number, spaces and trailing notes removed. */
function planText(s: string): string {
  let t = compactKey(s).replace(OPTION_PREFIX, "");
  for (let i = 0; i < 3 && TRAILING_NOTE.test(t); i++) t = t.replace(TRAILING_NOTE, "");
  return t;
}

function planOfMonthText(t: string): Parsed<Plan> {
  const core = t.replace(MONTH_SUFFIX, "");
  const openEnded = OPEN_ENDED.test(core);
  const monthText = openEnded ? core.replace(OPEN_ENDED, "").replace(MONTH_SUFFIX, "") : core;
  if (monthText === "") return fail(R_NOT_PLAN);
  const m = parseMonth(monthText);
  if (!m.ok) return fail(R_NOT_PLAN);
  return ok(openEnded ? { kind: "from", month: m.value } : { kind: "month", month: m.value });
}

function planOfText(s: string): Parsed<Plan> {
  if (s.length > MAX_PLAN_TEXT) return fail(R_NOT_PLAN);
  const t = planText(s);
  if (REGISTERED_TEXT.test(t)) return ok(REGISTERED);
  if (UNDECIDED_TEXT.test(t)) return ok(UNDECIDED);
  return planOfMonthText(t);
}

function planOfSerial(n: number): Parsed<Plan> {
  if (!(n >= MIN_PLAN_SERIAL)) return fail(R_NOT_PLAN);
  const m = parseMonth(n);
  return m.ok ? ok({ kind: "month", month: m.value }) : fail(R_NOT_PLAN);
}

/**
 * One plan: 登録済み (登録済 / 登録開始済み), a month in any parseMonth form (optionally with 登録予定),
 * an open-ended month (令和7年4月以降, 令和7年度4月以降, 2025-04以降), or 未定 / 詳細未定.
 * A survey option prefix (`12_`) is ignored; a serial number yields its month.
 */
export function parsePlan(v: RawCell): Parsed<Plan> {
  if (isBlank(v)) return fail(R_BLANK);
  if (typeof v === "number") return planOfSerial(v);
  if (typeof v === "string") return planOfText(v);
  return fail(R_NOT_PLAN);
}

/**
 * A revision chain `R7年4月以降⇒R7年3月` (separators ⇒ → -> and line breaks); the current plan is
 * the last element.
 */
export function parsePlanChain(v: RawCell): Parsed<PlanChain> {
  if (isBlank(v)) return fail(R_BLANK);
  if (typeof v !== "string") {
    const p = parsePlan(v);
    return p.ok ? ok({ chain: [p.value], current: p.value }) : p;
  }
  if (v.length > MAX_CHAIN_TEXT) return fail(R_NOT_PLAN);
  const parts = nfkc(v).split(CHAIN_SEPARATOR).filter((part) => !isBlank(part));
  const chain: Plan[] = [];
  for (let i = 0; i < parts.length; i++) {
    const p = planOfText(parts[i]);
    if (!p.ok) return fail(parts.length > 1 ? `${i + 1}番目の予定時期が読めません${HINT}` : p.reason);
    chain.push(p.value);
  }
  if (chain.length === 0) return fail(R_BLANK);
  return ok({ chain, current: chain[chain.length - 1] });
}

/** The JSON label: 登録済み, YYYY-MM, YYYY-MM以降, 未定. */
export function planLabel(p: Plan): string {
  switch (p.kind) {
    case "registered":
      return "登録済み";
    case "month":
      return p.month;
    case "from":
      return `${p.month}以降`;
    case "undecided":
      return "未定";
  }
}

/** The month of a dated plan (a month or the first month of an open-ended one), else null. */
export function planMonth(p: Plan): IsoMonth | null {
  return p.kind === "month" || p.kind === "from" ? p.month : null;
}
