/**
 * 予定時期分布 (SPEC §4): among the offices unregistered at A (the whole master, as the seed's
 * 86-office table of 12/17 counts every unregistered office), how many gave each survey answer.
 * Order: 登録済み, the months ascending, the open-ended answers ascending, 未定, 未回答.
 * Only answers that occur are listed; a total row closes the table.
 */
import type { IsoDate } from "./cell";
import { isRegisteredAt, type OfficeRecord } from "./master";
import { planLabel, type Plan } from "./plans";
import { NO_ANSWER, answerAt, planJapanese } from "./survey";

export interface DistributionRow {
  /** JSON label: 登録済み, YYYY-MM, YYYY-MM以降, 未定, 未回答. */
  plan: string;
  /** As the seed's table shows it: 登録済み, 令和6年8月, 令和7年4月以降, 未定, 未回答. */
  label: string;
  offices: number;
  /** offices / total (exact ratio; 0 when there are no unregistered offices). */
  share: number;
}

export interface Distribution {
  asOf: IsoDate;
  rows: DistributionRow[];
  total: number;
}

/** Sort key: the kind's rank, then the month. */
function orderKey(p: Plan | null): string {
  if (!p) return "4";
  switch (p.kind) {
    case "registered":
      return "0";
    case "month":
      return `1${p.month}`;
    case "from":
      return `2${p.month}`;
    case "undecided":
      return "3";
  }
}

type DistributionOffice = Pick<OfficeRecord, "startDate" | "answer" | "answerDate">;

export function distributionAt(offices: readonly DistributionOffice[], asOf: IsoDate): Distribution {
  const groups = new Map<string, { plan: string; label: string; offices: number }>();
  let total = 0;
  for (const o of offices) {
    if (isRegisteredAt(o, asOf)) continue;
    total++;
    const answer = answerAt(o, asOf);
    const key = orderKey(answer);
    const g = groups.get(key) ?? {
      plan: answer ? planLabel(answer) : NO_ANSWER,
      label: answer ? planJapanese(answer) : NO_ANSWER,
      offices: 0,
    };
    g.offices++;
    groups.set(key, g);
  }
  const rows = [...groups.keys()]
    .sort()
    .map((k) => groups.get(k)!)
    .map((g) => ({ ...g, share: total > 0 ? g.offices / total : 0 }));
  return { asOf, rows, total };
}
