/**
 * 公文書対象 (SPEC §4): for each office unregistered at A, which of the seven branches applies
 * (first match wins), what to do, and in which issue month.
 *
 * Decisions:
 * - Branch 2 needs 被保護者数 typed as 0 (or 除外区分 被保護者数0): a blank count is missing data, not
 *   "no recipients", so such an office is not silently dropped from the follow-up.
 * - Branch 3 uses the month of the current plan 登録予定時期, falling back to the survey answer;
 *   with no month at all (blank, 未定, 登録済み) the document goes out at I[0].
 * - A reply that is neither blank, 返信なし, 未定 nor a month (free text) needs a human: 要相談.
 */
import type { IsoDate, IsoMonth } from "./cell";
import { addMonths, formatJapaneseMonth } from "./dates";
import { isRegisteredAt, type OfficeRecord } from "./master";
import { planMonth } from "./plans";

export const BRANCHES = ["disaster", "zero-recipients", "meeting-confirmed", "no-mail", "no-reply", "undecided", "reply-month"] as const;
export type Branch = (typeof BRANCHES)[number];

export const ACTIONS = { mail: "状況確認メール", none: "対応なし", document: "公文書", consult: "要相談" } as const;
export type DocumentAction = (typeof ACTIONS)[keyof typeof ACTIONS];

export interface DocumentEntry {
  code: string;
  name: string;
  branch: Branch;
  action: DocumentAction;
  month: IsoMonth | null;
  /** For reply-month: the month whose Payment Fund list decides (R + 1); else null. */
  checkMonth: IsoMonth | null;
  /** For reply-month: the replied month (an open-ended reply counts as its first month). */
  replyMonth: IsoMonth | null;
  replyOpenEnded: boolean;
  row: number;
}

/** The earliest issue month not before `from`, or the last issue month when none is. */
export function firstIssueFrom(issueMonths: readonly IsoMonth[], from: IsoMonth): IsoMonth | null {
  if (issueMonths.length === 0) return null;
  return issueMonths.find((m) => m >= from) ?? issueMonths[issueMonths.length - 1];
}

export type DocumentOffice = Pick<
  OfficeRecord,
  "row" | "code" | "name" | "recipients" | "startDate" | "exclusion" | "plan" | "answer" | "mailDate" | "mailReply"
> & {
  /** True when 被保護者数 is blank (not a typed 0). */
  recipientsBlank?: boolean;
};

export function documentEntry(o: DocumentOffice, issueMonths: readonly IsoMonth[]): DocumentEntry {
  const sorted = [...issueMonths].sort();
  const first = sorted[0] ?? null;
  const base = { code: o.code ?? "", name: o.name, row: o.row, checkMonth: null, replyMonth: null, replyOpenEnded: false };
  const entry = (branch: Branch, action: DocumentAction, month: IsoMonth | null): DocumentEntry => ({ ...base, branch, action, month });
  if (o.exclusion === "被災地域") return entry("disaster", ACTIONS.mail, first);
  if (o.exclusion === "被保護者数0" || (o.recipients === 0 && !o.recipientsBlank)) return entry("zero-recipients", ACTIONS.none, null);
  if (o.exclusion === "打合せ確認済") {
    const m = (o.plan && planMonth(o.plan)) ?? (o.answer && planMonth(o.answer)) ?? null;
    return entry("meeting-confirmed", ACTIONS.document, m ? firstIssueFrom(sorted, addMonths(m, 1)) : first);
  }
  if (!o.mailDate) return entry("no-mail", ACTIONS.mail, first);
  const reply = o.mailReply;
  if (reply.kind === "none" || reply.kind === "noReply") return entry("no-reply", ACTIONS.document, first);
  if (reply.kind === "undecided" || reply.kind === "other") return entry("undecided", ACTIONS.consult, null);
  const check = addMonths(reply.month, 1);
  return {
    ...entry("reply-month", ACTIONS.document, firstIssueFrom(sorted, check)),
    checkMonth: check,
    replyMonth: reply.month,
    replyOpenEnded: reply.openEnded,
  };
}

/** One entry per office unregistered at A, in master order. */
export function documentsAt(offices: readonly DocumentOffice[], asOf: IsoDate, issueMonths: readonly IsoMonth[]): DocumentEntry[] {
  return offices.filter((o) => !isRegisteredAt(o, asOf)).map((o) => documentEntry(o, issueMonths));
}

/** The action as one cell: `公文書（令和7年3月）`, `要相談`, `対応なし`. */
export function actionText(e: Pick<DocumentEntry, "action" | "month">): string {
  return e.month ? `${e.action}（${formatJapaneseMonth(e.month)}）` : e.action;
}

/** The follow-up note of a reply-month office: `令和7年3月の登録状況で未登録の場合に発出`. */
export function documentNote(e: DocumentEntry): string {
  switch (e.branch) {
    case "reply-month":
      return `${formatJapaneseMonth(e.checkMonth!)}に支払基金から連携される登録状況で未登録（登録遅延）の場合に発出`;
    case "meeting-confirmed":
      return "個別打合せ等で確認した登録予定時期の翌月の登録状況で未登録の場合に発出";
    case "undecided":
      return "返信内容を確認のうえ対応を相談";
    case "zero-recipients":
      return "被保護者数0人のため後続対応なし";
    case "disaster":
      return "被災地域のため状況確認メールで対応";
    case "no-mail":
      return "状況確認メール未送付";
    case "no-reply":
      return "状況確認メールに返信なし";
  }
}

// ---------------------------------------------------------------------------------------------
// The count table (the seed's 1月23日 table)

export interface DocumentCountRow {
  level: 0 | 1 | 2;
  label: string;
  offices: number;
  /** Offices per issue month that get a 公文書 in that month (parallel to the issue months). */
  documents: number[];
  /** Offices that get a 状況確認メール. */
  mails: number;
  consult: number;
  none: number;
}

export interface DocumentCountTable {
  issueMonths: IsoMonth[];
  rows: DocumentCountRow[];
}

function countRow(level: 0 | 1 | 2, label: string, entries: readonly DocumentEntry[], issueMonths: readonly IsoMonth[]): DocumentCountRow {
  return {
    level,
    label,
    offices: entries.length,
    documents: issueMonths.map((m) => entries.filter((e) => e.action === ACTIONS.document && e.month === m).length),
    mails: entries.filter((e) => e.action === ACTIONS.mail).length,
    consult: entries.filter((e) => e.action === ACTIONS.consult).length,
    none: entries.filter((e) => e.action === ACTIONS.none).length,
  };
}

/** The reply-month label: 令和7年3月, 令和7年4月以降. */
function replyLabel(e: DocumentEntry): string {
  return `${formatJapaneseMonth(e.replyMonth!)}${e.replyOpenEnded ? "以降" : ""}`;
}

/**
 * Rows: 1.状況確認メール送付済み (①返信なし, ②返信あり: 未定 / each replied month), 2.状況確認メール未送付,
 * 3.対象外 (①被災地域, ②個別打合せ等で登録時期を確認済み, ③被保護者数0人), 総計. Each row's document,
 * mail, consult and none counts add up to its office count.
 */
export function documentCountTable(entries: readonly DocumentEntry[], issueMonths: readonly IsoMonth[]): DocumentCountTable {
  const months = [...new Set(issueMonths)].sort();
  const of = (...branches: Branch[]) => entries.filter((e) => branches.includes(e.branch));
  const replied = of("undecided", "reply-month");
  const replyGroups = new Map<string, DocumentEntry[]>();
  for (const e of [...of("reply-month")].sort((a, b) => `${a.replyMonth}${a.replyOpenEnded ? 1 : 0}`.localeCompare(`${b.replyMonth}${b.replyOpenEnded ? 1 : 0}`))) {
    const label = replyLabel(e);
    replyGroups.set(label, [...(replyGroups.get(label) ?? []), e]);
  }
  const row = (level: 0 | 1 | 2, label: string, list: readonly DocumentEntry[]) => countRow(level, label, list, months);
  return {
    issueMonths: months,
    rows: [
      row(0, "1.状況確認メール送付済み", of("no-reply", "undecided", "reply-month")),
      row(1, "①返信なし", of("no-reply")),
      row(1, "②返信あり", replied),
      row(2, "未定", of("undecided")),
      ...[...replyGroups].map(([label, list]) => row(2, label, list)),
      row(0, "2.状況確認メール未送付", of("no-mail")),
      row(0, "3.対象外", of("disaster", "meeting-confirmed", "zero-recipients")),
      row(1, "①被災地域", of("disaster")),
      row(1, "②個別打合せ等で登録時期を確認済み", of("meeting-confirmed")),
      row(1, "③被保護者数0人", of("zero-recipients")),
      row(0, "総計（未登録福祉事務所）", entries),
    ],
  };
}
