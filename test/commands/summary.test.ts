import ExcelJS from "exceljs";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/main";
import { summary } from "../../src/commands/summary";
import { dateOut, type OutCell, type RawCell } from "../../src/domain/cell";
import { JUDGE_COLUMNS } from "../../src/domain/schema/fields";
import { HIGHLIGHT_MARKER } from "../../src/workbook/port";
import { buildXlsx, loadXlsxBuffer, type XlsxWorkbook } from "../../src/workbook/xlsx/adapter";
import { MASTER_HEADER, SEED_SURVEY_DATES, SEED_SURVEY_TABLE, masterRow, seedSurveyOffices, type OfficeSpec } from "../domain/office-fixtures";

const AS_OF = "2024-11-28";
const DATE_COLUMNS = new Set(["資格情報登録開始日", "アンケート回答日", "状況確認メール送付日"]);
const TITLE_ROWS = 2; // a title and a blank row above the header: header on Excel row 3
const USER_COLUMN = "担当者";

/** The seed offices with a few large ones, so that every class occurs. */
function offices(): OfficeSpec[] {
  let later = 0;
  let delayed = 0;
  let thisYear = 0;
  return seedSurveyOffices().map((s) => {
    if (s.start || !s.answer) return s;
    if (/以降|2025-06/.test(s.answer) && later++ % 5 === 0) return { ...s, recipients: 1500 + later };
    if (/登録済み|令和6年8月/.test(s.answer) && delayed++ % 4 === 0) return { ...s, recipients: 2000 + delayed };
    if (/令和7年1月/.test(s.answer) && thisYear++ === 0) return { ...s, recipients: 3000 };
    return s;
  });
}

function bookRows(specs: OfficeSpec[]): OutCell[][] {
  const header = [...MASTER_HEADER, USER_COLUMN];
  const rows = specs.map((s, i) => [
    ...masterRow(s, i).map((v: RawCell, j): OutCell => (DATE_COLUMNS.has(MASTER_HEADER[j]) && typeof v === "string" ? dateOut(v) : v)),
    `担当${i % 3}`,
  ]);
  return [["マスタ（架空）"], [], header, ...rows];
}

function settingsRows(): OutCell[][] {
  return [["項目", "値"], ["アンケート_基準月", "2024-10"], ["公文書_発出月", "2025-03, 2025-04"]];
}

/** A book with the user's own decorations: fills, a comment, a formula, a conditional format. */
function userBook(specs = offices()): XlsxWorkbook {
  const book = buildXlsx([{ name: "設定", rows: settingsRows() }, { name: "マスタ", rows: bookRows(specs) }]);
  const ws = book.book.getWorksheet("マスタ")!;
  ws.getCell("B4").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FF00FF00" } };
  ws.getCell("O5").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFF00FF" } };
  ws.getCell("B5").note = "ユーザーのコメント";
  ws.getCell("C6").value = { formula: "50+50", result: 100 } as ExcelJS.CellFormulaValue;
  ws.addConditionalFormatting({ ref: "A4:O200", rules: [{ type: "expression", priority: 1, formulae: ['$C4>5000'], style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: "FF0000FF" } } } }] });
  return book;
}

/** ExcelJS keeps the sheet's conditional formats in an untyped property. */
type Cf = { ref: string; rules: ExcelJS.ConditionalFormattingRule[] };
const cfsOf = (ws: ExcelJS.Worksheet): Cf[] => (ws as unknown as { conditionalFormattings: Cf[] }).conditionalFormattings;

async function roundTrip(book: XlsxWorkbook): Promise<XlsxWorkbook> {
  return loadXlsxBuffer(new Uint8Array(await book.book.xlsx.writeBuffer()));
}

/** Every cell of a sheet (value, format, fill, note) within the given columns. */
function dumpCells(ws: ExcelJS.Worksheet, maxCol = Infinity): string[] {
  const out: string[] = [];
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      if (c > maxCol) return;
      out.push(`${r}:${c}=${JSON.stringify({ v: cell.value, f: cell.numFmt, fill: cell.fill, note: cell.note })}`);
    });
  });
  return out;
}

function dumpBook(book: XlsxWorkbook): string {
  return JSON.stringify(book.book.worksheets.map((ws) => ({ name: ws.name, cells: dumpCells(ws), cf: cfsOf(ws) })));
}

const ourRules = (ws: ExcelJS.Worksheet) => cfsOf(ws).filter((cf) => JSON.stringify(cf.rules).includes(HIGHLIGHT_MARKER));

describe("summary (ExcelJS adapter)", () => {
  it("returns the SPEC §5 shapes and the seed's survey figures", async () => {
    const book = await roundTrip(userBook());
    const r = await summary(book, { asOf: AS_OF, dates: SEED_SURVEY_DATES });
    expect(r.survey.map((c) => c.date)).toEqual(SEED_SURVEY_DATES);
    expect(r.surveyRows.map((row) => [row.label, row.values])).toEqual(SEED_SURVEY_TABLE);
    expect(r.survey[0]).toEqual({ date: "2024-10-15", registered: 64, unregistered: 121, unanswered: 52, answered: 69, planned: 27, plannedThisYear: 20, plannedLater: 7, delayed: 42, delayedBy: { 登録済み: 2, "2024-07": 1, "2024-08": 16, "2024-09": 23 } });
    // classes: one entry per office unregistered at A (112 survey offices + 10 outside the survey)
    expect(r.classes).toHaveLength(122);
    const counts = Object.fromEntries(["①", "②", "③", "④", null].map((k) => [String(k), r.classes.filter((c) => c.class === k).length]));
    expect(counts["①"]).toBeGreaterThan(0);
    expect(counts["②"]).toBeGreaterThan(0);
    expect(counts["③"]).toBe(1);
    expect(counts["①"] + counts["④"]).toBe(27); // every later answer is ① or ④
    for (const c of r.classes) {
      expect(c.answer).toMatch(/^(登録済み|\d{4}-\d{2}(以降)?|未定|未回答)$/);
      expect(c.plan).toMatch(/^(登録済み|\d{4}-\d{2}(以降)?|未定|未回答)$/);
      expect(c.priority).toBe(c.class === "①" || c.class === "②");
    }
    expect(r.documents).toHaveLength(122);
    expect(r.documents.every((d) => d.branch === "no-mail" && d.action === "状況確認メール" && d.month === "2025-03")).toBe(true);
    expect(r.distribution.total).toBe(122);
  });

  it("writes the sheets, the 判定_ columns at the right end and the highlights, and nothing else in マスタ", async () => {
    const book = await roundTrip(userBook());
    const before = book.book.getWorksheet("マスタ")!;
    const width = 15; // 14 fixture columns + 担当者
    const cellsBefore = dumpCells(before, width);
    await summary(book, { asOf: AS_OF, dates: SEED_SURVEY_DATES });
    const after = await roundTrip(book);
    const ws = after.book.getWorksheet("マスタ")!;

    expect(dumpCells(ws, width)).toEqual(cellsBefore);
    expect(JUDGE_COLUMNS.map((_, k) => ws.getCell(TITLE_ROWS + 1, width + 1 + k).value)).toEqual([...JUDGE_COLUMNS]);
    expect(ws.getCell(TITLE_ROWS + 1, width + 1 + JUDGE_COLUMNS.length).value).toBeNull();

    const names = after.book.worksheets.map((w) => w.name);
    expect(names).toEqual(expect.arrayContaining(["架電結果まとめ", "予定時期分布", "優先対応", "公文書対象"]));
    const survey = after.book.getWorksheet("架電結果まとめ")!;
    expect(survey.getCell("E2").value).toBe("機関数(10/15)");
    expect(survey.getCell("I2").value).toBe("機関数(11/19)");
    expect(survey.getCell("A3").value).toBe("資格情報登録済");
    expect(survey.getCell("E3").value).toBe(64);
    expect(survey.getCell("E3").numFmt).toBe("#,##0");

    // judge values: find the columns by header and check a priority and a delayed row
    const col = (name: string) => width + 1 + JUDGE_COLUMNS.indexOf(name as (typeof JUDGE_COLUMNS)[number]);
    const lastRow = TITLE_ROWS + 1 + 195;
    const rowsWith = (name: string, value: string) => {
      const rows: number[] = [];
      for (let r = TITLE_ROWS + 2; r <= lastRow; r++) if (ws.getCell(r, col(name)).value === value) rows.push(r);
      return rows;
    };
    expect(rowsWith("判定_登録状況", "登録済")).toHaveLength(73);
    expect(rowsWith("判定_登録状況", "未登録")).toHaveLength(122);
    expect(rowsWith("判定_優先", "優先").length).toBeGreaterThan(0);
    expect(rowsWith("判定_優先", "優先").every((r) => ["①", "②"].includes(String(ws.getCell(r, col("判定_区分")).value)))).toBe(true);
    // 40 answered 登録済み / 7–9月, plus the 9 that answered 令和6年10月 (over by 11/28)
    expect(rowsWith("判定_遅延", "遅延")).toHaveLength(49);
    expect(rowsWith("判定_公文書", "状況確認メール（令和7年3月）")).toHaveLength(122);
    expect(rowsWith("判定_検証", "")).toHaveLength(0);

    // highlights: ours keyed on 判定_優先 / 判定_遅延 over the used rows; the user's rule untouched
    const ours = ourRules(ws);
    expect(ours).toHaveLength(1);
    const letter = (c: number) => ws.getColumn(c).letter;
    expect(ours[0].ref).toBe(`A${TITLE_ROWS + 2}:${letter(width + JUDGE_COLUMNS.length)}${lastRow}`);
    const formulas = ours[0].rules.map((x: ExcelJS.ConditionalFormattingRule) => ("formulae" in x ? x.formulae?.[0] : ""));
    expect(formulas).toEqual([
      `AND($${letter(col("判定_優先"))}${TITLE_ROWS + 2}="優先",ISTEXT("${HIGHLIGHT_MARKER}"))`,
      `AND($${letter(col("判定_遅延"))}${TITLE_ROWS + 2}="遅延",ISTEXT("${HIGHLIGHT_MARKER}"))`,
    ]);
    expect(JSON.stringify(ours[0].rules)).toContain("FFFFC7CE");
    expect(JSON.stringify(ours[0].rules)).toContain("FFFFEB9C");
    expect(cfsOf(ws).filter((cf) => JSON.stringify(cf.rules).includes("$C4>5000"))).toHaveLength(1);
  });

  it("is idempotent: a second run gives the same workbook and replaces its own highlight", async () => {
    const once = await roundTrip(userBook());
    await summary(once, { asOf: AS_OF, dates: SEED_SURVEY_DATES });
    const first = await roundTrip(once);
    await summary(first, { asOf: AS_OF, dates: SEED_SURVEY_DATES });
    const second = await roundTrip(first);
    expect(dumpBook(second)).toBe(dumpBook(await roundTrip(once)));
    const ws = second.book.getWorksheet("マスタ")!;
    expect(ourRules(ws)).toHaveLength(1);
    expect(cfsOf(ws)).toHaveLength(2);
  });

  it("reuses existing 判定_ columns wherever they are and clears stale judgements", async () => {
    const specs: OfficeSpec[] = [
      { recipients: 5000, answerDate: "2024-08-01", answer: "12_令和7年4月以降" },
      { recipients: 100, start: "2024-09-01" },
    ];
    const header = ["保険者コード", "判定_優先", ...MASTER_HEADER.slice(1)];
    const rows = specs.map((s, i) => {
      const r = masterRow(s, i) as OutCell[];
      return [r[0], i === 1 ? "優先" : null, ...r.slice(1)];
    });
    const book = buildXlsx([{ name: "マスタ", rows: [header, ...rows] }]);
    const r = await summary(book, { asOf: AS_OF });
    expect(r.createdColumns).toEqual(JUDGE_COLUMNS.filter((c) => c !== "判定_優先"));
    const ws = book.book.getWorksheet("マスタ")!;
    expect(ws.getCell("B2").value).toBe("優先");
    expect(ws.getCell("B3").value).toBeNull();
    expect(ws.getCell(1, header.length + 1).value).toBe("判定_登録状況");
    expect(r.survey).toHaveLength(1);
    expect(r.classes.map((c) => c.class)).toEqual(["①"]);
  });

  it("never creates a 判定_ column over a user's unlabelled cell", async () => {
    const rows = [[...MASTER_HEADER], masterRow({ answer: "令和7年4月以降" }, 0), masterRow({}, 1)] as OutCell[][];
    rows[2].push("見出しのないメモ");
    const book = buildXlsx([{ name: "マスタ", rows }]);
    await summary(book, { asOf: AS_OF });
    const ws = book.book.getWorksheet("マスタ")!;
    const memoCol = MASTER_HEADER.length + 1;
    expect(ws.getCell(3, memoCol).value).toBe("見出しのないメモ");
    expect(ws.getCell(1, memoCol).value).toBeNull();
    expect(ws.getCell(2, memoCol).value).toBeNull();
    expect(ws.getCell(1, memoCol + 1).value).toBe("判定_登録状況");
    expect(ws.getCell(2, memoCol + 1).value).toBe("未登録");
  });

  it("stops with a CommandError on a bad --dates value and when マスタ is missing", async () => {
    await expect(summary(userBook(), { asOf: AS_OF, dates: ["2024-13-45"] })).rejects.toThrow(/日付「2024-13-45」/);
    await expect(summary(buildXlsx([{ name: "メモ", rows: [["x"]] }]), { asOf: AS_OF })).rejects.toThrow(/マスタ/);
  });
});

describe("onshi summary (CLI)", () => {
  it("prints exactly the four SPEC keys with --json and a Japanese table without", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "onshi-summary-"));
    const file = path.join(dir, "book.xlsx");
    writeFileSync(file, new Uint8Array(await userBook().book.xlsx.writeBuffer()));
    let stdout = "";
    const io = { stdout: (s: string) => (stdout += s), stderr: () => undefined };
    const code = await runCli(["summary", file, "--as-of", AS_OF, "--dates", SEED_SURVEY_DATES.join(","), "--json", "--out", path.join(dir, "out.xlsx")], io);
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(Object.keys(json)).toEqual(["survey", "distribution", "classes", "documents"]);
    expect(json.survey).toHaveLength(5);
    expect(Object.keys(json.classes[0])).toEqual(["code", "name", "recipients", "answer", "plan", "class", "delayed", "priority"]);
    expect(Object.keys(json.documents[0])).toEqual(["code", "name", "branch", "action", "month"]);
    expect(Object.keys(json.distribution[0])).toEqual(["plan", "offices", "share"]);
    stdout = "";
    expect(await runCli(["summary", file, "--as-of", AS_OF, "--out", path.join(dir, "out2.xlsx")], io)).toBe(0);
    expect(stdout).toContain("架電結果まとめ");
    expect(stdout).toContain("資格情報未登録");
    expect(stdout).toContain("予定時期分布");
  });
});
