import { describe, expect, it } from "vitest";
import type { RawCell } from "../../src/domain/cell";
import { rules } from "../../src/domain/rules/group-content";
import { validateSheets } from "../../src/domain/validate";
import { MASTER_HEADER, toGrid } from "./tester";

const WEIRD: RawCell[] = [
  null, "", " ", "\u3000", "\u200B", true, false, 0, -0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY, Number.MAX_VALUE, -123456789018, 123456789018.5, 1e21, "x".repeat(100_000),
  "1".repeat(100_000), "1 ".repeat(50_000), "●".repeat(1000), "１２３４５６７８", "12-34-5678", "東京都", "●", "#N/A",
  "令和7年4月以降⇒".repeat(200), "\uD800", "  ", "山田  太郎",
];

const MASTER = [...MASTER_HEADER, "都道府県", "アンケート回答日", "対応状況", "登録予定月", "登録予定時期", "備考"];
const SUSPENSION = ["保険者コード", "保険者名", "初回検知日", "資格情報_加入中", "資格情報_資格喪失", "資格情報_合計", "医療情報_加入中", "医療情報_資格喪失", "医療情報_合計", "データ基準日"];
const ERRORS = ["保険者コード", "被保険者番号", "氏名", "氏名カナ", "生年月日", "性別", "住所", "エラーコード"];

const rowsOf = (header: string[], values: RawCell[]) => [header, ...values.map((v) => header.map(() => v)), [], ...values.map((v) => header.map(() => v))];

describe("group-content", () => {
  it("has unique rule ids", () => {
    const ids = rules.map((r) => r.meta.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(14);
  });

  it("never throws, whatever the cells hold", () => {
    const sheets = [
      { name: "マスタ", rows: rowsOf(MASTER, WEIRD) },
      { name: "支払基金_閲覧停止", rows: rowsOf(SUSPENSION, WEIRD) },
      { name: "支払基金_エラー明細", rows: rowsOf(ERRORS, WEIRD) },
      { name: "支払基金_登録状況", rows: rowsOf(["保険者コード", "保険者名", "資格情報登録開始日", "データ基準日"], WEIRD) },
      { name: "設定", rows: [["項目", "値"], ...WEIRD.map((v) => [v, v])] },
      { name: "支払基金_", rows: WEIRD.map((v) => [v]) },
      { name: "メモ", rows: WEIRD.map((v) => [v, v]) },
    ];
    expect(() => validateSheets(sheets.map(toGrid), { asOf: "2025-02-04", rules })).not.toThrow();
  });

  it("checks a 100,000-row master quickly", () => {
    const rows: RawCell[][] = [MASTER];
    for (let i = 0; i < 100_000; i++) {
      rows.push(["12130480", `福祉事務所${i}`, i, 45000 + (i % 300), "東京都", "2024/10/1", "3_準備中", "令和7年4月以降", "R7年4月以降⇒R7年3月", "備考●"]);
    }
    const timings = new Map<string, number>();
    const start = performance.now();
    validateSheets([toGrid({ name: "マスタ", rows })], { asOf: "2025-02-04", rules, timings });
    expect(performance.now() - start).toBeLessThan(10_000);
  });
});
