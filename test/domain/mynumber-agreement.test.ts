// One definition of a probable 個人番号: the cells mynumber-present reports are exactly the cells the
// mask empties, and no finding ever echoes one, whatever the sheet and whatever the cell holds.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { RawCell } from "../../src/domain/cell";
import { myNumberCheckDigit } from "../../src/domain/codes";
import { planMask } from "../../src/domain/mask";
import { RULES } from "../../src/domain/rules";
import mynumberPresent from "../../src/domain/rules/mynumber-present";
import { validateSheets } from "../../src/domain/validate";
import type { SheetGrid } from "../../src/workbook/port";
import { anyRawCell } from "./arbitraries";

const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(""));
const myNumber = digits(11).map((d) => `${d}${myNumberCheckDigit(d)}`);
/** Cells near the boundary: valid and off-by-one check digits, spaced, hyphenated, full-width, numbers, in text. */
const suspicious: fc.Arbitrary<RawCell> = fc.oneof(
  myNumber,
  myNumber.map((m) => `${m.slice(0, 11)}${(Number(m[11]) + 1) % 10}`),
  myNumber.map((m) => `${m.slice(0, 4)} ${m.slice(4, 8)} ${m.slice(8)}`),
  myNumber.map((m) => `${m.slice(0, 4)}ー${m.slice(4, 8)}-${m.slice(8)}`),
  myNumber.map((m) => m.replace(/\d/gu, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))),
  myNumber.map((m) => Number(m)),
  myNumber.map((m) => -Number(m) - 0.25),
  myNumber.map((m) => `本人番号は${m}です`),
  myNumber.map((m) => `${m}0`),
  anyRawCell,
);

const grid = (name: string, values: RawCell[][]): SheetGrid => ({ name, top: 1, left: 1, values });

describe("the rule and the mask agree on 個人番号", () => {
  it("reported cells = emptied cells, on マスタ, a list and a sheet of the user's own", () => {
    fc.assert(
      fc.property(fc.array(fc.array(suspicious, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 8 }), (rows) => {
        const grids = [
          grid("マスタ", [["保険者コード", "福祉事務所名", "備考"], ...rows]),
          grid("支払基金_エラー明細_20250107", [["保険者コード", "被保険者番号", "住所"], ...rows]),
          grid("メモ", rows),
        ];
        const reported = validateSheets(grids, { asOf: "2025-02-04", rules: [mynumberPresent] }).issues.map((f) => `${f.sheet}!${f.cell}`);
        const emptied = planMask(grids).edits.filter((e) => e.reason === "mynumber").map((e) => `${e.sheet}!${String.fromCharCode(64 + e.col)}${e.row}`);
        expect(new Set(emptied)).toEqual(new Set(reported));
        const all = validateSheets(grids, { asOf: "2025-02-04", rules: RULES }).issues;
        const cells = new Set(reported);
        for (const f of all) if (cells.has(`${f.sheet}!${f.cell}`)) expect(f.value).toBeNull();
      }),
      { numRuns: 150 },
    );
  });
});
