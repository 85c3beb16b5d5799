import { describe, expect, it } from "vitest";
import type { RawCell } from "../../src/domain/cell";
import { rules } from "../../src/domain/rules/group-structure";
import { validateSheets } from "../../src/domain/validate";
import { MASTER_HEADER, toGrid } from "./tester";

const WEIRD: RawCell[] = [
  null, "", " ", "\u3000", "\u200B", true, false, 0, -0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY,
  Number.MAX_VALUE, 1e21, "x".repeat(100_000), "１２３４５６７８", "12-34-5678", "東京都", "●", "#N/A",
];

describe("group-structure", () => {
  it("has unique rule ids", () => {
    const ids = rules.map((r) => r.meta.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("never throws, whatever the cells hold", () => {
    const header = [...MASTER_HEADER, "都道府県"];
    const masterRows = WEIRD.map((v) => [v, v, v, v, v]);
    const listHeader = ["保険者コード", "保険者名", "資格情報_加入中", "資格情報_資格喪失", "資格情報_合計", "医療情報_合計"];
    const sheets = [
      { name: "マスタ", rows: [header, ...masterRows] },
      { name: "支払基金_閲覧停止", rows: [listHeader, ...WEIRD.map((v) => [v, v, v, v, v, v])] },
      { name: "設定", rows: [["項目", "値"], ...WEIRD.map((v) => [v, v])] },
      { name: "支払基金_エラー明細", rows: WEIRD.map((v) => [v]) },
    ];
    expect(() => validateSheets(sheets.map(toGrid), { asOf: "2025-02-04", rules })).not.toThrow();
  });
});
