/**
 * Replays the fictional sample's biweekly rounds (paste the 支払基金 list, apply-registrations,
 * snapshot) and checks that summary and aggregate reproduce the seed's figures (SAMPLE_EXPECTED)
 * through the ExcelJS adapter.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { aggregate, type AggregateResult } from "../../src/commands/aggregate";
import { applyRegistrations } from "../../src/commands/applyRegistrations";
import { snapshot } from "../../src/commands/snapshot";
import { summary, type SummaryResult } from "../../src/commands/summary";
import { buildSampleBook, SAMPLE_EXPECTED, SAMPLE_SHEET_NAMES } from "../../src/demo/sample";
import { buildXlsx, loadXlsxBuffer, pasteSheet, type XlsxWorkbook } from "../../src/workbook/xlsx/adapter";

const E = SAMPLE_EXPECTED;

describe("the sample reproduces the seed's summary and suspension tables", () => {
  let atDistribution: SummaryResult;
  let atClasses: SummaryResult;
  let atDocuments: SummaryResult;
  let suspension: AggregateResult;
  let book: XlsxWorkbook;

  beforeAll(async () => {
    const sample = buildSampleBook();
    book = buildXlsx(sample.sheets);
    for (const round of sample.rounds) {
      pasteSheet(book, round.list);
      await applyRegistrations(book, { now: new Date(`${round.asOf}T01:00:00Z`) });
      await snapshot(book, { asOf: round.asOf });
      if (round.asOf === E.distributionAt) atDistribution = await summary(book, { asOf: E.distributionAt });
    }
    book = await loadXlsxBuffer(new Uint8Array(await book.book.xlsx.writeBuffer()));
    atClasses = await summary(book, { asOf: E.classesAt, dates: E.survey.map((c) => c.date) });
    atDocuments = await summary(book, { asOf: E.documents.asOf });
    suspension = await aggregate(book, {});
  }, 120_000);

  it("架電結果まとめ 10/15 … 11/19", () => {
    expect(atClasses.survey).toEqual(E.survey);
    const rows = atClasses.surveyRows.map((r) => [r.label, r.values[r.values.length - 1]]);
    expect(rows).toContainEqual(["令和6年度中に登録予定と回答した福祉事務所", 45]);
    expect(rows).toContainEqual(["「令和7年4月以降登録予定」と回答した福祉事務所", 27]);
  });

  it("予定時期分布 on 12/17 (86 offices)", () => {
    expect(atDistribution.distribution.total).toBe(86);
    expect(atDistribution.distribution.rows.map((r) => ({ plan: r.plan, offices: r.offices }))).toEqual(E.distribution);
  });

  it("区分 ①–④ on 11/28", () => {
    const counts: Record<string, number> = {};
    for (const c of atClasses.classes) if (c.class) counts[c.class] = (counts[c.class] ?? 0) + 1;
    expect(counts).toEqual(E.classes);
    expect(atClasses.classes.filter((c) => c.priority)).toHaveLength(E.classes["①"] + E.classes["②"]);
  });

  it("公文書対象 on 1/23 with I = 2025-03, 2025-04", () => {
    const docs = atDocuments.documents;
    expect(atDocuments.issueMonths).toEqual(E.documents.months);
    expect(docs).toHaveLength(E.documents.total);
    const branches: Record<string, number> = { disaster: 0, "zero-recipients": 0, "meeting-confirmed": 0, "no-mail": 0, "no-reply": 0, undecided: 0, "reply-month": 0 };
    for (const d of docs) branches[d.branch]++;
    expect(branches).toEqual(E.documents.branches);
    const replies: Record<string, number> = {};
    for (const d of docs.filter((x) => x.branch === "reply-month")) {
      const k = `${d.replyMonth}${d.replyOpenEnded ? "以降" : ""}`;
      replies[k] = (replies[k] ?? 0) + 1;
    }
    expect(replies).toEqual(E.documents.replies);
    const byMonth: Record<string, number> = {};
    for (const d of docs) byMonth[d.month ?? "none"] = (byMonth[d.month ?? "none"] ?? 0) + 1;
    expect(byMonth).toEqual(E.documents.byMonth);
    const total = atDocuments.documentTable.rows.at(-1)!;
    expect([total.offices, ...total.documents]).toEqual([76, 48, 22]);
  });

  it("閲覧停止集計 by vendor and prefecture (7,473 56.9% 61% …)", () => {
    expect(suspension.sheet).toBe(SAMPLE_SHEET_NAMES.suspension);
    expect(suspension.previous).toBe(SAMPLE_SHEET_NAMES.suspensionEarlier);
    expect(suspension.basis).toBe("medical");
    expect(suspension.total).toBe(E.suspension.total);
    expect(suspension.byVendor.map((v) => [v.vendor, v.count, Math.round(v.officeShare * 100)])).toEqual(
      E.suspension.vendors.map((v) => [v.vendor, v.count, v.officeSharePct]),
    );
    expect((suspension.byVendor[0].share * 100).toFixed(1)).toBe("56.9");
    expect(suspension.byPrefecture.slice(0, 10).map((p) => [p.prefecture, p.count, Math.round(p.recipientShare * 100)])).toEqual(
      E.suspension.prefectures.map((p) => [p.prefecture, p.count, p.recipientSharePct]),
    );
    expect(suspension.top).toHaveLength(10);
    expect(suspension.remaining!.length).toBeGreaterThan(0);
  });

  it("writes every generated sheet and highlights the master", () => {
    const names = book.book.worksheets.map((w) => w.name);
    expect(names).toEqual(expect.arrayContaining(["架電結果まとめ", "予定時期分布", "優先対応", "公文書対象", "閲覧停止集計"]));
    const priority = book.book.getWorksheet("優先対応")!;
    expect(String(priority.getCell("A3").value)).toMatch(/^①/);
  });
});
