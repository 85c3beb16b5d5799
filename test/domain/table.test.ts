import { describe, expect, it } from "vitest";
import type { RawCell } from "../../src/domain/cell";
import { detectPaymentFundKind, headerKey, readTable } from "../../src/domain/schema/table";
import { dateInSheetName } from "../../src/domain/schema/fields";
import type { SheetGrid } from "../../src/workbook/port";

const grid = (name: string, values: RawCell[][], top = 1): SheetGrid => {
  const width = Math.max(...values.map((r) => r.length));
  return { name, top, left: 1, values: values.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? null)) };
};

describe("headerKey", () => {
  it.each([
    ["福祉事務所名 ※保険者コード単位", "福祉事務所名"],
    ["被保護者 人数(人)", "被保護者人数"],
    ["ベンダ （略称）", "ベンダ"],
    ["【参考】利用ベンダ", "利用ベンダ"],
    ["資格情報\n登録開始日", "資格情報登録開始日"],
    ["ｱﾝｹｰﾄ対象", "アンケート対象"],
  ])("%s → %s", (raw, key) => expect(headerKey(raw)).toBe(key));
});

describe("readTable", () => {
  it("finds the header below titles and notes, in any column order, and skips blank rows", () => {
    const t = readTable(
      grid("マスタ", [
        ["資格情報未登録福祉事務所 管理表"],
        ["※ 被保護者数は令和6年3月の被保護者調査より"],
        [],
        ["担当", "被保護者 人数(人)", "福祉事務所名 ※保険者コード単位", "保険者番号", "資格情報登録開始日"],
        ["山田", 10, "A", "12130480", null],
        [],
        ["佐藤", 20, "B", "12130498", null],
        [],
      ]),
      "master",
    )!;
    expect(t.headerRow).toBe(4);
    expect(t.fieldIndex.get("code")).toBe(3);
    expect(t.fieldIndex.get("recipients")).toBe(1);
    expect(t.rows.map((r) => r.row)).toEqual([5, 7]);
    expect(t.blankRows).toEqual([6]);
    expect(t.missingColumns).toEqual([]);
    expect(t.columns[0].field).toBeUndefined();
  });

  it("reports duplicate and missing columns", () => {
    const t = readTable(grid("マスタ", [["保険者コード", "福祉事務所名", "保険者番号", "被保護者数"]]), "master")!;
    expect(t.duplicateFields.map((d) => d.field)).toEqual(["code"]);
    expect(t.missingColumns).toEqual(["startDate"]);
  });

  it("returns null when no row of the first 15 has three known headers", () => {
    expect(readTable(grid("マスタ", [["a", "b"], ["保険者コード", "メモ"]]), "master")).toBeNull();
  });

  it("composes the seed's two-row 閲覧停止 header (merged cells, bracketed group words)", () => {
    const g = grid("支払基金_閲覧停止_20241106", [
      ["保険者コード", "福祉事務所名", "×（資格情報）1か月経過", null, null, "×（医療情報）1か月経過", null, null],
      [null, null, "加入中", "資格喪失", "合計", "加入中", "資格喪失", "合計"],
      ["12130480", "A", 1, 2, 3, 4, 5, 9],
    ]);
    expect(detectPaymentFundKind(g)).toBe("pf-suspension");
    const t = readTable(g, "pf-suspension")!;
    expect(t.headerRow).toBe(2);
    expect(t.fieldIndex.get("code")).toBe(0);
    expect(t.fieldIndex.get("name")).toBe(1);
    expect(t.fieldIndex.get("qualTotal")).toBe(4);
    expect(t.fieldIndex.get("medLost")).toBe(6);
    expect(t.missingColumns).toEqual([]);
    expect(t.rows).toHaveLength(1);
  });

  it("recognises list kinds from headers", () => {
    expect(detectPaymentFundKind(grid("支払基金_1", [["保険者コード", "保険者名", "資格情報登録開始日", "データ基準日"]]))).toBe("pf-registration");
    expect(detectPaymentFundKind(grid("支払基金_2", [["保険者コード", "被保険者番号", "氏名", "住所"]]))).toBe("pf-errors");
    expect(detectPaymentFundKind(grid("支払基金_3", [["あ", "い"]]))).toBeNull();
  });
});

describe("dateInSheetName", () => {
  it.each([
    ["支払基金_登録状況_20250107", "2025-01-07"],
    ["支払基金_閲覧停止_2024-12-02", "2024-12-02"],
    ["支払基金_エラー明細_R7.1.7", "2025-01-07"],
    ["支払基金_登録状況", null],
    ["支払基金_登録状況_最新", null],
  ])("%s → %s", (name, date) => expect(dateInSheetName(name)).toBe(date));
});
