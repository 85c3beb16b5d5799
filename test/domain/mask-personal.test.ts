/** Issue 13 (defect 9): the masked copy masks personal fields only — never 都道府県 — and can blank free text. */
import { describe, expect, it } from "vitest";
import type { RawCell } from "../../src/domain/cell";
import { makeOfficeCode } from "../../src/domain/codes";
import { MASK, planMask } from "../../src/domain/mask";
import type { SheetGrid } from "../../src/workbook/port";

const grid = (name: string, values: RawCell[][]): SheetGrid => {
  const width = Math.max(...values.map((r) => r.length));
  return { name, top: 1, left: 1, values: values.map((r) => [...r, ...new Array(width - r.length).fill(null)]) };
};

const master = grid("マスタ", [
  ["保険者コード", "都道府県", "福祉事務所名", "自治体名", "被保護者数", "資格情報登録開始日", "現状", "方針", "備考"],
  // A prefecture-run office: its 自治体名 is the prefecture's name.
  [makeOfficeCode("12", 13, 1), "東京都", "東京都多摩福祉事務所", "東京都", 900, null, "課長と電話済み", "3月に再連絡", "山田さん担当"],
  [makeOfficeCode("12", 13, 2), "東京都", "架空市福祉事務所", "架空市", 1200, null, null, null, null],
  [makeOfficeCode("12", 14, 3), "神奈川県", "神奈川県央福祉事務所", "神奈川県", 300, null, null, null, null],
]);
const summary = grid("メモ", [["都道府県", "未登録", "メモ"], ["東京都", 2, null], ["神奈川県", 1, "架空市"]]);

const valueAt = (plan: ReturnType<typeof planMask>, sheet: string, row: number, col: number) =>
  plan.edits.find((e) => e.sheet === sheet && e.row === row && e.col === col)?.value;

describe("masking personal fields only", () => {
  it("never masks 都道府県, even where a 自治体名 equals the prefecture name", () => {
    const plan = planMask([master, summary]);
    for (const row of [2, 3, 4]) expect(valueAt(plan, "マスタ", row, 2)).toBeUndefined();
    expect(valueAt(plan, "メモ", 2, 1)).toBeUndefined();
    expect(valueAt(plan, "メモ", 3, 1)).toBeUndefined();
    // The personal / identifying columns are masked, and copies of a real name are swept.
    expect(valueAt(plan, "マスタ", 2, 3)).toBe(MASK);
    expect(valueAt(plan, "マスタ", 2, 4)).toBe(MASK);
    expect(valueAt(plan, "メモ", 3, 3)).toBe(MASK);
    expect(plan.masked).toBe(7);
    // Free text is kept unless asked.
    expect(valueAt(plan, "マスタ", 2, 7)).toBeUndefined();
  });

  it("blanks 現状, 方針, 回答理由, 備考 when asked", () => {
    const plan = planMask([master], { blankFreeText: true });
    expect([7, 8, 9].map((c) => valueAt(plan, "マスタ", 2, c))).toEqual([null, null, null]);
    expect(plan.blankedFreeText).toBe(3);
  });
});
