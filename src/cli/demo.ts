/**
 * `npm run demo`: the consultants' whole routine on the bundled fictional workbook. Builds the
 * sample master, validates it, then for each of the six report dates pastes that round's Payment
 * Fund registration list, applies it and takes the snapshot; finally rebuilds the period
 * difference, the survey summary, the documents targeting and the suspension aggregates, prints
 * the 2/4 table with its difference from 1/21, and writes everything to out/demo.xlsx.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { aggregate } from "../commands/aggregate";
import { applyRegistrations } from "../commands/applyRegistrations";
import { diff } from "../commands/diff";
import { snapshot } from "../commands/snapshot";
import { summary } from "../commands/summary";
import { validate, type ValidateResult } from "../commands/validate";
import { buildSampleBook } from "../demo/sample";
import type { OutCell } from "../domain/cell";
import { formatEngineStats, type SimulatedEngine } from "../workbook/office-sim/engine";
import { buildXlsx, pasteSheet, type XlsxWorkbook } from "../workbook/xlsx/adapter";
import type { CliCommand } from "./command";
import { formatInt } from "./format";
import { writeAtomically } from "./io";
import { COMMANDS } from "./registry";

/** The dates of the seed's 架電結果まとめ columns. */
const SURVEY_DATES = ["2024-10-15", "2024-10-29", "2024-11-05", "2024-11-08", "2024-11-19"];
/** The day of the seed's 公文書 table. */
const DOCUMENTS_DAY = "2025-01-23";

export interface DemoResult {
  out: string;
  validate: { counts: ValidateResult["counts"]; byRule: ValidateResult["byRule"] };
  rounds: { asOf: string; sheet: string; changed: number; unregistered: { offices: number; recipients: number } }[];
  diff: unknown;
  summary: unknown;
  aggregate: unknown;
}

const commandNamed = <R>(name: string): CliCommand<R> => COMMANDS.find((c) => c.name === name) as CliCommand<R>;

/**
 * Runs the routine, printing readable tables through `print` and progress through `log`; returns
 * the JSON of every step (each command's SPEC §5 shape) for `onshi demo --json`.
 */
export async function runDemo(
  outPath: string,
  log: (s: string) => void,
  print: (s: string) => void,
  engineFor: (book: XlsxWorkbook) => Promise<(SimulatedEngine & { label: string }) | null> = async () => null,
): Promise<DemoResult> {
  const sample = buildSampleBook();
  const xlsx = buildXlsx(sample.sheets);
  // With --engine office-sim every command runs through the Office adapter on the simulated host;
  // the xlsx book receives the same writes and is what out/demo.xlsx is written from.
  const engine = await engineFor(xlsx);
  const book = engine?.port ?? xlsx;
  const paste = (list: { name: string; rows: OutCell[][] }): void =>
    engine ? engine.paste(list, (l) => pasteSheet(xlsx, l)) : pasteSheet(xlsx, list);
  const lastDay = sample.rounds.at(-1)!.asOf;

  log("架空のサンプルブックを作成しました（マスタ 1,104 福祉事務所）。");
  print("■ 1. 検証");
  const findings = await validate(book, { asOf: lastDay });
  // The demo shows the per-rule summary; every finding goes to the 検証結果 sheet of out/demo.xlsx.
  print(commandNamed<ValidateResult>("validate").render(findings).split("\n指摘\n")[0]);

  print("\n■ 2. 支払基金データ取込とスナップショット");
  const rounds: DemoResult["rounds"] = [];
  for (const round of sample.rounds) {
    paste(round.list);
    const applied = await applyRegistrations(book, { sheet: round.list.name });
    const snap = await snapshot(book, { asOf: round.asOf });
    const unregistered = { offices: snap.unregistered.offices, recipients: snap.unregistered.recipients };
    rounds.push({ asOf: round.asOf, sheet: round.list.name, changed: applied.changed.length, unregistered });
    print(
      `${round.asOf}: ${round.list.name} を反映（変更 ${applied.changed.length} 件）→ 未登録 ${unregistered.offices} 福祉事務所 / 被保護者 ${formatInt(unregistered.recipients)} 人`,
    );
  }

  const step = async <R>(title: string, name: string, run: () => Promise<R>): Promise<unknown> => {
    const command = commandNamed<R>(name);
    const result = await run();
    print(`\n${title}`);
    print(command.render(result));
    return command.toJson(result);
  };
  const diffJson = await step("■ 3. 期間差分（最新の2回）", "diff", () => diff(book, {}));
  const summaryJson = await step(`■ 4. 架電結果まとめ・予定時期分布・優先対応・公文書対象（基準日 ${DOCUMENTS_DAY}）`, "summary", () =>
    summary(book, { asOf: DOCUMENTS_DAY, dates: SURVEY_DATES }),
  );
  const aggregateJson = await step("■ 5. 閲覧停止集計", "aggregate", () => aggregate(book, {}));

  await validate(book, { asOf: lastDay, write: true });
  mkdirSync(path.dirname(outPath), { recursive: true });
  await writeAtomically(outPath, new Uint8Array(await xlsx.book.xlsx.writeBuffer()));
  if (engine) log(formatEngineStats(engine.stats(), engine.label));
  log(`\n書き出しました: ${outPath}`);
  return {
    out: outPath,
    validate: { counts: findings.counts, byRule: findings.byRule },
    rounds,
    diff: diffJson,
    summary: summaryJson,
    aggregate: aggregateJson,
  };
}
