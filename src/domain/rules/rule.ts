/**
 * What a rule is: its metadata beside its check, as in ESLint. A rule looks at one sheet at a time
 * and reports findings through `report`; the engine fills in sheet, address, severity and message.
 */
import type { IsoDate, RawCell } from "../cell";
import type { Severity } from "../findings";
import type { SheetKind } from "../schema/fields";
import type { Table } from "../schema/table";
import type { SheetGrid } from "../../workbook/port";

export interface RuleMeta {
  /** The rule id of SPEC §3 (part of the contract). */
  id: string;
  /** A short Japanese name for lists and sheets (検証番号が合わない). */
  title: string;
  severity: Severity;
  /** Default Japanese message: what is wrong and how to fix it. */
  message: string;
  /** The sheet kinds the rule runs on; 'any' also covers sheets of no known kind. */
  sheets: readonly SheetKind[] | "any";
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
  /** Whether the book has a マスタ sheet (after NFKC and trimming of sheet names). */
  hasMaster?: boolean;
  /** Whether this is the book's first sheet (where book-level findings go). */
  firstSheet?: boolean;
}

export interface ReportInput {
  /** 1-based sheet row. */
  row: number;
  /** 1-based sheet column; omitted for a whole-row finding. */
  col?: number;
  /** Header text; defaults to the header of `col` in the table. */
  column?: string;
  value?: RawCell;
  /** A more specific message than meta.message. */
  message?: string;
}

export type Report = (finding: ReportInput) => void;

export interface Rule {
  meta: RuleMeta;
  check(ctx: SheetContext, report: Report): void;
}

export const defineRule = (rule: Rule): Rule => rule;
