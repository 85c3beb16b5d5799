/**
 * 閲覧停止推移 over four monthly 閲覧停止 lists with offices that appear, stay and leave; the CLI's
 * `aggregate --trend` JSON and the sheet's native line chart in the saved file.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { unzipSync, strFromU8 } from "fflate";
import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/main";
import { trend } from "../../src/commands/trend";
import { dateOut, type OutCell } from "../../src/domain/cell";
import { makeOfficeCode } from "../../src/domain/codes";
import { consecutiveFromEnd } from "../../src/domain/trend";
import { buildXlsx } from "../../src/workbook/xlsx/adapter";

const STAY = makeOfficeCode("12", 13, 1); // in all four lists
const LEAVE = makeOfficeCode("12", 13, 2); // in the first two, then gone
const LATE = makeOfficeCode("12", 14, 3); // appears in the third, stays
const NEW = makeOfficeCode("12", 27, 4); // appears only in the last
const BACK = makeOfficeCode("12", 1, 5); // first, gone, back in the last

const DATES = ["2024-10-07", "2024-11-05", "2024-12-02", "2025-01-07"];
/** Each office's 資格情報_合計 in each list (0 = not listed). */
const QUAL: Record<string, number[]> = {
  [STAY]: [40, 30, 25, 20],
  [LEAVE]: [10, 5, 0, 0],
  [LATE]: [0, 0, 7, 9],
  [NEW]: [0, 0, 0, 3],
  [BACK]: [2, 0, 0, 4],
};

function list(i: number): { name: string; rows: OutCell[][] } {
  const rows: OutCell[][] = [
    [null, null, null, "資格情報", null, null, "医療情報", null, null, null],
    ["保険者コード", "保険者名", "初回検知日", "加入中", "資格喪失", "合計", "加入中", "資格喪失", "合計", "データ基準日"],
  ];
  for (const [code, counts] of Object.entries(QUAL)) {
    const q = counts[i];
    if (q === 0) continue;
    rows.push([code, `事務所${code.slice(4, 7)}`, dateOut("2024-09-01"), q, 0, q, q * 10, 0, q * 10, dateOut(DATES[i])]);
  }
  // Without a date in the name: dated by データ基準日 (and placed in order).
  return { name: i === 1 ? "支払基金_閲覧停止_前月分" : `支払基金_閲覧停止_${DATES[i].replaceAll("-", "")}`, rows };
}

const masterRows: OutCell[][] = [
  ["保険者コード", "福祉事務所名", "被保護者数", "資格情報登録開始日"],
  ...Object.keys(QUAL).map((c): OutCell[] => [c, `架空${c}福祉事務所`, 100, null]),
];

/** Tabs out of date order on purpose. */
const sheets = () => [{ name: "マスタ", rows: masterRows }, list(3), list(0), list(2), list(1)];

describe("consecutiveFromEnd", () => {
  it("counts the run that reaches the newest list", () => {
    expect(consecutiveFromEnd([1, 1, 1, 1])).toBe(4);
    expect(consecutiveFromEnd([1, 0, 1, 1])).toBe(2);
    expect(consecutiveFromEnd([1, 1, 0, 0])).toBe(0);
    expect(consecutiveFromEnd([])).toBe(0);
  });
});

describe("trend", () => {
  it("totals per list in date order, and per office counts with consecutive months", async () => {
    const r = await trend(buildXlsx(sheets()));
    expect(r.trend.map((t) => t.date)).toEqual(DATES);
    const sum = (i: number) => Object.values(QUAL).reduce((s, c) => s + c[i], 0);
    expect(r.trend.map((t) => t.資格情報)).toEqual(DATES.map((_, i) => sum(i)));
    expect(r.trend.map((t) => t.医療情報)).toEqual(DATES.map((_, i) => sum(i) * 10));
    const of = (code: string) => r.persistence.find((p) => p.code === code)!;
    expect(of(STAY)).toMatchObject({ counts: QUAL[STAY], months: 4, state: "継続", name: `架空${STAY}福祉事務所` });
    expect(of(LEAVE)).toMatchObject({ counts: QUAL[LEAVE], months: 0, state: "解消" });
    expect(of(LATE)).toMatchObject({ counts: QUAL[LATE], months: 2, state: "継続" });
    expect(of(NEW)).toMatchObject({ counts: QUAL[NEW], months: 1, state: "新規" });
    expect(of(BACK)).toMatchObject({ counts: QUAL[BACK], months: 1, state: "新規" });
    expect(r.persistence[0].code).toBe(STAY);
  });

  it("aggregate --trend: JSON trend and persistence, and 閲覧停止推移 saved with a line chart", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "onshi-trend-"));
    const file = path.join(dir, "book.xlsx");
    writeFileSync(file, new Uint8Array(await buildXlsx(sheets()).book.xlsx.writeBuffer()));
    let stdout = "";
    const exit = await runCli(["aggregate", file, "--trend", "--json"], { stdout: (s) => (stdout += s), stderr: () => {} });
    expect(exit).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.trend.map((t: { date: string }) => t.date)).toEqual(DATES);
    expect(json.trend[0]).toMatchObject({ 資格情報: 52, 医療情報: 520 });
    expect(json.persistence.find((p: { code: string }) => p.code === LATE)).toMatchObject({ counts: [0, 0, 7, 9], months: 2 });
    expect(json.byVendor).toBeDefined();
    const parts = unzipSync(new Uint8Array(readFileSync(file)));
    const charts = Object.keys(parts).filter((n) => /^xl\/charts\/chart\d+\.xml$/u.test(n));
    expect(charts.length).toBe(1);
    const chart = strFromU8(parts[charts[0]]);
    expect(chart).toContain("lineChart");
    expect(chart).toContain("閲覧停止推移");
  });
});
