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
import { validate } from "../commands/validate";
import { buildSampleBook } from "../demo/sample";
import { buildXlsx, pasteSheet } from "../workbook/xlsx/adapter";
import type { CliCommand } from "./command";
import { formatInt } from "./format";
import { writeAtomically } from "./io";
import { COMMANDS } from "./registry";

/** The dates of the seed's 架電結果まとめ columns. */
const SURVEY_DATES = ["2024-10-15", "2024-10-29", "2024-11-05", "2024-11-08", "2024-11-19"];
/** The day of the seed's 公文書 table. */
const DOCUMENTS_DAY = "2025-01-23";

const render = <R>(name: string, result: R): string =>
  (COMMANDS.find((c) => c.name === name) as CliCommand<R>).render(result);

export async function runDemo(outPath: string, log: (s: string) => void, print: (s: string) => void): Promise<void> {
  const sample = buildSampleBook();
  const book = buildXlsx(sample.sheets);
  const lastDay = sample.rounds.at(-1)!.asOf;

  log("架空のサンプルブックを作成しました（マスタ 1,104 福祉事務所）。");
  print("■ 1. 検証");
  const findings = await validate(book, { asOf: lastDay });
  // The demo shows the per-rule summary; every finding goes to the 検証結果 sheet of out/demo.xlsx.
  print(render("validate", findings).split("\n指摘\n")[0]);

  print("\n■ 2. 支払基金データ取込とスナップショット");
  for (const round of sample.rounds) {
    pasteSheet(book, round.list);
    const applied = await applyRegistrations(book, { sheet: round.list.name });
    const snap = await snapshot(book, { asOf: round.asOf });
    print(
      `${round.asOf}: ${round.list.name} を反映（変更 ${applied.changed.length} 件）→ 未登録 ${snap.unregistered.offices} 福祉事務所 / 被保護者 ${formatInt(snap.unregistered.recipients)} 人`,
    );
  }

  print("\n■ 3. 期間差分（最新の2回）");
  print(render("diff", await diff(book, {})));

  print(`\n■ 4. 架電結果まとめ・予定時期分布・優先対応・公文書対象（基準日 ${DOCUMENTS_DAY}）`);
  print(render("summary", await summary(book, { asOf: DOCUMENTS_DAY, dates: SURVEY_DATES })));

  print("\n■ 5. 閲覧停止集計");
  print(render("aggregate", await aggregate(book, {})));

  await validate(book, { asOf: lastDay, write: true });
  mkdirSync(path.dirname(outPath), { recursive: true });
  await writeAtomically(outPath, new Uint8Array(await book.book.xlsx.writeBuffer()));
  log(`\n書き出しました: ${outPath}`);
}

const outPath = path.resolve(process.argv[2] ?? "out/demo.xlsx");
runDemo(outPath, (s) => process.stderr.write(`${s}\n`), (s) => process.stdout.write(`${s}\n`)).catch((e) => {
  process.stderr.write(`デモを完了できませんでした: ${(e as Error).message}\n`);
  process.exitCode = 2;
});
