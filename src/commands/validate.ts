/**
 * validate: run every enabled rule over every sheet. Reads only; the task pane may ask for the
 * findings to be written to 検証結果 as well (`write: true`), the CLI never writes.
 */
import type { IsoDate } from "../domain/cell";
import { type Finding, type RuleSummary, type SeverityCounts } from "../domain/findings";
import { RULE_IDS, RULES, ruleTitle } from "../domain/rules";
import { verificationWrites } from "../domain/judge";
import { SHEET_NAMES } from "../domain/schema/fields";
import { validateSheets } from "../domain/validate";
import type { WorkbookPort } from "../workbook/port";
import { guardsFor, readWorkbook, resolveAsOf, withAsOf } from "./context";
import { findingsSheet } from "./layouts/findings";
import { READ_WORKBOOK, type Step } from "./steps";

// What the 検証 screen shows of a result, besides the result itself.
export { ruleTitle } from "../domain/rules";
export type { Finding, Severity } from "../domain/findings";

export interface ValidateOptions {
  asOf?: string;
  /** Rule ids to switch off in addition to 設定's 無効ルール. */
  disable?: string[];
  /** Write the findings to the 検証結果 sheet. */
  write?: boolean;
}

export interface ValidateResult {
  asOf: IsoDate;
  issues: Finding[];
  counts: SeverityCounts;
  byRule: RuleSummary[];
}

export async function validate(port: WorkbookPort, options: ValidateOptions = {}): Promise<ValidateResult> {
  const asOf = resolveAsOf(options.asOf);
  const ctx = await readWorkbook(port, "all");
  const grids = ctx.sheetNames.filter((n) => ctx.grids.has(n) && n !== SHEET_NAMES.findings).map((n) => ctx.grids.get(n)!);
  const result = validateSheets(grids, {
    asOf,
    rules: RULES,
    knownRules: RULE_IDS,
    disabledRules: [...ctx.settings.disabledRules, ...(options.disable ?? [])],
  });
  if (options.write) {
    // The task pane also marks each master row with what was found on it (判定_検証).
    const ranges = ctx.master ? verificationWrites(ctx.master, result.issues, ruleTitle) : [];
    await port.commit({ ranges, sheets: [withAsOf(findingsSheet(result.issues), asOf)], ...(ctx.master ? { guards: guardsFor(ctx.master) } : {}) });
  }
  return { asOf, ...result };
}

/** Reading, then writing 検証結果 only when asked to. */
export const validateSteps = (options: Pick<ValidateOptions, "write"> = {}): Step[] => (options.write ? [...READ_WORKBOOK, "write"] : [...READ_WORKBOOK]);
