/**
 * The choices the task pane offers before running a command: which pasted 支払基金 lists a command
 * can take. One listSheets each; the command itself still checks the sheet it is given.
 */
import { PAYMENT_FUND_PREFIX, paymentFundKindFromName } from "../domain/schema/fields";
import type { WorkbookPort } from "../workbook/port";
import { newestRegistrationSheet } from "./applyRegistrations";
import type { Step } from "./steps";

export type ListKind = "registration" | "suspension";

export interface CandidateSheets {
  /** Sheets the user may pick, in tab order. */
  sheets: string[];
  /** The one to pre-select ("" when there is none). */
  suggested: string;
}

/** `支払基金_…` sheets that announce (or may be) a 登録状況 list: every kind but 閲覧停止 and エラー明細. */
export const registrationSheets = (names: readonly string[]): string[] =>
  names.filter((n) => n.startsWith(PAYMENT_FUND_PREFIX) && !["pf-suspension", "pf-errors", "pf-survey"].includes(paymentFundKindFromName(n) ?? ""));

/** `支払基金_…` sheets whose name says 閲覧停止. */
export const suspensionSheets = (names: readonly string[]): string[] =>
  names.filter((n) => n.startsWith(PAYMENT_FUND_PREFIX) && paymentFundKindFromName(n) === "pf-suspension");

/** The candidates for a list of `kind`, with the newest pre-selected. */
export function candidateSheets(names: readonly string[], kind: ListKind): CandidateSheets {
  if (kind === "registration") {
    const sheets = registrationSheets(names);
    return { sheets, suggested: newestRegistrationSheet(sheets) ?? sheets[0] ?? "" };
  }
  const sheets = suspensionSheets(names);
  return { sheets, suggested: sheets[sheets.length - 1] ?? "" };
}

export async function listCandidateSheets(port: WorkbookPort, kind: ListKind): Promise<CandidateSheets> {
  return candidateSheets(await port.listSheets(), kind);
}

export const listCandidateSheetsSteps = (): Step[] => ["list"];
