/**
 * Hostile workbooks for the reliability suite: a fast-check generator of books that hold whatever
 * a consultant's real workbook may hold (error values, formulas, rich text, hyperlinks, merged
 * cells, 30,000-character strings, control and bidi characters, surrogate pairs, NaN / ±1e308,
 * booleans, dates before 1900, duplicated or missing headers, empty sheets, title-only sheets, a 設定
 * with nonsense, probable 個人番号), written to .xlsx with ExcelJS; and fingerprints of every user
 * cell, to prove that a command changed nothing it does not own.
 */
import ExcelJS from "exceljs";
import fc from "fast-check";
import { makeOfficeCode, myNumberCheckDigit } from "../../src/domain/codes";
import { SHEET_NAMES } from "../../src/domain/schema/fields";

export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20250204);
export const fuzzRuns = (fallback: number): number => Number(process.env.FUZZ_RUNS ?? fallback);

/** Sheets the add-in writes (replaced whole or appended to); every other sheet belongs to the user. */
export const GENERATED_SHEETS: ReadonlySet<string> = new Set(
  Object.entries(SHEET_NAMES)
    .filter(([key]) => key !== "master" && key !== "settings")
    .map(([, name]) => name),
);

/** A cell as the generator describes it (ExcelJS value + optional decoration). */
export interface CellSpec {
  value: ExcelJS.CellValue;
  note?: string;
  fill?: string;
  bold?: boolean;
  numFmt?: string;
}

export interface SheetSpec {
  name: string;
  rows: (CellSpec | null)[][];
  merges: string[];
  widths: (number | undefined)[];
}

export interface BookSpec {
  sheets: SheetSpec[];
  /** 個人番号 planted somewhere, to prove no output ever prints them. */
  myNumbers: string[];
}

// ---------------------------------------------------------------------------------------------
// Values

export const myNumberOf = (first11: string): string => `${first11}${myNumberCheckDigit(first11)}`;

const HOSTILE_UNITS = [
  "\u0001", "\u0007", "\u001b", "\u007f", "\t", "\n", "\r", "\u202e", "\u202d", "\u200f", "\u2066", "\u200b", "\ufeff",
  "𠮷", "👨‍👩‍👧", "🇯🇵", "\ud800", "\udfff", "a", "Z", "漢", "ｶ", "●", "\u3000", " ", "=", "+", "-", "@", "'", "\"", "<", "&",
  "1", "２", "※", "(", "【",
];

const hostileText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    "", " ", "　", "架空市福祉事務所", "=1+1", "=cmd|' /C calc'!A0", "+81-3-0000", "-", "-1", "@SUM(A1)", "#N/A", "#REF!",
    "R7.1.7", "令和7年1月7日", "2025-13-45", "2025/2/30", "１２３", "1,200", "1.5", "-3", "登録済み", "12_令和7年4月以降",
    "令和7年4月以降⇒R7年3月", "未定", "○", "TRUE", "NaN", "Infinity", "1e308", "0x10", "　架空　太郎　", "住所", "氏名",
    "保険者コード", "福祉事務所名", "判定_優先", "3_準備中", "9_謎", "被災地域", "返信なし",
  ),
  fc.string({ unit: fc.constantFrom(...HOSTILE_UNITS), maxLength: 24 }),
  fc.string({ maxLength: 12 }),
  fc.constantFrom(30_000, 32_767).map((n) => "長".repeat(n)),
);

const officeCode = fc
  .tuple(fc.constantFrom("12", "25", "11", "99"), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 999 }))
  .map(([law, pref, inst]) => makeOfficeCode(law, pref, inst));

const myNumber = fc
  .tuple(fc.stringMatching(/^\d{11}$/), fc.constantFrom("plain", "spaced", "hyphen", "number", "inText"))
  .map(([first11, form]) => {
    const n = myNumberOf(first11);
    const spaced = `${n.slice(0, 4)} ${n.slice(4, 8)} ${n.slice(8)}`;
    switch (form) {
      case "spaced":
        return { value: spaced as ExcelJS.CellValue, digits: n };
      case "hyphen":
        return { value: spaced.replace(/ /g, "-") as ExcelJS.CellValue, digits: n };
      case "number":
        return { value: (n.startsWith("0") ? n : Number(n)) as ExcelJS.CellValue, digits: n };
      case "inText":
        return { value: `番号${n}です` as ExcelJS.CellValue, digits: n };
      default:
        return { value: n as ExcelJS.CellValue, digits: n };
    }
  });

const utcDate = fc
  .integer({ min: Date.UTC(1800, 0, 1) / 86_400_000, max: Date.UTC(2030, 11, 31) / 86_400_000 })
  .map((d) => new Date(d * 86_400_000));

const scalar: fc.Arbitrary<ExcelJS.CellValue> = fc.oneof(
  { weight: 4, arbitrary: hostileText },
  { weight: 2, arbitrary: fc.constantFrom(null, true, false, 0, -0, 1e308, -1e308, 5e-324, NaN, Infinity, -Infinity, -1, 1.5, 45600, 12345678, 2 ** 53) },
  { weight: 1, arbitrary: fc.double() },
  { weight: 2, arbitrary: officeCode },
  { weight: 2, arbitrary: utcDate },
);

const errorValue = fc.constantFrom("#N/A", "#REF!", "#DIV/0!", "#VALUE!", "#NAME?", "#NUM!", "#NULL!").map((error) => ({ error }) as ExcelJS.CellErrorValue);

/** Any cell value ExcelJS can write: scalars, errors, formulas, rich text, hyperlinks. */
export const hostileValue: fc.Arbitrary<ExcelJS.CellValue> = fc.oneof(
  { weight: 10, arbitrary: scalar },
  { weight: 1, arbitrary: errorValue },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom("A1*2", "SUM(A:A)", "NOW()", "VLOOKUP(B2,マスタ!A:B,2,FALSE)", "#REF!+1", "1/0", "\"=\"&\"1\""), fc.oneof(scalar, errorValue))
      .map(([formula, result]) => ({ formula, result }) as ExcelJS.CellFormulaValue),
  },
  {
    weight: 1,
    arbitrary: fc.tuple(hostileText, hostileText).map(([a, b]) => ({ richText: [{ text: a || "x", font: { bold: true } }, { text: b }] }) as ExcelJS.CellRichTextValue),
  },
  {
    weight: 1,
    arbitrary: fc.tuple(hostileText, fc.constantFrom("https://example.com/a?b=1", "mailto:x@example.com", "#マスタ!A1")).map(
      ([text, hyperlink]) => ({ text: text || "link", hyperlink }) as ExcelJS.CellHyperlinkValue,
    ),
  },
);

const decorated = (value: fc.Arbitrary<ExcelJS.CellValue>): fc.Arbitrary<CellSpec> =>
  fc.record(
    {
      value,
      note: fc.constantFrom("確認中", "要電話\n担当: 架空", "👀"),
      fill: fc.constantFrom("FFFFFF00", "FFFFC7CE", "FF00B050"),
      bold: fc.boolean(),
      numFmt: fc.constantFrom("@", "yyyy/m/d", "#,##0", "0.0%", "General", "[$-ja-JP]ggge\"年\"m\"月\"d\"日\""),
    },
    { requiredKeys: ["value"] },
  );

// ---------------------------------------------------------------------------------------------
// Sheets

const MASTER_HEADERS = [
  "保険者コード", "福祉事務所名 ※保険者コード単位", "被保護者 人数(人)", "資格情報登録開始日", "都道府県", "自治体名", "ベンダ （略称）",
  "アンケート対象", "アンケート回答日", "対応状況", "登録予定月", "登録予定時期", "状況確認メール送付日", "状況確認メール返信", "除外区分",
  "現状", "備考", "独自メモ", "判定_優先", "",
];

/** A plausible value for a header, so that the commands get past the header checks and compute. */
function plausible(header: string): fc.Arbitrary<ExcelJS.CellValue> {
  if (header.startsWith("保険者コード")) return officeCode;
  if (header.startsWith("被保護者")) return fc.oneof(fc.integer({ min: 0, max: 5000 }), fc.constant("1,200"));
  if (header.includes("日")) return fc.oneof(utcDate, fc.constantFrom("2025/1/7", "R7.1.7", null));
  if (header.includes("予定")) return fc.constantFrom("登録済み", "令和7年3月", "令和7年4月以降", "未定", "R7年4月以降⇒R7年3月", null);
  if (header === "対応状況") return fc.constantFrom("1_登録済み", "3_準備中", "3", null);
  if (header === "アンケート対象") return fc.constantFrom("○", null);
  if (header === "都道府県") return fc.constantFrom("東京都", "北海道", "架空県");
  if (header.startsWith("資格情報_") || header.startsWith("医療情報_")) return fc.integer({ min: 0, max: 500 });
  return fc.constantFrom("架空市福祉事務所", "空想町", "夢見区福祉事務所", null);
}

function tableSheet(name: fc.Arbitrary<string>, headers: string[], maxRows: number): fc.Arbitrary<SheetSpec> {
  return fc
    .tuple(
      name,
      fc.subarray(headers, { minLength: 1 }),
      fc.array(fc.constantFrom(...headers), { maxLength: 2 }), // duplicated headers
      fc.integer({ min: 0, max: 3 }), // title rows above the header
      fc.integer({ min: 0, max: maxRows }),
    )
    .chain(([sheetName, picked, dupes, titleRows, rowCount]) => {
      const header = [...picked, ...dupes];
      const cell = (h: string) =>
        fc.oneof({ weight: 3, arbitrary: decorated(plausible(h)) }, { weight: 1, arbitrary: decorated(hostileValue) }, { weight: 1, arbitrary: fc.constant(null) });
      return fc
        .tuple(
          fc.array(fc.array(fc.option(decorated(hostileValue), { nil: null }), { maxLength: 3 }), { minLength: titleRows, maxLength: titleRows }),
          fc.array(fc.tuple(...header.map(cell)), { minLength: rowCount, maxLength: rowCount }),
          fc.array(fc.option(fc.integer({ min: 2, max: 60 }), { nil: undefined }), { maxLength: header.length }),
          fc.array(
            fc.tuple(fc.integer({ min: 0, max: titleRows + rowCount }), fc.integer({ min: 0, max: header.length }), fc.integer({ min: 0, max: 2 }), fc.integer({ min: 1, max: 2 })),
            { maxLength: 2 },
          ),
        )
        .map(([titles, rows, widths, merges]) => {
          const headerRow: (CellSpec | null)[] = header.map((h) => (h === "" ? null : { value: h }));
          const all = [...titles, headerRow, ...rows];
          return {
            name: sheetName,
            rows: all,
            widths,
            merges: merges.map(([r, c, dr, dc]) => `${col(c)}${r + 1}:${col(c + dc)}${r + 1 + dr}`),
          };
        });
    });
}

function col(c: number): string {
  let s = "";
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

const looseSheet = (name: string, maxRows: number): fc.Arbitrary<SheetSpec> =>
  fc.array(fc.array(fc.option(decorated(hostileValue), { nil: null }), { maxLength: 6 }), { maxLength: maxRows }).map((rows) => ({ name, rows, merges: [], widths: [] }));

const settingsSheet: fc.Arbitrary<SheetSpec> = fc
  .array(
    fc.tuple(
      fc.constantFrom("全数_福祉事務所数", "全数_被保護者数", "優先_被保護者数閾値", "アンケート_基準月", "公文書_発出月", "年度末", "無効ルール", "謎の項目", ""),
      hostileValue,
    ),
    { maxLength: 8 },
  )
  .map((pairs) => ({
    name: SHEET_NAMES.settings,
    rows: [[{ value: "項目" }, { value: "値" }], ...pairs.map(([k, v]) => [k === "" ? null : { value: k }, { value: v }])],
    merges: [],
    widths: [],
  }));

const historySheet: fc.Arbitrary<SheetSpec> = tableSheet(fc.constant(SHEET_NAMES.history), ["基準日", ...MASTER_HEADERS.slice(0, 6)], 6);

export const hostileBook: fc.Arbitrary<BookSpec> = fc
  .record({
    master: fc.option(tableSheet(fc.constant(SHEET_NAMES.master), MASTER_HEADERS, 10), { freq: 8, nil: null }),
    settings: fc.option(settingsSheet, { nil: null }),
    registration: fc.option(
      tableSheet(fc.constantFrom("支払基金_登録状況_20250107", "支払基金_登録状況"), ["保険者コード", "保険者名", "資格情報登録開始日", "データ基準日", "謎"], 8),
      { nil: null },
    ),
    suspension: fc.option(
      tableSheet(fc.constant("支払基金_閲覧停止_20250107"), ["保険者コード", "保険者名", "制度", "初回検知日", "資格情報_合計", "医療情報_加入中", "医療情報_資格喪失", "医療情報_合計"], 8),
      { nil: null },
    ),
    errors: fc.option(
      tableSheet(fc.constant("支払基金_エラー明細"), ["保険者コード", "被保険者番号", "氏名", "氏名カナ", "生年月日", "住所", "エラーコード"], 5),
      { freq: 3, nil: null },
    ),
    unknownList: fc.option(looseSheet("支払基金_謎", 3), { freq: 4, nil: null }),
    history: fc.option(historySheet, { freq: 3, nil: null }),
    empty: fc.option(fc.constant({ name: "空シート", rows: [], merges: [], widths: [] } as SheetSpec), { freq: 3, nil: null }),
    titleOnly: fc.option(fc.constant({ name: "表紙", rows: [[{ value: "オン資 管理表 ※社外秘" }]], merges: ["A1:F2"], widths: [40] } as SheetSpec), { freq: 3, nil: null }),
    memo: looseSheet("メモ", 4),
    planted: fc.array(myNumber, { maxLength: 2 }),
  })
  .map((r) => {
    const sheets = [r.master, r.settings, r.registration, r.suspension, r.errors, r.unknownList, r.history, r.empty, r.titleOnly, r.memo].filter(
      (s): s is SheetSpec => s !== null,
    );
    // Plant the 個人番号 in the memo sheet, below whatever it holds.
    r.planted.forEach((m, i) => r.memo.rows.push([null, { value: m.value, note: i === 0 ? "誤記" : undefined }]));
    return { sheets, myNumbers: r.planted.map((m) => m.digits) };
  });

// ---------------------------------------------------------------------------------------------
// Writing

export function toWorkbook(spec: BookSpec): ExcelJS.Workbook {
  const book = new ExcelJS.Workbook();
  for (const s of spec.sheets) {
    const ws = book.addWorksheet(s.name);
    s.rows.forEach((row, r) =>
      row.forEach((c, j) => {
        if (!c) return;
        const cell = ws.getCell(r + 1, j + 1);
        cell.value = c.value;
        if (c.note) cell.note = c.note;
        if (c.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: c.fill } };
        if (c.bold) cell.font = { bold: true };
        if (c.numFmt) cell.numFmt = c.numFmt;
      }),
    );
    s.widths.forEach((w, j) => {
      if (w !== undefined) ws.getColumn(j + 1).width = w;
    });
    for (const m of s.merges) {
      try {
        ws.mergeCells(m);
      } catch {
        // overlapping merges are refused by ExcelJS as by Excel; the book just has fewer merges
      }
    }
  }
  return book;
}

export async function writeBook(spec: BookSpec): Promise<Uint8Array> {
  return new Uint8Array(await toWorkbook(spec).xlsx.writeBuffer());
}

// ---------------------------------------------------------------------------------------------
// Fingerprints

const jsonValue = (v: unknown): unknown =>
  JSON.parse(
    JSON.stringify(v, (_k, x) => {
      if (typeof x === "number" && !Number.isFinite(x)) return `num:${x}`;
      return x;
    }),
  );

/** Everything the user can see or rely on in one cell. */
function cellPrint(cell: ExcelJS.Cell): string {
  // ExcelJS shows a merge's top-left value in every cell of the merge; only the top-left holds it.
  const slave = cell.type === ExcelJS.ValueType.Merge;
  const value = slave ? "(merged)" : cell.value instanceof Date ? { date: Number.isNaN(cell.value.getTime()) ? "invalid" : cell.value.toISOString() } : cell.value;
  return JSON.stringify(
    jsonValue({
      type: cell.type,
      value,
      formula: cell.formula ?? null,
      numFmt: cell.numFmt ?? null,
      font: cell.font ?? null,
      fill: cell.fill ?? null,
      border: cell.border ?? null,
      alignment: cell.alignment ?? null,
      note: cell.note ?? null,
    }),
  );
}

export interface SheetPrint {
  cells: Map<string, string>;
  widths: string;
  merges: string;
}

/** Fingerprints of every user sheet (generated sheets left out); `skip` leaves out owned cells. */
export function userPrints(book: ExcelJS.Workbook, skip: (sheet: string, row: number, col: number) => boolean = () => false): Map<string, SheetPrint> {
  const out = new Map<string, SheetPrint>();
  for (const ws of book.worksheets) {
    if (GENERATED_SHEETS.has(ws.name)) continue;
    const cells = new Map<string, string>();
    ws.eachRow({ includeEmpty: true }, (row, r) =>
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        if (skip(ws.name, r, c)) return;
        const print = cellPrint(cell);
        // A never-touched empty cell and a missing one are the same to the user.
        if (cell.type === ExcelJS.ValueType.Null && !cell.note && print === EMPTY_PRINT) return;
        cells.set(`${r},${c}`, print);
      }),
    );
    const w = (ws.columns ?? []).map((c) => c.width ?? null);
    while (w.length > 0 && w[w.length - 1] === null) w.pop(); // columns that only exist now
    const widths = JSON.stringify(w);
    const merges = JSON.stringify(Object.keys((ws as unknown as { _merges: Record<string, unknown> })._merges ?? {}).sort());
    out.set(ws.name, { cells, widths, merges });
  }
  return out;
}

const EMPTY_PRINT = JSON.stringify({ type: 0, value: null, formula: null, numFmt: null, font: null, fill: null, border: null, alignment: null, note: null });

/** Differences between two fingerprint maps, as readable lines (empty when equal). */
export function printDiff(before: Map<string, SheetPrint>, after: Map<string, SheetPrint>): string[] {
  const diffs: string[] = [];
  for (const [name, b] of before) {
    const a = after.get(name);
    if (!a) {
      diffs.push(`sheet ${name} is gone`);
      continue;
    }
    if (a.widths !== b.widths) diffs.push(`${name}: widths ${b.widths} → ${a.widths}`);
    if (a.merges !== b.merges) diffs.push(`${name}: merges ${b.merges} → ${a.merges}`);
    for (const key of new Set([...b.cells.keys(), ...a.cells.keys()])) {
      const x = b.cells.get(key) ?? EMPTY_PRINT;
      const y = a.cells.get(key) ?? EMPTY_PRINT;
      if (x !== y) diffs.push(`${name}!R${key.replace(",", "C")}: ${x.slice(0, 300)} → ${y.slice(0, 300)}`);
    }
  }
  for (const name of after.keys()) if (!before.has(name)) diffs.push(`new user sheet ${name}`);
  return diffs;
}

export async function loadBook(data: Uint8Array | Buffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(data as unknown as ArrayBuffer);
  return book;
}

/** Runs a property with the suite's seed and reports only the problems (never a 30,000-character counterexample). */
export async function checkProperty<T>(arb: fc.Arbitrary<T>, runs: number, body: (value: T) => Promise<string[]>): Promise<void> {
  let failure: string[] | null = null;
  const result = await fc.check(
    fc.asyncProperty(arb, async (value) => {
      const problems = await body(value).catch((e: unknown) => [`unexpected failure: ${(e as Error)?.stack ?? String(e)}`]);
      if (problems.length > 0) {
        failure = problems;
        return false;
      }
      return true;
    }),
    { seed: FUZZ_SEED, numRuns: runs, endOnFailure: true },
  );
  if (result.failed) {
    throw new Error(`seed ${FUZZ_SEED}, path ${result.counterexamplePath}:\n${(failure ?? ["(no detail)"]).map((p) => p.slice(0, 600)).join("\n")}`);
  }
}
