// The figures on books kept the way consultants keep them (titles, notes, the survey form's long
// headers, lists pasted under a title line): each defect of issue 10's settings-and-values half.
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { applyRegistrations } from "../../src/commands/applyRegistrations";
import { diff } from "../../src/commands/diff";
import { planMask } from "../../src/domain/mask";
import { snapshot } from "../../src/commands/snapshot";
import { summary } from "../../src/commands/summary";
import { validate } from "../../src/commands/validate";
import { dateOut, type OutCell } from "../../src/domain/cell";
import { SEVERITY_LABEL } from "../../src/domain/findings";
import {
  HEADER_ROW,
  OFFICE_COUNT,
  REGISTERED,
  book,
  cli,
  masterRows,
  officeCode,
  officeName,
  recipientsOf,
  reloaded,
  settingsRows,
} from "../books/consultant-book";

const AS_OF = "2025-02-04";
const UNREGISTERED = OFFICE_COUNT - REGISTERED;
/** Excel row of office i. */
const rowOf = (i: number) => HEADER_ROW + 1 + i;
const START_COL = "E";

const plainBook = (override?: (i: number) => Partial<Record<string, OutCell>>) =>
  book([
    { name: "設定", rows: settingsRows(["全数_福祉事務所数", 1104], ["全数_被保護者数", 2008090]) },
    { name: "マスタ", rows: masterRows({ override }) },
  ]);

describe("a bare number in a date cell (date-implausible)", () => {
  it("2025 or 1 as a start date is not a registration, and validate names the cell", async () => {
    const b = plainBook((i) => (i === 30 ? { 資格情報登録開始日: 2025 } : i === 31 ? { 資格情報登録開始日: 1 } : i === 5 ? { 資格情報登録開始日: 2025 } : {}));
    const figures = await snapshot(await reloaded(b), { asOf: AS_OF });
    // Office 5 was registered (2024); its 2025 makes it unregistered too: nobody counts as 登録済 by a year.
    expect(figures.unregistered.offices).toBe(UNREGISTERED + 1);
    const v = await validate(await reloaded(b), { asOf: AS_OF });
    const implausible = v.issues.filter((f) => f.rule === "date-implausible");
    expect(implausible.map((f) => [f.cell, f.value, f.severity])).toEqual([
      [`${START_COL}${rowOf(5)}`, 2025, "error"],
      [`${START_COL}${rowOf(30)}`, 2025, "error"],
      [`${START_COL}${rowOf(31)}`, 1, "error"],
    ]);
  });

  it("a 登録状況 list carrying 2025 does not register the office", async () => {
    const list = [["資格情報登録状況一覧（支払基金）"], ["保険者コード", "保険者名", "資格情報登録開始日", "データ基準日"], [officeCode(40), officeName(40), 2025, dateOut("2025-02-04")]];
    const withList = book([
      { name: "設定", rows: settingsRows() },
      { name: "マスタ", rows: masterRows() },
      { name: "支払基金_登録状況_20250204", rows: list },
    ]);
    const r = await applyRegistrations(await reloaded(withList));
    expect(r.changed).toEqual([]);
  });
});

describe("finding values are shown as the user typed them", () => {
  it("a date cell after the as-of date shows 2025/6/1 as Excel does, not the serial 45809", async () => {
    const b = plainBook((i) => (i === 2 ? { 資格情報登録開始日: dateOut("2025-06-01") } : {}));
    const run = await cli(b, ["validate", "--as-of", AS_OF, "--json"]);
    const future = JSON.parse(run.stdout).issues.filter((f: { rule: string }) => f.rule === "date-future");
    expect(future).toEqual([expect.objectContaining({ cell: `${START_COL}${rowOf(2)}`, value: "2025/6/1" })]);
    const text = await cli(b, ["validate", "--as-of", AS_OF]);
    expect(text.stdout).toContain("2025/6/1");
    expect(text.stdout).not.toContain("45809");
  });

  it("one severity label everywhere", async () => {
    const b = plainBook((i) => (i === 2 ? { 資格情報登録開始日: dateOut("2025-06-01") } : {}));
    const text = await cli(b, ["validate", "--as-of", AS_OF]);
    expect(text.stdout).toContain(SEVERITY_LABEL.error);
  });
});

describe("the survey form's own headers", () => {
  const FORM = {
    status: "資格情報の登録における対応状況について以下よりお選びください。",
    answer: "資格情報の登録予定月を以下よりお選びください。",
    reason: "上記3「資格情報の登録予定月」で「令和6年10月」～「令和7年4月以降」を選択した場合、以下についてご教示ください。",
  };
  const header = ["保険者コード", "福祉事務所名", "被保護者数", "資格情報登録開始日", "回答日時", FORM.status, FORM.answer, FORM.reason];
  const rows = (): OutCell[][] =>
    Array.from({ length: 26 }, (_, i) => [
      officeCode(i),
      officeName(i),
      recipientsOf(i),
      null,
      dateOut("2024-09-20"),
      "4_システム改修中（既にシステム改修に着手）",
      i % 2 === 0 ? "12_令和7年4月以降" : "8_令和7年3月",
      "旧システムからの移行に半年程度を要するため。",
    ]);

  it("are recognised in マスタ: 26 answered offices are not 26 アンケート未回答", async () => {
    const b = book([{ name: "マスタ", rows: [["アンケート回答結果（架空）"], [], header, ...rows()] }]);
    const r = await summary(await reloaded(b), { asOf: AS_OF });
    expect(r.survey[0]).toMatchObject({ unregistered: 26, unanswered: 0, answered: 26 });
    expect(r.classes.map((c) => c.answer)).toEqual(Array.from({ length: 26 }, (_, i) => (i % 2 === 0 ? "2025-04以降" : "2025-03")));
  });

  it("a survey answer that cannot be read under the long header is a finding", async () => {
    const bad = rows();
    bad[3][6] = "そのうち";
    const b = book([{ name: "マスタ", rows: [header, ...bad] }]);
    const v = await validate(await reloaded(b), { asOf: AS_OF });
    expect(v.issues.filter((f) => f.rule === "plan-invalid")).toEqual([expect.objectContaining({ cell: "G5", column: FORM.answer })]);
  });
});

describe("apply-registrations picks the newest list by its date", () => {
  const list = (date: string, offices: number[]): OutCell[][] => [
    ["資格情報登録状況（支払基金提供）"],
    ["保険者コード", "保険者名", "資格情報登録開始日", "データ基準日"],
    ...offices.map((i) => [officeCode(i), officeName(i), dateOut(date), dateOut(date)]),
  ];
  const withLists = (...lists: [string, OutCell[][]][]) =>
    book([{ name: "マスタ", rows: masterRows() }, ...lists.map(([name, rows]) => ({ name, rows }))]);

  it.each([
    ["支払基金_登録状況_0204"],
    ["支払基金_登録状況（2月4日）"],
    ["支払基金_登録状況_R7.2.4"],
    ["支払基金_登録状況_2025-02-04"],
  ])("%s is newer than the already applied 支払基金_登録状況_20250121", async (name) => {
    const b = withLists(["支払基金_登録状況_20250121", list("2025-01-10", [20])], [name, list("2025-01-30", [21, 22])]);
    const r = await applyRegistrations(await reloaded(b));
    expect(r.sheet).toBe(name);
    expect(r.changed.map((c) => c.code)).toEqual([officeCode(21), officeCode(22)]);
  });

  it("a list named without a date is dated by its データ基準日", async () => {
    const b = withLists(["支払基金_登録状況_最新", list("2025-02-04", [23])], ["支払基金_登録状況_20250121", list("2025-01-10", [20])]);
    expect((await applyRegistrations(await reloaded(b))).sheet).toBe("支払基金_登録状況_最新");
  });

  it("two lists that could both be the newest: exit 2, one Japanese line, the book untouched", async () => {
    const b = withLists(["支払基金_登録状況_0204", list("2025-01-30", [21])], ["支払基金_登録状況（2月4日）", list("2025-01-30", [22])]);
    const run = await cli(b, ["apply-registrations"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("最新の登録状況一覧を1つに決められません");
    expect(run.stderr).toContain("--sheet");
    expect(existsSync(run.out)).toBe(false);
    expect(existsSync(run.file.replace(/\.xlsx$/u, ".bak.xlsx"))).toBe(false);
  });
});

describe("diff compares values, not how they were typed", () => {
  it("a code retyped as a number and a renamed 被保護者数 column give only the real change", async () => {
    const b = await reloaded(plainBook());
    await snapshot(b, { asOf: "2025-01-21" });
    const ws = b.book.getWorksheet("マスタ")!;
    ws.getCell(`B${rowOf(7)}`).value = Number(officeCode(7)); // retyped as a number
    ws.getCell(`D${HEADER_ROW}`).value = "被保護者数（R6.3）"; // the column renamed, values unchanged
    ws.getCell(`${START_COL}${rowOf(45)}`).value = new Date(Date.UTC(2025, 0, 28));
    await snapshot(b, { asOf: AS_OF });
    const r = await diff(b, {});
    expect(r.changes.map((c) => [c.code, c.field, c.from, c.to])).toEqual([[officeCode(45), "資格情報登録開始日", null, "2025-01-28"]]);
    expect(r.unregistered.offices).toBe(UNREGISTERED - 1);
  });
});

describe("mask uses the same header detection as everything else", () => {
  it("a 事務所名 header is masked, in マスタ and in a sheet of the user's own", async () => {
    const header = ["保険者コード", "事務所名", "被保護者数", "資格情報登録開始日"];
    const masterGrid = masterRows({ header: ["保険者コード", "福祉事務所名 ※保険者コード単位", "被保護者 人数(人)", "資格情報登録開始日"] }).map((r, i) => (i === HEADER_ROW - 1 ? header : r));
    const own = [["フォロー一覧"], ["事務所名", "担当", "次回連絡"], [officeName(1), "山田", "2月10日"]];
    const b = await reloaded(book([{ name: "マスタ", rows: masterGrid }, { name: "フォロー", rows: own }]));
    const grids = await b.readSheets(["マスタ", "フォロー"]);
    const plan = planMask([...grids.values()]);
    const masked = new Set(plan.edits.filter((e) => e.reason === "mask").map((e) => `${e.sheet}!${e.col},${e.row}`));
    for (let i = 0; i < OFFICE_COUNT; i++) expect(masked.has(`マスタ!2,${rowOf(i)}`)).toBe(true);
    expect(masked.has("フォロー!1,3")).toBe(true);
  });
});

describe("one blank: a cell holding only a no-break or zero-width space", () => {
  it.each([["\u00a0"], ["\u200b"], ["\u3000\u200b"]])("%j in 被保護者数 is recipients-missing and not zero-recipients in 公文書対象", async (blank) => {
    const b = plainBook((i) => (i === 50 ? { "被保護者 人数(人)": blank } : {}));
    const v = await validate(await reloaded(b), { asOf: AS_OF });
    expect(v.issues.filter((f) => f.rule === "recipients-missing").map((f) => f.cell)).toEqual([`D${rowOf(50)}`]);
    const r = await summary(await reloaded(b), { asOf: AS_OF });
    expect(r.documents.find((d) => d.code === officeCode(50))?.branch).toBe("no-mail");
  });
});

describe("summary --dates takes the same list separators as 設定", () => {
  it("; separates dates", async () => {
    const run = await cli(plainBook(), ["summary", "--as-of", AS_OF, "--dates", "2024-10-15;2024-11-19", "--json"]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).survey.map((s: { date: string }) => s.date)).toEqual(["2024-10-15", "2024-11-19"]);
  });
});
