/**
 * The rule engine: classify each sheet, find its table once, run every enabled rule over it, and
 * turn the rules' reports into findings. Pure: the validate command reads the sheets and calls this.
 */
import type { IsoDate, RawCell } from "./cell";
import { countBySeverity, summarizeByRule, type Finding, type FindingValue, type RuleSummary, type SeverityCounts } from "./findings";
import { PAYMENT_FUND_PREFIX, SHEET_NAMES, paymentFundKindFromName, type SheetKind } from "./schema/fields";
import { formatSlashDate, isDateFormat, serialToIso } from "./dates";
import { cellAddress, detectPaymentFundKind, fieldValue, readTable, type Table } from "./schema/table";
import { formatMessage, type ReportDescriptor, type Rule, type SheetContext } from "./rules/rule";
import { holdsProbableMyNumber, parseOfficeCode } from "./codes";
import type { SheetGrid } from "./grid";
import { readColumnChoices } from "./column-choices";
import { sheetKey } from "./sheet-names";

export interface ValidateOptions {
  asOf: IsoDate;
  /** Rule ids switched off (from 設定 無効ルール or the caller). */
  disabledRules?: readonly string[];
  rules: readonly Rule[];
  /** Every rule id there is (the registry's), so that a misspelt id in 無効ルール is reported. */
  knownRules?: readonly string[];
  /** When given, each rule's total check time in ms is added here (like ESLint's TIMING=1). */
  timings?: Map<string, number>;
}

export interface ValidationResult {
  issues: Finding[];
  counts: SeverityCounts;
  byRule: RuleSummary[];
}

/** The kind of a sheet by its name, or for `支払基金_` sheets by name then headers. */
export function classifySheet(grid: SheetGrid): SheetKind | null {
  // Names are compared after NFKC and trimming: a tab named `マスタ ` is マスタ.
  const name = sheetKey(grid.name);
  if (name === SHEET_NAMES.settings) return "settings";
  if (name === SHEET_NAMES.master) return "master";
  if (name.startsWith(PAYMENT_FUND_PREFIX)) return paymentFundKindFromName(name) ?? detectPaymentFundKind(grid);
  return null;
}

/** Normalised 保険者コード values of a master table. */
export function masterCodeSet(master: Table | null): Set<string> | null {
  if (!master || !master.fieldIndex.has("code")) return null;
  const codes = new Set<string>();
  for (const row of master.officeRows) {
    const parsed = parseOfficeCode(fieldValue(master, row, "code"));
    if (parsed.ok) codes.add(parsed.value);
  }
  return codes;
}

/** The value a finding may show: never a probable 個人番号, whichever rule reports the cell. */
function findingValue(v: RawCell | undefined): FindingValue {
  return v === undefined || holdsProbableMyNumber(v) ? null : v;
}

/**
 * A reported value as the user sees it in the cell: a number in a cell formatted as a date is shown
 * as Excel shows that date (`2025/6/1`, never the serial `45809`). A number the user sees as a
 * number (General format, e.g. the `2025` of date-implausible), or whose format is unknown, stays.
 */
export function shownValue(v: FindingValue, format: string | undefined): FindingValue {
  if (typeof v !== "number" || !isDateFormat(format)) return v;
  const iso = serialToIso(v);
  return iso === null ? v : formatSlashDate(iso);
}

/** Finds tables once and runs the rules; `grids` in workbook order. */
export function validateSheets(grids: readonly SheetGrid[], options: ValidateOptions): ValidationResult {
  const disabled = new Set(options.disabledRules ?? []);
  const rules = options.rules.filter((r) => !disabled.has(r.meta.id));
  const kinds = grids.map(classifySheet);
  const choices = readColumnChoices(grids[kinds.indexOf("settings")]);
  const tables = grids.map((g, i) => {
    const kind = kinds[i];
    return kind ? readTable(g, kind, kind === "settings" ? undefined : choices) : null;
  });
  const masterIndex = kinds.indexOf("master");
  const masterCodes = masterCodeSet(masterIndex >= 0 ? tables[masterIndex] : null);

  const issues: Finding[] = [];
  grids.forEach((grid, i) => {
    const table = tables[i];
    const ctx: SheetContext = {
      sheet: grid.name,
      grid,
      kind: kinds[i],
      // Rules check the rows that may be offices: totals, headings, units, notes and stray cells
      // below the table are row-not-office's alone (reported once, never once per cell).
      table: table ? { ...table, rows: table.checkedRows } : null,
      fullTable: table,
      asOf: options.asOf,
      masterCodes,
      knownRules: options.knownRules,
      hasMaster: masterIndex >= 0,
      firstSheet: i === 0,
    };
    for (const rule of rules) {
      const { sheets } = rule.meta;
      if (sheets !== "any" && (ctx.kind === null || !sheets.includes(ctx.kind))) continue;
      const context = { ...ctx, report: reporterFor(ctx, rule, issues) };
      if (!options.timings) {
        rule.check(context);
        continue;
      }
      const start = performance.now();
      rule.check(context);
      options.timings.set(rule.meta.id, (options.timings.get(rule.meta.id) ?? 0) + performance.now() - start);
    }
  });
  issues.sort(compareFindings(grids.map((g) => g.name)));
  return { issues, counts: countBySeverity(issues), byRule: summarizeByRule(issues) };
}

/**
 * The cell a finding points at, so that clicking it selects something: its own cell, else for a
 * row of the table the row's first table cell, for the header row the header's first cell, and for
 * anything else (a whole sheet) A1.
 */
function findingCell(ctx: SheetContext, row: number, col: number | undefined): string {
  if (col !== undefined) return cellAddress(row, col);
  const table = ctx.fullTable;
  if (table && row >= table.headerRow && row >= 1) {
    const first = table.columns.find((c) => c.header !== "");
    return cellAddress(row, first ? first.col : table.grid.left);
  }
  if (row >= 1 && ctx.grid.values.length > 0 && row > ctx.grid.top) return cellAddress(row, ctx.grid.left);
  return "A1";
}

/**
 * The report function a rule's context carries: formats the message from meta.messages (the one
 * place messages are made) and fills in sheet, address, column header, field key and severity.
 */
function reporterFor(ctx: SheetContext, rule: Rule, sink: Finding[]): (descriptor: ReportDescriptor) => void {
  const { id, severity, messages } = rule.meta;
  return (input) => {
    // A rule bug, not bad input: defineRule's types already forbid it (as ESLint throws here).
    if (!Object.hasOwn(messages, input.messageId)) throw new Error(`rule ${id}: messageId "${input.messageId}" is not in meta.messages`);
    const at = input.col !== undefined ? ctx.table?.columns[input.col - ctx.grid.left] : undefined;
    const data = input.note === undefined ? input.data : { ...input.data, note: input.note };
    const finding: Finding = {
      sheet: ctx.sheet,
      row: input.row,
      column: input.column ?? at?.header ?? "",
      cell: findingCell(ctx, input.row, input.col),
      rule: id,
      severity,
      message: formatMessage(messages[input.messageId], data),
      value: input.col !== undefined ? displayed(ctx, input.row, input.col, findingValue(input.value)) : findingValue(input.value),
      messageId: input.messageId,
      field: input.field ?? (input.column === undefined ? at?.field : undefined) ?? "",
    };
    if (input.note !== undefined) finding.note = input.note;
    sink.push(finding);
  };
}

function displayed(ctx: SheetContext, row: number, col: number, value: FindingValue): FindingValue {
  if (typeof value !== "number") return value;
  return shownValue(value, ctx.grid.formats?.[row - ctx.grid.top]?.[col - ctx.grid.left]);
}

function columnOrder(cell: string): number {
  let n = 0;
  for (const ch of cell) {
    const c = ch.charCodeAt(0);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n;
}

function compareFindings(sheetOrder: string[]) {
  const pos = new Map(sheetOrder.map((n, i) => [n, i]));
  return (a: Finding, b: Finding) =>
    (pos.get(a.sheet) ?? 0) - (pos.get(b.sheet) ?? 0) ||
    a.row - b.row ||
    columnOrder(a.cell) - columnOrder(b.cell) ||
    a.rule.localeCompare(b.rule);
}
