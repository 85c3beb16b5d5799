import { describe, expect, it } from "vitest";
import type { RawCell } from "../../src/domain/cell";
import { makeOfficeCode } from "../../src/domain/codes";
import { isoToSerial } from "../../src/domain/dates";
import { readMaster } from "../../src/domain/master";
import { listedStartDates, registrationChanges } from "../../src/domain/registrations";
import { readTable } from "../../src/domain/schema/table";
import type { SheetGrid } from "../../src/workbook/port";

const code = (i: number) => makeOfficeCode("12", 13, i);
const serial = (iso: string) => isoToSerial(iso);

/** A grid whose cells in `dateCols` are formatted as dates (as the ExcelJS adapter reports them). */
function grid(name: string, values: RawCell[][], dateCols: number[] = [], top = 1): SheetGrid {
  return {
    name,
    top,
    left: 1,
    values,
    formats: values.map((r) => r.map((_, j) => (dateCols.includes(j) ? "yyyy/m/d" : "General"))),
  };
}

// マスタ with a title row above the header (so rows start at sheet row 3) and the date in column E.
const master = readMaster(
  grid(
    "マスタ",
    [
      ["福祉事務所一覧", null, null, null, null],
      ["保険者コード", "福祉事務所名", "被保護者数", "担当", "資格情報登録開始日"],
      [code(1), "一市", 1200, "山田", null], // row 3: blank → change
      [code(2), "二市", 300, null, serial("2025-01-07")], // row 4: date cell, list text same → none
      [code(3), "三市", 300, null, "2025/1/7"], // row 5: text date, list date cell same → none
      [code(4), "四市", 300, null, "調整中"], // row 6: unreadable text → change with raw old
      [code(5), "五市", 300, null, serial("2024-12-20")], // row 7: different date → change
      [code(6), "六市", 300, null, serial("2024-11-01")], // row 8: list date blank → never erased
      [code(7), "七市", 300, null, null], // row 9: not in list
    ],
    [4],
  ),
)!;

const list = readTable(
  grid(
    "支払基金_登録状況_20250110",
    [
      ["保険者コード", "保険者名", "資格情報登録開始日", "データ基準日"],
      [code(1), "一市", "2025/1/8", "2025/1/10"],
      [code(2), "二市", "2025/1/7", "2025/1/10"],
      [code(3), "三市", serial("2025-01-07"), "2025/1/10"],
      [code(4), "四市", "令和7年1月9日", "2025/1/10"],
      [code(5), "五市", "2025-01-06", "2025/1/10"],
      [code(6), "六市", null, "2025/1/10"],
      [code(99), "架空町", "2025/1/6", "2025/1/10"],
      ["ABC", "読めない", "2025/1/6", "2025/1/10"],
      [code(1), "一市（重複）", "2025/1/9", "2025/1/10"], // duplicate: the last one wins
      [code(98), "日付なし町", null, "2025/1/10"],
    ],
    [2],
  ),
  "pf-registration",
)!;

describe("registrationChanges", () => {
  const { changes, unknownCodes } = registrationChanges(list, master);

  it("changes only blank, unreadable or different start dates, addressing the master cell", () => {
    expect(changes).toEqual([
      { code: code(1), row: 3, col: 5, old: null, new: "2025-01-09" },
      { code: code(4), row: 6, col: 5, old: "調整中", new: "2025-01-09" },
      { code: code(5), row: 7, col: 5, old: "2024-12-20", new: "2025-01-06" },
    ]);
  });

  it("treats the same date typed as text or as a date cell as equal", () => {
    expect(changes.map((c) => c.code)).not.toContain(code(2));
    expect(changes.map((c) => c.code)).not.toContain(code(3));
  });

  it("never erases a master date when the list date is blank", () => {
    expect(changes.map((c) => c.code)).not.toContain(code(6));
  });

  it("lists codes unknown to マスタ once each, in list order, and skips unreadable codes", () => {
    expect(unknownCodes).toEqual([code(99), code(98)]);
  });

  it("lets the last of duplicate list rows win", () => {
    expect(listedStartDates(list).dates.get(code(1))).toBe("2025-01-09");
  });

  it("changes nothing once the list has been applied", () => {
    const applied = readMaster(
      grid(
        "マスタ",
        [
          ["保険者コード", "福祉事務所名", "被保護者数", "資格情報登録開始日"],
          [code(1), "一市", 1200, serial("2025-01-09")],
          [code(4), "四市", 300, "2025/01/09"],
          [code(5), "五市", 300, serial("2025-01-06")],
        ],
        [3],
      ),
    )!;
    expect(registrationChanges(list, applied).changes).toEqual([]);
  });

  it("updates every master row of a duplicated code", () => {
    const dup = readMaster(
      grid("マスタ", [
        ["保険者コード", "福祉事務所名", "被保護者数", "資格情報登録開始日"],
        [code(5), "五市", 300, null],
        [code(5), "五市（重複）", 300, null],
      ]),
    )!;
    expect(registrationChanges(list, dup).changes.map((c) => c.row)).toEqual([2, 3]);
  });
});
