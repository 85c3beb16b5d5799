/**
 * SPEC §4 / §5: retaking a snapshot for a date that already has one. Unchanged → nothing written and
 * said; changed → exit 2 with the file untouched unless --replace; a snapshot never writes 期間差分.
 */
import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { OutCell } from "../../src/domain/cell";
import { makeOfficeCode } from "../../src/domain/codes";
import { buildXlsx, loadXlsx } from "../../src/workbook/xlsx/adapter";
import { cli } from "./capture";

const code = (i: number) => makeOfficeCode("12", 13, i);

const MASTER: OutCell[][] = [
  ["保険者コード", "福祉事務所名", "被保護者数", "資格情報登録開始日"],
  [code(1), "一市福祉事務所", 90_000, null],
  [code(2), "二市福祉事務所", 1200, null],
  [code(3), "三市福祉事務所", 300, { date: "2024-11-01" }],
];
const LIST: OutCell[][] = [
  ["保険者コード", "保険者名", "資格情報登録開始日", "データ基準日"],
  [code(1), "一市福祉事務所", { date: "2024-12-10" }, { date: "2024-12-17" }],
  [code(2), "二市福祉事務所", { date: "2024-12-11" }, { date: "2024-12-17" }],
];

async function writeBook(): Promise<string> {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "onshi-replace-")), "book.xlsx");
  const book = buildXlsx([{ name: "マスタ", rows: MASTER }, { name: "支払基金_登録状況_20241217", rows: LIST }]);
  writeFileSync(file, new Uint8Array(await book.book.xlsx.writeBuffer()));
  return file;
}

const historyDates = async (file: string): Promise<unknown[]> => {
  const rows: unknown[] = [];
  (await loadXlsx(file)).book.getWorksheet("スナップショット履歴")!.eachRow((r, i) => i > 1 && rows.push(r.getCell(5).value));
  return rows;
};

describe("onshi snapshot on a date that already has a snapshot", () => {
  it("writes nothing and says so when the frozen rows would not change", async () => {
    const file = await writeBook();
    expect((await cli(["snapshot", file, "--as-of", "2024-12-02"])).exit).toBe(0);
    const before = statSync(file).mtimeMs;
    const bytes = readFileSync(file);
    const again = await cli(["snapshot", file, "--as-of", "2024-12-02", "--json"]);
    expect(again.exit).toBe(0);
    expect(JSON.parse(again.stdout).retake).toEqual({ status: "unchanged" });
    expect(readFileSync(file).equals(bytes)).toBe(true);
    expect(statSync(file).mtimeMs).toBe(before);
    const text = await cli(["snapshot", file, "--as-of", "2024-12-02"]);
    expect(text.stdout).toContain("変わる行がないため、何も書き込みませんでした");
  });

  it("exits 2 with the file untouched when rows would change, and replaces them with --replace", async () => {
    const file = await writeBook();
    await cli(["snapshot", file, "--as-of", "2024-12-02"]);
    await cli(["apply-registrations", file]);
    const bytes = readFileSync(file);
    const refused = await cli(["snapshot", file, "--as-of", "2024-12-02"]);
    expect(refused.exit).toBe(2);
    expect(refused.stderr).toMatch(/2024-12-02 のスナップショットは既にあり、取り直すと 2 行が変わります.*--replace/u);
    expect(refused.stdout).toBe("");
    expect(readFileSync(file).equals(bytes)).toBe(true);
    expect(await historyDates(file)).toEqual([null, null, expect.any(Date)]);

    const replaced = await cli(["snapshot", file, "--as-of", "2024-12-02", "--replace", "--json"]);
    expect(replaced.exit).toBe(0);
    const json = JSON.parse(replaced.stdout);
    expect(json.retake).toEqual({ status: "replace", changedRows: 2, replaced: true });
    expect(json.unregistered.offices).toBe(2); // started 12/10 and 12/11: after 12/02
    expect((await historyDates(file)).every((d) => d instanceof Date)).toBe(true);
  });

  it("never writes 期間差分: only diff does, and a retake leaves its period as it was", async () => {
    const file = await writeBook();
    await cli(["snapshot", file, "--as-of", "2024-12-02"]);
    await cli(["apply-registrations", file]);
    await cli(["snapshot", file, "--as-of", "2024-12-17"]);
    expect((await loadXlsx(file)).book.getWorksheet("期間差分")).toBeUndefined();
    expect((await cli(["diff", file])).exit).toBe(0);
    const title = async () => String((await loadXlsx(file)).book.getWorksheet("期間差分")!.getCell("A1").value);
    expect(await title()).toContain("12月17日時点");
    // A later snapshot (retaken with --replace) does not move the period table to 12/17 → 12/27.
    await cli(["snapshot", file, "--as-of", "2024-12-27"]);
    await cli(["snapshot", file, "--as-of", "2024-12-27", "--replace"]);
    expect(await title()).toContain("12月17日時点");
  });
});

describe("onshi undo-import", () => {
  it("gives back what apply-registrations changed, logs it, and exits 2 when nothing is left to undo", async () => {
    const file = await writeBook();
    const apply = await cli(["apply-registrations", file]);
    expect(apply.stdout).toContain("変更 2 件");
    const undo = await cli(["undo-import", file, "--json"]);
    expect(undo.exit).toBe(0);
    const json = JSON.parse(undo.stdout);
    expect(json.operation).toBe("支払基金データの取込（支払基金_登録状況_20241217）");
    expect(json.restored.map((c: { cell: string; name: string; to: unknown }) => [c.cell, c.name, c.to])).toEqual([["D2", "一市福祉事務所", null], ["D3", "二市福祉事務所", null]]);
    const master = (await loadXlsx(file)).book.getWorksheet("マスタ")!;
    expect([master.getCell("D2").value, master.getCell("D3").value]).toEqual([null, null]);
    const again = await cli(["undo-import", file]);
    expect(again.exit).toBe(2);
    expect(again.stderr).toContain("元に戻せる取込がありません");
  });
});
