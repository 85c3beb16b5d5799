/**
 * `npm run demo`: the consultants' whole routine on the bundled fictional workbook. Builds the
 * sample master, validates it, then for each of the six report dates pastes that round's Payment
 * Fund registration list, applies it and takes the snapshot; finally rebuilds the period
 * difference, the survey summary, the documents targeting and the suspension aggregates, prints
 * the 2/4 table with its difference from 1/21, and writes everything to out/demo.xlsx.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import Encoding from "encoding-japanese";
import path from "node:path";
import { aggregate } from "../commands/aggregate";
import { applyRegistrations } from "../commands/applyRegistrations";
import { applySurvey } from "../commands/applySurvey";
import { importFile } from "../commands/importFile";
import { diff } from "../commands/diff";
import { report } from "../commands/report";
import { snapshot } from "../commands/snapshot";
import { summary } from "../commands/summary";
import { trend } from "../commands/trend";
import { validate, type ValidateResult } from "../commands/validate";
import { buildSampleBook, buildSampleRefresh } from "../demo/sample";
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
  import: unknown;
  survey: unknown;
  trend: unknown;
  report: { slides: { title: string }[]; out: string };
}

/** CSV text the Payment Fund's way: quoted when needed, CRLF line ends. */
const csvLine = (r: readonly string[]) => r.map((v) => (/[",\r\n]/u.test(v) ? `"${v.replaceAll('"', '""')}"` : v)).join(",");
const shiftJis = (text: string): Uint8Array => Uint8Array.from(Encoding.convert(Encoding.stringToCode(text), { to: "SJIS", from: "UNICODE" }));

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

  // The refresh routine (SPEC §6): a Payment Fund file, the survey batch, the trend of suspensions.
  const refresh = buildSampleRefresh(sample);
  const csvPath = path.join(path.dirname(outPath), refresh.suspensionCsv.fileName);
  const csvBytes = shiftJis(`${refresh.suspensionCsv.rows.map(csvLine).join("\r\n")}\r\n`);
  mkdirSync(path.dirname(outPath), { recursive: true });
  writeFileSync(csvPath, csvBytes);
  const importJson = await step(`■ 6. 支払基金ファイルの取込（${csvPath}、Shift_JIS）`, "import", () =>
    importFile(book, { fileName: refresh.suspensionCsv.fileName, bytes: csvBytes }),
  );
  paste(refresh.suspensionLatest);
  paste(refresh.survey);
  const surveyJson = await step(`■ 7. アンケート回答の取込（${refresh.survey.name}）`, "apply-survey", () => applySurvey(book, { sheet: refresh.survey.name }));
  const trendJson = await step("■ 8. 閲覧停止推移（4か月分の一覧）", "aggregate", async () => {
    const result = await aggregate(book, {});
    return { ...result, trendResult: await trend(book) };
  });

  await validate(book, { asOf: lastDay, write: true });
  mkdirSync(path.dirname(outPath), { recursive: true });
  // The report of the last round, beside the book: the same deck as `onshi report --as-of <last day>`.
  const deck = await report(book, { asOf: lastDay, dates: SURVEY_DATES });
  const reportPath = path.join(path.dirname(outPath), "report.pptx");
  await writeAtomically(reportPath, deck.bytes);
  print(`\n■ 9. 報告資料（${lastDay}時点、${deck.slides.length} 枚）: ${reportPath}`);
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
    import: importJson,
    survey: surveyJson,
    trend: trendJson,
    report: { slides: deck.slides.map((s) => ({ title: s.title })), out: reportPath },
  };
}
