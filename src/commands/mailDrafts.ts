/**
 * mail-drafts: one mail per office targeted by a template's rule (SPEC §6) — リマインド: unregistered
 * offices in the survey population that have not answered by the as-of date; 状況確認: the offices
 * §4's 公文書 targeting sends a 状況確認メール; 公文書予告: the offices that get a 公文書. Writes the
 * sheet メール文案 (and テンプレート with the defaults when the book has none) and returns the drafts
 * with their .eml text. Nothing is ever sent.
 */
import type { IsoDate } from "../domain/cell";
import { formatJapaneseMonth } from "../domain/dates";
import { ACTIONS, type DocumentEntry } from "../domain/documents";
import { emlOf, mailtoOf } from "../domain/mail/eml";
import {
  DEFAULT_TEMPLATES,
  fillPlaceholders,
  PLACEHOLDERS,
  readTemplates,
  targetOf,
  TEMPLATE_HEADER,
  TEMPLATE_SHEET,
  type MailTarget,
  type MailTemplate,
} from "../domain/mail/templates";
import type { Master, OfficeRecord } from "../domain/master";
import { headerKey } from "../domain/schema/table";
import { sheetNamed } from "../domain/sheet-names";
import { planJapanese } from "../domain/survey";
import type { GeneratedSheet, WorkbookPort } from "../workbook/port";
import { CommandError, readWorkbook, requireMaster, resolveAsOf } from "./context";
import { japaneseEraDate } from "./layouts/diff";
import { readOnlyView } from "./report";
import { READ_WORKBOOK, type Step } from "./steps";
import { summary } from "./summary";

export { DEFAULT_TEMPLATES, PLACEHOLDERS } from "../domain/mail/templates";
export type { MailTemplate } from "../domain/mail/templates";

export const MAIL_SHEET = "メール文案";

export interface MailDraftsOptions {
  asOf?: string;
  /** The template's 名前 on テンプレート (or a default: リマインド, 状況確認, 公文書予告). */
  template: string;
  now?: Date;
}

export interface MailDraft {
  code: string;
  name: string;
  /** From マスタ's メールアドレス column; blank when there is none. */
  to: string;
  subject: string;
  body: string;
  mailto: string;
  /** The .eml file's text (UTF-8, RFC 2047 headers, X-Unsent: 1). */
  eml: string;
}

export interface MailDraftsResult {
  asOf: IsoDate;
  template: MailTemplate;
  target: MailTarget;
  drafts: MailDraft[];
  /** Whether テンプレート was created with the defaults by this run. */
  createdTemplates: boolean;
  /** Whether マスタ has a メールアドレス column. */
  hasAddressColumn: boolean;
}

/** Headers of マスタ read as the office's mail address. */
const ADDRESS_HEADERS = new Set(["メールアドレス", "メール", "Eメール", "E-MAIL", "EMAIL", "MAIL", "電子メール", "電子メールアドレス", "連絡先メールアドレス"]);

function addressColumn(master: Master): number | null {
  const col = master.table.columns.find((c) => ADDRESS_HEADERS.has(headerKey(c.header).toUpperCase()));
  return col ? col.index : null;
}

/** The offices a template targets, in マスタ order, with the 公文書 entry where there is one. */
function targeted(target: MailTarget, offices: readonly OfficeRecord[], documents: readonly DocumentEntry[], asOf: IsoDate): { office: OfficeRecord; doc?: DocumentEntry }[] {
  if (target === "survey-unanswered") {
    return offices
      .filter((o) => o.code && (o.startDate === null || o.startDate > asOf) && o.surveyTarget && (o.answerDate === null || o.answerDate > asOf))
      .map((office) => ({ office }));
  }
  const action = target === "status-mail" ? ACTIONS.mail : ACTIONS.document;
  const byRow = new Map(offices.map((o) => [o.row, o]));
  return documents.filter((d) => d.action === action && byRow.has(d.row)).map((doc) => ({ office: byRow.get(doc.row)!, doc }));
}

function templateSheet(): GeneratedSheet {
  return {
    name: TEMPLATE_SHEET,
    widths: [14, 60, 100],
    blocks: [
      {
        title: "メール文案のテンプレート（行を追加・編集できます。名前が「リマインド」「状況確認」「公文書」で始まるものが、それぞれの対象に使われます）",
        header: [...TEMPLATE_HEADER],
        rows: DEFAULT_TEMPLATES.map((t) => [t.name, t.subject, t.body]),
        notes: PLACEHOLDERS.map((p) => `※{${p.key}}: ${p.meaning}`),
      },
    ],
  };
}

function draftsSheet(template: MailTemplate, drafts: readonly MailDraft[], asOf: IsoDate): GeneratedSheet {
  return {
    name: MAIL_SHEET,
    asOf,
    freezeHeader: true,
    widths: [12, 28, 28, 50, 80, 40],
    blocks: [
      {
        title: `メール文案（テンプレート: ${template.name}、${drafts.length} 福祉事務所）※${japaneseEraDate(asOf)}時点。送信はしません`,
        header: ["保険者コード", "福祉事務所名", "宛先", "件名", "本文", "mailto"],
        rows: drafts.map((d) => [d.code, d.name, d.to, d.subject, d.body, d.mailto]),
        tableName: "メール文案",
      },
    ],
  };
}

export async function mailDrafts(port: WorkbookPort, options: MailDraftsOptions): Promise<MailDraftsResult> {
  const asOf = resolveAsOf(options.asOf, options.now);
  const sheetNames = await port.listSheets();
  const templateName = sheetNamed(sheetNames, TEMPLATE_SHEET);
  const wanted = sheetNames.filter((n) => ["マスタ", "設定", TEMPLATE_SHEET].includes(n.normalize("NFKC").trim()));
  const view = readOnlyView(port, await port.readSheets(wanted), sheetNames);
  const ctx = await readWorkbook(view, templateName ? [templateName] : []);
  const master = requireMaster(ctx);
  const read = readTemplates(templateName ? ctx.grids.get(templateName) : undefined);
  const templates = read.found ? read.templates : [...DEFAULT_TEMPLATES];
  const template = templates.find((t) => t.name === options.template.trim());
  if (!template) {
    throw new CommandError(`テンプレート「${options.template}」がありません。使えるテンプレート: ${templates.map((t) => t.name).join("、")}`);
  }
  const target = targetOf(template.name);
  if (!target) {
    throw new CommandError(`テンプレート「${template.name}」の対象が決まりません。名前を「リマインド」「状況確認」「公文書」のいずれかで始めてください。`);
  }

  // The 公文書 targeting exactly as the summary command computes it (its writes are not applied).
  const figures = await summary(view, { asOf });
  const addressCol = addressColumn(master);
  const rowCells = new Map(master.codedRows.map((r) => [r.office.row, r.row.cells]));
  const drafts = targeted(target, master.offices, figures.documents, asOf).map(({ office, doc }): MailDraft => {
    const values: Record<string, string> = {
      福祉事務所名: office.name,
      自治体名: office.municipality || office.name,
      都道府県: office.prefecture,
      保険者コード: office.code ?? "",
      登録予定時期: office.planText || (office.answer ? planJapanese(office.answer) : "未回答"),
      公文書発出月: doc?.month ? formatJapaneseMonth(doc.month) : figures.issueMonths[0] ? formatJapaneseMonth(figures.issueMonths[0]) : "",
      基準日: japaneseEraDate(asOf),
    };
    const address = addressCol === null ? "" : String(rowCells.get(office.row)?.[addressCol] ?? "").trim();
    const d = { to: address, subject: fillPlaceholders(template.subject, values).replace(/\r?\n/gu, " "), body: fillPlaceholders(template.body, values) };
    return { code: office.code ?? "", name: office.name, ...d, mailto: mailtoOf(d), eml: emlOf(d) };
  });

  const createTemplates = !read.found && templateName === null;
  await port.commit({ sheets: [...(createTemplates ? [templateSheet()] : []), draftsSheet(template, drafts, asOf)] });
  return { asOf, template, target, drafts, createdTemplates: createTemplates, hasAddressColumn: addressCol !== null };
}

export const mailDraftsSteps = (): Step[] => [...READ_WORKBOOK, "write"];
