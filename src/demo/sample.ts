/**
 * A deterministic, entirely FICTIONAL sample master workbook (no real office or municipality
 * names) whose data, run through SPEC §4, reproduces the seed report's tables figure for figure.
 * Used by `npm run demo`, by command tests and by the browser tests.
 *
 * Pure: no fs, no ExcelJS, no clock, no Math.random. It returns sheet rows (OutCell[][]); the
 * caller writes them to .xlsx. The figures it reproduces are in SAMPLE_EXPECTED below.
 *
 * Story of the data (dates are 資格情報登録開始日 unless said otherwise):
 * - 919 offices outside the survey registered between 2023-04 and 2024-06.
 * - 185 survey offices (アンケート対象 ○): 64 registered before 2024-10-15, 4 by 10-29, 5 by 11-05,
 *   24 between 11-20 and 11-27 (first reported in the 12-02 list), 2 large ones in December
 *   (12-17 list), 5 on 12-20…12-25 (first reported on 01-07), 5 on 01-07…01-14 (01-21 list),
 *   2 on 01-31 (02-04 list); 74 never register.
 * - Survey answers arrive in windows (before 10-15, ≤10-29, ≤11-05, ≤11-08, ≤11-19) sized so the
 *   架電結果まとめ columns come out exactly as in the seed.
 */
import { dateOut, type IsoDate, type OutCell } from "../domain/cell";
import { makeOfficeCode, myNumberCheckDigit } from "../domain/codes";
import { PREFECTURES } from "../domain/prefectures";
import { createRng, splitSum, type Rng } from "./rng";

// ---------------------------------------------------------------------------------------------
// Public API

export interface SampleSheet {
  name: string;
  /** Rows as they appear from A1 (title / note rows above the header are allowed). */
  rows: OutCell[][];
}

export interface SampleRound {
  asOf: IsoDate;
  /** The Payment Fund 登録状況 list to paste, apply, then snapshot. */
  list: SampleSheet;
}

export interface SampleBook {
  /** 設定, マスタ (state before the first round), two 閲覧停止 lists, one エラー明細 list. */
  sheets: SampleSheet[];
  rounds: SampleRound[];
}

export const SAMPLE_SHEET_NAMES = {
  settings: "設定",
  master: "マスタ",
  /** The earlier suspension list (for 残存割合). */
  suspensionEarlier: "支払基金_閲覧停止_20241105",
  /** The suspension list whose aggregates reproduce the seed's vendor / prefecture tables. */
  suspension: "支払基金_閲覧停止_20241202",
  errors: "支払基金_エラー明細_20241202",
} as const;

/** 0-based index of the マスタ header row (title, note and a blank row sit above it: Excel row 4). */
export const SAMPLE_MASTER_HEADER_INDEX = 3;
/** 0-based index of the header row of both 閲覧停止 lists (title row, then the upper 資格情報 / 医療情報 row). */
export const SAMPLE_SUSPENSION_HEADER_INDEX = 2;

export const SAMPLE_ROUND_DATES: readonly IsoDate[] = [
  "2024-12-02",
  "2024-12-17",
  "2024-12-27",
  "2025-01-07",
  "2025-01-21",
  "2025-02-04",
];

/** The マスタ header row, in order. Some use the seed's own spellings; 担当者 is unknown to the add-in. */
export const SAMPLE_MASTER_HEADERS = [
  "都道府県",
  "自治体名",
  "福祉事務所名 ※保険者コード単位",
  "保険者コード",
  "被保護者 人数(人)",
  "ベンダ （略称）",
  "資格情報登録開始日",
  "アンケート対象",
  "アンケート回答日",
  "対応状況",
  "登録予定月",
  "登録予定時期",
  "回答理由",
  "状況確認メール送付日",
  "状況確認メール返信",
  "除外区分",
  "個別打合せ日",
  "公文書発出日",
  "現状",
  "方針",
  "備考",
  "担当者",
] as const;

const snap = (
  asOf: IsoDate,
  unregistered: [number, number],
  large: [number, number],
  newlyRegistered: { startDate: IsoDate; recipients: number }[] | null,
) => ({
  asOf,
  unregistered: { offices: unregistered[0], recipients: unregistered[1] },
  registered: { offices: 1104 - unregistered[0], recipients: 2_008_090 - unregistered[1] },
  large: { offices: large[0], recipients: large[1] },
  /** 参考② against the previous snapshot (null for the first one), sorted by start date. */
  newlyRegistered,
});

/**
 * The figures the sample reproduces (SPEC §4 definitions), as data, so every test asserts
 * against one source. Shares are left to the reader: they are exact ratios of these counts.
 */
export const SAMPLE_EXPECTED = {
  totals: { offices: 1104, recipients: 2_008_090 },
  threshold: 1000,
  surveyMonth: "2024-10",
  surveyPopulation: 185,
  /** Snapshots taken after applying each round's list (seed: 12/2, 12/17, 1/7, 1/21, 2/4; 12/27 is implied by 1/7's 前回). */
  snapshots: [
    snap("2024-12-02", [88, 110_245], [9, 87_665], null),
    snap("2024-12-17", [86, 36_093], [7, 13_513], [
      { startDate: "2024-12-10", recipients: 46_870 },
      { startDate: "2024-12-16", recipients: 27_282 },
    ]),
    snap("2024-12-27", [86, 36_093], [7, 13_513], []),
    snap("2025-01-07", [81, 33_874], [7, 13_513], [
      { startDate: "2024-12-20", recipients: 612 },
      { startDate: "2024-12-20", recipients: 538 },
      { startDate: "2024-12-23", recipients: 455 },
      { startDate: "2024-12-24", recipients: 377 },
      { startDate: "2024-12-25", recipients: 237 },
    ]),
    snap("2025-01-21", [76, 32_864], [7, 13_513], [
      { startDate: "2025-01-07", recipients: 318 },
      { startDate: "2025-01-10", recipients: 241 },
      { startDate: "2025-01-10", recipients: 197 },
      { startDate: "2025-01-10", recipients: 154 },
      { startDate: "2025-01-14", recipients: 100 },
    ]),
    snap("2025-02-04", [74, 32_609], [7, 13_513], [
      { startDate: "2025-01-31", recipients: 163 },
      { startDate: "2025-01-31", recipients: 92 },
    ]),
  ],
  /** 架電結果まとめ on the final master (after every round). */
  survey: [
    { date: "2024-10-15", registered: 64, unregistered: 121, unanswered: 52, answered: 69, planned: 27, plannedThisYear: 20, plannedLater: 7, delayed: 42, delayedBy: { 登録済み: 2, "2024-07": 1, "2024-08": 16, "2024-09": 23 } },
    { date: "2024-10-29", registered: 68, unregistered: 117, unanswered: 25, answered: 92, planned: 52, plannedThisYear: 30, plannedLater: 22, delayed: 40, delayedBy: { 登録済み: 3, "2024-07": 1, "2024-08": 16, "2024-09": 20 } },
    { date: "2024-11-05", registered: 73, unregistered: 112, unanswered: 5, answered: 107, planned: 67, plannedThisYear: 42, plannedLater: 25, delayed: 40, delayedBy: { 登録済み: 4, "2024-07": 1, "2024-08": 15, "2024-09": 20 } },
    { date: "2024-11-08", registered: 73, unregistered: 112, unanswered: 1, answered: 111, planned: 71, plannedThisYear: 45, plannedLater: 26, delayed: 40, delayedBy: { 登録済み: 4, "2024-07": 1, "2024-08": 15, "2024-09": 20 } },
    { date: "2024-11-19", registered: 73, unregistered: 112, unanswered: 0, answered: 112, planned: 72, plannedThisYear: 45, plannedLater: 27, delayed: 40, delayedBy: { 登録済み: 4, "2024-07": 1, "2024-08": 15, "2024-09": 20 } },
  ],
  /** 予定時期分布 of the offices unregistered on 2024-12-17 (master after the 12-17 list), by survey answer. */
  distributionAt: "2024-12-17",
  distribution: [
    { plan: "登録済み", offices: 4 },
    { plan: "2024-08", offices: 3 },
    { plan: "2024-09", offices: 18 },
    { plan: "2024-10", offices: 2 },
    { plan: "2024-11", offices: 9 },
    { plan: "2024-12", offices: 13 },
    { plan: "2025-01", offices: 8 },
    { plan: "2025-03", offices: 13 },
    { plan: "2025-04以降", offices: 16 },
  ],
  /**
   * 区分 at 2024-11-28 on the final master (large = ≥ 1000). Not seed figures: the counts this
   * sample produces. ① 4 (one of them registers in December), ② 3, ③ 2, ④ 13.
   */
  classesAt: "2024-11-28",
  classes: { "①": 4, "②": 3, "③": 2, "④": 13 },
  /** 公文書対象 at 2025-01-23 over the 76 offices unregistered on 01-21, issue months 2025-03, 2025-04. */
  documents: {
    asOf: "2025-01-23",
    months: ["2025-03", "2025-04"],
    total: 76,
    branches: { disaster: 4, "zero-recipients": 1, "meeting-confirmed": 4, "no-mail": 0, "no-reply": 44, undecided: 1, "reply-month": 22 },
    /** Mail replies among the reply-month branch. */
    replies: { "2025-01": 1, "2025-02": 3, "2025-03": 17, "2025-04以降": 1 },
    byMonth: { "2025-03": 52, "2025-04": 22, none: 2 },
  },
  /** 閲覧停止集計 of SAMPLE_SHEET_NAMES.suspension (count = 医療情報_合計). */
  suspension: {
    total: 13_127,
    /** officeSharePct: the vendor's share of マスタ's offices, nearest whole percent. */
    vendors: [
      { vendor: "ベンダA", count: 7473, offices: 675, officeSharePct: 61 },
      { vendor: "ベンダB", count: 2655, offices: 112, officeSharePct: 10 },
      { vendor: "ベンダC", count: 1793, offices: 45, officeSharePct: 4 },
      { vendor: "ベンダD", count: 559, offices: 122, officeSharePct: 11 },
      { vendor: "ベンダE", count: 386, offices: 12, officeSharePct: 1 },
      { vendor: "ベンダF", count: 166, offices: 90, officeSharePct: 8 },
      { vendor: "ベンダG", count: 95, offices: 48, officeSharePct: 4 },
    ],
    /** Top 10 prefectures; recipientSharePct: share of 全数_被保護者数, nearest whole percent. */
    prefectures: [
      { prefecture: "埼玉県", count: 2120, recipientSharePct: 4 },
      { prefecture: "群馬県", count: 1459, recipientSharePct: 1 },
      { prefecture: "沖縄県", count: 987, recipientSharePct: 2 },
      { prefecture: "栃木県", count: 969, recipientSharePct: 1 },
      { prefecture: "大阪府", count: 897, recipientSharePct: 14 },
      { prefecture: "愛知県", count: 827, recipientSharePct: 4 },
      { prefecture: "兵庫県", count: 817, recipientSharePct: 5 },
      { prefecture: "東京都", count: 734, recipientSharePct: 14 },
      { prefecture: "千葉県", count: 625, recipientSharePct: 4 },
      { prefecture: "京都府", count: 481, recipientSharePct: 3 },
    ],
  },
  /** Planted defects that must not change any figure above. */
  defects: {
    /** The one row of the earlier 閲覧停止 list whose 資格情報_合計 ≠ 加入中 + 資格喪失. */
    pfTotalMismatch: { sheet: "支払基金_閲覧停止_20241105", column: "資格情報_合計" },
    /** One 備考 cell of the エラー明細 list holds a fictional 12-digit number whose 個人番号 check digit fits. */
    myNumber: { sheet: "支払基金_エラー明細_20241202", column: "備考" },
  },
} as const;

// ---------------------------------------------------------------------------------------------
// Small date helpers (UTC arithmetic on calendar dates: no time zone is involved)

const DAY_MS = 86_400_000;
const toDays = (d: IsoDate): number => Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10)) / DAY_MS;
const fromDays = (n: number): IsoDate => new Date(n * DAY_MS).toISOString().slice(0, 10);

/** A random weekday in [from, to]. */
function weekday(rng: Rng, from: IsoDate, to: IsoDate): IsoDate {
  const a = toDays(from);
  const b = toDays(to);
  for (let i = 0; i < 100; i++) {
    const n = rng.int(a, b);
    const dow = new Date(n * DAY_MS).getUTCDay();
    if (dow !== 0 && dow !== 6) return fromDays(n);
  }
  return from;
}

// ---------------------------------------------------------------------------------------------
// Survey answers

type Answer =
  | "登録済み"
  | "2024-07"
  | "2024-08"
  | "2024-09"
  | "2024-10"
  | "2024-11"
  | "2024-12"
  | "2025-01"
  | "2025-03"
  | "2025-04以降";

/** When the answer arrived: before 10-15, (10-15, 10-29], (10-29, 11-05], (11-05, 11-08], (11-08, 11-19]. */
type AnswerWindow = "early" | "W2" | "W3" | "W4" | "W5";

const WINDOWS: Record<AnswerWindow, [IsoDate, IsoDate]> = {
  early: ["2024-07-08", "2024-10-11"],
  W2: ["2024-10-16", "2024-10-29"],
  W3: ["2024-10-30", "2024-11-05"],
  W4: ["2024-11-06", "2024-11-08"],
  W5: ["2024-11-15", "2024-11-15"],
};

/** Survey option number of an answer (1_登録済み, 2_令和6年6月 … 12_令和7年4月以降). */
function optionNumber(a: Answer): number {
  if (a === "登録済み") return 1;
  if (a === "2025-04以降") return 12;
  const [y, m] = a.split("-").map(Number);
  return (y - 2024) * 12 + m - 4; // 2024-06 → 2
}

function reiwaMonth(a: Exclude<Answer, "登録済み">, short: boolean): string {
  const open = a.endsWith("以降");
  const [y, m] = a.slice(0, 7).split("-").map(Number);
  const era = short ? `R${y - 2018}年` : `令和${y - 2018}年`;
  return `${era}${m}月${open ? "以降" : ""}`;
}

/** The 登録予定月 cell as the survey export writes it (mostly with the option prefix). */
function answerCell(a: Answer, plain: boolean): string {
  const label = a === "登録済み" ? "登録済み" : reiwaMonth(a, false);
  return plain ? label : `${optionNumber(a)}_${label}`;
}

/** The 登録予定時期 cell when the plan was never revised. */
function planCell(a: Answer): string | null {
  return a === "登録済み" ? null : reiwaMonth(a, true);
}

function statusFor(rng: Rng, a: Answer): string {
  if (a === "登録済み") return "1_登録済み";
  if (a === "2025-04以降") return rng.pick(["4_システム改修中", "5_システム改修予定", "6_システム改修検討中", "3_準備中"]);
  return rng.pick(["3_準備中", "3_準備中", "2_登録準備完了", "4_システム改修中"]);
}

const LATER_REASONS = [
  "生活保護システムベンダ及びシステム担当課との調整中のため。",
  "システム標準化に合わせて改修する予定のため。",
  "運用について協議中。",
  "新システムへの移行に半年程度の期間を要するため。",
  null,
];

// ---------------------------------------------------------------------------------------------
// Offices

interface Office {
  pref: number;
  law: "12" | "25";
  code: string;
  municipality: string;
  name: string;
  recipients: number;
  vendor: string;
  /** The true 資格情報登録開始日 (final state), or null when never registered. */
  start: IsoDate | null;
  /** The first round whose list reports the start; null = already in the master before round 1. */
  reported: IsoDate | null;
  survey: boolean;
  answer?: Answer;
  answerWindow?: AnswerWindow;
  answerDate?: IsoDate;
  answerPlain?: boolean;
  status?: string;
  plan?: string | null;
  reason?: string | null;
  mailDate?: IsoDate;
  mailReply?: string | null;
  exclusion?: string;
  meetingDate?: IsoDate;
  current?: string;
  policy?: string;
  remarks?: string;
  staff?: string;
  /** Fixed recipients (null = drawn from the prefecture's remainder). */
  fixedRecipients: number | null;
  /** Planted defect / role markers. */
  special?: "tokyo-short" | "fullwidth" | "numeric-code" | "text-date" | "gaiji" | "law25";
  /** 閲覧停止 医療情報_合計 in the current list (0 = not listed). */
  suspension: number;
}

/** [offices, recipients] per prefecture in JIS order; 北海道's figures are derived to hit the totals. */
const PREFECTURE_PLAN: [number, number][] = [
  [0, 0], // 北海道 (derived)
  [18, 28000], [20, 13500], [20, 30000], [15, 14000], [17, 8500], [22, 20000],
  [36, 30000], [20, 20500], [20, 18500], [50, 86000], [45, 84000], [60, 281000], [38, 150000],
  [25, 22000], [12, 4000], [15, 8500], [12, 4000], [15, 7000], [25, 13000], [25, 12000],
  [30, 35000], [45, 82000], [18, 17000], [15, 12000], [20, 56000], [48, 282000], [40, 104000],
  [15, 18000], [12, 15000], [8, 7000], [10, 6000], [18, 23000], [20, 41000], [15, 15000],
  [12, 12000], [10, 11000], [15, 22000], [14, 19000], [40, 100000], [12, 9000], [16, 27000],
  [20, 25000], [16, 20000], [12, 19000], [25, 31000], [18, 40000],
];

const TOTAL_OFFICES = 1104;
const TOTAL_RECIPIENTS = 2_008_090;

const prefNo = (name: string): number => {
  const i = PREFECTURES.indexOf(name);
  if (i < 0) throw new Error(`unknown prefecture ${name}`);
  return i + 1;
};

/** Vendor → number of マスタ offices using it (shares 61/10/4/11/1/8/4 %). */
const VENDOR_OFFICES: [string, number][] = [
  ["ベンダA", 675],
  ["ベンダB", 112],
  ["ベンダC", 45],
  ["ベンダD", 122],
  ["ベンダE", 12],
  ["ベンダF", 90],
  ["ベンダG", 48],
];

/** 閲覧停止 医療情報_合計 per prefecture: the seed's top ten, then the rest spread below 481. */
const SUSPENSION_BY_PREFECTURE: [string, number][] = [
  ["埼玉県", 2120], ["群馬県", 1459], ["沖縄県", 987], ["栃木県", 969], ["大阪府", 897],
  ["愛知県", 827], ["兵庫県", 817], ["東京都", 734], ["千葉県", 625], ["京都府", 481],
  ["北海道", 430], ["福岡県", 410], ["神奈川県", 380], ["広島県", 330], ["静岡県", 290],
  ["宮城県", 260], ["鹿児島県", 230], ["長崎県", 200], ["熊本県", 170], ["岡山県", 140],
  ["新潟県", 120], ["愛媛県", 100], ["奈良県", 80], ["高知県", 41], ["山口県", 30],
];

// Fictional place-name parts: a direction, an uncommon first character and an ending.
const DIRS = ["北", "南", "東", "西", "中", "新", "上", "下"];
const HEADS = [
  "緑", "星", "虹", "雲", "鈴", "葵", "楓", "椿", "柚", "菫", "蛍", "翠", "茜", "碧", "瑠",
  "琥", "蘭", "杏", "柊", "樫", "楠", "桐", "萌", "綾", "彩", "凪", "澪", "雫", "暁", "朧",
];
const TAILS = ["ヶ丘", "ノ森", "見台", "浦", "里", "岬", "峰", "瀬", "野", "ヶ原", "台", "江", "沼", "坂", "浜", "平"];

function survey(
  answer: Answer,
  answerWindow: AnswerWindow,
  start: IsoDate | null,
  reported: IsoDate | null,
  extra: Partial<Office> = {},
): Office {
  return {
    pref: 0,
    law: "12",
    code: "",
    municipality: "",
    name: "",
    recipients: 0,
    vendor: "",
    start,
    reported,
    survey: true,
    answer,
    answerWindow,
    fixedRecipients: null,
    suspension: 0,
    ...extra,
  };
}

function repeat<T>(n: number, make: (i: number) => T): T[] {
  return Array.from({ length: n }, (_, i) => make(i));
}

/** The 185 survey offices (prefecture, names and codes are filled in later). */
function surveyOffices(rng: Rng): Office[] {
  const list: Office[] = [];
  const registeredEarly = (a: Answer, n: number) =>
    repeat(n, () => survey(a, "early", weekday(rng, "2024-07-01", "2024-10-11"), null));

  // R0: 64 registered before 2024-10-15.
  list.push(
    ...registeredEarly("登録済み", 20),
    ...registeredEarly("2024-07", 14),
    ...registeredEarly("2024-08", 15),
    ...registeredEarly("2024-09", 10),
    ...registeredEarly("2024-10", 5),
  );
  // R1: 4 registered in (10-15, 10-29].
  list.push(
    survey("2024-09", "early", "2024-10-17", null),
    survey("2024-09", "early", "2024-10-21", null),
    survey("2024-09", "early", "2024-10-24", null),
    survey("2024-10", "early", "2024-10-28", null),
  );
  // R2: 5 registered in (10-29, 11-05].
  list.push(
    survey("2024-08", "early", "2024-10-30", null),
    survey("2024-10", "early", "2024-10-31", null),
    survey("2024-10", "early", "2024-11-01", null),
    survey("2024-11", "early", "2024-11-05", null),
    survey("2024-11", "early", "2024-11-05", null),
  );
  // R3: 24 registered 11-20 … 11-27, first reported in the 12-02 list.
  const r3 = (a: Answer, w: AnswerWindow) => survey(a, w, weekday(rng, "2024-11-20", "2024-11-27"), "2024-12-02");
  list.push(r3("2024-07", "early"), ...repeat(12, () => r3("2024-08", "early")), r3("2024-09", "early"));
  list.push(...repeat(10, () => r3("2025-04以降", "W2")));

  // R4: the two large offices that register in December (12-17 list).
  list.push(
    survey("2024-09", "early", "2024-12-10", "2024-12-17", {
      fixedRecipients: 46_870,
      pref: prefNo("大阪府"),
      municipality: "架空市",
      name: "架空市福祉事務所",
      plan: "R6年9月⇒R6年12月",
      status: "2_登録準備完了",
      current: "登録準備完了（「資格情報の登録を開始するための条件」に対応済）",
      policy: "個別メール送付",
    }),
    survey("2025-04以降", "early", "2024-12-16", "2024-12-17", {
      fixedRecipients: 27_282,
      pref: prefNo("神奈川県"),
      plan: "R7年4月以降⇒R6年12月",
      status: "3_準備中",
      meetingDate: "2024-09-30",
      reason: "運用について協議中。",
      current: "個別打合せ実施済み。システム改修済みであり12月中に登録予定",
      policy: "個別打合せ実施済",
    }),
  );

  // R5: started 12-20 … 12-25 but first reported in the 01-07 list.
  list.push(
    survey("2024-12", "early", "2024-12-20", "2025-01-07", { fixedRecipients: 612 }),
    survey("2024-12", "W2", "2024-12-20", "2025-01-07", { fixedRecipients: 538 }),
    survey("2024-12", "W3", "2024-12-23", "2025-01-07", { fixedRecipients: 455 }),
    survey("2024-11", "early", "2024-12-24", "2025-01-07", { fixedRecipients: 377 }),
    survey("2024-09", "early", "2024-12-25", "2025-01-07", { fixedRecipients: 237 }),
  );
  // R6: started 01-07 … 01-14, reported in the 01-21 list (the 01-07 start was not in the 01-07 list).
  const mailed = { mailDate: "2025-01-09", mailReply: null };
  list.push(
    survey("2024-11", "early", "2025-01-07", "2025-01-21", { fixedRecipients: 318, ...mailed }),
    survey("2024-11", "W2", "2025-01-10", "2025-01-21", { fixedRecipients: 241, ...mailed }),
    survey("2025-01", "W2", "2025-01-10", "2025-01-21", { fixedRecipients: 197, ...mailed }),
    survey("2025-01", "W3", "2025-01-10", "2025-01-21", { fixedRecipients: 154, ...mailed }),
    survey("2024-09", "early", "2025-01-14", "2025-01-21", { fixedRecipients: 100, ...mailed }),
  );
  // R7: started 01-31, reported in the 02-04 list (still unregistered for the 01-23 documents).
  list.push(
    survey("2025-03", "W3", "2025-01-31", "2025-02-04", { fixedRecipients: 163, mailDate: "2025-01-09", mailReply: "令和7年1月" }),
    survey("2025-03", "W3", "2025-01-31", "2025-02-04", { fixedRecipients: 92, mailDate: "2025-01-10", mailReply: "令和7年2月" }),
  );

  // The seven large offices that never register (13,513 recipients).
  list.push(
    survey("2025-04以降", "early", null, null, {
      fixedRecipients: 2874,
      pref: prefNo("北海道"),
      plan: "R7年4月以降⇒詳細未定",
      status: "6_システム改修検討中",
      reason: "生活保護システムベンダ及びシステム担当課との調整中のため。",
      current: "個別メール送付済み。システム改修中 ※システム標準化に合わせて改修する可能性ありと回答あり。",
      policy: "個別メール送付",
      mailDate: "2025-01-09",
      mailReply: "未定",
      remarks: "統合専用端末で中間サーバーに接続できない状況（※要相談）",
    }),
    survey("2025-04以降", "early", null, null, {
      fixedRecipients: 2311,
      pref: prefNo("福岡県"),
      plan: "R7年4月以降⇒R7年3月",
      status: "3_準備中",
      exclusion: "打合せ確認済",
      meetingDate: "2024-09-19",
      current: "個別打合せ実施済み。システム改修済みであり3月末に登録予定",
      policy: "個別打合せ実施済",
    }),
    survey("2025-04以降", "early", null, null, {
      fixedRecipients: 1958,
      pref: prefNo("兵庫県"),
      plan: "R7年4月以降⇒R6年10月",
      status: "3_準備中",
      meetingDate: "2024-09-27",
      current: "個別打合せ実施済み。システム改修済みであり10月末に登録予定",
      policy: "個別打合せ実施済",
      mailDate: "2025-01-09",
      mailReply: "返信なし",
    }),
    survey("2024-10", "early", null, null, {
      fixedRecipients: 1702,
      pref: prefNo("埼玉県"),
      plan: "R6年10月",
      status: "3_準備中",
      reason: "生活保護システム改修後の不具合により、現在登録を行うことができない状態にある。",
      current: "システム改修済み「資格情報の登録を開始するための条件」に対応中",
      policy: "個別メール送付",
      mailDate: "2025-01-09",
      mailReply: "返信なし",
    }),
    survey("2024-08", "early", null, null, {
      fixedRecipients: 1606,
      pref: prefNo("千葉県"),
      plan: "R6年8月",
      status: "3_準備中",
      current: "システム改修済み「資格情報の登録を開始するための条件」に対応中",
      policy: "個別メール送付",
      mailDate: "2025-01-09",
      mailReply: null,
    }),
    survey("2024-12", "early", null, null, {
      fixedRecipients: 1553,
      pref: prefNo("広島県"),
      plan: "R6年12月",
      status: "3_準備中",
      current: "システム改修済み「資格情報の登録を開始するための条件」に対応中",
      policy: "適宜個別対応実施",
      mailDate: "2025-01-09",
      mailReply: "令和7年3月",
    }),
    survey("2025-01", "early", null, null, {
      fixedRecipients: 1509,
      pref: prefNo("静岡県"),
      plan: "R7年1月",
      status: "2_登録準備完了",
      current: "登録準備完了（「資格情報の登録を開始するための条件」に対応済）",
      policy: "適宜個別対応実施",
      mailDate: "2025-01-09",
      mailReply: "R7年3月",
    }),
  );

  // The 67 small offices that never register (19,096 recipients in all).
  const ishikawa = prefNo("石川県");
  const disaster = { pref: ishikawa, exclusion: "被災地域", remarks: "令和6年能登半島地震 被災地域（※3月に対応状況確認メール送付）" };
  const never = (a: Answer, w: AnswerWindow, extra: Partial<Office> = {}) => survey(a, w, null, null, extra);
  const small: Office[] = [
    // Excluded from the mail: disaster area ×4, 被保護者数0 ×1, meeting-confirmed ×3.
    never("2025-03", "W3", disaster),
    never("2025-03", "W3", disaster),
    never("2025-04以降", "W2", disaster),
    never("2025-04以降", "W2", disaster),
    never("2025-04以降", "W3", { fixedRecipients: 0, exclusion: "被保護者数0", remarks: "被保護者数0人と回答（後続対応なし）" }),
    never("2025-03", "W3", { exclusion: "打合せ確認済", plan: "令和7年3月", meetingDate: "2024-10-22", current: "個別打合せ等で令和7年3月末までに登録を確認" }),
    never("2025-03", "W4", { exclusion: "打合せ確認済", plan: "R7年3月", meetingDate: "2024-12-03", current: "個別打合せ等で令和7年3月末までに登録を確認" }),
    never("2025-01", "W3", { exclusion: "打合せ確認済", plan: "R7年1月⇒R7年3月", meetingDate: "2025-01-15", current: "個別打合せ等で令和7年3月末までに登録を確認" }),
  ];
  // The other 59 are mailed.
  const mailedSmall: Office[] = [
    ...repeat(2, () => never("登録済み", "early")),
    never("登録済み", "W2"),
    never("登録済み", "W3"),
    ...repeat(2, () => never("2024-08", "early")),
    ...repeat(16, () => never("2024-09", "early")),
    never("2024-10", "early"),
    ...repeat(3, () => never("2024-11", "early")),
    ...repeat(3, () => never("2024-11", "W2")),
    ...repeat(3, () => never("2024-12", "early")),
    ...repeat(3, () => never("2024-12", "W2")),
    ...repeat(3, () => never("2024-12", "W3")),
    never("2025-01", "early"),
    never("2025-01", "W2"),
    never("2025-01", "W3"),
    never("2025-01", "W4"),
    never("2025-03", "early"),
    never("2025-03", "W2"),
    ...repeat(4, () => never("2025-03", "W3")),
    never("2025-03", "W4"),
    ...repeat(3, () => never("2025-04以降", "early")),
    ...repeat(3, () => never("2025-04以降", "W2")),
    ...repeat(2, () => never("2025-04以降", "W3")),
    never("2025-04以降", "W4"),
    never("2025-04以降", "W5"),
  ];
  // Replies: 2 × 2月, 15 × 3月, 1 × 4月以降 (given to an 以降 answer), 30 × 返信なし, 11 blank.
  const laterIndex = mailedSmall.findIndex((o) => o.answer === "2025-04以降");
  const replies: (string | null)[] = rng.shuffle([
    ...repeat(2, () => "令和7年2月"),
    ...repeat(15, (i) => ["令和7年3月", "R7年3月", "2025年3月"][i % 3]),
    ...repeat(30, () => "返信なし"),
    ...repeat(11, () => null),
  ]);
  mailedSmall.forEach((o, i) => {
    o.mailDate = rng.next() < 0.7 ? "2025-01-09" : "2025-01-10";
    o.mailReply = i === laterIndex ? "令和7年4月以降" : (replies.pop() ?? null);
  });
  small.push(...mailedSmall);
  const free = small.filter((o) => o.fixedRecipients === null);
  splitSum(rng, 19_096, free.length, 30, 980).forEach((n, i) => (free[i].fixedRecipients = n));
  list.push(...small);

  // Two small 以降 offices revised their plan (as in the seed's ④ table).
  const revisable = small.filter((o) => o.answer === "2025-04以降" && !o.exclusion);
  revisable[1].plan = "R7年4月以降⇒R6年12月";
  revisable[3].plan = "R7年4月以降⇒R7年2月";
  revisable[1].meetingDate = "2024-10-22";
  revisable[1].current = "個別打合せ実施済み。システム改修済みであり12月末に登録予定";

  if (list.length !== 185) throw new Error(`survey offices: ${list.length}`);
  return list;
}

function nonSurvey(extra: Partial<Office> = {}): Office {
  return {
    pref: 0,
    law: "12",
    code: "",
    municipality: "",
    name: "",
    recipients: 0,
    vendor: "",
    start: null,
    reported: null,
    survey: false,
    fixedRecipients: null,
    suspension: 0,
    ...extra,
  };
}

/** Spreads the survey offices without a fixed prefecture over prefectures, weighted by office count. */
function placeSurveyOffices(rng: Rng, offices: Office[], counts: number[]): void {
  const used = new Array<number>(48).fill(0);
  for (const o of offices) if (o.pref) used[o.pref]++;
  for (const o of offices) {
    if (o.pref) continue;
    for (;;) {
      const p = rng.int(1, 47);
      // Accept with probability proportional to the prefecture's size, and keep ≥ 60% non-survey.
      if (rng.next() * 75 > counts[p]) continue;
      if (used[p] + 1 > Math.floor(counts[p] * 0.4)) continue;
      o.pref = p;
      used[p]++;
      break;
    }
  }
}

/** Survey answers: dates, cell forms, statuses, plans and reasons for offices that have none yet. */
function fillSurveyDetails(rng: Rng, offices: Office[]): void {
  const staff = ["担当A", "担当B", "担当C", "担当D"];
  for (const o of offices) {
    if (!o.survey || !o.answer || !o.answerWindow) continue;
    const [from, to] = WINDOWS[o.answerWindow];
    o.answerDate = weekday(rng, from, to);
    o.answerPlain = o.answerWindow === "W4" || o.answerWindow === "W5" || rng.next() < 0.12;
    o.status ??= statusFor(rng, o.answer);
    if (o.plan === undefined) o.plan = planCell(o.answer);
    if (o.reason === undefined) o.reason = o.answer === "2025-04以降" ? rng.pick(LATER_REASONS) : null;
    o.staff = rng.pick(staff);
  }
}

/** Unique fictional stems (3 characters or more), in a deterministic shuffled order. */
function stems(rng: Rng): string[] {
  const all: string[] = [];
  for (const d of DIRS) for (const h of HEADS) for (const t of TAILS) all.push(d + h + t);
  return rng.shuffle(all);
}

function nameOffices(rng: Rng, offices: Office[]): void {
  const pool = stems(rng);
  let next = 0;
  for (const o of offices) {
    if (o.name) continue;
    if (o.law === "25") continue; // named after a law-12 office below
    const stem = pool[next++];
    const r = rng.next();
    if (r < 0.1) {
      o.municipality = PREFECTURES[o.pref - 1];
      o.name = `${stem}保健福祉事務所`;
    } else {
      o.municipality = stem + (r < 0.8 ? "市" : r < 0.95 ? "町" : "村");
      o.name = `${o.municipality}福祉事務所`;
    }
  }
}

/** Codes: 法別番号 + 都道府県番号 + institution numbers with small gaps + check digit. */
function assignCodes(rng: Rng, offices: Office[]): void {
  const groups = new Map<string, Office[]>();
  for (const o of offices) {
    const key = `${o.law}-${o.pref}`;
    groups.set(key, [...(groups.get(key) ?? []), o]);
  }
  for (const group of groups.values()) {
    let inst = rng.int(1, 9);
    for (const o of rng.shuffle(group)) {
      o.code = makeOfficeCode(o.law, o.pref, inst);
      inst += rng.int(1, 4);
    }
  }
}

/** 閲覧停止 counts: vendor × prefecture cells (north-west corner), each spread over 1–4 offices. */
function assignSuspensions(rng: Rng, offices: Office[]): void {
  const vendorLeft = new Map<string, number>(SAMPLE_EXPECTED.suspension.vendors.map((v) => [v.vendor, v.count]));
  const prefOrder = rng.shuffle(SUSPENSION_BY_PREFECTURE);
  const prefLeft = new Map<string, number>(prefOrder.map(([p, n]) => [p, n]));
  const vendors = [...vendorLeft.keys()];
  let vi = 0;
  let pi = 0;
  const cells: { vendor: string; pref: string; count: number }[] = [];
  while (vi < vendors.length && pi < prefOrder.length) {
    const vendor = vendors[vi];
    const pref = prefOrder[pi][0];
    const n = Math.min(vendorLeft.get(vendor)!, prefLeft.get(pref)!);
    if (n > 0) cells.push({ vendor, pref, count: n });
    vendorLeft.set(vendor, vendorLeft.get(vendor)! - n);
    prefLeft.set(pref, prefLeft.get(pref)! - n);
    if (vendorLeft.get(vendor) === 0) vi++;
    if (prefLeft.get(pref) === 0) pi++;
  }
  for (const cell of cells) {
    const p = prefNo(cell.pref);
    const candidates = offices.filter((o) => o.pref === p && !o.survey && o.law === "12" && !o.special && o.suspension === 0);
    const n = Math.min(Math.ceil(cell.count / 300), 4, candidates.length, cell.count);
    const chosen = rng.shuffle(candidates).slice(0, n);
    splitSum(rng, cell.count, n, 1).forEach((count, i) => {
      chosen[i].suspension = count;
      chosen[i].vendor = cell.vendor;
    });
  }
}

function assignVendors(rng: Rng, offices: Office[]): void {
  const forced = new Map<string, number>();
  for (const o of offices) if (o.vendor) forced.set(o.vendor, (forced.get(o.vendor) ?? 0) + 1);
  const slots: string[] = [];
  for (const [vendor, total] of VENDOR_OFFICES) {
    const left = total - (forced.get(vendor) ?? 0);
    if (left < 0) throw new Error(`vendor ${vendor} over-assigned`);
    for (let i = 0; i < left; i++) slots.push(vendor);
  }
  const shuffled = rng.shuffle(slots);
  for (const o of offices) if (!o.vendor) o.vendor = shuffled.pop()!;
  if (shuffled.length) throw new Error("vendor slots left over");
}

/** All 1,104 offices with every attribute settled. */
function buildOffices(rng: Rng): Office[] {
  const counts = [0, ...PREFECTURE_PLAN.map(([n]) => n)];
  const targets = [0, ...PREFECTURE_PLAN.map(([, r]) => r)];
  counts[1] = TOTAL_OFFICES - counts.slice(2).reduce((a, b) => a + b, 0);
  targets[1] = TOTAL_RECIPIENTS - targets.slice(2).reduce((a, b) => a + b, 0);

  const surveyList = surveyOffices(rng);
  placeSurveyOffices(rng, surveyList, counts);
  const offices: Office[] = [...surveyList];

  // Non-survey offices fill each prefecture up to its office count.
  for (let p = 1; p <= 47; p++) {
    const have = offices.filter((o) => o.pref === p).length;
    for (let i = have; i < counts[p]; i++) {
      offices.push(nonSurvey({ pref: p, start: weekday(rng, "2023-04-03", "2024-06-28") }));
    }
  }

  // Planted defects and special rows, all outside the survey and the 閲覧停止 list.
  const pickNonSurvey = (pref: string): Office => {
    const p = prefNo(pref);
    const o = offices.find((x) => x.pref === p && !x.survey && !x.special);
    if (!o) throw new Error(`no office in ${pref}`);
    return o;
  };
  Object.assign(pickNonSurvey("東京都"), { special: "tokyo-short", fixedRecipients: 48 });
  Object.assign(pickNonSurvey("岩手県"), { special: "fullwidth", fixedRecipients: 1234 });
  Object.assign(pickNonSurvey("宮城県"), { special: "numeric-code" });
  Object.assign(pickNonSurvey("長野県"), { special: "text-date", start: "2023-10-02" });
  Object.assign(pickNonSurvey("新潟県"), { special: "gaiji" });
  // A few 法別番号 25 (中国残留邦人等支援) codes, each beside a law-12 office of the same municipality.
  for (const pref of ["北海道", "東京都", "神奈川県", "愛知県", "大阪府", "兵庫県", "広島県", "福岡県"]) {
    Object.assign(pickNonSurvey(pref), { special: "law25", law: "25", fixedRecipients: rng.int(3, 40) });
  }

  // Recipients: fixed ones first; free survey offices near their prefecture's average; the rest split.
  for (const o of offices) {
    if (o.fixedRecipients !== null) continue;
    if (!o.survey) continue;
    const avg = targets[o.pref] / counts[o.pref];
    o.fixedRecipients = Math.max(20, Math.round(avg * (0.3 + rng.next() * 1.2)));
  }
  for (let p = 1; p <= 47; p++) {
    const inPref = offices.filter((o) => o.pref === p);
    const fixed = inPref.filter((o) => o.fixedRecipients !== null);
    const free = inPref.filter((o) => o.fixedRecipients === null);
    const rest = targets[p] - fixed.reduce((a, o) => a + (o.fixedRecipients ?? 0), 0);
    splitSum(rng, rest, free.length, 40).forEach((n, i) => (free[i].fixedRecipients = n));
  }
  for (const o of offices) o.recipients = o.fixedRecipients ?? 0;

  fillSurveyDetails(rng, offices);
  nameOffices(rng, offices);
  for (const o of offices) {
    if (o.law !== "25") continue;
    const twin = offices.find((x) => x.pref === o.pref && x.law === "12" && !x.survey && x.municipality.endsWith("市"));
    o.municipality = twin ? twin.municipality : PREFECTURES[o.pref - 1];
    o.name = `${twin ? twin.name : `${o.municipality}福祉事務所`}（中国残留邦人等支援）`;
  }
  const gaiji = offices.find((o) => o.special === "gaiji")!;
  gaiji.name = `${gaiji.name.slice(0, 1)}●${gaiji.name.slice(2)}`;
  gaiji.remarks = "名称に外字あり（中間サーバー上は黒丸で表示）";

  assignCodes(rng, offices);
  assignSuspensions(rng, offices);
  assignVendors(rng, offices);

  offices.sort((a, b) => a.pref - b.pref || (a.code < b.code ? -1 : 1));
  return offices;
}

// ---------------------------------------------------------------------------------------------
// Sheets

const d = (iso: IsoDate | null | undefined): OutCell => (iso ? dateOut(iso) : null);

function settingsSheet(): SampleSheet {
  return {
    name: SAMPLE_SHEET_NAMES.settings,
    rows: [
      ["項目", "値"],
      ["全数_福祉事務所数", 1104],
      ["全数_被保護者数", 2_008_090],
      ["優先_被保護者数閾値", 1000],
      ["アンケート_基準月", "2024-10"],
      ["公文書_発出月", "2025-03, 2025-04"],
    ],
  };
}

function masterRow(o: Office): OutCell[] {
  const prefName = PREFECTURES[o.pref - 1];
  const shown = o.reported === null ? o.start : null; // the master before round 1 knows only earlier starts
  let startCell: OutCell = d(shown);
  if (o.special === "text-date" && shown) startCell = "2023/10/2";
  return [
    o.special === "tokyo-short" ? "東京" : prefName,
    o.municipality,
    o.name,
    o.special === "numeric-code" ? Number(o.code) : o.code,
    o.special === "fullwidth" ? "１，２３４" : o.recipients,
    o.vendor,
    startCell,
    o.survey ? "○" : null,
    d(o.answerDate),
    o.status ?? null,
    o.answer ? answerCell(o.answer, o.answerPlain ?? false) : null,
    o.plan ?? null,
    o.reason ?? null,
    d(o.mailDate),
    o.mailReply ?? null,
    o.exclusion ?? null,
    d(o.meetingDate),
    null,
    o.current ?? null,
    o.policy ?? null,
    o.remarks ?? null,
    o.staff ?? null,
  ];
}

function masterSheet(offices: Office[]): SampleSheet {
  const width = SAMPLE_MASTER_HEADERS.length;
  const pad = (cells: OutCell[]): OutCell[] => [...cells, ...new Array<OutCell>(width - cells.length).fill(null)];
  return {
    name: SAMPLE_SHEET_NAMES.master,
    rows: [
      pad(["資格情報未登録福祉事務所 管理表（架空データ）"]),
      pad(["※すべて架空のサンプルデータです。実在の福祉事務所・自治体・ベンダとは関係ありません。被保護者数は令和6年3月「被保護者調査」相当の架空値。"]),
      pad([]),
      [...SAMPLE_MASTER_HEADERS],
      ...offices.map(masterRow),
    ],
  };
}

function registrationList(offices: Office[], asOf: IsoDate): SampleSheet {
  const compact = asOf.replaceAll("-", "");
  const rows: OutCell[][] = [["保険者コード", "保険者名", "資格情報登録開始日", "データ基準日"]];
  const listed = offices
    .filter((o) => o.start !== null && (o.reported === null || o.reported <= asOf))
    .sort((a, b) => (a.code < b.code ? -1 : 1));
  for (const o of listed) rows.push([o.code, o.name, dateOut(o.start!), dateOut(asOf)]);
  return { name: `支払基金_登録状況_${compact}`, rows };
}

/** Splits n into two parts with roughly `ratio` in the first. */
function split2(rng: Rng, n: number, lo: number, hi: number): [number, number] {
  const a = Math.round(n * (lo + rng.next() * (hi - lo)));
  return [a, n - a];
}

function suspensionSheets(rng: Rng, offices: Office[]): [SampleSheet, SampleSheet] {
  const listed = offices.filter((o) => o.suspension > 0).sort((a, b) => (a.code < b.code ? -1 : 1));
  const header = (title: string): OutCell[][] => [
    [title, null, null, null, null, null, null, null, null, null, null],
    [null, null, null, null, "資格情報", null, null, "医療情報", null, null, null],
    ["制度", "保険者コード", "保険者名", "初回検知日", "加入中", "資格喪失", "合計", "加入中", "資格喪失", "合計", "データ基準日"],
  ];
  const earlier = header("閲覧停止件数一覧（架空データ・令和6年11月5日時点）");
  const current = header("閲覧停止件数一覧（架空データ・令和6年12月2日時点）");
  const mismatchAt = 2; // the third row of the earlier list carries the planted pf-total-mismatch
  listed.forEach((o, i) => {
    const system = o.law === "25" ? "中国残留邦人等" : "医療扶助";
    const first = weekday(rng, "2024-05-07", "2024-10-31");
    const now = o.suspension;
    const before = now + Math.ceil(now * (0.08 + rng.next() * 0.5));
    const row = (med: number, date: IsoDate, mismatch: boolean): OutCell[] => {
      const [ma, ml] = split2(rng, med, 0.55, 0.9);
      const qual = Math.max(0, Math.round(med * (0.05 + rng.next() * 0.2)));
      const [qa, ql] = split2(rng, qual, 0.5, 0.9);
      return [system, o.code, o.name, dateOut(first), qa, ql, mismatch ? qa + ql + 2 : qa + ql, ma, ml, ma + ml, dateOut(date)];
    };
    earlier.push(row(before, "2024-11-05", i === mismatchAt));
    current.push(row(now, "2024-12-02", false));
  });
  return [
    { name: SAMPLE_SHEET_NAMES.suspensionEarlier, rows: earlier },
    { name: SAMPLE_SHEET_NAMES.suspension, rows: current },
  ];
}

const SURNAMES: [string, string][] = [
  ["基金", "キキン"], ["支払", "シハライ"], ["中間", "チュウカン"], ["試験", "シケン"],
  ["見本", "ミホン"], ["仮名", "カメイ"], ["架空", "カクウ"], ["例示", "レイジ"],
];
const GIVEN: [string, string, "男性" | "女性"][] = [
  ["洋子", "ヨウコ", "女性"], ["太郎", "タロウ", "男性"], ["花子", "ハナコ", "女性"], ["一郎", "イチロウ", "男性"],
  ["次郎", "ジロウ", "男性"], ["桜", "サクラ", "女性"], ["健", "ケン", "男性"], ["明美", "アケミ", "女性"],
  ["誠", "マコト", "男性"], ["由美", "ユミ", "女性"],
];
/** Addresses with none of 市・区・郡・町・村 (Z09): prefecture and municipality left out, or no address at all. */
const Z09_ADDRESSES = [
  "緑ヶ丘三丁目4番5号", "星ノ森1-2-3", "入院中のため不明", "施設入所中", "葵台2-8", "住所不定",
  "柚ノ森一丁目7番地", "同上", "不明", "蛍ヶ原4-1-10", "椿見台12番地", "翠浦2-2-2",
  "茜ヶ丘1-5", "（空欄）", "杏里3-3", "楓岬5-6-7",
];

/** A fictional 12-digit number whose 個人番号 check digit fits (planted for mynumber-present). */
function fictionalMyNumber(): string {
  const first11 = "58273619042";
  return first11 + myNumberCheckDigit(first11);
}

function errorsSheet(rng: Rng, offices: Office[]): SampleSheet {
  const candidates = offices.filter(
    (o) => !o.survey && o.law === "12" && !o.special && /[市町村]$/.test(o.municipality) && o.start !== null,
  );
  const sources = rng.shuffle(candidates).slice(0, 6);
  const rows: OutCell[][] = [["保険者コード", "被保険者番号", "氏名", "氏名カナ", "生年月日", "性別", "住所", "エラーコード", "備考"]];
  let z09 = 0;
  for (let i = 0; i < 30; i++) {
    const o = sources[i % sources.length];
    const [sn, sk] = SURNAMES[i % SURNAMES.length];
    const [gn, gk, sex] = GIVEN[(i * 3) % GIVEN.length];
    const number = `J${String(352 + i * 137).padStart(7, "0")}`;
    const birth = weekday(rng, "1940-01-01", "2010-12-31");
    const isZ09 = i % 2 === 0 && z09 < Z09_ADDRESSES.length;
    let name = `${sn} ${gn}`;
    let kana = `${sk} ${gk}`;
    let address = `${PREFECTURES[o.pref - 1]}${o.municipality}${rng.pick(["本町", "栄町", "緑町"])}${rng.int(1, 9)}-${rng.int(1, 30)}-${rng.int(1, 20)}`;
    let code = "Z04";
    if (isZ09) {
      address = Z09_ADDRESSES[z09++];
      code = "Z09";
    } else if (i % 4 === 1) {
      name = `${name} `; // trailing space
    } else {
      name = `${sn}  ${gn}`; // double space
      if (i % 3 === 0) kana = `${kana}　`;
    }
    if (i === 7) address = `${PREFECTURES[o.pref - 1]}${o.municipality}●野町2-3-4`; // 外字
    let remark: string | null = null;
    if (i === 11) remark = fictionalMyNumber();
    else if (i % 9 === 4) remark = "福祉事務所へ確認中";
    rows.push([o.code, number, name, kana, dateOut(birth), sex, address, code, remark]);
  }
  return { name: SAMPLE_SHEET_NAMES.errors, rows };
}

/** Builds the whole sample. Deterministic: every call returns deep-equal data. */
export function buildSampleBook(): SampleBook {
  const rng = createRng(20_241_202);
  const offices = buildOffices(rng);
  const [earlier, current] = suspensionSheets(rng, offices);
  return {
    sheets: [settingsSheet(), masterSheet(offices), earlier, current, errorsSheet(rng, offices)],
    rounds: SAMPLE_ROUND_DATES.map((asOf) => ({ asOf, list: registrationList(offices, asOf) })),
  };
}

// ---------------------------------------------------------------------------------------------
// Refreshing the master (SPEC §6): a survey batch, two later 閲覧停止 lists. Built from the sample
// book's own sheets with a separate RNG, so the six rounds' figures above never move.

export interface SampleRefresh {
  /** A batch of survey answers dated after the report's last date, with the form's questions as headers. */
  survey: SampleSheet;
  /** The 2025-01-07 閲覧停止 list as CSV rows (the demo writes it in Shift_JIS and imports it). */
  suspensionCsv: { fileName: string; rows: string[][] };
  /** The 2025-02-04 閲覧停止 list, pasted as a sheet. */
  suspensionLatest: SampleSheet;
}

export const SAMPLE_REFRESH_NAMES = {
  survey: "支払基金_アンケート回答_20250128",
  suspensionCsvFile: "閲覧停止件数一覧_20250107.csv",
  suspensionImported: "支払基金_閲覧停止_20250107",
  suspensionLatest: "支払基金_閲覧停止_20250204",
} as const;

const SURVEY_QUESTIONS = [
  "資格情報の登録における対応状況について以下よりお選びください。",
  "資格情報の登録予定月を以下よりお選びください。",
  "上記3「資格情報の登録予定月」で「令和6年10月」～「令和7年4月以降」を選択した場合、以下についてご教示ください。",
] as const;

const csvText = (v: OutCell): string => (v === null ? "" : typeof v === "object" ? v.date.replaceAll("-", "/") : String(v));

/**
 * The refresh inputs: three unregistered survey offices answer again on 2025-01-28 (one by code,
 * one by name only with its prefecture in front, one by name and an older date than マスタ's), plus
 * an office the master does not know (the sample's names are unique, so no name is ambiguous here;
 * test/commands/apply-survey.test.ts covers that); the 閲覧停止 lists of January (CSV) and February (sheet), in
 * which most offices of December's list stay with fewer counts, some leave, and two appear.
 */
export function buildSampleRefresh(book: SampleBook = buildSampleBook()): SampleRefresh {
  const rng = createRng(20_250_128);
  const master = book.sheets.find((s) => s.name === SAMPLE_SHEET_NAMES.master)!;
  const header = master.rows[SAMPLE_MASTER_HEADER_INDEX] as string[];
  const col = (h: string) => header.indexOf(h);
  const [cCode, cName, cStart, cTarget, cAnswerDate, cPref] = ["保険者コード", "福祉事務所名 ※保険者コード単位", "資格情報登録開始日", "アンケート対象", "アンケート回答日", "都道府県"].map(col);
  const offices = master.rows.slice(SAMPLE_MASTER_HEADER_INDEX + 1);
  const names = new Map<string, number>();
  for (const r of offices) names.set(String(r[cName]), (names.get(String(r[cName])) ?? 0) + 1);
  const open = offices.filter((r) => r[cTarget] === "○" && r[cStart] === null && r[cAnswerDate] !== null && names.get(String(r[cName])) === 1);
  const [byCode, byName, older] = [open[0], open[1], open[2]];
  const survey: SampleSheet = {
    name: SAMPLE_REFRESH_NAMES.survey,
    rows: [
      ["保険者コード", "福祉事務所名", ...SURVEY_QUESTIONS, "回答日時"],
      [byCode[cCode], byCode[cName], "3_準備中（システム改修済み、「資格情報の登録を開始するための条件」に対応中）", "9_令和7年3月", "外部接続テストの日程調整中のため。", "2025/01/28 10:15"],
      [null, `${byName[cPref]} ${byName[cName]}`, "4_システム改修中（既にシステム改修に着手）", "12_令和7年4月以降", "あらたな生活保護システムの導入に着手しており、移行に半年程度の期間を要するため。", "2025/01/28 14:02"],
      [null, older[cName], "6_システム改修検討中（システム改修未着手で、改修開始日も決まっていない）", "13_未定", "", "2024/06/03 09:00"],
      [null, "架空外市福祉事務所", "1_登録済み", "1_登録済み", "", "2025/01/28 16:40"],
    ],
  };
  const december = book.sheets.find((s) => s.name === SAMPLE_SHEET_NAMES.suspension)!;
  const listed = december.rows.slice(SAMPLE_SUSPENSION_HEADER_INDEX + 1);
  const newcomers = offices.filter((r) => r[cStart] !== null && !listed.some((l) => l[1] === r[cCode])).slice(0, 2);
  const later = (rows: OutCell[][], date: IsoDate, keep: number, add: OutCell[][]): OutCell[][] => {
    const out = rows
      .filter(() => rng.next() < keep)
      .map((r) => {
        const shrink = (n: OutCell) => Math.floor(Number(n) * (0.6 + rng.next() * 0.3));
        const [qa, ql, ma, ml] = [shrink(r[4]), shrink(r[5]), shrink(r[7]), shrink(r[8])];
        return [r[0], r[1], r[2], r[3], qa, ql, qa + ql, ma, ml, ma + ml, dateOut(date)];
      });
    return [...out, ...add.map((r) => [...r.slice(0, 10), dateOut(date)])];
  };
  const fresh = newcomers.map((r): OutCell[] => ["医療扶助", r[cCode], r[cName], dateOut("2024-12-20"), 3, 1, 4, 20, 5, 25]);
  const head = december.rows.slice(0, SAMPLE_SUSPENSION_HEADER_INDEX + 1).map((r) => [...r]);
  head[0][0] = "閲覧停止件数一覧（架空データ・令和7年2月4日時点）";
  const january = later(listed, "2025-01-07", 0.85, fresh.slice(0, 1));
  const february = later(january, "2025-02-04", 0.8, fresh.slice(1));
  // The CSV has one flat header row (資格情報_合計 …), as the Payment Fund's files do.
  const flat = ["制度", "保険者コード", "保険者名", "初回検知日", "資格情報_加入中", "資格情報_資格喪失", "資格情報_合計", "医療情報_加入中", "医療情報_資格喪失", "医療情報_合計", "データ基準日"];
  return {
    survey,
    suspensionCsv: { fileName: SAMPLE_REFRESH_NAMES.suspensionCsvFile, rows: [flat, ...january.map((r) => r.map(csvText))] },
    suspensionLatest: { name: SAMPLE_REFRESH_NAMES.suspensionLatest, rows: [...head, ...february] },
  };
}
