import { describe, expect, it } from "vitest";
import type { RawCell } from "../../src/domain/cell";
import { hasValidCheckDigit, makeOfficeCode, myNumberCheckDigit } from "../../src/domain/codes";
import { MASK, editRuns, myNumberCells, planMask, pseudoCoder, type CellEdit } from "../../src/domain/mask";
import type { SheetGrid } from "../../src/workbook/port";

const grid = (name: string, values: RawCell[][], top = 1, left = 1): SheetGrid => {
  const width = Math.max(...values.map((r) => r.length));
  return { name, top, left, values: values.map((r) => [...r, ...new Array(width - r.length).fill(null)]) };
};
const myNumber = (first11: string): string => `${first11}${myNumberCheckDigit(first11)}`;
const at = (edits: CellEdit[], sheet: string, row: number, col: number) => edits.find((e) => e.sheet === sheet && e.row === row && e.col === col);

const A = makeOfficeCode("12", 13, 48);
const B = makeOfficeCode("12", 13, 101);
const C = makeOfficeCode("25", 1, 7);
const MY = myNumber("12345678901");

const master = grid("マスタ", [
  ["オン資 管理表"],
  ["保険者コード", "福祉事務所名 ※保険者コード単位", "自治体名", "被保護者数", "資格情報登録開始日", "担当者", "メモ列"],
  [A, "架空市福祉事務所", "架空市", 1200, 45600, "山田 太郎", "自由記述"],
  [B, "空想区福祉事務所", null, 30, null, null, `番号 ${MY.slice(0, 4)} ${MY.slice(4, 8)} ${MY.slice(8)}`],
  [Number(C), "夢見町", "夢見町", 5, null, null, "=B3のコピー"],
]);

describe("planMask", () => {
  it("masks names, municipality and contact columns of マスタ, keeps blanks blank and codes by default", () => {
    const plan = planMask([master]);
    expect(at(plan.edits, "マスタ", 3, 2)?.value).toBe(MASK);
    expect(at(plan.edits, "マスタ", 3, 3)?.value).toBe(MASK);
    expect(at(plan.edits, "マスタ", 3, 6)?.value).toBe(MASK); // 担当者
    expect(at(plan.edits, "マスタ", 4, 3)).toBeUndefined(); // blank stays blank
    expect(at(plan.edits, "マスタ", 3, 1)).toBeUndefined(); // code kept
    expect(at(plan.edits, "マスタ", 3, 4)).toBeUndefined(); // counts kept
    expect(at(plan.edits, "マスタ", 2, 2)).toBeUndefined(); // header kept
    expect(at(plan.edits, "マスタ", 3, 7)).toBeUndefined(); // free text kept
    expect(plan.masked).toBe(6);
    expect(plan.hashedCodes).toBe(0);
  });

  it("empties a cell holding a probable 個人番号 written with spaces, anywhere", () => {
    const plan = planMask([master, grid("メモ", [[null, null], [null, Number(MY)]], 5, 3)]);
    expect(at(plan.edits, "マスタ", 4, 7)).toMatchObject({ value: null, reason: "mynumber" });
    expect(at(plan.edits, "メモ", 6, 4)).toMatchObject({ value: null, reason: "mynumber" });
    expect(plan.removedMyNumbers).toBe(2);
    expect(plan.sheets).toEqual(["マスタ", "メモ"]);
  });

  it("a 12-digit number whose check digit does not fit is not a 個人番号", () => {
    const wrong = `${MY.slice(0, 11)}${(Number(MY[11]) + 1) % 10}`;
    expect(myNumberCells(grid("x", [[wrong, Number(MY)]]))).toEqual([{ row: 1, col: 2 }]);
  });

  it("masks every personal field of an エラー明細 list and its 保険者名", () => {
    const errors = grid("支払基金_エラー明細_20250107", [
      ["保険者コード", "保険者名", "被保険者番号", "氏名", "氏名カナ", "生年月日", "性別", "住所", "エラーコード"],
      [A, "架空市", "00123", "架空 花子", "カクウ ハナコ", 20000, "女", "東京都架空市1-2", "Z09"],
    ]);
    const plan = planMask([errors]);
    for (const col of [2, 3, 4, 5, 6, 8]) expect(at(plan.edits, errors.name, 2, col)?.value).toBe(MASK);
    for (const col of [1, 7, 9]) expect(at(plan.edits, errors.name, 2, col)).toBeUndefined();
  });

  it("masks generated sheets by header name, field/value layouts and copies of masked values", () => {
    const diffSheet = grid("期間差分", [
      ["資格情報未登録福祉事務所の状況"],
      ["資格情報登録状況", "福祉事務所数"],
      ["未登録", 3],
      [null],
      ["保険者コード", "福祉事務所名", "項目", "1/7時点", "2/4時点"],
      [A, "旧架空市福祉事務所", "福祉事務所名", "旧架空市福祉事務所", "架空市福祉事務所"],
      [B, "空想区福祉事務所", "資格情報登録開始日", null, "2025-01-20"],
    ]);
    const findings = grid("検証結果", [
      ["シート", "行", "列", "セル", "ルール", "重要度", "内容", "値"],
      ["支払基金_エラー明細", 2, "住所", "H2", "address-no-municipality", "警告", "住所に市区町村がありません", "どこか1-2"],
      ["マスタ", 3, "被保護者数", "D3", "number-invalid", "エラー", "数ではありません", "たくさん"],
    ]);
    const pivot = grid("自作集計", [["架空市福祉事務所", 10], ["その他", 2]]);
    const plan = planMask([master, diffSheet, findings, pivot]);
    expect(at(plan.edits, "期間差分", 6, 2)?.value).toBe(MASK);
    expect(at(plan.edits, "期間差分", 6, 4)?.value).toBe(MASK);
    expect(at(plan.edits, "期間差分", 6, 5)?.value).toBe(MASK);
    expect(at(plan.edits, "期間差分", 7, 5)).toBeUndefined(); // a date change stays
    expect(at(plan.edits, "期間差分", 3, 1)).toBeUndefined(); // the status table stays
    expect(at(plan.edits, "検証結果", 2, 8)?.value).toBe(MASK);
    expect(at(plan.edits, "検証結果", 2, 4)).toBeUndefined(); // セル stays
    expect(at(plan.edits, "検証結果", 3, 8)).toBeUndefined();
    expect(at(plan.edits, "自作集計", 1, 1)?.value).toBe(MASK);
    expect(at(plan.edits, "自作集計", 2, 1)).toBeUndefined();
  });

  it("with hashCodes replaces every copy of a code by the same valid pseudo code, keeping law and prefecture", () => {
    const history = grid("スナップショット履歴", [
      ["基準日", "保険者コード", "福祉事務所名"],
      [45600, A, "架空市福祉事務所"],
      [45600, Number(C), "夢見町"],
    ]);
    const plan = planMask([master, history], { hashCodes: true, salt: "s" });
    const pa = at(plan.edits, "マスタ", 3, 1)?.value as string;
    expect(pa).toMatch(/^\d{8}$/);
    expect(pa).not.toBe(A);
    expect(pa.slice(0, 4)).toBe(A.slice(0, 4));
    expect(hasValidCheckDigit(pa)).toBe(true);
    expect(at(plan.edits, "スナップショット履歴", 2, 2)?.value).toBe(pa);
    expect(typeof at(plan.edits, "マスタ", 5, 1)?.value).toBe("number");
    expect(plan.hashedCodes).toBe(5);
  });

  it("masking a masked book changes nothing", () => {
    const plan = planMask([master]);
    const values = master.values.map((r) => [...r]);
    for (const e of plan.edits) values[e.row - 1][e.col - 1] = e.value as RawCell;
    expect(planMask([{ ...master, values }]).edits).toEqual([]);
  });
});

describe("pseudoCoder", () => {
  it("is one-to-one within a prefecture and depends on the salt", () => {
    const codes = Array.from({ length: 1000 }, (_, i) => makeOfficeCode("12", 27, i));
    const a = pseudoCoder("salt-a");
    const mapped = new Set(codes.map(a));
    expect(mapped.size).toBe(1000);
    expect([...mapped].every(hasValidCheckDigit)).toBe(true);
    const withA = codes.map(a);
    expect(codes.map(pseudoCoder("salt-b")).filter((p, i) => p === withA[i]).length).toBeLessThan(20);
    expect(a(codes[5])).toBe(pseudoCoder("salt-a")(codes[5]));
  });

  it("keeps an invalid check digit invalid and distinct", () => {
    const valid = makeOfficeCode("12", 13, 48);
    const invalid = `${valid.slice(0, 7)}${(Number(valid[7]) + 3) % 10}`;
    const p = pseudoCoder("x");
    expect(hasValidCheckDigit(p(invalid))).toBe(false);
    expect(p(invalid)).not.toBe(p(valid));
  });
});

describe("editRuns", () => {
  it("groups vertical runs of one column", () => {
    const e = (row: number, col: number): CellEdit => ({ sheet: "s", row, col, value: MASK, reason: "mask" });
    expect(editRuns([e(3, 2), e(2, 2), e(5, 2), e(2, 3)])).toEqual([
      { sheet: "s", row: 2, col: 2, values: [MASK, MASK] },
      { sheet: "s", row: 5, col: 2, values: [MASK] },
      { sheet: "s", row: 2, col: 3, values: [MASK] },
    ]);
  });
});
