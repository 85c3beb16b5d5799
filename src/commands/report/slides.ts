/**
 * The report's slides as plain data (title, tables of display text, one chart): built from the
 * generated sheets and results of the commands that compute each table, so every figure on a
 * slide is the one the command's JSON gives. pptx.ts turns them into a deck.
 */
import type { IsoDate, OutCell } from "../../domain/cell";
import { classTitle, type ClassEntry, type ClassRules, type OfficeClass } from "../../domain/classes";
import { formatJapaneseDate, formatShortDate } from "../../domain/dates";
import type { SnapshotFigures } from "../../domain/snapshot";
import type { GeneratedSheet, SheetBlock } from "../../domain/writes";
import { COUNT_FORMAT } from "../layouts/formats";
import { cellText } from "./cells";

export interface SlideTable {
  /** A caption above the table (the seed's 「※参考①…」 lines). */
  caption?: string;
  /** Header rows: one, or two when the first groups columns (cells spanning `span` columns). */
  header: { text: string; span?: number }[][];
  rows: string[][];
  /** Columns shown right-aligned (figures). */
  numeric: boolean[];
  /** Relative column widths. */
  widths?: number[];
}

export interface SlideChart {
  kind: "line" | "bar";
  title: string;
  labels: string[];
  series: { name: string; values: number[] }[];
  /** Values are shares (axis in %). */
  percent?: boolean;
}

export interface SlideSpec {
  title: string;
  /** Bullet lines under the title, as the seed opens its pages (「- 2月4日時点の…は以下の通り。」). */
  lead?: string[];
  tables: SlideTable[];
  chart?: SlideChart;
  notes?: string[];
}

export const SECTION_UNREGISTERED = "1.福祉事務所向け周知（Ⅰ）資格情報未登録福祉事務所への対応";
export const SECTION_SUSPENSION = "1.福祉事務所向け周知（Ⅱ）不適切な資格情報の修正に係わる対応";

/** Rows per slide of a long office list (the seed pages its lists: （1/2）（2/2）). */
export const ROWS_PER_SLIDE = 14;

/** `SECTION 名前（1/2）※2月4日時点`, the seed's title form. */
export function slideTitle(section: string, name: string, asOf: IsoDate, page?: { index: number; count: number }): string {
  const paging = page && page.count > 1 ? `（${page.index + 1}/${page.count}）` : "";
  return `${section} ${name}${paging}※${formatJapaneseDate(asOf)}時点`;
}

const isFigure = (format: string | undefined): boolean => format !== undefined && /[0#]/.test(format) && !/[ymd]/.test(format);

/** A generated sheet's block as slide text, columns picked by index (default all). */
export function blockTable(block: SheetBlock, columns?: number[], caption?: string): SlideTable {
  const cols = columns ?? block.header.map((_, i) => i);
  const formats = block.formats ?? [];
  return {
    ...(caption !== undefined ? { caption } : {}),
    header: [cols.map((c) => ({ text: block.header[c] ?? "" }))],
    rows: block.rows.map((r) => cols.map((c) => cellText((r[c] ?? null) as OutCell, formats[c]))),
    numeric: cols.map((c) => isFigure(formats[c])),
  };
}

/** Splits a table's rows over pages of `size` (at least one page, even when empty). */
export function pages<T>(rows: readonly T[], size = ROWS_PER_SLIDE): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out.length > 0 ? out : [[]];
}

/** One slide per page of `table`, titled with the page number when there is more than one. */
function pagedSlides(section: string, name: string, asOf: IsoDate, table: SlideTable, extra: Partial<SlideSpec> = {}, size = ROWS_PER_SLIDE): SlideSpec[] {
  const chunks = pages(table.rows, size);
  return chunks.map((rows, index) => ({
    title: slideTitle(section, name, asOf, { index, count: chunks.length }),
    ...extra,
    tables: [{ ...table, rows }],
  }));
}

// ---------------------------------------------------------------------------------------------

/** 資格情報未登録福祉事務所の状況: the 期間差分 sheet's status table (with 増減), 参考① and 参考②. */
export function statusSlide(f: SnapshotFigures, diffSheet: GeneratedSheet): SlideSpec {
  const [status, large, newly] = diffSheet.blocks;
  const statusTable = blockTable(status);
  const measures = ["福祉事務所数 ※保険者コード単位", "被保護者数", "被保護者全数に対する割合", "福祉事務所全数に対する割合"];
  const groups = [{ text: "資格情報登録状況" }, { text: `${formatShortDate(f.asOf)}時点`, span: 4 }];
  if (f.previous) groups.push({ text: `前回（${formatShortDate(f.previous)}時点）からの増減`, span: 4 });
  statusTable.header = [groups, [{ text: "" }, ...measures.map((text) => ({ text })), ...(f.previous ? measures.map((text) => ({ text })) : [])]];
  const tables = [statusTable, blockTable(large, undefined, large.title)];
  if (f.previous && newly) tables.push(blockTable(newly, undefined, newly.title));
  return {
    title: slideTitle(SECTION_UNREGISTERED, "資格情報未登録福祉事務所の状況", f.asOf),
    lead: [`${formatJapaneseDate(f.asOf)}時点の資格情報未登録福祉事務所の状況は以下の通り。`],
    tables,
    notes: status.notes,
  };
}

/** The unregistered offices over every snapshot: a line chart with the スナップショット sheet's figures beside it. */
export function trendSlide(series: readonly SnapshotFigures[], trendSheet: GeneratedSheet, asOf: IsoDate): SlideSpec {
  const block = trendSheet.blocks[0];
  return {
    title: slideTitle(SECTION_UNREGISTERED, "資格情報未登録福祉事務所数の推移", asOf),
    tables: [{ ...blockTable(block, [0, 1, 2, 4]), widths: [1.6, 1, 1.1, 1.3] }],
    chart: {
      kind: "line",
      title: "資格情報未登録福祉事務所数の推移",
      labels: series.map((f) => formatShortDate(f.asOf)),
      series: [{ name: "未登録福祉事務所数", values: series.map((f) => f.unregistered.offices) }],
    },
  };
}

/** 架電結果まとめ: the survey block with its four label columns folded into one, indented by level. */
export function surveySlide(sheet: GeneratedSheet, asOf: IsoDate): SlideSpec {
  const block = sheet.blocks[0];
  const dateCols = block.header.slice(4);
  const rows = block.rows.map((r) => {
    const level = r.slice(0, 4).findIndex((c) => c !== null && c !== "");
    const label = "　".repeat(Math.max(level, 0)) + String(r[Math.max(level, 0)] ?? "");
    return [label, ...r.slice(4).map((v) => cellText(v, COUNT_FORMAT))];
  });
  return {
    title: slideTitle(SECTION_UNREGISTERED, "アンケート未回答の福祉事務所に対する架電前と架電後の比較", asOf),
    tables: [{ header: [[{ text: "区分" }, ...dateCols.map((text) => ({ text }))]], rows, numeric: [false, ...dateCols.map(() => true)], widths: [5, ...dateCols.map(() => 1)] }],
    notes: block.notes,
  };
}

/** 予定時期分布: the table and a bar chart of the offices per answer. */
export function distributionSlide(sheet: GeneratedSheet, asOf: IsoDate): SlideSpec {
  const block = sheet.blocks[0];
  const body = block.rows.slice(0, -1);
  return {
    title: slideTitle(SECTION_UNREGISTERED, "資格情報未登録福祉事務所における資格情報登録予定時期に係るアンケート回答結果", asOf),
    tables: [{ ...blockTable(block), widths: [2.4, 1, 0.8] }],
    chart: {
      kind: "bar",
      title: "資格情報登録予定時期に係るアンケート回答（福祉事務所数）",
      labels: body.map((r) => String(r[0])),
      series: [{ name: "該当福祉事務所", values: body.map((r) => Number(r[1])) }],
    },
  };
}

const CLASSES: OfficeClass[] = ["①", "②", "③", "④"];

/** 区分①〜④ (offices and recipients per class, 優先 = ① or ②), then the 優先対応 list, paged. */
export function classSlides(classes: readonly ClassEntry[], rules: ClassRules, prioritySheet: GeneratedSheet, asOf: IsoDate): SlideSpec[] {
  const threshold = rules.largeThreshold;
  const name = `資格情報未登録の福祉事務所（被保護者数${threshold}人以上）の状況`;
  const counts: SlideTable = {
    header: [[{ text: "区分" }, { text: "福祉事務所数" }, { text: "被保護者数" }, { text: "優先対応" }]],
    rows: CLASSES.map((c) => {
      const members = classes.filter((e) => e.class === c);
      return [classTitle(c, rules), cellText(members.length, COUNT_FORMAT), cellText(members.reduce((s, e) => s + e.recipients, 0), COUNT_FORMAT), c === "①" || c === "②" ? "○" : ""];
    }),
    numeric: [false, true, true, false],
    widths: [4, 1.2, 1.2, 1],
  };
  const summarySlide: SlideSpec = {
    title: slideTitle(SECTION_UNREGISTERED, `${name}（区分①〜④）`, asOf),
    lead: [`被保護者数が${threshold.toLocaleString("en-US")}人以上の福祉事務所に対しては、①、②を優先的に対応する。`],
    tables: [counts],
    notes: prioritySheet.blocks[0].notes,
  };
  // 区分, 自治体, 福祉事務所名, 被保護者数, アンケート回答, 登録予定時期, 遅延, ベンダ (現状・方針 stay in the sheet).
  const list = { ...blockTable(prioritySheet.blocks[0], [0, 1, 2, 3, 4, 5, 6, 8]), widths: [3.4, 1.1, 2, 0.9, 1.4, 1.9, 0.5, 1] };
  return [summarySlide, ...pagedSlides(SECTION_UNREGISTERED, `${name}（優先対応）`, asOf, list, {}, 10)];
}

/** 公文書対象: the count table of the seed's 1月23日 page, then the offices chosen for a 公文書, paged. */
export function documentSlides(sheet: GeneratedSheet, asOf: IsoDate): SlideSpec[] {
  const [counts, offices] = sheet.blocks;
  const countTable = { ...blockTable(counts), widths: [3.2, ...counts.header.slice(1).map(() => 1)] };
  // 保険者コード, 福祉事務所名, 都道府県, 自治体名, 発出月 of the offices that get a 公文書.
  const chosen = offices.rows.filter((r) => String(r[6]).startsWith("公文書"));
  const list: SlideTable = {
    header: [["#", "保険者コード", "福祉事務所名", "都道府県", "自治体名", "発出月"].map((text) => ({ text }))],
    rows: chosen.map((r, i) => [String(i + 1), ...[0, 1, 2, 3, 7].map((c) => cellText(r[c] ?? null, undefined))]),
    numeric: [true, false, false, false, false, false],
    widths: [0.5, 1.4, 2.6, 1.2, 1.6, 1.2],
  };
  return [
    { title: slideTitle(SECTION_UNREGISTERED, "状況確認メールの返信状況及び公文書発出に係る対応方針", asOf), tables: [countTable], notes: counts.notes },
    ...pagedSlides(SECTION_UNREGISTERED, "状況確認メールの返信状況及び公文書発出対象の選定", asOf, list),
  ];
}

/** 閲覧停止集計: by vendor (share of counts beside share of offices, as bars), and the top prefectures. */
export function suspensionSlides(sheet: GeneratedSheet, asOf: IsoDate, topPrefectures = 10): SlideSpec[] {
  const [vendors, prefectures] = sheet.blocks;
  const vendorTable = { ...blockTable(vendors, undefined, vendors.title), widths: [2, 1, 1, 2.4] };
  const prefectureTable = { ...blockTable({ ...prefectures, rows: prefectures.rows.slice(0, topPrefectures) }, undefined, prefectures.title), widths: [1.6, 1, 1, 2.4] };
  return [
    {
      title: slideTitle(SECTION_SUSPENSION, "ベンダー別閲覧停止件数", asOf),
      tables: [vendorTable],
      chart: {
        kind: "bar",
        title: "閲覧停止件数の割合と導入割合（ベンダー別）",
        labels: vendors.rows.map((r) => String(r[0])),
        series: [
          { name: "閲覧停止件数の割合", values: vendors.rows.map((r) => Number(r[2])) },
          { name: "該当ベンダを使用する福祉事務所の割合", values: vendors.rows.map((r) => Number(r[3])) },
        ],
        percent: true,
      },
      notes: vendors.notes,
    },
    {
      title: slideTitle(SECTION_SUSPENSION, `都道府県別閲覧停止件数（上位${Math.min(topPrefectures, prefectures.rows.length)}都道府県）`, asOf),
      tables: [prefectureTable],
      chart: {
        kind: "bar",
        title: "閲覧停止件数の割合と被保護者数の割合（都道府県別）",
        labels: prefectures.rows.slice(0, topPrefectures).map((r) => String(r[0])),
        series: [
          { name: "閲覧停止件数の割合", values: prefectures.rows.slice(0, topPrefectures).map((r) => Number(r[2])) },
          { name: "被保護者数の割合", values: prefectures.rows.slice(0, topPrefectures).map((r) => Number(r[3])) },
        ],
        percent: true,
      },
    },
  ];
}

/** One list's totals in the 閲覧停止推移 (SPEC §6; computed by the trend command, aggregate --trend). */
export interface SuspensionTrendPoint {
  sheet: string;
  /** null when neither the sheet name nor a データ基準日 dates the list. */
  date: IsoDate | null;
  /** null when the list has no such column. */
  資格情報: number | null;
  医療情報: number | null;
}

/** 閲覧停止件数推移: totals per list as a table and a line chart. */
export function suspensionTrendSlide(trend: readonly SuspensionTrendPoint[], asOf: IsoDate): SlideSpec {
  return {
    title: slideTitle(SECTION_SUSPENSION, "閲覧停止件数推移", asOf),
    tables: [
      {
        header: [["データ基準日", "資格情報閲覧停止件数", "医療情報・薬剤情報閲覧停止件数"].map((text) => ({ text }))],
        rows: trend.map((t) => [t.date ? formatJapaneseDate(t.date) : t.sheet, cellText(t.資格情報 ?? "-", COUNT_FORMAT), cellText(t.医療情報 ?? "-", COUNT_FORMAT)]),
        numeric: [false, true, true],
      },
    ],
    chart: {
      kind: "line",
      title: "閲覧停止件数推移",
      labels: trend.map((t) => (t.date ? formatShortDate(t.date) : t.sheet)),
      // A list without a column plots as 0 there; the table above says "-".
      series: [
        { name: "資格情報", values: trend.map((t) => t.資格情報 ?? 0) },
        { name: "医療情報・薬剤情報", values: trend.map((t) => t.医療情報 ?? 0) },
      ],
    },
  };
}
