/**
 * report: the biweekly report as a 16:9 PowerPoint deck (SPEC §6) — one slide per table, in the
 * seed's order and wording. The figures come from the commands that compute them (diff, summary,
 * aggregate) run on a read-only view of the book: their writes are captured, never applied, so the
 * report never modifies the book, and each slide shows exactly what the command's sheet and JSON say.
 */
import type { IsoDate } from "../domain/cell";
import { SHEET_NAMES, PAYMENT_FUND_PREFIX } from "../domain/schema/fields";
import { readHistory, snapshotSeries, type SnapshotFigures } from "../domain/snapshot";
import type { GeneratedSheet, SheetGrid, WorkbookPort, WriteBatch } from "../workbook/port";
import { aggregate, type AggregateResult } from "./aggregate";
import { CommandError, readWorkbook, resolveAsOf } from "./context";
import { diff, type DiffResult } from "./diff";
import { loadStates } from "./history";
import { diffSheet } from "./layouts/diff";
import { trendSheet } from "./layouts/snapshot";
import { writeDeck } from "./report/pptx";
import {
  classSlides,
  distributionSlide,
  documentSlides,
  statusSlide,
  surveySlide,
  suspensionSlides,
  suspensionTrendSlide,
  trendSlide,
  type SlideSpec,
} from "./report/slides";
import { READ_WORKBOOK, type Step } from "./steps";
import { summary, type SummaryResult } from "./summary";
import { trend } from "./trend";

export type { SlideSpec } from "./report/slides";

export interface ReportOptions {
  /** 基準日 of the report; default today in Japan. */
  asOf?: string;
  /** The snapshot the 増減 is taken from; default the one before the report's snapshot. */
  from?: string;
  /** Dates of the 架電結果まとめ columns; default the as-of date. */
  dates?: string[];
  /** The clock for the default 基準日 (tests). */
  now?: Date;
}

export interface ReportResult {
  asOf: IsoDate;
  slides: SlideSpec[];
  /** The .pptx file. */
  bytes: Uint8Array;
  /** The figures each slide shows, as the computing commands returned them. */
  figures: {
    snapshot: SnapshotFigures | null;
    diff: DiffResult | null;
    trend: SnapshotFigures[];
    summary: SummaryResult;
    aggregate: AggregateResult | null;
  };
  /** Slides left out, and why (Japanese, one line each): no snapshot yet, no 閲覧停止 list … */
  omitted: string[];
}

/**
 * A view of `port` that reads each sheet once (later reads are served from the first) and
 * captures commits instead of applying them: what the report's commands would have written.
 */
export function readOnlyView(port: WorkbookPort, grids: Map<string, SheetGrid>, sheetNames: string[]): WorkbookPort & { written: GeneratedSheet[] } {
  const written: GeneratedSheet[] = [];
  return {
    written,
    listSheets: async () => [...sheetNames],
    async readSheets(names) {
      const missing = names.filter((n) => !grids.has(n) && sheetNames.includes(n));
      if (missing.length > 0) for (const [k, v] of await port.readSheets(missing)) grids.set(k, v);
      return new Map(names.filter((n) => grids.has(n)).map((n) => [n, grids.get(n)!]));
    },
    async commit(batch: WriteBatch) {
      written.push(...(batch.sheets ?? []));
    },
  };
}

/** The sheet named `name` among what a command would have written. */
function sheetOf(written: readonly GeneratedSheet[], name: string): GeneratedSheet {
  const sheet = [...written].reverse().find((s) => s.name === name);
  if (!sheet) throw new Error(`report: the command did not lay out ${name}`);
  return sheet;
}

export async function report(port: WorkbookPort, options: ReportOptions = {}): Promise<ReportResult> {
  const asOf = resolveAsOf(options.asOf, options.now);
  // One list and one read of everything the report's commands need; they then read from memory.
  const sheetNames = await port.listSheets();
  const wanted = sheetNames.filter((n) => n.startsWith(PAYMENT_FUND_PREFIX) || n.trim() === SHEET_NAMES.master || n.trim() === SHEET_NAMES.settings || n === SHEET_NAMES.history);
  const view = readOnlyView(port, await port.readSheets(wanted), sheetNames);
  const omitted: string[] = [];
  const slides: SlideSpec[] = [];

  // 1. The snapshot table with 増減 (the 期間差分 of the report's snapshot), and the trend over every snapshot.
  const ctx = await readWorkbook(view, [SHEET_NAMES.history]);
  const loaded = loadStates(readHistory(ctx.grids.get(SHEET_NAMES.history)).snapshots, ctx.grids.get(SHEET_NAMES.settings)).filter((l) => l.snapshot.asOf <= asOf);
  const series = snapshotSeries(loaded.map((l) => l.state));
  let snapshot: SnapshotFigures | null = null;
  let diffResult: DiffResult | null = null;
  if (loaded.length === 0) {
    omitted.push(`基準日 ${asOf} 以前のスナップショットがないため、「資格情報未登録福祉事務所の状況」と推移のスライドは作成していません。`);
  } else {
    const to = loaded[loaded.length - 1].snapshot.asOf;
    if (loaded.length > 1 || options.from) {
      diffResult = await diff(view, { to, ...(options.from ? { from: options.from } : {}) });
      snapshot = diffResult;
      slides.push(statusSlide(diffResult, sheetOf(view.written, SHEET_NAMES.diff)));
    } else {
      snapshot = series[series.length - 1];
      slides.push(statusSlide(snapshot, diffSheet(snapshot, null)));
    }
    slides.push(trendSlide(series, trendSheet(series), asOf));
  }

  // 2. 架電結果まとめ, 予定時期分布, 区分①〜④ and 優先対応, 公文書対象 (the summary command at the as-of date).
  const summaryResult = await summary(view, { asOf, ...(options.dates ? { dates: options.dates } : {}) });
  slides.push(surveySlide(sheetOf(view.written, SHEET_NAMES.survey), asOf));
  slides.push(distributionSlide(sheetOf(view.written, SHEET_NAMES.distribution), asOf));
  slides.push(...classSlides(summaryResult.classes, summaryResult.classRules, sheetOf(view.written, SHEET_NAMES.priority), asOf));
  slides.push(...documentSlides(sheetOf(view.written, SHEET_NAMES.documents), asOf));

  // 3. 閲覧停止集計 (the newest list) and 閲覧停止推移 when the book has lists.
  let aggregateResult: AggregateResult | null = null;
  try {
    aggregateResult = await aggregate(view, {});
  } catch (e) {
    if (!(e instanceof CommandError)) throw e;
    omitted.push(`閲覧停止集計のスライドは作成していません: ${e.message}`);
  }
  if (aggregateResult) slides.push(...suspensionSlides(sheetOf(view.written, SHEET_NAMES.suspension), asOf));
  // 閲覧停止推移 needs two lists or more to be a trend.
  const suspensionTrend = aggregateResult ? await trend(view, { dryRun: true }).catch((e: unknown) => {
    if (e instanceof CommandError) return null;
    throw e;
  }) : null;
  if (suspensionTrend && suspensionTrend.trend.length > 1) slides.push(suspensionTrendSlide(suspensionTrend.trend, asOf));
  else if (aggregateResult) omitted.push("閲覧停止推移のスライドは、閲覧停止の一覧が2つ以上あるときに作成します。");

  const bytes = await writeDeck(slides, { title: `報告資料（${asOf}時点）` });
  return { asOf, slides, bytes, figures: { snapshot, diff: diffResult, trend: series, summary: summaryResult, aggregate: aggregateResult }, omitted };
}

/** list + read, then the deck is built in memory. */
export const reportSteps = (): Step[] => [...READ_WORKBOOK, "build"];
