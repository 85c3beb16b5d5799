/**
 * Commands declare their steps (`…Steps(options)`); the task pane's progress bar is as long as the
 * declaration. These tests run each command through a port that records its calls and check the
 * declaration against what the command really did.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { aggregate, aggregateSteps } from "../../src/commands/aggregate";
import { applyRegistrations, applyRegistrationsSteps } from "../../src/commands/applyRegistrations";
import { diff, diffSteps } from "../../src/commands/diff";
import { listSnapshotDates, listSnapshotDatesSteps } from "../../src/commands/history";
import { listCandidateSheets, listCandidateSheetsSteps } from "../../src/commands/lists";
import { maskedCopy, maskedCopySteps } from "../../src/commands/maskCopy";
import { emptyValues, loadSettings, loadSettingsSteps, saveSettings, saveSettingsSteps } from "../../src/commands/settings";
import { snapshot, snapshotSteps } from "../../src/commands/snapshot";
import type { Step } from "../../src/commands/steps";
import { mailDrafts, mailDraftsSteps } from "../../src/commands/mailDrafts";
import { report, reportSteps } from "../../src/commands/report";
import { summary, summarySteps } from "../../src/commands/summary";
import { validate, validateSteps } from "../../src/commands/validate";
import { applySurvey, applySurveySteps } from "../../src/commands/applySurvey";
import { importFile, importFileSteps } from "../../src/commands/importFile";
import { trend, trendSteps } from "../../src/commands/trend";
import { buildSampleRefresh } from "../../src/demo/sample";
import { buildSampleBook } from "../../src/demo/sample";
import { memoryScratchWorkbook } from "../../src/workbook/memory";
import type { WorkbookPort } from "../../src/workbook/port";
import { buildXlsx, pasteSheet, type XlsxWorkbook } from "../../src/workbook/xlsx/adapter";

/** A port that records which port call each step was. */
function recording(port: WorkbookPort): { port: WorkbookPort; calls: Step[] } {
  const calls: Step[] = [];
  return {
    calls,
    port: {
      listSheets: () => (calls.push("list"), port.listSheets()),
      readSheets: (names) => (calls.push("read"), port.readSheets(names)),
      commit: (batch) => (calls.push("write"), port.commit(batch)),
    },
  };
}

/** Declared steps that are port calls (build / open are reported by the caller, not the port). */
const portSteps = (steps: readonly Step[]): Step[] => steps.filter((s) => s === "list" || s === "read" || s === "write");

describe("declared steps match the port calls", () => {
  let book: XlsxWorkbook;
  beforeAll(async () => {
    const sample = buildSampleBook();
    book = buildXlsx(sample.sheets);
    for (const round of sample.rounds.slice(0, 2)) {
      pasteSheet(book, round.list);
      await applyRegistrations(book, { now: new Date(`${round.asOf}T01:00:00Z`) });
      await snapshot(book, { asOf: round.asOf });
    }
    // Round 3 changes nothing; round 4 changes five offices (the newest list is the default).
    for (const round of sample.rounds.slice(2, 4)) pasteSheet(book, round.list);
    pasteSheet(book, buildSampleRefresh(sample).survey);
  }, 60_000);

  // An エラー明細 file (a registration list would be one more candidate for apply-registrations below).
  const csv = new TextEncoder().encode("保険者コード,被保険者番号,氏名,住所\r\n12010018,J0000001,見本 花子,架空県架空市1-2\r\n");

  const cases: [string, () => readonly Step[], (p: WorkbookPort) => Promise<unknown>][] = [
    ["validate", () => validateSteps(), (p) => validate(p, { asOf: "2024-12-02" })],
    ["validate, writing 検証結果", () => validateSteps({ write: true }), (p) => validate(p, { asOf: "2024-12-02", write: true })],
    ["apply-registrations preview", () => applyRegistrationsSteps({ dryRun: true }), (p) => applyRegistrations(p, { dryRun: true })],
    ["snapshot", () => snapshotSteps(), (p) => snapshot(p, { asOf: "2025-01-31" })],
    ["diff", () => diffSteps(), (p) => diff(p, {})],
    ["summary", () => summarySteps(), (p) => summary(p, { asOf: "2025-01-23" })],
    ["aggregate", () => aggregateSteps(), (p) => aggregate(p, {})],
    ["閲覧停止推移", () => trendSteps(), (p) => trend(p)],
    ["閲覧停止推移 preview", () => trendSteps({ dryRun: true }), (p) => trend(p, { dryRun: true })],
    ["apply-survey preview", () => applySurveySteps({ dryRun: true }), (p) => applySurvey(p, { dryRun: true })],
    ["import preview", () => importFileSteps({ dryRun: true }), (p) => importFile(p, { fileName: "a_20250204.csv", bytes: csv, dryRun: true })],
    ["import", () => importFileSteps(), (p) => importFile(p, { fileName: "a_20250204.csv", bytes: csv })],
    ["snapshot dates", () => listSnapshotDatesSteps(), (p) => listSnapshotDates(p)],
    ["candidate lists", () => listCandidateSheetsSteps(), (p) => listCandidateSheets(p, "registration")],
    ["masked copy", () => maskedCopySteps(), (p) => maskedCopy(p, { scratch: memoryScratchWorkbook, salt: "s" })],
    ["report (reads once, writes nothing)", () => reportSteps(), (p) => report(p, { asOf: "2024-12-17" })],
    ["mail drafts", () => mailDraftsSteps(), (p) => mailDrafts(p, { asOf: "2024-12-17", template: "状況確認" })],
    ["設定 read", () => loadSettingsSteps(), (p) => loadSettings(p)],
    ["設定 save", () => saveSettingsSteps(), (p) => saveSettings(p, { ...emptyValues(), largeThreshold: "900" })],
    // Last: it changes マスタ, which the cases above do not depend on.
    ["apply-registrations", () => applyRegistrationsSteps(), (p) => applyRegistrations(p, { now: new Date("2025-01-21T01:00:00Z") })],
    ["apply-survey", () => applySurveySteps(), (p) => applySurvey(p, { now: new Date("2025-01-28T01:00:00Z") })],
  ];

  it.each(cases)("%s", async (_, declared, run) => {
    const r = recording(book);
    await run(r.port);
    expect(r.calls).toEqual(portSteps(declared()));
  });

  it("apply-registrations declares at most what it does: with nothing to change it only reads", async () => {
    const r = recording(book);
    const result = await applyRegistrations(r.port, {});
    expect(result.changed).toEqual([]);
    expect(r.calls).toEqual(portSteps(applyRegistrationsSteps()).slice(0, 2));
  });

  it("the masked copy reports building the copy as its own step, after the reads", () => {
    expect(maskedCopySteps()).toEqual(["list", "read", "build"]);
  });
});
