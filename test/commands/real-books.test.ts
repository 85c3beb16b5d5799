/**
 * Figures on books kept the way consultants really keep them (issue 10): every figure counts
 * offices only, ambiguous columns stop the computing commands, two-row headers and odd sheet names
 * work, and a stray cell at row 1,048,576 costs one finding. Expected figures are counted by hand
 * from the office list (real-books.ts), never taken from the engine.
 */
import { describe, expect, it } from "vitest";
import { createOfficeWorkbook } from "../../src/workbook/office";
import type { WorkbookPort } from "../../src/workbook/port";
import { buildXlsx, type XlsxWorkbook } from "../../src/workbook/xlsx/adapter";
import { isoToUtcDate } from "../../src/workbook/xlsx/serial";
import { buildSampleBook } from "../../src/demo/sample";
import { buildBook, createFakeExcel } from "../fake-excel";
import { aggregate } from "../../src/commands/aggregate";
import { diff } from "../../src/commands/diff";
import { snapshot } from "../../src/commands/snapshot";
import { summary } from "../../src/commands/summary";
import { validate } from "../../src/commands/validate";
import {
  BY_HAND,
  code,
  DUPLICATE,
  HAND_KEPT_EXCLUDED,
  handKeptMaster,
  newBook,
  OFFICES,
  plannedDateMaster,
  reload,
  saveFile,
  suspensionList,
  tableMaster,
  twoRecipientColumns,
  twoRowHeaderMaster,
} from "./real-books";
import { cli } from "../cli/capture";

const AS_OF = "2025-02-04";

/** The same book as the Office fake holds it (values and formats, anchored at A1), behind the Office adapter. */
async function officeTwin(book: XlsxWorkbook): Promise<WorkbookPort> {
  const names = await book.listSheets();
  const grids = await book.readSheets(names);
  const seeds = names.map((name) => {
    const g = grids.get(name)!;
    const pad = <T,>(rows: T[][], fill: T): T[][] => [...Array.from({ length: g.top - 1 }, () => []), ...rows.map((r) => [...Array.from({ length: g.left - 1 }, () => fill), ...r])];
    return { name, rows: pad(g.values, null), formats: g.formats ? pad(g.formats, "General") : undefined };
  });
  return createOfficeWorkbook(createFakeExcel(buildBook(seeds)).Excel.run);
}

/** stderr without the progress line (`… を処理しています…`). */
const errorLines = (stderr: string): string[] => stderr.trim().split("\n").filter((l) => !l.endsWith("…"));

function expectByHand(f: Awaited<ReturnType<typeof snapshot>>): void {
  expect(f.unregistered.offices).toBe(BY_HAND.unregistered);
  expect(f.unregistered.recipients).toBe(BY_HAND.recipients);
  expect(f.unregistered.officeShare).toBeCloseTo(6 / 1104, 12);
  expect(f.unregistered.recipientShare).toBeCloseTo(4900 / 2_008_090, 12);
  expect(f.registered.offices).toBe(1104 - 6);
  expect(f.large).toEqual({ threshold: 1000, offices: BY_HAND.large, recipients: BY_HAND.largeRecipients, shareOfUnregistered: 3700 / 4900 });
}

describe("a hand-kept master: title, units row, merged headings, a repeated code, 合計 =SUM, notes", () => {
  async function book() {
    const b = newBook();
    handKeptMaster(b);
    suspensionList(b);
    return reload(b);
  }

  it("snapshot counts the offices only (the 合計 row is no large unregistered office)", async () => {
    const f = await snapshot(await book(), { asOf: AS_OF });
    expectByHand(f);
    expect(f.excludedRows).toBe(HAND_KEPT_EXCLUDED);
  });

  it("writes 集計から除外した行 beside the computed tables", async () => {
    const b = await book();
    await snapshot(b, { asOf: "2025-01-21" });
    await snapshot(b, { asOf: AS_OF });
    await diff(b); // SPEC §4: 期間差分 is written by diff only
    const notes = (sheet: string) => {
      const out: string[] = [];
      b.book.getWorksheet(sheet)!.eachRow((row) => row.eachCell((c) => typeof c.value === "string" && c.value.startsWith("集計から除外した行") && out.push(c.value)));
      return out;
    };
    expect(notes("期間差分")[0]).toMatch(/^集計から除外した行: 7（/u);
    expect(notes("スナップショット")[0]).toMatch(/^集計から除外した行: 7（/u);
    const d = await diff(b);
    expect(d.excludedRows).toBe(HAND_KEPT_EXCLUDED);
    expect(d.unregistered.offices).toBe(BY_HAND.unregistered);
    // Nothing changed between the two dates: no office was added or removed by the odd rows.
    expect([d.added, d.removed, d.changes]).toEqual([[], [], []]);
  });

  it("summary never lists 合計 or 【関東】 and writes no 判定_ value into rows that are not offices", async () => {
    const b = await book();
    const r = await summary(b, { asOf: AS_OF });
    const names = [...r.classes.map((c) => c.name), ...r.documents.map((d) => d.name)];
    expect(names.some((n) => /合計|【/u.test(n))).toBe(false);
    expect(r.documents.map((d) => d.code).sort()).toEqual([1, 2, 4, 5, 7, 9].map(code).sort());
    expect(r.distribution.total).toBe(BY_HAND.unregistered);
    expect(r.excludedRows).toBe(HAND_KEPT_EXCLUDED);
    const ws = b.book.getWorksheet("マスタ")!;
    const header = ws.getRow(4).values as unknown[];
    const judge = header.indexOf("判定_登録状況");
    expect(judge).toBeGreaterThan(0);
    for (const row of [5, 6, 12, 17, 18, 20, 21]) expect(ws.getCell(row, judge).value ?? null).toBeNull();
    expect(ws.getCell(7, judge).value).toBe("未登録");
    expect(ws.getCell(9, judge).value).toBe("登録済");
    // The sheets say what was left out.
    expect(JSON.stringify(b.book.getWorksheet("予定時期分布")!.getSheetValues())).toContain("集計から除外した行: 7");
  });

  it("aggregate leaves the list's 合計 row and the master's odd rows out", async () => {
    const r = await aggregate(await book());
    expect(r.total).toBe(100);
    expect(r.top.map((t) => [t.code, t.count])).toEqual([[code(5), 50], [code(1), 30], [code(7), 20]]);
    // ベンダA: 一, 二, 五, 六, 九 of the nine offices (the repeated 二 counts once).
    expect(r.byVendor.find((v) => v.vendor === "ベンダA")!.officeShare).toBeCloseTo(5 / 9, 12);
    expect(r.excludedRows).toBe(HAND_KEPT_EXCLUDED);
    expect(r.listExcludedRows).toBe(2);
  });

  it("validate reports each row that is not an office once, the repeated code on both rows, and every finding has a cell", async () => {
    const r = await validate(await book(), { asOf: AS_OF });
    const notOffice = r.issues.filter((f) => f.rule === "row-not-office" && f.sheet === "マスタ");
    expect(notOffice.map((f) => f.row)).toEqual([5, 6, 12, 18, 20, 21]);
    expect(notOffice.map((f) => f.cell)).toEqual(["A5", "A6", "A12", "A18", "A20", "A21"]);
    expect(r.issues.filter((f) => f.rule === "code-duplicate").map((f) => f.row)).toEqual([8, 17]);
    // The odd rows get no other finding (no required-empty on 合計, no number-invalid on (人)).
    expect(r.issues.filter((f) => [5, 6, 12, 18, 20, 21].includes(f.row) && f.rule !== "row-not-office" && f.sheet === "マスタ")).toEqual([]);
    for (const f of r.issues) expect(f.cell).not.toBe("");
    expect(DUPLICATE.code).toBe(OFFICES[1].code);
  });

  it("the CLI prints the excluded count in text and JSON", async () => {
    const b = newBook();
    handKeptMaster(b);
    const file = await saveFile(b);
    const json = await cli(["snapshot", file, "--as-of", AS_OF, "--json"]);
    expect(json.exit).toBe(0);
    const parsed = JSON.parse(json.stdout);
    expect(parsed.excludedRows).toBe(HAND_KEPT_EXCLUDED);
    expect(parsed.unregistered.offices).toBe(6);
    const text = await cli(["summary", file, "--as-of", AS_OF]);
    expect(text.exit).toBe(0);
    expect(text.stdout).toContain("集計から除外した行: 7");
    const v = await cli(["validate", file, "--as-of", AS_OF, "--json"]);
    expect(JSON.parse(v.stdout).issues.every((f: { cell: string }) => f.cell !== "")).toBe(true);
  });

  it("the add-in's own code (Office.js adapter, which sees no merges or tables) gives the same figures and findings", async () => {
    const xlsx = await book();
    const office = await officeTwin(xlsx);
    expect(await snapshot(office, { asOf: AS_OF })).toEqual(await snapshot(xlsx, { asOf: AS_OF }));
    const a = await validate(await book(), { asOf: AS_OF });
    const b = await validate(await officeTwin(await book()), { asOf: AS_OF });
    expect(b.issues).toEqual(a.issues);
  });
});

describe("an Excel table with a totals row", () => {
  it("the totals row doubles nothing and is reported as a 合計 row", async () => {
    const b = newBook();
    tableMaster(b);
    const book = await reload(b);
    const f = await snapshot(book, { asOf: AS_OF });
    expect(f.unregistered.offices).toBe(6);
    expect(f.unregistered.recipients).toBe(4900);
    expect(f.excludedRows).toBe(1);
    const v = await validate(await reload(b), { asOf: AS_OF });
    const row = v.issues.find((i) => i.rule === "row-not-office")!;
    expect(row).toMatchObject({ row: 3 + OFFICES.length + 1, cell: `A${3 + OFFICES.length + 1}` });
    expect(row.message).toContain("合計の行");
  });
});

describe("a two-row header in マスタ", () => {
  it("composes 資格情報 + 登録開始日 and never reads the lower header row as an office", async () => {
    const b = newBook();
    twoRowHeaderMaster(b);
    const f = await snapshot(await reload(b), { asOf: AS_OF });
    expect(f.unregistered.offices).toBe(OFFICES.filter((o) => !o.start).length);
    expect(f.unregistered.recipients).toBe(1200 + 300 + 800 + 2500 + 40 + 60 + 300 - 300);
    expect(f.excludedRows).toBeUndefined();
    const v = await validate(await reload(b), { asOf: AS_OF });
    expect(v.issues.filter((i) => i.sheet === "マスタ").map((i) => i.rule)).toEqual([]);
  });
});

describe("two columns that match one field", () => {
  it("stops every computing command with one line naming both headers and their cells", async () => {
    const b = newBook();
    twoRecipientColumns(b);
    const file = await saveFile(b);
    for (const args of [["snapshot", file, "--as-of", AS_OF], ["summary", file, "--as-of", AS_OF]]) {
      const r = await cli(args);
      expect(r.exit).toBe(2);
      expect(errorLines(r.stderr)).toHaveLength(1);
      expect(r.stderr).toContain("「被保護者数（R5.3）」（C1）");
      expect(r.stderr).toContain("「被保護者数（R6.3）」（D1）");
      expect(r.stderr).toContain("列_被保護者数");
    }
    const v = await cli(["validate", file, "--as-of", AS_OF, "--json"]);
    expect(v.exit).toBe(1);
    const dup = JSON.parse(v.stdout).issues.filter((i: { rule: string }) => i.rule === "header-duplicate");
    expect(dup.map((i: { cell: string }) => i.cell)).toEqual(["C1", "D1"]);
  });

  it("two start-date columns (自治体回答 / 支払基金) stop snapshot and aggregate until 設定 picks one", async () => {
    const build = (extra?: (string | number)[][]) => {
      const b = newBook(extra);
      const ws = b.addWorksheet("マスタ");
      ws.addRow(["保険者コード", "福祉事務所名", "被保護者数", "資格情報登録開始日（自治体回答）", "資格情報登録開始日（支払基金）"]);
      // The offices say they started; the Payment Fund has registered only the ones of OFFICES.
      OFFICES.forEach((o) => ws.addRow([o.code, o.name, o.recipients, isoToUtcDate("2024-12-01"), o.start ? isoToUtcDate(o.start) : null]));
      suspensionList(b);
      return b;
    };
    const file = await saveFile(build());
    for (const args of [["snapshot", file, "--as-of", AS_OF], ["aggregate", file]]) {
      const r = await cli(args);
      expect(r.exit).toBe(2);
      expect(errorLines(r.stderr)).toEqual([expect.stringMatching(/「資格情報登録開始日（自治体回答）」（D1）と「資格情報登録開始日（支払基金）」（E1）.*列_資格情報登録開始日/u)]);
    }
    const f = await snapshot(await reload(build([["列_資格情報登録開始日", "資格情報登録開始日（支払基金）"]])), { asOf: AS_OF });
    expect(f.unregistered.offices).toBe(BY_HAND.unregistered);
    const g = await snapshot(await reload(build([["列_資格情報登録開始日", "資格情報登録開始日（自治体回答）"]])), { asOf: AS_OF });
    expect(g.unregistered.offices).toBe(0);
  });

  it("uses the column 設定 列_被保護者数 names", async () => {
    const b = newBook([["列_被保護者数", "被保護者数（R6.3）"]]);
    twoRecipientColumns(b);
    const f = await snapshot(await reload(b), { asOf: AS_OF });
    expect(f.unregistered.recipients).toBe(BY_HAND.recipients);
    const old = newBook([["列_被保護者数", "被保護者数（R5.3）"]]);
    twoRecipientColumns(old);
    const g = await snapshot(await reload(old), { asOf: AS_OF });
    expect(g.unregistered.recipients).toBe(BY_HAND.recipients + BY_HAND.unregistered * 100);
    const file = await saveFile(b);
    const v = await cli(["validate", file, "--as-of", AS_OF, "--json"]);
    expect(JSON.parse(v.stdout).issues.filter((i: { rule: string }) => i.rule === "header-duplicate")).toEqual([]);
  });

  it("a planned date （予定） is not the start date", async () => {
    const b = newBook();
    plannedDateMaster(b);
    const f = await snapshot(await reload(b), { asOf: AS_OF });
    expect(f.unregistered.offices).toBe(OFFICES.length);
    const v = await validate(await reload(b), { asOf: AS_OF });
    expect(v.issues.find((i) => i.rule === "header-missing")).toMatchObject({ column: "資格情報登録開始日", cell: "A1" });
  });
});

describe("sheet names and stray cells", () => {
  it("a tab named `マスタ ` is マスタ for validate and every command", async () => {
    const b = newBook();
    const ws = handKeptMaster(b, "マスタ ");
    ws.getCell(7, 1).value = `${code(1).slice(0, 7)}${(Number(code(1)[7]) + 1) % 10}`;
    const file = await saveFile(b);
    const v = await cli(["validate", file, "--as-of", AS_OF, "--json"]);
    expect(v.exit).toBe(1);
    expect(JSON.parse(v.stdout).issues.some((i: { rule: string; sheet: string }) => i.rule === "code-check-digit" && i.sheet === "マスタ ")).toBe(true);
    const s = await cli(["summary", file, "--as-of", AS_OF, "--json"]);
    expect(s.exit).toBe(0);
  });

  it("a book without マスタ: validate names it at A1 (exit 1), other commands stop with one line (exit 2)", async () => {
    const b = newBook();
    b.addWorksheet("マスター").addRow(["保険者コード", "福祉事務所名", "被保護者数", "資格情報登録開始日"]);
    const file = await saveFile(b);
    const v = await cli(["validate", file, "--as-of", AS_OF, "--json"]);
    expect(v.exit).toBe(1);
    expect(JSON.parse(v.stdout).issues).toContainEqual(expect.objectContaining({ rule: "sheet-missing", sheet: "設定", cell: "A1", severity: "error" }));
    const s = await cli(["snapshot", file, "--as-of", AS_OF]);
    expect(s.exit).toBe(2);
    expect(errorLines(s.stderr)).toHaveLength(1);
    expect(s.stderr).toContain("マスタ");
  });

  it("a stray cell at row 1,048,576 costs one finding and no crash", async () => {
    const b = newBook();
    const ws = handKeptMaster(b);
    ws.getCell(1_048_576, 2).value = "x";
    const book = await reload(b);
    const v = await validate(book, { asOf: AS_OF });
    expect(v.issues.filter((i) => i.row === 1_048_576)).toEqual([expect.objectContaining({ rule: "row-not-office", cell: "A1048576" })]);
    expect(v.issues.filter((i) => i.rule === "blank-row")).toEqual([]);
    const f = await snapshot(book, { asOf: AS_OF });
    expectByHand(f);
    expect(f.excludedRows).toBe(HAND_KEPT_EXCLUDED + 1);
  }, 120_000);
});

describe("every finding has a cell", () => {
  it("on the bundled sample book, whose findings cover most rules", async () => {
    const sample = buildSampleBook();
    const r = await validate(buildXlsx(sample.sheets.map((s) => ({ name: s.name, rows: s.rows }))), { asOf: AS_OF });
    expect(r.issues.length).toBeGreaterThan(10);
    expect(r.issues.filter((f) => f.cell === "")).toEqual([]);
  });
});

describe("a sum row without a label", () => {
  it("is a total (no required-empty on it) and counts nowhere", async () => {
    const b = newBook();
    const ws = b.addWorksheet("マスタ");
    ws.addRow(["保険者コード", "福祉事務所名", "被保護者数", "資格情報登録開始日"]);
    ws.addRow([code(1), "一市福祉事務所", 1200, null]);
    ws.addRow([code(2), "二市福祉事務所", 300, null]);
    ws.addRow([null, null, { formula: "SUM(C2:C3)", result: 1500 }, null]);
    const v = await validate(await reload(b), { asOf: AS_OF });
    expect(v.issues.filter((i) => i.row === 4).map((i) => [i.rule, i.cell])).toEqual([["row-not-office", "A4"]]);
    expect(v.issues.find((i) => i.row === 4)!.message).toContain("合計の行");
    const f = await snapshot(await reload(b), { asOf: AS_OF });
    expect([f.unregistered.offices, f.unregistered.recipients, f.large.offices, f.excludedRows]).toEqual([2, 1500, 1, 1]);
  });
});

describe("判定_ cells of rows that are not offices", () => {
  it("are cleared (a 合計 row keeps no stale 未登録 from an older run), and the notes below stay as they are", async () => {
    const b = newBook();
    const ws = handKeptMaster(b);
    ws.getCell(4, 7).value = "判定_登録状況";
    ws.getCell(18, 7).value = "未登録";
    ws.getCell(6, 7).value = "未登録";
    const book = await reload(b);
    await summary(book, { asOf: AS_OF });
    const out = book.book.getWorksheet("マスタ")!;
    expect([out.getCell(18, 7).value ?? null, out.getCell(6, 7).value ?? null, out.getCell(7, 7).value]).toEqual([null, null, "未登録"]);
    expect(out.getCell(20, 1).value).toBe("※ 登録開始日は支払基金の登録状況一覧（2025年2月4日）による");
  });
});
