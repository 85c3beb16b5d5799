/**
 * Mail templates (テンプレート sheet: 名前 | 件名 | 本文) and their placeholders. The defaults are the
 * three mails 保護課 sends (SPEC §6): リマインド (survey not answered), 状況確認 (the 状況確認メール of
 * §4's 公文書 targeting) and 公文書予告 (offices that get a 公文書).
 */
import type { SheetGrid } from "../grid";
import { headerKey } from "../schema/table";
import { normalizeText } from "../text";

export interface MailTemplate {
  name: string;
  subject: string;
  body: string;
}

/** Which offices a template is for (by its name; an unknown name is refused, never guessed). */
export type MailTarget = "survey-unanswered" | "status-mail" | "document";

export const TEMPLATE_SHEET = "テンプレート";
export const TEMPLATE_HEADER = ["名前", "件名", "本文"] as const;

/** The placeholders a template may use, each with what it stands for (shown on the テンプレート sheet). */
export const PLACEHOLDERS: readonly { key: string; meaning: string }[] = [
  { key: "福祉事務所名", meaning: "マスタの福祉事務所名" },
  { key: "自治体名", meaning: "マスタの自治体名（空欄なら福祉事務所名）" },
  { key: "都道府県", meaning: "マスタの都道府県" },
  { key: "保険者コード", meaning: "8桁の保険者コード" },
  { key: "登録予定時期", meaning: "最新の登録予定時期（なければアンケート回答、未回答なら「未回答」）" },
  { key: "公文書発出月", meaning: "公文書対象の発出月（例: 令和7年3月）" },
  { key: "基準日", meaning: "基準日（例: 令和7年1月23日）" },
];

export const DEFAULT_TEMPLATES: readonly MailTemplate[] = [
  {
    name: "リマインド",
    subject: "【ご回答のお願い】医療扶助のオンライン資格確認に係る資格情報登録予定時期のアンケートについて（{福祉事務所名}）",
    body: [
      "{自治体名}",
      "{福祉事務所名} ご担当者様",
      "",
      "いつもお世話になっております。厚生労働省 社会・援護局 保護課です。",
      "先日ご依頼しました、医療扶助のオンライン資格確認に係る資格情報の登録予定時期に関するアンケートについて、",
      "{基準日}時点でご回答を確認できておりません。",
      "お手数ですが、アンケートフォームよりご回答くださいますようお願いいたします。",
      "",
      "（保険者コード: {保険者コード}）",
    ].join("\n"),
  },
  {
    name: "状況確認",
    subject: "【状況確認】医療扶助のオンライン資格確認に係る資格情報の登録状況について（{福祉事務所名}）",
    body: [
      "{自治体名}",
      "{福祉事務所名} ご担当者様",
      "",
      "いつもお世話になっております。厚生労働省 社会・援護局 保護課です。",
      "{基準日}時点で、貴福祉事務所の資格情報の登録を確認できておりません（登録予定時期: {登録予定時期}）。",
      "現在の対応状況と、資格情報の登録開始予定時期（月）を本メールへの返信にてご教示ください。",
      "",
      "（保険者コード: {保険者コード}）",
    ].join("\n"),
  },
  {
    name: "公文書予告",
    subject: "【事前のご連絡】資格情報登録時期のご回答に係る公文書の発出について（{福祉事務所名}）",
    body: [
      "{自治体名}",
      "{福祉事務所名} ご担当者様",
      "",
      "いつもお世話になっております。厚生労働省 社会・援護局 保護課です。",
      "{基準日}時点で貴福祉事務所の資格情報の登録を確認できていないため、",
      "{公文書発出月}に、資格情報の登録時期のご回答を求める公文書を発出する予定です。",
      "それまでに登録を開始された場合は、本メールへの返信にてお知らせください。",
      "",
      "（保険者コード: {保険者コード}、登録予定時期: {登録予定時期}）",
    ].join("\n"),
  },
];

/** The offices a template targets: by its name (リマインド…, 状況確認…, 公文書…), or null when unknown. */
export function targetOf(templateName: string): MailTarget | null {
  const n = headerKey(templateName);
  if (n.startsWith("リマインド")) return "survey-unanswered";
  if (n.startsWith("状況確認")) return "status-mail";
  if (n.startsWith("公文書")) return "document";
  return null;
}

export interface TemplateSheetRead {
  /** The templates of the sheet, in order (the first of a repeated name wins). */
  templates: MailTemplate[];
  /** Whether the sheet has a header row 名前 | 件名 | 本文 (else the defaults are used). */
  found: boolean;
}

/** Reads テンプレート: the header row is the first of the first 15 rows holding 名前, 件名 and 本文. */
export function readTemplates(grid: SheetGrid | undefined): TemplateSheetRead {
  if (!grid) return { templates: [], found: false };
  const rows = grid.values;
  for (let r = 0; r < Math.min(15, rows.length); r++) {
    const keys = rows[r].map((c) => headerKey(normalizeText(c)));
    const cols = TEMPLATE_HEADER.map((h) => keys.indexOf(h));
    if (cols.some((c) => c < 0)) continue;
    const templates: MailTemplate[] = [];
    for (const row of rows.slice(r + 1)) {
      const [name, subject, body] = cols.map((c) => (row[c] === null || row[c] === undefined ? "" : String(row[c])));
      // Notes under the table (the placeholder list) have a name cell but no subject or body.
      if (name.trim() === "" || (subject.trim() === "" && body.trim() === "") || templates.some((t) => t.name === name.trim())) continue;
      templates.push({ name: name.trim(), subject, body: body.replace(/\r\n?/g, "\n") });
    }
    return { templates, found: true };
  }
  return { templates: [], found: false };
}

/** The text with each {placeholder} replaced; a placeholder without a value stays as written. */
export function fillPlaceholders(text: string, values: Readonly<Record<string, string>>): string {
  return text.replace(/\{([^{}]+)\}/gu, (all, key: string) => (Object.prototype.hasOwnProperty.call(values, key.trim()) ? values[key.trim()] : all));
}
