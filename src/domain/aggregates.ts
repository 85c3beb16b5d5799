/**
 * 閲覧停止集計 (SPEC §4): a 閲覧停止 list joined to マスタ by 保険者コード.
 *
 * - The count of a row is 医療情報_合計, or 資格情報_合計 when the list has no 医療情報 columns;
 *   rows of the same code are added up (a list may split an office by 制度 or repeat it).
 * - Vendor and prefecture come from マスタ (prefecture: 都道府県, else the code's 都道府県番号).
 *   Codes that are not in マスタ are still counted: vendor （マスタ未登録）.
 * - officeShare = offices in マスタ using the vendor / offices in マスタ; recipientShare = the
 *   prefecture's 被保護者数 in マスタ / 全数_被保護者数.
 * - 残存割合 = now / previous for every code of either list (0 when it left the list, null when it
 *   was not in the previous list or had 0 there).
 */
import type { IsoDate } from "./cell";
import { parseOfficeCode, prefectureOfCode } from "./codes";
import { parseDate } from "./dates";
import type { OfficeRecord } from "./master";
import { parseCount } from "./numbers";
import { normalizeText } from "./text";
import { fieldFormat, fieldValue, type Table } from "./schema/table";

export const NO_VENDOR = "（未設定）";
export const UNKNOWN_OFFICE_VENDOR = "（マスタ未登録）";
export const UNKNOWN_PREFECTURE = "（不明）";
export const TOP_OFFICES = 10;

export type CountBasis = "medical" | "qualification";

export interface SuspensionOffice {
  code: string;
  name: string;
  count: number;
  firstDetected: IsoDate | null;
}

export interface SuspensionList {
  basis: CountBasis;
  /** One entry per code, in list order (first occurrence). */
  offices: SuspensionOffice[];
  total: number;
}

export interface VendorRow {
  vendor: string;
  count: number;
  share: number;
  officeShare: number;
}

export interface PrefectureRow {
  prefecture: string;
  count: number;
  share: number;
  recipientShare: number;
}

export interface TopOffice {
  code: string;
  name: string;
  count: number;
  share: number;
}

export interface RemainingRow {
  code: string;
  name: string;
  firstDetected: IsoDate | null;
  previous: number | null;
  count: number;
  /** now / previous; null when there is no previous count to compare with. */
  ratio: number | null;
}

export interface SuspensionAggregate {
  basis: CountBasis;
  total: number;
  byVendor: VendorRow[];
  byPrefecture: PrefectureRow[];
  top: TopOffice[];
}

/** The count basis of a list: 医療情報 when any 医療情報 column exists. */
export function countBasis(table: Table): CountBasis {
  return table.fieldIndex.has("medTotal") ? "medical" : "qualification";
}

/** Reads a 閲覧停止 table into per-code counts. Rows without a readable code are skipped (validate reports them). */
export function readSuspensionList(table: Table): SuspensionList {
  const basis = countBasis(table);
  const field = basis === "medical" ? "medTotal" : "qualTotal";
  const byCode = new Map<string, SuspensionOffice>();
  for (const row of table.rows) {
    const code = parseOfficeCode(fieldValue(table, row, "code"));
    if (!code.ok) continue;
    const n = parseCount(fieldValue(table, row, field));
    const count = n.ok ? n.value : 0;
    const raw = fieldValue(table, row, "firstDetected");
    const detected = raw === null || raw === "" ? null : parseDate(raw, fieldFormat(table, row, "firstDetected"));
    const firstDetected = detected && detected.ok ? detected.value : null;
    const existing = byCode.get(code.value);
    if (existing) {
      existing.count += count;
      if (firstDetected && (!existing.firstDetected || firstDetected < existing.firstDetected)) existing.firstDetected = firstDetected;
    } else {
      byCode.set(code.value, { code: code.value, name: normalizeText(fieldValue(table, row, "name")), count, firstDetected });
    }
  }
  const offices = [...byCode.values()];
  return { basis, offices, total: offices.reduce((s, o) => s + o.count, 0) };
}

type MasterOffice = Pick<OfficeRecord, "code" | "name" | "vendor" | "prefecture" | "recipients">;

/** The prefecture of an office: マスタ's 都道府県, else the code's 都道府県番号. */
export function prefectureOf(o: Pick<OfficeRecord, "prefecture"> | undefined, code: string): string {
  return o?.prefecture || prefectureOfCode(code) || UNKNOWN_PREFECTURE;
}

const ratio = (n: number, d: number): number => (d > 0 ? n / d : 0);

/** Largest count first, then by name for a stable order. */
function byCountDesc<T extends { count: number }>(key: (t: T) => string) {
  return (a: T, b: T) => b.count - a.count || key(a).localeCompare(key(b));
}

export function aggregateSuspensions(list: SuspensionList, offices: readonly MasterOffice[], totalRecipients: number): SuspensionAggregate {
  const master = new Map<string, MasterOffice>();
  for (const o of offices) if (o.code && !master.has(o.code)) master.set(o.code, o);
  const tracked = offices.filter((o) => o.code);

  const vendorOffices = new Map<string, number>();
  for (const o of tracked) {
    const v = o.vendor || NO_VENDOR;
    vendorOffices.set(v, (vendorOffices.get(v) ?? 0) + 1);
  }
  const prefRecipients = new Map<string, number>();
  for (const o of tracked) {
    const p = prefectureOf(o, o.code!);
    prefRecipients.set(p, (prefRecipients.get(p) ?? 0) + o.recipients);
  }

  const vendorCounts = new Map<string, number>();
  const prefCounts = new Map<string, number>();
  for (const s of list.offices) {
    const m = master.get(s.code);
    const vendor = m ? m.vendor || NO_VENDOR : UNKNOWN_OFFICE_VENDOR;
    const pref = prefectureOf(m, s.code);
    vendorCounts.set(vendor, (vendorCounts.get(vendor) ?? 0) + s.count);
    prefCounts.set(pref, (prefCounts.get(pref) ?? 0) + s.count);
  }

  const byVendor = [...vendorCounts]
    .map(([vendor, count]) => ({ vendor, count, share: ratio(count, list.total), officeShare: ratio(vendorOffices.get(vendor) ?? 0, tracked.length) }))
    .sort(byCountDesc((r) => r.vendor));
  const byPrefecture = [...prefCounts]
    .map(([prefecture, count]) => ({ prefecture, count, share: ratio(count, list.total), recipientShare: ratio(prefRecipients.get(prefecture) ?? 0, totalRecipients) }))
    .sort(byCountDesc((r) => r.prefecture));
  const top = list.offices
    .map((s) => ({ code: s.code, name: master.get(s.code)?.name || s.name, count: s.count, share: ratio(s.count, list.total) }))
    .sort(byCountDesc((r) => r.code))
    .slice(0, TOP_OFFICES);
  return { basis: list.basis, total: list.total, byVendor, byPrefecture, top };
}

/** 残存割合 per code of either list, largest current count first. */
export function remainingRatios(now: SuspensionList, previous: SuspensionList, names: ReadonlyMap<string, string> = new Map()): RemainingRow[] {
  const prev = new Map(previous.offices.map((o) => [o.code, o]));
  const cur = new Map(now.offices.map((o) => [o.code, o]));
  const codes = [...new Set([...cur.keys(), ...prev.keys()])];
  return codes
    .map((code) => {
      const c = cur.get(code);
      const p = prev.get(code);
      const count = c?.count ?? 0;
      const previousCount = p ? p.count : null;
      return {
        code,
        name: names.get(code) || c?.name || p?.name || "",
        firstDetected: c?.firstDetected ?? p?.firstDetected ?? null,
        previous: previousCount,
        count,
        ratio: previousCount ? count / previousCount : null,
      };
    })
    .sort((a, b) => b.count - a.count || (b.previous ?? 0) - (a.previous ?? 0) || a.code.localeCompare(b.code));
}
