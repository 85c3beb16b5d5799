/**
 * The sheets the engine understands, their fields and the header names (with synonyms) that
 * identify each field. Header cells are matched after `headerKey` normalisation (see headers.ts),
 * so annotations such as `※保険者コード単位`, `(人)` or `（略称）` never matter.
 */
import { z } from "zod";
import type { IsoDate } from "../cell";
import { parseDate } from "../dates";

export const SHEET_KINDS = ["settings", "master", "pf-registration", "pf-suspension", "pf-errors", "pf-survey"] as const;
export type SheetKind = (typeof SHEET_KINDS)[number];
export type PaymentFundKind = Extract<SheetKind, `pf-${string}`>;

export const FieldTypeSchema = z.enum([
  "code", // 保険者コード (8-digit 公費負担者番号)
  "text",
  "count", // whole number ≥ 0
  "date",
  "plan", // survey answer / plan, possibly a revision chain
  "status", // 対応状況
  "prefecture",
  "mark", // ○ flag
  "reply", // 状況確認メール返信: 返信なし / 未定 / a month
  "exclusion", // 除外区分
]);
export type FieldType = z.infer<typeof FieldTypeSchema>;

export const FieldDefSchema = z.object({
  key: z.string(),
  /** The canonical Japanese header, used when the add-in writes the column or names it in a finding. */
  label: z.string(),
  synonyms: z.array(z.string()).default([]),
  type: FieldTypeSchema,
});
export type FieldDef = z.infer<typeof FieldDefSchema>;

export const SheetSchemaSchema = z.object({
  kind: z.enum(SHEET_KINDS),
  /** Japanese name of the sheet kind, for messages. */
  title: z.string(),
  fields: z.array(FieldDefSchema),
  /** Required columns; an inner array means "at least one of". */
  requiredColumns: z.array(z.union([z.string(), z.array(z.string())])),
  /** Fields whose value may not be blank (required-empty). */
  requiredValues: z.array(z.string()),
  /** How many known header names make a header row. */
  minHeaderMatches: z.number().int().positive(),
});
export type SheetSchema = z.infer<typeof SheetSchemaSchema>;

const field = (key: string, label: string, type: FieldType, synonyms: string[] = []) =>
  FieldDefSchema.parse({ key, label, type, synonyms });

const CODE = field("code", "保険者コード", "code", ["保険者番号", "公費負担者番号"]);

/**
 * The survey form's own questions, verbatim as the Payment Fund's answer list and the seed report
 * head their columns (SPEC §6): recognised wherever the short names are.
 */
export const SURVEY_FORM_HEADERS = {
  status: ["資格情報の登録における対応状況について以下よりお選びください。", "資格情報の登録における対応状況"],
  answer: ["資格情報の登録予定月を以下よりお選びください。"],
  reason: [
    "上記3「資格情報の登録予定月」で「令和6年10月」～「令和7年4月以降」を選択した場合、以下についてご教示ください。",
    "上記3「資格情報の登録予定月」で…ご教示ください。",
  ],
  answerDate: ["回答日", "回答日時", "アンケート回答日時"],
} as const;

export const SETTINGS_SCHEMA: SheetSchema = SheetSchemaSchema.parse({
  kind: "settings",
  title: "設定",
  fields: [field("item", "項目", "text"), field("value", "値", "text")],
  requiredColumns: ["item", "value"],
  requiredValues: [],
  minHeaderMatches: 2,
});

export const MASTER_SCHEMA: SheetSchema = SheetSchemaSchema.parse({
  kind: "master",
  title: "マスタ",
  fields: [
    CODE,
    field("name", "福祉事務所名", "text", ["福祉事務所", "保険者名", "事務所名"]),
    field("recipients", "被保護者数", "count", ["被保護者人数", "被保護者"]),
    field("startDate", "資格情報登録開始日", "date", ["登録開始日", "資格情報登録開始時期"]),
    field("prefecture", "都道府県", "prefecture", ["都道府県名"]),
    field("municipality", "自治体名", "text", ["自治体"]),
    field("vendor", "ベンダ", "text", ["ベンダー", "ベンダ名", "ベンダー名", "生活保護システムベンダ", "利用ベンダ"]),
    field("surveyTarget", "アンケート対象", "mark"),
    field("answerDate", "アンケート回答日", "date", [...SURVEY_FORM_HEADERS.answerDate]),
    field("status", "対応状況", "status", [...SURVEY_FORM_HEADERS.status]),
    field("answer", "登録予定月", "plan", ["アンケート回答", "資格情報の登録予定月", ...SURVEY_FORM_HEADERS.answer]),
    field("plan", "登録予定時期", "plan", ["資格情報登録予定時期"]),
    field("reason", "回答理由", "text", [...SURVEY_FORM_HEADERS.reason]),
    field("mailDate", "状況確認メール送付日", "date"),
    field("mailReply", "状況確認メール返信", "reply"),
    field("exclusion", "除外区分", "exclusion"),
    field("meetingDate", "個別打合せ日", "date"),
    field("documentDate", "公文書発出日", "date"),
    field("current", "現状", "text"),
    field("policy", "方針", "text"),
    field("remarks", "備考", "text"),
  ],
  requiredColumns: ["code", "name", "recipients", "startDate"],
  requiredValues: ["code", "name"],
  minHeaderMatches: 3,
});

export const REGISTRATION_SCHEMA: SheetSchema = SheetSchemaSchema.parse({
  kind: "pf-registration",
  title: "支払基金 登録状況",
  fields: [
    CODE,
    field("name", "保険者名", "text", ["福祉事務所名"]),
    field("startDate", "資格情報登録開始日", "date", ["登録開始日"]),
    field("dataDate", "データ基準日", "date"),
  ],
  requiredColumns: ["code", "startDate"],
  requiredValues: ["code"],
  minHeaderMatches: 3,
});

export const SUSPENSION_SCHEMA: SheetSchema = SheetSchemaSchema.parse({
  kind: "pf-suspension",
  title: "支払基金 閲覧停止",
  fields: [
    CODE,
    field("name", "保険者名", "text", ["福祉事務所名"]),
    field("system", "制度", "text"),
    field("firstDetected", "初回検知日", "date", ["初回検知"]),
    field("qualActive", "資格情報_加入中", "count"),
    field("qualLost", "資格情報_資格喪失", "count"),
    field("qualTotal", "資格情報_合計", "count"),
    field("medActive", "医療情報_加入中", "count"),
    field("medLost", "医療情報_資格喪失", "count"),
    field("medTotal", "医療情報_合計", "count"),
    field("dataDate", "データ基準日", "date"),
  ],
  requiredColumns: ["code", ["qualTotal", "medTotal"]],
  requiredValues: ["code"],
  minHeaderMatches: 3,
});

export const ERRORS_SCHEMA: SheetSchema = SheetSchemaSchema.parse({
  kind: "pf-errors",
  title: "支払基金 エラー明細",
  fields: [
    CODE,
    field("insuredNumber", "被保険者番号", "text", ["被保険者記号番号", "被保険者校番"]),
    field("personName", "氏名", "text", ["漢字氏名"]),
    field("personKana", "氏名カナ", "text", ["カナ氏名"]),
    field("birthDate", "生年月日", "date"),
    field("sex", "性別", "text"),
    field("address", "住所", "text"),
    field("errorCode", "エラーコード", "text"),
  ],
  requiredColumns: ["code", ["address", "personName"]],
  requiredValues: ["code"],
  minHeaderMatches: 3,
});

/** The survey form's answers as the Payment Fund shares them (SPEC §6): questions verbatim or short names. */
export const SURVEY_ANSWERS_SCHEMA: SheetSchema = SheetSchemaSchema.parse({
  kind: "pf-survey",
  title: "支払基金 アンケート回答",
  fields: [
    CODE,
    field("name", "福祉事務所名", "text", ["保険者名", "福祉事務所", "事務所名"]),
    field("answerDate", "アンケート回答日", "date", [...SURVEY_FORM_HEADERS.answerDate]),
    field("status", "対応状況", "status", [...SURVEY_FORM_HEADERS.status]),
    field("answer", "登録予定月", "plan", ["資格情報の登録予定月", ...SURVEY_FORM_HEADERS.answer]),
    field("reason", "回答理由", "text", [...SURVEY_FORM_HEADERS.reason]),
  ],
  requiredColumns: [["code", "name"], ["status", "answer", "reason"]],
  requiredValues: [],
  minHeaderMatches: 3,
});

export const SCHEMAS: Record<SheetKind, SheetSchema> = {
  settings: SETTINGS_SCHEMA,
  master: MASTER_SCHEMA,
  "pf-registration": REGISTRATION_SCHEMA,
  "pf-suspension": SUSPENSION_SCHEMA,
  "pf-errors": ERRORS_SCHEMA,
  "pf-survey": SURVEY_ANSWERS_SCHEMA,
};

export const PAYMENT_FUND_KINDS: PaymentFundKind[] = ["pf-registration", "pf-suspension", "pf-errors", "pf-survey"];

/** Sheet names the engine reads or writes. */
export const SHEET_NAMES = {
  settings: "設定",
  master: "マスタ",
  history: "スナップショット履歴",
  snapshot: "スナップショット",
  diff: "期間差分",
  survey: "架電結果まとめ",
  distribution: "予定時期分布",
  priority: "優先対応",
  documents: "公文書対象",
  suspension: "閲覧停止集計",
  findings: "検証結果",
  changeLog: "変更履歴",
  suspensionTrend: "閲覧停止推移",
} as const;

export const PAYMENT_FUND_PREFIX = "支払基金_";

/** Prefix of the master columns the add-in owns. */
export const JUDGE_PREFIX = "判定_";
export const JUDGE_COLUMNS = ["判定_登録状況", "判定_区分", "判定_優先", "判定_遅延", "判定_公文書", "判定_検証"] as const;

/** The list kind a `支払基金_` sheet name announces, if any (e.g. `支払基金_登録状況_20250107`). */
export function paymentFundKindFromName(sheetName: string): PaymentFundKind | null {
  if (sheetName.includes("登録状況")) return "pf-registration";
  if (sheetName.includes("閲覧停止")) return "pf-suspension";
  if (sheetName.includes("エラー明細")) return "pf-errors";
  if (sheetName.includes("アンケート回答")) return "pf-survey";
  return null;
}

/** A date as a sheet name carries it: whole, or only month and day (`_0204`, `（2月4日）`). */
export type NameDate = { kind: "full"; date: IsoDate } | { kind: "monthDay"; month: number; day: number };

const FULL_DATE_IN_NAME = [
  /(?<!\d)(\d{8})(?!\d)/u, // 20250204
  /(?:令和|平成|[RHrh])(?:元|\d{1,2})[年./-]\d{1,2}[月./-]\d{1,2}日?/u, // R7.2.4, 令和7年2月4日
  /(?<!\d)\d{4}[年./-]\d{1,2}[月./-]\d{1,2}日?/u, // 2025-02-04, 2025年2月4日
];
const MONTH_DAY_IN_NAME = [/(?<!\d)(\d{1,2})月(\d{1,2})日/u, /(?<![\d./-])(\d{2})(\d{2})(?![\d./-])/u, /(?<![\d./-])(\d{1,2})[./](\d{1,2})(?![\d./-])/u];

const isMonthDay = (m: number, d: number): boolean => m >= 1 && m <= 12 && d >= 1 && d <= 31;

/**
 * The date a sheet name carries, in any common form: `_20250204`, `_2025-02-04`, `R7.2.4`,
 * `令和7年2月4日`, or without the year `_0204`, `（2月4日）`, `_2.4`.
 */
export function nameDate(name: string): NameDate | null {
  const s = name.normalize("NFKC");
  for (const re of FULL_DATE_IN_NAME) {
    const m = re.exec(s);
    if (!m) continue;
    const d = parseDate(m[0]);
    if (d.ok) return { kind: "full", date: d.value };
  }
  for (const re of MONTH_DAY_IN_NAME) {
    const m = re.exec(s);
    if (m && isMonthDay(Number(m[1]), Number(m[2]))) return { kind: "monthDay", month: Number(m[1]), day: Number(m[2]) };
  }
  return null;
}

/**
 * The full date a `支払基金_` sheet name carries, if any: `支払基金_登録状況_20250107` → 2025-01-07
 * (any date form of SPEC §1 with its year; see nameDate for names without a year).
 */
export function dateInSheetName(name: string): IsoDate | null {
  const d = nameDate(name);
  return d?.kind === "full" ? d.date : null;
}

/** A month and day placed in the year that brings it closest to `near` (`0204` near 2025-01-21 → 2025-02-04). */
export function dateNear(month: number, day: number, near: IsoDate): IsoDate | null {
  const year = Number(near.slice(0, 4));
  const dayNumber = (iso: IsoDate) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
  let best: IsoDate | null = null;
  for (const y of [year - 1, year, year + 1]) {
    const d = parseDate(`${y}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`);
    if (!d.ok) continue;
    if (best === null || Math.abs(dayNumber(d.value) - dayNumber(near)) < Math.abs(dayNumber(best) - dayNumber(near))) best = d.value;
  }
  return best;
}

export function fieldDef(kind: SheetKind, key: string): FieldDef | undefined {
  return SCHEMAS[kind].fields.find((f) => f.key === key);
}
