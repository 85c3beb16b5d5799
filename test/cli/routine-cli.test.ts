import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
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
const SETTINGS: OutCell[][] = [["項目", "値"], ["全数_福祉事務所数", 1104], ["全数_被保護者数", 2_008_090]];
const LIST: OutCell[][] = [
  ["保険者コード", "保険者名", "資格情報登録開始日", "データ基準日"],
  [code(1), "一市福祉事務所", { date: "2024-12-10" }, { date: "2024-12-17" }],
  [code(3), "三市福祉事務所", "2024/11/1", { date: "2024-12-17" }],
  [code(9), "架空町福祉事務所", { date: "2024-12-01" }, { date: "2024-12-17" }],
];

async function writeBook(): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), "onshi-routine-"));
  const file = path.join(dir, "book.xlsx");
  const book = buildXlsx([{ name: "設定", rows: SETTINGS }, { name: "マスタ", rows: MASTER }, { name: "支払基金_登録状況_20241217", rows: LIST }]);
  writeFileSync(file, new Uint8Array(await book.book.xlsx.writeBuffer()));
  return file;
}

const SNAPSHOT_KEYS = ["asOf", "previous", "total", "unregistered", "registered", "large", "delta", "newlyRegistered"];

function oneJson(stdout: string): Record<string, unknown> {
  expect(stdout.endsWith("\n")).toBe(true);
  expect(stdout.trim().split("\n")).toHaveLength(1);
  return JSON.parse(stdout);
}

describe("onshi apply-registrations / snapshot / diff", () => {
  it("runs the routine in place, saving a .bak.xlsx each time, with SPEC §5 JSON", async () => {
    const file = await writeBook();
    const original = readFileSync(file);
    const bak = file.replace(/\.xlsx$/u, ".bak.xlsx");

    const snap1 = await cli(["snapshot", file, "--as-of", "2024-12-02", "--json"]);
    expect(snap1.exit).toBe(0);
    const first = oneJson(snap1.stdout);
    expect(Object.keys(first)).toEqual(SNAPSHOT_KEYS);
    expect(first).toMatchObject({ asOf: "2024-12-02", previous: null, delta: null, total: { offices: 1104, recipients: 2_008_090 } });
    expect(readFileSync(bak).equals(original)).toBe(true);

    const apply = await cli(["apply-registrations", file, "--json"]);
    expect(apply.exit).toBe(0);
    expect(oneJson(apply.stdout)).toEqual({ changed: [{ code: code(1), old: null, new: "2024-12-10" }], unknownCodes: [code(9)] });
    expect(apply.stderr).toContain("保存しました");

    const snap2 = await cli(["snapshot", file, "--as-of", "2024-12-17", "--json"]);
    const second = oneJson(snap2.stdout);
    expect(Object.keys(second)).toEqual(SNAPSHOT_KEYS);
    expect(second).toMatchObject({
      asOf: "2024-12-17",
      previous: "2024-12-02",
      unregistered: { offices: 1, recipients: 1200 },
      delta: { unregistered: { offices: -1, recipients: -90_000 }, registered: { offices: 1, recipients: 90_000 } },
      newlyRegistered: [{ code: code(1), name: "一市福祉事務所", startDate: "2024-12-10", recipients: 90_000 }],
    });
    expect((second.unregistered as { recipientShare: number }).recipientShare).toBe(1200 / 2_008_090);

    const d = await cli(["diff", file, "--json"]);
    expect(d.exit).toBe(0);
    const dj = oneJson(d.stdout);
    expect(Object.keys(dj)).toEqual([...SNAPSHOT_KEYS, "from", "to", "changes", "added", "removed"]);
    expect(dj).toMatchObject({ from: "2024-12-02", to: "2024-12-17", added: [], removed: [] });
    expect(dj.changes).toEqual([{ code: code(1), field: "資格情報登録開始日", from: null, to: "2024-12-10" }]);

    const book = await loadXlsx(file);
    expect(book.book.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(["スナップショット履歴", "スナップショット", "期間差分", "変更履歴"]));
  });

  it("prints the seed's table layout without --json", async () => {
    const file = await writeBook();
    await cli(["snapshot", file, "--as-of", "2024-12-02"]);
    const apply = await cli(["apply-registrations", file]);
    expect(apply.stdout).toContain("変更 1 件");
    expect(apply.stdout).toContain(code(9));
    const r = await cli(["snapshot", file, "--as-of", "2024-12-17"]);
    expect(r.exit).toBe(0);
    expect(r.stdout).toContain("資格情報未登録福祉事務所の状況 ※12月17日時点");
    expect(r.stdout).toMatch(/未登録\s+1\s+1,200\s+0\.1%\s+0\.1%\s+-1\s+-90,000\s+-4\.5%\s+-0\.1%/u);
    expect(r.stdout).toMatch(/参考：登録済\s+1,103\s+2,006,890\s+99\.9%\s+99\.9%\s+\+1\s+\+90,000\s+\+4\.5%\s+\+0\.1%/u);
    expect(r.stdout).toMatch(/参考：全数\s+1,104\s+2,008,090/u);
    expect(r.stdout).toContain("1,000人以上");
    expect(r.stdout).toMatch(/一市福祉事務所\s+2024-12-10\s+90,000/u);
    const d = await cli(["diff", file]);
    expect(d.stdout).toContain("期間差分 2024-12-02 → 2024-12-17");
    expect(d.stdout).toMatch(/資格情報登録開始日\s+（空欄）\s+2024-12-10/u);
  });

  it("--out writes elsewhere and leaves the original untouched", async () => {
    const file = await writeBook();
    const original = readFileSync(file);
    const out = path.join(path.dirname(file), "out.xlsx");
    const r = await cli(["apply-registrations", file, "--out", out, "--json"]);
    expect(r.exit).toBe(0);
    expect(readFileSync(file).equals(original)).toBe(true);
    expect(existsSync(file.replace(/\.xlsx$/u, ".bak.xlsx"))).toBe(false);
    const saved = await loadXlsx(out);
    expect(saved.book.getWorksheet("マスタ")!.getCell("D2").value).toEqual(new Date(Date.UTC(2024, 11, 10)));
  });

  it.each([
    [["apply-registrations", "--sheet", "支払基金_登録状況_20990101"], /ありません/u],
    [["apply-registrations", "--sheet", "設定"], /登録状況一覧として読めません/u],
    [["diff"], /スナップショットがありません/u],
    [["snapshot", "--as-of", "いつか"], /日付として読めません/u],
  ])("exits 2 with a Japanese message and leaves the file untouched: %s", async (args, message) => {
    const file = await writeBook();
    const original = readFileSync(file);
    const [name, ...rest] = args;
    const r = await cli([name, file, ...rest, "--json"]);
    expect(r.exit).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(message);
    expect(readFileSync(file).equals(original)).toBe(true);
    expect(existsSync(file.replace(/\.xlsx$/u, ".bak.xlsx"))).toBe(false);
  });

  it("diff names the available dates when asked for one without a snapshot", async () => {
    const file = await writeBook();
    await cli(["snapshot", file, "--as-of", "2024-12-02"]);
    await cli(["snapshot", file, "--as-of", "2024-12-17"]);
    const r = await cli(["diff", file, "--from", "2024-12-03", "--json"]);
    expect(r.exit).toBe(2);
    expect(r.stderr).toContain("利用できる基準日: 2024-12-02, 2024-12-17");
  });
});
