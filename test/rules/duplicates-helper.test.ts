/** The grouping helper code-duplicate and pf-duplicate-row share (src/domain/rules/duplicates.ts). */
import { describe, expect, it } from "vitest";
import { eachDuplicateRow, KeyIds, MAX_ROWS_NAMED, otherRowsNamed } from "../../src/domain/rules/duplicates";
import type { Table, TableRow } from "../../src/domain/schema/table";

/** A table of one key column; only `rows` matters to the helper. */
const tableOf = (keys: (string | null)[], firstRow = 2): Table =>
  ({ rows: keys.map((k, i): TableRow => ({ row: firstRow + i, cells: [k] }) as unknown as TableRow) }) as unknown as Table;

function duplicates(keys: (string | null)[]): [number, number[]][] {
  const ids = new KeyIds();
  const out: [number, number[]][] = [];
  eachDuplicateRow(tableOf(keys), (r) => (r.cells[0] === null ? -1 : ids.of(String(r.cells[0]))), (row, group) => out.push([row.row, [...group]]));
  return out;
}

describe("eachDuplicateRow", () => {
  it("visits every row of every repeated key in sheet order, with its whole group", () => {
    expect(duplicates(["a", "b", "a", null, "c", "b", "a"])).toEqual([
      [2, [2, 4, 8]],
      [3, [3, 7]],
      [4, [2, 4, 8]],
      [7, [3, 7]],
      [8, [2, 4, 8]],
    ]);
  });

  it("never groups rows without a key, and visits nothing when every key is unique", () => {
    expect(duplicates([null, null, "x"])).toEqual([]);
    expect(duplicates([])).toEqual([]);
  });
});

describe("KeyIds", () => {
  it("gives equal keys equal ids, and two-part keys their own ids", () => {
    const ids = new KeyIds();
    expect(ids.of("a")).toBe(ids.of("a"));
    expect(ids.of("a")).not.toBe(ids.of("b"));
    expect(ids.of("a", "1")).toBe(ids.of("a", "1"));
    expect(ids.of("a", "1")).not.toBe(ids.of("a", "2"));
    expect(ids.of("a", "1")).not.toBe(ids.of("a"));
  });
});

describe("otherRowsNamed", () => {
  it("names the other rows, and cuts with … past the limit", () => {
    expect(otherRowsNamed([2, 4, 8], 4)).toBe("2・8");
    const big = Array.from({ length: MAX_ROWS_NAMED + 3 }, (_, i) => i + 2);
    expect(otherRowsNamed(big, 2)).toBe("3・4・5・6・7…");
    expect(otherRowsNamed(big.slice(0, MAX_ROWS_NAMED + 1), 2)).toBe("3・4・5・6・7");
  });
});
