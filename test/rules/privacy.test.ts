/**
 * A probable 個人番号 anywhere in a workbook is reported by address, and no finding — of any rule —
 * echoes its digits, in its value or in its message.
 */
import { describe, expect, it } from "vitest";
import type { RawCell } from "../../src/domain/cell";
import { isProbableMyNumber } from "../../src/domain/codes";
import type { Finding } from "../../src/domain/findings";
import { RULES } from "../../src/domain/rules/index";
import { validateSheets } from "../../src/domain/validate";
import type { SheetGrid } from "../../src/workbook/port";
import { MASTER_HEADER, toGrid } from "./tester";

// Both are probable 個人番号 (their check digits fit).
const MY_NUMBER = "123456789018";
const OTHER_NUMBER = "987654321093";
const SPACED = "1234 5678 9018";
const FULL_WIDTH = "９８７６－５４３２－１０９３";

/** Digits only, after NFKC: what a leak would look like however it is spaced. */
const digitsOf = (v: RawCell | string): string => String(v ?? "").normalize("NFKC").replace(/\D/g, "");

function expectNoLeak(findings: readonly Finding[]): void {
  for (const f of findings) {
    for (const secret of [MY_NUMBER, OTHER_NUMBER]) {
      expect(digitsOf(f.value), `${f.rule} ${f.sheet}!${f.cell} value`).not.toContain(secret);
      expect(digitsOf(f.message), `${f.rule} ${f.sheet}!${f.cell} message`).not.toContain(secret);
      expect(digitsOf(f.note ?? ""), `${f.rule} ${f.sheet}!${f.cell} note`).not.toContain(secret);
    }
  }
}

const myNumberCells = (findings: readonly Finding[]) =>
  findings.filter((f) => f.rule === "mynumber-present").map((f) => `${f.sheet}!${f.cell}`);

describe("privacy: 個人番号", () => {
  it("uses numbers whose check digit fits", () => {
    expect(isProbableMyNumber(MY_NUMBER)).toBe(true);
    expect(isProbableMyNumber(OTHER_NUMBER)).toBe(true);
  });

  it("reports every probable 個人番号 in the workbook by address and never echoes it", () => {
    const sheets = [
      {
        name: "設定",
        rows: [
          ["項目", "値"],
          ["全数_福祉事務所数", 1104],
          ["備考", `連絡先 ${SPACED}`],
        ],
      },
      {
        name: "マスタ",
        rows: [
          [`作成者メモ ${MY_NUMBER}`],
          [...MASTER_HEADER, "アンケート回答日", "対応状況", "登録予定月", "登録予定時期", "備考", "独自列"],
          ["12130480", "●●市福祉事務所", 10, SPACED, FULL_WIDTH, MY_NUMBER, MY_NUMBER, `R7年4月⇒${SPACED}`, `個人番号 ${MY_NUMBER}`, 123456789018],
          ["12010013", "B福祉事務所", 5, "2024/12/20", "2024/10/1", 1, "令和7年4月", null, null, null],
        ],
      },
      {
        name: "支払基金_エラー明細_20250107",
        rows: [
          ["保険者コード", "被保険者番号", "氏名", "氏名カナ", "生年月日", "性別", "住所", "エラーコード"],
          ["12130480", MY_NUMBER, ` 山田●${MY_NUMBER}`, `ヤマダ  ${SPACED}`, MY_NUMBER, "1", `番号${OTHER_NUMBER}`, "Z09"],
          ["12130480", MY_NUMBER, "山田 太郎", "ヤマダ タロウ", "S50.1.1", "1", "東京都千代田区", "Z04"],
        ],
      },
      {
        name: "支払基金_閲覧停止_20250107",
        rows: [
          ["保険者コード", "保険者名", "資格情報_加入中", "資格情報_資格喪失", "資格情報_合計"],
          ["12130480", "A", 1, 2, 123456789018],
        ],
      },
      { name: "支払基金_メモ", rows: [["番号"], [MY_NUMBER]] },
      { name: "作業用", rows: [["氏名", "番号"], ["山田", FULL_WIDTH], ["佐藤", "1234-5678-9012"]] },
    ];
    const { issues } = validateSheets(sheets.map(toGrid), { asOf: "2025-02-04", rules: RULES });

    expect(myNumberCells(issues).sort()).toEqual(
      [
        "設定!B3",
        "マスタ!A1",
        "マスタ!D3",
        "マスタ!E3",
        "マスタ!F3",
        "マスタ!G3",
        "マスタ!H3",
        "マスタ!I3",
        "マスタ!J3",
        "支払基金_エラー明細_20250107!B2",
        "支払基金_エラー明細_20250107!C2",
        "支払基金_エラー明細_20250107!D2",
        "支払基金_エラー明細_20250107!E2",
        "支払基金_エラー明細_20250107!G2",
        "支払基金_エラー明細_20250107!B3",
        "支払基金_閲覧停止_20250107!E2",
        "支払基金_メモ!A2",
        "作業用!B2",
      ].sort(),
    );
    for (const f of issues.filter((i) => i.rule === "mynumber-present")) {
      expect(f.value).toBeNull();
      expect(f.severity).toBe("error");
      expect(f.message).not.toMatch(/[0-9０-９]/u);
      expect(f.messageId).toBe("myNumber");
    }
    // Other rules still fire on those cells (so the test does exercise them), without the digits.
    const rulesSeen = new Set(issues.map((f) => f.rule));
    for (const id of ["date-invalid", "plan-invalid", "status-invalid", "external-char", "name-whitespace", "address-no-prefecture", "pf-total-mismatch", "pf-duplicate-row", "sheet-unrecognised"]) {
      expect(rulesSeen, id).toContain(id);
    }
    expectNoLeak(issues);
  });

  it("names the table column only below the header, and honours the grid's origin", () => {
    const grid: SheetGrid = {
      name: "マスタ",
      top: 3,
      left: 2,
      values: [
        [`メモ ${SPACED}`, null, null, null, null],
        [...MASTER_HEADER, "備考"],
        ["12130480", "A", 10, null, SPACED],
      ],
    };
    const found = validateSheets([grid], { asOf: "2025-02-04", rules: RULES }).issues.filter((f) => f.rule === "mynumber-present");
    expect(found.map(({ row, column, cell, value }) => ({ row, column, cell, value }))).toEqual([
      { row: 3, column: "", cell: "B3", value: null },
      { row: 5, column: "備考", cell: "F5", value: null },
    ]);
    expectNoLeak(found);
  });

  it("scans a large sheet quickly", () => {
    const rows: RawCell[][] = [[...MASTER_HEADER, "備考"]];
    for (let i = 0; i < 100_000; i++) rows.push(["12130480", `福祉事務所${i}`, i, 45000 + (i % 300), i % 1000 === 0 ? SPACED : "東京都千代田区霞が関1-2-2"]);
    const rule = RULES.find((r) => r.meta.id === "mynumber-present");
    expect(rule).toBeDefined();
    const start = performance.now();
    const { issues } = validateSheets([toGrid({ name: "マスタ", rows })], { asOf: "2025-02-04", rules: [rule!] });
    expect(issues).toHaveLength(100);
    expect(performance.now() - start).toBeLessThan(2000);
  });
});

describe("no rule echoes a 個人番号, whichever column holds it", () => {
  it("drops the value of every finding on such a cell", () => {
    const found = validateSheets(
      [{ name: "マスタ", top: 1, left: 1, values: [["保険者コード", "福祉事務所名", "被保護者数", "資格情報登録開始日", "都道府県"], ["1234 5678 9018", "A", "1234-5678-9018", "123456789018", "123456789018"]] }],
      { asOf: "2025-02-04", rules: RULES },
    ).issues;
    expect(found.length).toBeGreaterThan(3);
    for (const f of found) expect(`${f.value ?? ""}${f.message}`.replace(/\D/gu, "")).not.toContain("123456789018");
  });
});
