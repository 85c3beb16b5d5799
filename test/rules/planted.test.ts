/**
 * The foundation's acceptance test: a workbook with one planted defect per rule id yields exactly
 * those findings (duplicate rules report both rows of their pair), and the same workbook without
 * the defects yields no finding at all.
 */
import { describe, expect, it } from "vitest";
import type { RawCell } from "../../src/domain/cell";
import { makeOfficeCode, officeCheckDigit } from "../../src/domain/codes";
import { RULE_IDS, RULES } from "../../src/domain/rules";
import { validateSheets } from "../../src/domain/validate";
import { toGrid, type SheetInput } from "./tester";

const AS_OF = "2025-02-04";
let insuredSerial = 0;
const code = (n: number) => makeOfficeCode("12", 13, n);
const withCheck = (first7: string) => `${first7}${officeCheckDigit(first7)}`;

const MASTER_HEADER = ["保険者コード", "福祉事務所名", "被保護者数", "資格情報登録開始日", "都道府県", "登録予定月", "対応状況", "備考", "保険者番号"];
const good = (n: number): RawCell[] => [code(n), `架空${n}市福祉事務所`, 100 + n, "2024/12/20", "東京都", "令和7年3月", "3_準備中", "", null];

/** [rule id, how many findings, the master row or sheet that plants it]. */
type Plant = { rule: string; count: number; master?: RawCell[][]; sheets?: SheetInput[]; withoutMaster?: boolean };

const PLANTS: Plant[] = [
  { rule: "code-format", count: 1, master: [["1213048", "A福祉事務所", 1, null, "東京都", null, null, null, null]] },
  { rule: "code-law", count: 1, master: [[withCheck("1113001"), "B福祉事務所", 1, null, "東京都", null, null, null, null]] },
  { rule: "code-prefecture", count: 1, master: [[withCheck("1248001"), "C福祉事務所", 1, null, null, null, null, null, null]] },
  { rule: "code-check-digit", count: 1, master: [[`${code(90).slice(0, 7)}${(Number(code(90)[7]) + 1) % 10}`, "D福祉事務所", 1, null, "東京都", null, null, null, null]] },
  { rule: "code-duplicate", count: 2, master: [[code(91), "E福祉事務所", 1, null, "東京都", null, null, null, null], [code(91), "E2福祉事務所", 1, null, "東京都", null, null, null, null]] },
  { rule: "required-empty", count: 1, master: [[code(92), null, 1, null, "東京都", null, null, null, null]] },
  { rule: "recipients-missing", count: 1, master: [[code(93), "F福祉事務所", null, null, "東京都", null, null, null, null]] },
  { rule: "number-invalid", count: 1, master: [[code(94), "G福祉事務所", -5, null, "東京都", null, null, null, null]] },
  { rule: "number-as-text", count: 1, master: [[code(95), "H福祉事務所", "１２０", null, "東京都", null, null, null, null]] },
  { rule: "prefecture-unknown", count: 1, master: [[code(96), "I福祉事務所", 1, null, "東京州", null, null, null, null]] },
  { rule: "prefecture-mismatch", count: 1, master: [[code(97), "J福祉事務所", 1, null, "大阪府", null, null, null, null]] },
  { rule: "date-invalid", count: 1, master: [[code(98), "K福祉事務所", 1, "2025/2/30", "東京都", null, null, null, null]] },
  { rule: "date-future", count: 1, master: [[code(99), "L福祉事務所", 1, "2025/3/1", "東京都", null, null, null, null]] },
  { rule: "plan-invalid", count: 1, master: [[code(100), "M福祉事務所", 1, null, "東京都", "そのうち", null, null, null]] },
  { rule: "status-invalid", count: 1, master: [[code(101), "N福祉事務所", 1, null, "東京都", null, "9_不明", null, null]] },
  { rule: "mynumber-present", count: 1, master: [[code(102), "O福祉事務所", 1, null, "東京都", null, null, "本人の番号 1234 5678 9018", null]] },
  { rule: "external-char", count: 1, master: [[code(103), "東●市福祉事務所", 1, null, "東京都", null, null, null, null]] },
  { rule: "blank-row", count: 1, master: [[], [code(104), "P福祉事務所", 1, null, "東京都", null, null, null, null]] },
  { rule: "header-missing", count: 1, sheets: [{ name: "支払基金_登録状況_20250204", rows: [["保険者コード", "保険者名", "データ基準日"], [code(1), "架空1市", "2025/2/4"]] }] },
  { rule: "pf-code-unknown", count: 1, sheets: [suspension([code(500), "不明市", 1, 0, 1, 1, 0, 1])] },
  { rule: "pf-total-mismatch", count: 1, sheets: [suspension([code(2), "架空2市", 1, 1, 3, 1, 0, 1])] },
  { rule: "pf-duplicate-row", count: 2, sheets: [suspension([code(3), "架空3市", 1, 0, 1, 1, 0, 1], [code(3), "架空3市", 1, 0, 1, 1, 0, 1])] },
  { rule: "address-no-municipality", count: 1, sheets: [errors(["東京都緑ヶ丘1-2-3", "基金 洋子"])] },
  { rule: "address-no-prefecture", count: 1, sheets: [errors(["千代田区霞が関1-2-2", "基金 洋子"])] },
  { rule: "name-whitespace", count: 1, sheets: [errors(["東京都千代田区霞が関1-2-2", "基金  洋子"])] },
  { rule: "sheet-unrecognised", count: 1, sheets: [{ name: "支払基金_その他", rows: [["メモ", "件数"], ["x", 1]] }] },
  { rule: "header-duplicate", count: 1, master: [] },
  { rule: "date-implausible", count: 1, master: [[code(105), "Q福祉事務所", 1, 2025, "東京都", null, null, null, null]] },
  { rule: "settings-unknown", count: 1, sheets: [{ name: "設定", rows: [["項目", "値"], ["全数_福祉事務数", 1104]] }] },
  { rule: "settings-invalid", count: 1, sheets: [{ name: "設定", rows: [["項目", "値"], ["優先_被保護者数閾値", "500人以上"]] }] },
  { rule: "settings-duplicate", count: 1, sheets: [{ name: "設定", rows: [["項目", "値"], ["アンケート_基準月", "2024-10"], ["アンケート_基準月", "2024-11"]] }] },
  { rule: "row-not-office", count: 1, master: [[null, "合計", 1500, null, null, null, null, null, null]] },
  // A book without マスタ cannot share the book of the other plants.
  { rule: "sheet-missing", count: 1, withoutMaster: true },
];

function suspension(...rows: RawCell[][]): SheetInput {
  return {
    name: "支払基金_閲覧停止_20250107",
    rows: [["保険者コード", "保険者名", "資格情報_加入中", "資格情報_資格喪失", "資格情報_合計", "医療情報_加入中", "医療情報_資格喪失", "医療情報_合計"], ...rows],
  };
}

function errors(...people: [string, string][]): SheetInput {
  return {
    name: "支払基金_エラー明細_20250107",
    rows: [["保険者コード", "被保険者番号", "氏名", "氏名カナ", "生年月日", "性別", "住所", "エラーコード"], ...people.map(([address, name]) => [code(4), `J${++insuredSerial}`, name, "キキン ヨウコ", "1960/4/1", "女", address, "Z09"])],
  };
}

/** The clean book: 設定 and a master of good rows; `header` lets a case drop the duplicate column. */
function book(plant?: Plant): SheetInput[] {
  const header = plant?.rule === "header-duplicate" ? MASTER_HEADER : MASTER_HEADER.slice(0, -1);
  const rows = [...Array.from({ length: 5 }, (_, i) => good(i + 1)), ...(plant?.master ?? [])].map((r) => r.slice(0, header.length));
  const settings = { name: "設定", rows: [["項目", "値"], ["全数_福祉事務所数", 1104], ["全数_被保護者数", 2008090]] };
  if (plant?.withoutMaster) return [settings, ...(plant.sheets ?? [])];
  return [settings, { name: "マスタ", rows: [["架空の管理表"], [], header, ...rows] }, ...(plant?.sheets ?? [])];
}

const findings = (sheets: SheetInput[]) => validateSheets(sheets.map(toGrid), { asOf: AS_OF, rules: RULES }).issues;

describe("one planted defect per rule", () => {
  it("plants every rule id of SPEC §3", () => {
    expect(PLANTS.map((p) => p.rule).sort()).toEqual([...RULE_IDS].sort());
  });

  it("a clean workbook yields no finding at all", () => {
    expect(findings(book())).toEqual([]);
  });

  it.each(PLANTS.map((p) => [p.rule, p] as const))("%s: exactly its own findings", (rule, plant) => {
    const found = findings(book(plant));
    expect(found.map((f) => f.rule)).toEqual(Array(plant.count).fill(rule));
  });

  it("all defects together yield exactly the sum of the findings", () => {
    const together = PLANTS.filter((p) => !p.withoutMaster);
    const master = together.flatMap((p) => p.master ?? []);
    const sheets = new Map<string, SheetInput>();
    for (const p of together) for (const s of p.sheets ?? []) sheets.set(s.name, { ...s, rows: [...(sheets.get(s.name)?.rows ?? [s.rows[0]]), ...s.rows.slice(1)] });
    const all = book({ rule: "header-duplicate", count: 1, master, sheets: [...sheets.values()] });
    const counts = new Map<string, number>();
    for (const f of findings(all)) counts.set(f.rule, (counts.get(f.rule) ?? 0) + 1);
    expect(Object.fromEntries(counts)).toEqual(Object.fromEntries(together.map((p) => [p.rule, p.count])));
  });
});
