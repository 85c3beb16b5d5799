/**
 * Deterministic benchmark books: a 1,104-office マスタ, a 設定 sheet, a 支払基金 登録状況 list (one
 * row per office) and a 支払基金 エラー明細 list of any length (10k, 100k, 300k rows …).
 *
 * The same generated book can be turned into
 * - SheetGrid[] for the pure rule engine (`toGrids`),
 * - an .xlsx file for the CLI (`writeXlsxFile`, streamed so that 300k rows stay cheap to write),
 * - a FakeBook for the Office.js fake (`toFakeBook`).
 *
 * Everything is derived from a seeded generator: the same arguments always give the same cells.
 * A small, fixed share of rows carries the mistakes the rules look for (whitespace in names,
 * addresses without a municipality, unknown codes, duplicate rows, a planted 個人番号 …), so the
 * benchmark exercises the reporting paths as well as the clean paths.
 */
import ExcelJS from "exceljs";
import { dateOut, isDateOut, type OutCell, type RawCell } from "../src/domain/cell";
import { isoToSerial } from "../src/domain/dates";
import { makeOfficeCode, myNumberCheckDigit } from "../src/domain/codes";
import { PREFECTURES } from "../src/domain/prefectures";
import { createRng, type Rng } from "../src/demo/rng";
import type { SheetGrid } from "../src/workbook/port";
import { buildBook, type FakeBook } from "../src/workbook/office-sim/model";

/** Number of offices in the seed report's denominators. */
export const OFFICE_COUNT = 1104;
export const BENCH_AS_OF = "2025-02-04";
export const ERRORS_SHEET = "支払基金_エラー明細_20250107";
export const REGISTRATION_SHEET = "支払基金_登録状況_20250107";
export const DATE_FORMAT = "yyyy/m/d";

export interface GeneratedSheetData {
  name: string;
  /** Row-major cells; row 0 is the header (or a title row above it). Dates are DateOut. */
  rows: OutCell[][];
}

export interface BenchBook {
  sheets: GeneratedSheetData[];
  /** Data rows of the エラー明細 list. */
  listRows: number;
  /** Total cells of all sheets (rows × width), what the engine looks at. */
  cells: number;
}

const MASTER_HEADER = [
  "都道府県",
  "自治体名",
  "福祉事務所名 ※保険者コード単位",
  "保険者コード",
  "被保護者 人数(人)",
  "資格情報登録開始日",
  "ベンダ （略称）",
  "アンケート対象",
  "アンケート回答日",
  "対応状況",
  "登録予定月",
  "登録予定時期",
  "回答理由",
  "備考",
];

const ERRORS_HEADER = ["保険者コード", "被保険者番号", "氏名", "氏名カナ", "生年月日", "性別", "住所", "エラーコード", "エラー内容"];

const VENDORS = ["A社", "B社", "C社", "D社", "E社", "F社", "自庁開発"];
const STATUSES = ["1_登録済み", "2_登録準備完了", "3_準備中", "4_システム改修中", "5_システム改修予定", "6_システム改修検討中"];
const PLANS = ["2024-11", "2024-12", "2025-01", "2025-03", "令和7年4月以降", "未定"];
const SURNAMES = ["佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "山本", "中村", "小林", "加藤", "吉田", "山田", "佐々木", "山口", "松本"];
const SURNAMES_KANA = ["サトウ", "スズキ", "タカハシ", "タナカ", "イトウ", "ワタナベ", "ヤマモト", "ナカムラ", "コバヤシ", "カトウ", "ヨシダ", "ヤマダ", "ササキ", "ヤマグチ", "マツモト"];
const GIVEN = ["太郎", "花子", "一郎", "美咲", "健太", "陽子", "大輔", "恵子", "翔太", "裕子"];
const GIVEN_KANA = ["タロウ", "ハナコ", "イチロウ", "ミサキ", "ケンタ", "ヨウコ", "ダイスケ", "ケイコ", "ショウタ", "ユウコ"];
const TOWNS = ["中央", "本町", "栄町", "緑が丘", "旭町", "若葉", "桜台", "東町", "西町", "南町"];
const ERROR_CODES: { code: string; text: string }[] = [
  { code: "Z01", text: "資格情報の登録内容に不備があります" },
  { code: "Z04", text: "氏名に不要な空白があります" },
  { code: "Z09", text: "住所に市、区、郡、町、村のいずれも含まれません" },
  { code: "Z12", text: "生年月日が不正です" },
];

/** A probable 個人番号 (12 digits with a fitting check digit), derived from the generator. */
function myNumber(rng: Rng): string {
  let first11 = "";
  for (let i = 0; i < 11; i++) first11 += String(rng.int(0, 9));
  return first11 + myNumberCheckDigit(first11);
}

interface Office {
  code: string;
  pref: number;
  name: string;
  municipality: string;
}

function offices(rng: Rng): Office[] {
  const out: Office[] = [];
  // 1,104 offices spread over the 47 prefectures (23 or 24 each), institution numbers unique per prefecture.
  for (let i = 0; i < OFFICE_COUNT; i++) {
    const pref = (i % 47) + 1;
    const inst = 100 + Math.floor(i / 47) * 3 + rng.int(0, 2);
    const prefName = PREFECTURES[pref - 1];
    const municipality = `${TOWNS[i % TOWNS.length]}${i}市`;
    out.push({ code: makeOfficeCode("12", pref, inst), pref, name: `${prefName}${municipality}福祉事務所`, municipality });
  }
  return out;
}

function masterSheet(rng: Rng, list: Office[]): GeneratedSheetData {
  const rows: OutCell[][] = [["福祉事務所マスタ（ベンチマーク用の架空データ）"], [], MASTER_HEADER];
  list.forEach((o, i) => {
    const registered = rng.next() < 0.8;
    const surveyed = !registered && rng.next() < 0.9;
    const answered = surveyed && rng.next() < 0.7;
    rows.push([
      PREFECTURES[o.pref - 1],
      o.municipality,
      o.name,
      // A few codes typed as numbers or with full-width digits, as users paste them.
      i % 97 === 0 ? Number(o.code) : o.code,
      i % 211 === 0 ? `${rng.int(100, 9000).toLocaleString("en-US")}人` : rng.int(0, 12_000),
      registered ? dateOut(`2024-${String(rng.int(1, 12)).padStart(2, "0")}-${String(rng.int(1, 28)).padStart(2, "0")}`) : null,
      rng.pick(VENDORS),
      surveyed ? "○" : null,
      answered ? dateOut(`2024-0${rng.int(7, 9)}-${String(rng.int(1, 28)).padStart(2, "0")}`) : null,
      registered ? STATUSES[0] : rng.pick(STATUSES.slice(1)),
      answered ? rng.pick(PLANS) : null,
      answered && rng.next() < 0.3 ? `${rng.pick(PLANS)}→${rng.pick(PLANS)}` : null,
      answered ? "システム改修の日程が未確定のため" : null,
      i % 50 === 0 ? "個別打合せ予定" : null,
    ]);
  });
  return { name: "マスタ", rows };
}

function settingsSheet(): GeneratedSheetData {
  return {
    name: "設定",
    rows: [
      ["項目", "値"],
      ["全数_福祉事務所数", OFFICE_COUNT],
      ["全数_被保護者数", 2_008_090],
      ["優先_被保護者数閾値", 1000],
      ["アンケート_基準月", "2024-10"],
    ],
  };
}

function registrationSheet(rng: Rng, list: Office[]): GeneratedSheetData {
  const rows: OutCell[][] = [["保険者コード", "保険者名", "資格情報登録開始日", "データ基準日"]];
  for (const o of list) {
    rows.push([
      o.code,
      o.name,
      rng.next() < 0.8 ? dateOut(`2024-${String(rng.int(1, 12)).padStart(2, "0")}-${String(rng.int(1, 28)).padStart(2, "0")}`) : null,
      dateOut("2025-01-07"),
    ]);
  }
  return { name: REGISTRATION_SHEET, rows };
}

/** The エラー明細 list: `n` people, about 1 in 40 rows with something a rule reports. */
function errorsSheet(rng: Rng, list: Office[], n: number): GeneratedSheetData {
  const rows: OutCell[][] = [ERRORS_HEADER];
  let previous: OutCell[] | null = null;
  for (let i = 0; i < n; i++) {
    // Duplicate key (保険者コード + 被保険者番号): one row in 2,000 repeats the previous one.
    if (previous && i % 2000 === 1999) {
      rows.push(previous.slice());
      continue;
    }
    const office = list[rng.int(0, list.length - 1)];
    const s = rng.int(0, SURNAMES.length - 1);
    const g = rng.int(0, GIVEN.length - 1);
    const roll = rng.next();
    let name = `${SURNAMES[s]}　${GIVEN[g]}`;
    let kana = `${SURNAMES_KANA[s]} ${GIVEN_KANA[g]}`;
    let address = `${PREFECTURES[office.pref - 1]}${office.municipality}${rng.pick(TOWNS)}${rng.int(1, 9)}-${rng.int(1, 30)}-${rng.int(1, 20)}`;
    let errorCode = ERROR_CODES[0];
    let code: OutCell = office.code;
    let note: OutCell = null;
    if (roll < 0.008) {
      name = ` ${name}`; // name-whitespace (Z04)
      errorCode = ERROR_CODES[1];
    } else if (roll < 0.012) {
      kana = `${SURNAMES_KANA[s]}  ${GIVEN_KANA[g]}`;
      errorCode = ERROR_CODES[1];
    } else if (roll < 0.017) {
      address = `${rng.pick(TOWNS)}${rng.int(1, 9)}丁目 施設入所中`; // no municipality, no prefecture (Z09)
      errorCode = ERROR_CODES[2];
    } else if (roll < 0.02) {
      address = `${office.municipality}${rng.pick(TOWNS)}${rng.int(1, 9)}-${rng.int(1, 30)}`; // no prefecture
    } else if (roll < 0.022) {
      code = makeOfficeCode("12", 99 - rng.int(0, 1), rng.int(0, 999)); // not in マスタ (and a bad 都道府県番号)
    } else if (roll < 0.0225) {
      name = `${SURNAMES[s]}●${GIVEN[g]}`; // 外字 placeholder
    }
    // A 個人番号 pasted into a free-text column: one row in 20,000 (so every list size has one).
    if (i % 20_000 === 4321) note = `本人申出 ${myNumber(rng)}`;
    const row: OutCell[] = [
      code,
      String(rng.int(1_000_000, 9_999_999)),
      name,
      kana,
      // Birth dates as real dates; one in 500 typed as 和暦 text.
      i % 500 === 7 ? `S${rng.int(20, 63)}.${rng.int(1, 12)}.${rng.int(1, 28)}` : dateOut(`19${rng.int(30, 99)}-${String(rng.int(1, 12)).padStart(2, "0")}-${String(rng.int(1, 28)).padStart(2, "0")}`),
      rng.next() < 0.5 ? "男" : "女",
      address,
      errorCode.code,
      note ?? errorCode.text,
    ];
    rows.push(row);
    previous = row;
  }
  return { name: ERRORS_SHEET, rows };
}

/** The whole benchmark book for an エラー明細 list of `listRows` rows. */
export function generateBenchBook(listRows: number, seed = 20250204): BenchBook {
  const rng = createRng(seed);
  const list = offices(rng);
  const sheets = [settingsSheet(), masterSheet(rng, list), registrationSheet(rng, list), errorsSheet(rng, list, listRows)];
  let cells = 0;
  for (const s of sheets) cells += s.rows.length * widthOf(s.rows);
  return { sheets, listRows, cells };
}

/** The widest row's length (no spread: lists have hundreds of thousands of rows). */
function widthOf(rows: readonly OutCell[][]): number {
  let w = 0;
  for (const r of rows) if (r.length > w) w = r.length;
  return w;
}

function rawOf(v: OutCell): RawCell {
  return isDateOut(v) ? isoToSerial(v.date) : v;
}

/**
 * The grids an adapter would hand the engine: used range only, rectangular, dates as serial numbers
 * with a date format, everything else General.
 */
export function toGrids(book: BenchBook): SheetGrid[] {
  return book.sheets.map((s) => {
    // The used range starts at the first non-empty row (the sheets here all start in column A).
    let first = 0;
    while (first < s.rows.length && s.rows[first].every((v) => v === null)) first++;
    const body = s.rows.slice(first);
    const width = widthOf(body);
    const values: RawCell[][] = [];
    const formats: string[][] = [];
    for (const r of body) {
      const vals: RawCell[] = new Array(width);
      const fmts: string[] = new Array(width);
      for (let c = 0; c < width; c++) {
        const v = r[c] ?? null;
        vals[c] = rawOf(v);
        fmts[c] = isDateOut(v) ? DATE_FORMAT : "General";
      }
      values.push(vals);
      formats.push(fmts);
    }
    return { name: s.name, top: first + 1, left: 1, values, formats };
  });
}

/** The book as the Office.js fake holds it (dates as serials with a date format). */
export function toFakeBook(book: BenchBook): FakeBook {
  return buildBook(
    book.sheets.map((s) => ({
      name: s.name,
      rows: s.rows.map((r) => r.map((v) => rawOf(v))),
      formats: s.rows.map((r) => r.map((v) => (isDateOut(v) ? DATE_FORMAT : null))),
    })),
  );
}

/** ExcelJS stores dates as UTC midnights. */
function excelValue(v: OutCell): ExcelJS.CellValue {
  if (v === null) return null;
  if (isDateOut(v)) {
    const [y, m, d] = v.date.split("-").map(Number);
    return new Date(Date.UTC(y, m - 1, d));
  }
  return v;
}

/** Writes the book to an .xlsx file with ExcelJS' streaming writer (shared strings, like Excel). */
export async function writeXlsxFile(book: BenchBook, path: string): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true, useStyles: true });
  for (const s of book.sheets) {
    const ws = wb.addWorksheet(s.name);
    for (const r of s.rows) {
      const row = ws.addRow(r.map(excelValue));
      r.forEach((v, c) => {
        if (isDateOut(v)) row.getCell(c + 1).numFmt = DATE_FORMAT;
      });
      row.commit();
    }
    ws.commit();
  }
  await wb.commit();
}
