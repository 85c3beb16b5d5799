/**
 * The report deck on the sample book (the demo's six rounds): it is written without touching the
 * book, read back from the .pptx (slide XML and chart XML), and every title and figure is checked
 * against the JSON of the command that computes it (diff, snapshot, summary, aggregate).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import aggregateCli from "../../src/cli/commands/aggregate";
import diffCli from "../../src/cli/commands/diff";
import summaryCli from "../../src/cli/commands/summary";
import { runCli } from "../../src/cli/main";
import { aggregate } from "../../src/commands/aggregate";
import { applyRegistrations } from "../../src/commands/applyRegistrations";
import { diff } from "../../src/commands/diff";
import { report, reportSteps, type ReportResult } from "../../src/commands/report";
import { snapshot, type SnapshotResult } from "../../src/commands/snapshot";
import { summary } from "../../src/commands/summary";
import { trend } from "../../src/commands/trend";
import { buildSampleBook, buildSampleRefresh } from "../../src/demo/sample";
import type { WorkbookPort } from "../../src/workbook/port";
import { buildXlsx, pasteSheet, type XlsxWorkbook } from "../../src/workbook/xlsx/adapter";
import { readDeck, type SlideRead } from "./pptx-reader";

const AS_OF = "2025-02-04";
const DATES = ["2024-10-15", "2024-10-29", "2024-11-05", "2024-11-08", "2024-11-19"];

// The figures as the seed prints them, formatted here independently of the report's own code.
const n = (v: number): string => Math.round(v).toLocaleString("en-US");
const pct = (v: number): string => {
  const t = `${(v * 100).toFixed(1)}%`;
  return t === "-0.0%" ? "0.0%" : t;
};
const signedN = (v: number): string => (v > 0 ? `+${n(v)}` : n(v));
const signedPct = (v: number): string => (pct(v) !== "0.0%" && v > 0 ? `+${pct(v)}` : pct(v));

interface Json {
  diff: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  summary: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  aggregate: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

describe("report: the deck on the sample book", () => {
  let book: XlsxWorkbook;
  let result: ReportResult;
  let slides: SlideRead[];
  const rounds: SnapshotResult[] = [];
  const json = {} as Json;
  const calls: string[] = [];

  beforeAll(async () => {
    const sample = buildSampleBook();
    book = buildXlsx(sample.sheets);
    for (const round of sample.rounds) {
      pasteSheet(book, round.list);
      await applyRegistrations(book, { sheet: round.list.name });
      rounds.push(await snapshot(book, { asOf: round.asOf }));
    }
    // The report sees the book through a port that refuses any write.
    const guarded: WorkbookPort = {
      listSheets: () => (calls.push("list"), book.listSheets()),
      readSheets: (names) => (calls.push("read"), book.readSheets(names)),
      commit: () => Promise.reject(new Error("the report must not write to the book")),
    };
    result = await report(guarded, { asOf: AS_OF, dates: DATES });
    slides = readDeck(result.bytes).slides;
    // The commands' own JSON, computed afterwards on the book itself.
    json.diff = diffCli.toJson(await diff(book, { to: AS_OF }));
    json.summary = summaryCli.toJson(await summary(book, { asOf: AS_OF, dates: DATES }));
    json.aggregate = aggregateCli.toJson(await aggregate(book, {}));
  }, 180_000);

  const slideTitled = (fragment: string): { spec: ReportResult["slides"][number]; read: SlideRead }[] =>
    result.slides.map((spec, i) => ({ spec, read: slides[i] })).filter((s) => s.spec.title.includes(fragment));
  const rowLabelled = (table: string[][], label: string): string[] => {
    const row = table.find((r) => r[0].trim() === label);
    if (!row) throw new Error(`no row ${label} in ${JSON.stringify(table.map((r) => r[0]))}`);
    return row;
  };

  it("reads once (list + read) and writes nothing", () => {
    expect(calls).toEqual(["list", "read"]);
    expect(reportSteps().filter((s) => s !== "build")).toEqual(calls);
  });

  it("has one slide per table, in the seed's order, titled like the seed with the 基準日", () => {
    expect(slides).toHaveLength(result.slides.length);
    slides.forEach((s, i) => expect(s.texts[0]).toBe(result.slides[i].title));
    const names = [
      "資格情報未登録福祉事務所の状況※2月4日時点",
      "資格情報未登録福祉事務所数の推移※2月4日時点",
      "アンケート未回答の福祉事務所に対する架電前と架電後の比較※2月4日時点",
      "資格情報登録予定時期に係るアンケート回答結果※2月4日時点",
      "（区分①〜④）※2月4日時点",
      "（優先対応）",
      "状況確認メールの返信状況及び公文書発出に係る対応方針※2月4日時点",
      "公文書発出対象の選定",
      "ベンダー別閲覧停止件数※2月4日時点",
      "都道府県別閲覧停止件数",
    ];
    const firstIndex = names.map((name) => result.slides.findIndex((s) => s.title.includes(name)));
    expect(firstIndex.every((i) => i >= 0)).toBe(true);
    expect([...firstIndex].sort((a, b) => a - b)).toEqual(firstIndex);
    expect(result.slides[0].title).toBe("1.福祉事務所向け周知（Ⅰ）資格情報未登録福祉事務所への対応 資格情報未登録福祉事務所の状況※2月4日時点");
    expect(result.slides.at(-1)!.title.startsWith("1.福祉事務所向け周知（Ⅱ）不適切な資格情報の修正に係わる対応 ")).toBe(true);
  });

  it("the status table (with 増減) and 参考①② equal diff's JSON", () => {
    const [{ read }] = slideTitled("資格情報未登録福祉事務所の状況※");
    const [status, large, newly] = read.tables;
    const d = json.diff;
    const line = (c: any, delta: any) => [n(c.offices), n(c.recipients), pct(c.recipientShare), pct(c.officeShare), signedN(delta.offices), signedN(delta.recipients), signedPct(delta.recipientShare), signedPct(delta.officeShare)]; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(rowLabelled(status, "未登録").slice(1)).toEqual(line(d.unregistered, d.delta.unregistered));
    expect(rowLabelled(status, "参考：登録済").slice(1)).toEqual(line(d.registered, d.delta.registered));
    expect(rowLabelled(status, "参考：全数").slice(1, 3)).toEqual([n(d.total.offices), n(d.total.recipients)]);
    expect(status[0].join("|")).toContain(`前回（1/21時点）からの増減`);
    expect(large.at(-1)!.slice(1)).toEqual([n(d.large.offices), n(d.large.recipients), pct(d.large.shareOfUnregistered)]);
    expect(newly.slice(1).map((r) => [r[0], r[2]])).toEqual(d.newlyRegistered.map((o: any) => [o.name, n(o.recipients)])); // eslint-disable-line @typescript-eslint/no-explicit-any
    // The seed's own figures for 2/4.
    expect(rowLabelled(status, "未登録").slice(1, 6)).toEqual(["74", "32,609", "1.6%", "6.7%", "-2"]);
  });

  it("the trend is a line chart over every snapshot, with the snapshot command's figures", () => {
    const [{ read }] = slideTitled("数の推移");
    expect(read.charts).toHaveLength(1);
    expect(read.charts[0].series).toEqual([rounds.map((r) => r.unregistered.offices)]);
    expect(read.tables[0].slice(1).map((r) => [r[1], r[2]])).toEqual(rounds.map((r) => [n(r.unregistered.offices), n(r.unregistered.recipients)]));
  });

  it("架電結果まとめ equals summary's survey JSON, one column per date", () => {
    const [{ read }] = slideTitled("架電前と架電後の比較");
    const table = read.tables[0];
    expect(table[0]).toHaveLength(1 + DATES.length);
    json.summary.survey.forEach((c: any, j: number) => { // eslint-disable-line @typescript-eslint/no-explicit-any
      const column = table.slice(1).map((r) => r[j + 1]);
      const expected = [c.registered, c.unregistered, c.unanswered, c.answered, c.planned, c.plannedThisYear, c.plannedLater, c.delayed, ...Object.values(c.delayedBy as Record<string, number>)];
      expect(column).toEqual(expected.map(n));
      expect(c.date).toBe(DATES[j]);
    });
  });

  it("予定時期分布: the table and the bar chart equal summary's distribution JSON", () => {
    const [{ read }] = slideTitled("アンケート回答結果");
    const rows = read.tables[0].slice(1);
    const dist = json.summary.distribution as { plan: string; offices: number; share: number }[];
    expect(rows.slice(0, -1).map((r) => [r[1], r[2]])).toEqual(dist.map((d) => [n(d.offices), pct(d.share)]));
    expect(rows.at(-1)).toEqual(["総計", n(dist.reduce((s, d) => s + d.offices, 0)), "100.0%"]);
    expect(read.charts[0].series).toEqual([dist.map((d) => d.offices)]);
  });

  it("区分①〜④ and 優先対応 equal summary's classes JSON", () => {
    const [{ read }] = slideTitled("（区分①〜④）");
    const classes = json.summary.classes as { name: string; recipients: number; class: string | null; priority: boolean }[];
    for (const c of ["①", "②", "③", "④"]) {
      const members = classes.filter((e) => e.class === c);
      const row = read.tables[0].find((r) => r[0].startsWith(c))!;
      expect(row.slice(1, 3)).toEqual([n(members.length), n(members.reduce((s, e) => s + e.recipients, 0))]);
      const priority = c === "①" || c === "②";
      expect(row[3]).toBe(priority ? "○" : "");
      expect(members.every((e) => e.priority === priority)).toBe(true);
    }
    const listed = slideTitled("（優先対応）").flatMap((s) => s.read.tables[0].slice(1));
    const expected = classes.filter((e) => e.class !== null);
    expect(listed).toHaveLength(expected.length);
    expect(listed.map((r) => `${r[2]}|${r[3]}`).sort()).toEqual(expected.map((e) => `${e.name}|${n(e.recipients)}`).sort());
    expect(listed.length).toBeGreaterThan(0);
  });

  it("公文書対象: the count table and the offices chosen equal summary's documents JSON", () => {
    const [{ read }] = slideTitled("公文書発出に係る対応方針");
    const docs = json.summary.documents as { code: string; action: string; month: string | null }[];
    const table = read.tables[0];
    expect(table.at(-1)![1]).toBe(n(docs.length));
    const chosen = slideTitled("公文書発出対象の選定").flatMap((s) => s.read.tables[0].slice(1));
    expect(chosen.map((r) => r[1])).toEqual(docs.filter((d) => d.action === "公文書").map((d) => d.code));
    chosen.forEach((r, i) => expect(r[0]).toBe(String(i + 1)));
  });

  it("閲覧停止集計: vendor share of counts beside share of offices (table and bars), and the top prefectures", () => {
    const [{ read: vendors }] = slideTitled("ベンダー別閲覧停止件数");
    const a = json.aggregate;
    expect(vendors.tables[0].slice(1)).toEqual(a.byVendor.map((v: any) => [v.vendor, n(v.count), pct(v.share), pct(v.officeShare)])); // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(vendors.charts[0].series).toEqual([a.byVendor.map((v: any) => v.share), a.byVendor.map((v: any) => v.officeShare)]); // eslint-disable-line @typescript-eslint/no-explicit-any
    const [{ read: prefectures }] = slideTitled("都道府県別閲覧停止件数");
    const top = a.byPrefecture.slice(0, 10);
    expect(prefectures.tables[0].slice(1)).toEqual(top.map((p: any) => [p.prefecture, n(p.count), pct(p.share), pct(p.recipientShare)])); // eslint-disable-line @typescript-eslint/no-explicit-any
    // The seed's top prefecture: 2,120 医療情報 suspensions.
    expect(prefectures.tables[0][1][1]).toBe("2,120");
  });

  it("says which slides it left out (閲覧停止推移 needs two lists or more)", () => {
    const trendSlide = result.slides.some((s) => s.title.includes("閲覧停止件数推移"));
    expect(trendSlide || result.omitted.some((l) => l.includes("閲覧停止推移"))).toBe(true);
  });

  it("CLI: `report --json` prints {slides:[{title}], out}, writes the .pptx and leaves the book's bytes as they were", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "onshi-report-cli-"));
    const file = path.join(dir, "book.xlsx");
    writeFileSync(file, new Uint8Array(await book.book.xlsx.writeBuffer()));
    const before = readFileSync(file);
    let stdout = "";
    const out = path.join(dir, "deck", "report.pptx");
    const exit = await runCli(["report", file, "--as-of", AS_OF, "--dates", DATES.join(","), "--out", out, "--json"], { stdout: (t) => (stdout += t), stderr: () => {} });
    expect(exit).toBe(0);
    const json = JSON.parse(stdout) as { slides: { title: string }[]; out: string };
    expect(json.out).toBe(out);
    expect(json.slides.map((x) => x.title)).toEqual(result.slides.map((x) => x.title));
    expect(readDeck(new Uint8Array(readFileSync(out))).slides.map((x) => x.texts[0])).toEqual(json.slides.map((x) => x.title));
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(existsSync(`${file}.bak.xlsx`) || existsSync(path.join(dir, "book.bak.xlsx"))).toBe(false);
    expect(await runCli(["report", file, "--as-of", AS_OF, "--out", path.join(dir, "report.txt")], { stdout: () => {}, stderr: () => {} })).toBe(2);
  }, 120_000);

  it("LibreOffice Impress converts the deck to PDF", () => {
    if (spawnSync("sh", ["-c", "command -v soffice"]).status !== 0) {
      console.warn("[report] LibreOffice (soffice) is not installed: the PDF conversion is not checked here (apt-get install libreoffice-impress).");
      return;
    }
    const dir = mkdtempSync(path.join(tmpdir(), "onshi-report-"));
    const file = path.join(dir, "report.pptx");
    writeFileSync(file, result.bytes);
    const run = spawnSync("soffice", [`-env:UserInstallation=file://${path.join(dir, "lo-profile")}`, "--headless", "--convert-to", "pdf", "--outdir", dir, file], { timeout: 120_000 });
    expect(run.status).toBe(0);
    const pdf = path.join(dir, "report.pdf");
    expect(existsSync(pdf) && statSync(pdf).size).toBeGreaterThan(10_000);
    const pages = spawnSync("pdfinfo", [pdf], { encoding: "utf8" });
    if (pages.status === 0) expect(Number(/Pages:\s+(\d+)/.exec(pages.stdout)?.[1])).toBe(result.slides.length);
  }, 150_000);
});

describe("report: 閲覧停止推移 when the book has two lists or more", () => {
  it("a slide of totals per list with the trend command's figures, as a table and a line chart", async () => {
    const sample = buildSampleBook();
    const book = buildXlsx(sample.sheets);
    for (const round of sample.rounds) {
      pasteSheet(book, round.list);
      await applyRegistrations(book, { sheet: round.list.name });
      await snapshot(book, { asOf: round.asOf });
    }
    pasteSheet(book, buildSampleRefresh(sample).suspensionLatest);
    const deck = await report(book, { asOf: AS_OF });
    const at = deck.slides.findIndex((s) => s.title.includes("閲覧停止件数推移"));
    expect(at).toBeGreaterThan(-1);
    const read = readDeck(deck.bytes).slides[at];
    const t = await trend(book, { dryRun: true });
    expect(t.trend.length).toBe(sample.sheets.filter((s) => s.name.startsWith("支払基金_閲覧停止_")).length + 1);
    expect(read.tables[0].slice(1).map((r) => r.slice(1))).toEqual(t.trend.map((p) => [n(p.資格情報 ?? 0), n(p.医療情報 ?? 0)]));
    expect(read.charts[0].series).toEqual([t.trend.map((p) => p.資格情報), t.trend.map((p) => p.医療情報)]);
  }, 180_000);
});
