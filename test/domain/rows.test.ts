import { describe, expect, it } from "vitest";
import type { RawCell } from "../../src/domain/cell";
import { readMaster } from "../../src/domain/master";
import { isCodeAttempt } from "../../src/domain/schema/rows";
import { headerQualifiers, readTable } from "../../src/domain/schema/table";
import type { SheetGrid } from "../../src/workbook/port";

const grid = (name: string, values: RawCell[][], extra: Partial<SheetGrid> = {}): SheetGrid => {
  const width = Math.max(...values.map((r) => r.length));
  return { name, top: 1, left: 1, values: values.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? null)), ...extra };
};
const HEADER = ["保険者コード", "福祉事務所名", "被保護者数", "資格情報登録開始日"];

describe("headerQualifiers", () => {
  it.each([
    ["被保護者 人数(人)", []],
    ["ベンダ （略称）", []],
    ["福祉事務所名 ※保険者コード単位", []],
    ["被保護者数（単位：人）", []],
    ["被保護者数（R6.3）", ["R6.3"]],
    ["資格情報登録開始日（予定）", ["予定"]],
    ["資格情報登録開始日（自治体回答）", ["自治体回答"]],
  ])("%s → %j", (header, qualifiers) => expect(headerQualifiers(header)).toEqual(qualifiers));
});

describe("isCodeAttempt", () => {
  it.each([
    ["12130488", true], ["1213048", true], ["12-130-48", true], [12130488, true], ["１２１３０４８８", true],
    ["合計", false], ["【関東】", false], ["(人)", false], ["※注記", false], [null, false], ["　", false], ["12AB0488", false],
  ] as const)("%s → %s", (v, want) => expect(isCodeAttempt(v)).toBe(want));
});

describe("readTable: header qualifiers and column choices", () => {
  it("a qualifier that changes the meaning unmaps the column; a year qualifier alone still names the field", () => {
    const t = readTable(grid("マスタ", [["保険者コード", "福祉事務所名", "被保護者数（R6.3）", "資格情報登録開始日（予定）"]]), "master")!;
    expect(t.fieldIndex.get("recipients")).toBe(2);
    expect(t.fieldIndex.has("startDate")).toBe(false);
    expect(t.missingColumns).toEqual(["startDate"]);
    expect(t.ambiguousFields).toEqual([]);
  });

  it("two qualified columns of one field are ambiguous until 設定 picks one (even a planned one)", () => {
    const g = grid("マスタ", [[...HEADER.slice(0, 2), "被保護者数（R5.3）", "被保護者数（R6.3）", "資格情報登録開始日（予定）"]]);
    expect(readTable(g, "master")!.ambiguousFields.map((d) => d.columns.map((c) => c.header))).toEqual([["被保護者数（R5.3）", "被保護者数（R6.3）"]]);
    const chosen = readTable(g, "master", new Map([["被保護者数", "被保護者数 (R6.3)"], ["資格情報登録開始日", "資格情報登録開始日（予定）"]]))!;
    expect(chosen.ambiguousFields).toEqual([]);
    expect(chosen.duplicateFields).toEqual([]);
    expect(chosen.fieldIndex.get("recipients")).toBe(3);
    expect(chosen.fieldIndex.get("startDate")).toBe(4);
  });
});

describe("readTable: two-row headers on マスタ", () => {
  it("composes 資格情報 over 登録開始日 and starts the data below the lower row", () => {
    const t = readTable(
      grid("マスタ", [
        ["管理表"],
        ["保険者コード", "福祉事務所名", "被保護者数", "資格情報", null],
        [null, null, null, "登録開始日", "登録予定時期"],
        ["12130488", "A", 10, "2025/1/7", null],
      ]),
      "master",
    )!;
    expect(t.headerRow).toBe(3);
    expect(t.columns.map((c) => c.header)).toEqual(["保険者コード", "福祉事務所名", "被保護者数", "資格情報登録開始日", "資格情報登録予定時期"]);
    expect(t.fieldIndex.get("startDate")).toBe(3);
    expect(t.fieldIndex.get("plan")).toBe(4);
    expect(t.rows.map((r) => r.row)).toEqual([4]);
  });

  it("a units row under a one-row header stays a (non-office) row, not a header", () => {
    const t = readTable(grid("マスタ", [HEADER, [null, null, "(人)", null], ["12130488", "A", 10, null]]), "master")!;
    expect(t.headerRow).toBe(1);
    expect(t.nonOfficeRows.map((n) => [n.row.row, n.reason])).toEqual([[2, "units"]]);
    expect(t.officeRows.map((r) => r.row)).toEqual([3]);
  });
});

describe("readTable: which rows are offices", () => {
  it("classifies totals, headings, notes, names without code, repeats and Excel totals rows", () => {
    const g = grid(
      "マスタ",
      [
        HEADER,
        ["関東ブロック"],
        ["12130488", "A", 10, null],
        ["12130488", "A（重複）", 10, null],
        [null, "B", 5, null],
        ["1213048", "C", 5, null],
        [null, null, 30, null],
        ["小計", null, 25, null],
        [],
        ["※注記"],
      ],
      { totalsRows: [7] },
    );
    const t = readTable(g, "master")!;
    expect(t.nonOfficeRows.map((n) => [n.row.row, n.reason])).toEqual([[2, "heading"], [5, "no-code"], [7, "total"], [8, "total"], [10, "below"]]);
    expect(t.officeRows.map((r) => r.row)).toEqual([3]);
    expect(t.checkedRows.map((r) => r.row)).toEqual([3, 4, 5, 6]);
    expect(t.excludedRows).toBe(7);
    expect(t.blankRows).toEqual([]);
    const m = readMaster(g)!;
    expect(m.offices.map((o) => o.row)).toEqual([3]);
    expect(m.codedRows.map((c) => c.row.row)).toEqual([3, 4]);
  });

  it("reads a used range that runs to row 1,048,576 in one pass: one stray row, no blank-row run", () => {
    const values: RawCell[][] = new Array(1_048_576);
    const blank: RawCell[] = [null, null, null, null];
    values.fill(blank);
    values[0] = HEADER;
    values[1] = ["12130488", "A", 10, null];
    values[3] = ["12010013", "B", 10, null];
    values[1_048_575] = [null, "x", null, null];
    const t = readTable({ name: "マスタ", top: 1, left: 1, values }, "master")!;
    expect(t.blankRows).toEqual([3]);
    expect(t.nonOfficeRows.map((n) => [n.row.row, n.reason])).toEqual([[1_048_576, "below"]]);
    expect(t.officeRows).toHaveLength(2);
  });
});
