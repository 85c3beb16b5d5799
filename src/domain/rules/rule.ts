/**
 * What a rule is: its metadata beside its check, as in ESLint. A rule looks at one sheet at a time
 * and reports findings through `context.report`; the engine (../validate.ts) formats the message
 * and fills in sheet, address, column header, field key and severity.
 *
 * How a rule is written (one module per rule id, `src/domain/rules/<id>.ts`, registered in a
 * group-*.ts; its table-driven test is `test/rules/<id>.test.ts`):
 *
 *   export default defineRule({
 *     meta: {
 *       id: "code-law",                       // the SPEC §3 id (part of the contract)
 *       title: "法別番号が12・25以外",          // short Japanese name for lists and sheets
 *       severity: "error",
 *       sheets: ["master", "pf-registration"], // the sheet kinds it runs on, or "any"
 *       messages: {                            // every text the rule can produce, by message id
 *         unknownLaw: "保険者コードの法別番号（先頭2桁）が{{law}}です。…を入力してください。",
 *       },
 *     },
 *     check({ table, report }) {
 *       eachOfficeCode(table, (code, cell) => {
 *         if (!isKnownLaw(code)) report({ messageId: "unknownLaw", data: { law: lawNumber(code) }, ...atCell(cell) });
 *       });
 *     },
 *   });
 *
 * - Messages live only in meta.messages (Japanese: what is wrong and how to fix it). `{{name}}` is
 *   replaced by data.name; `{{note}}` by the report's note. Never build a message in check.
 * - report({ messageId, data?, note?, row, col?, column?, field?, value? }): row/col are 1-based sheet
 *   coordinates (no col: a whole-row or whole-sheet finding); `atCell(cell)` gives row, col, field
 *   and value of a cell visited by the loops of ./cells. column defaults to the header at col, field
 *   to its field key unless column is given ('' for none). note is the specific reason in a
 *   parser's words (「2月30日はありません」).
 * - Walk cells with the loops of ./cells (eachFieldCell, eachBlankFieldCell, eachCellOfType,
 *   eachOfficeCode; fieldColumn to read a second column of the visited row; groupRowsByKey and
 *   otherRowsNamed for duplicates), never a hand-written row loop (test/rules/conventions.test.ts).
 * - Converting an old-style rule: move meta.message and every message built in check into
 *   meta.messages (one id per distinct text, its variable parts as {{placeholders}}); check({ …,
 *   report }) instead of check(ctx, report); report({ messageId, data, ...atCell(cell) }) instead of
 *   report({ row, col, value, message }); in its test,
 *   give every expected error a messageId and replace message: stringContaining(…) by data or note.
 * - Tests use testRule (test/rules/tester.ts): valid cases yield nothing; invalid cases give each
 *   finding's messageId and position (row, cell), and data or note where the detail matters — never
 *   prose. The tester fails a report whose messageId is not in meta.messages or whose template
 *   has a placeholder without data.
 */
import type { IsoDate, RawCell } from "../cell";
import type { Severity } from "../findings";
import type { SheetKind } from "../schema/fields";
import type { Table } from "../schema/table";
import type { SheetGrid } from "../grid";

export interface RuleMeta<MessageId extends string = string> {
  /** The rule id of SPEC §3 (part of the contract). */
  id: string;
  /** A short Japanese name for lists and sheets (検証番号が合わない). */
  title: string;
  severity: Severity;
  /** Japanese message templates by message id: what is wrong and how to fix it. */
  messages: Readonly<Record<MessageId, string>>;
  /** The sheet kinds the rule runs on; 'any' also covers sheets of no known kind. */
  sheets: readonly SheetKind[] | "any";
}

/** Values for a template's {{placeholders}}. */
export type MessageData = Readonly<Record<string, string | number>>;

export interface ReportDescriptor<MessageId extends string = string> {
  messageId: MessageId;
  data?: MessageData;
  /** The specific reason (a parser's words); kept on the finding and available as {{note}}. */
  note?: string;
  /** 1-based sheet row. */
  row: number;
  /** 1-based sheet column; omitted for a whole-row or whole-sheet finding. */
  col?: number;
  /** Header text; defaults to the header of `col` in the table. */
  column?: string;
  /** Schema field key (e.g. "recipients"); defaults to the field of `col` when column is not given. */
  field?: string;
  value?: RawCell;
}

export interface SheetContext {
  sheet: string;
  grid: SheetGrid;
  /** null for a sheet the engine does not recognise (only 'any' rules run there). */
  kind: SheetKind | null;
  /** null when the sheet's kind is known but no header row was found. Its rows are the checked rows. */
  table: Table | null;
  /** The table with every row (totals, notes … included), for row-not-office. */
  fullTable?: Table | null;
  asOf: IsoDate;
  /** 保険者コード values of マスタ (normalised), or null when there is no usable master. */
  masterCodes: ReadonlySet<string> | null;
  /** Every rule id of the registry, when the caller gave them (to check 設定's 無効ルール); else undefined. */
  knownRules?: readonly string[];
  /** Whether the book has a マスタ sheet (after NFKC and trimming of sheet names). */
  hasMaster?: boolean;
  /** Whether this is the book's first sheet (where book-level findings go). */
  firstSheet?: boolean;
}

export interface RuleContext<MessageId extends string = string> extends SheetContext {
  report: (descriptor: ReportDescriptor<MessageId>) => void;
}

export interface Rule<MessageId extends string = string> {
  meta: RuleMeta<MessageId>;
  check(context: RuleContext<MessageId>): void;
}

/** Types a rule: report() accepts only the message ids its meta.messages declares. */
export function defineRule<MessageId extends string>(rule: Rule<MessageId>): Rule {
  return rule as unknown as Rule;
}

const PLACEHOLDER = /\{\{\s*([^{}\s]+)\s*\}\}/gu;

/** The placeholder names of a template, in order of appearance. */
export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1]);
}

/** Fills a template's {{name}} from data; a placeholder without data is left as written (as ESLint does). */
export function formatMessage(template: string, data: MessageData | undefined): string {
  if (!data || !template.includes("{{")) return template;
  return template.replace(PLACEHOLDER, (whole, name: string) => (Object.hasOwn(data, name) ? String(data[name]) : whole));
}
