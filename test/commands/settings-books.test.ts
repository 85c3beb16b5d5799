// 設定 mistakes on books kept the way consultants keep them: each is a finding, the default it
// causes is said beside the figures (sheet notes, CLI text, JSON), and the task pane reads and
// saves the very row the engine uses.
import { describe, expect, it } from "vitest";
import { loadSettings, saveSettings } from "../../src/commands/settings";
import { diff } from "../../src/commands/diff";
import { snapshot } from "../../src/commands/snapshot";
import { validate } from "../../src/commands/validate";
import { readWorkbook } from "../../src/commands/context";
import { emptyValues } from "../../src/commands/settings";
import { OFFICE_COUNT, REGISTERED, book, cli, masterRows, reloaded, settingsRows } from "../books/consultant-book";

const UNREGISTERED = OFFICE_COUNT - REGISTERED;
const AS_OF = "2025-02-04";

const withSettings = (...items: (string | number | null)[][]) =>
  book([
    { name: "設定", rows: settingsRows(...items) },
    { name: "マスタ", rows: masterRows() },
  ]);

describe("設定 item names", () => {
  it("reads 全数 福祉事務所数 (a space for the underscore) as the denominator, and says so in validate", async () => {
    const b = withSettings(["全数 福祉事務所数", 1104, "全国の福祉事務所数"]);
    const figures = await snapshot(await reloaded(b), { asOf: AS_OF });
    expect(figures.total.offices).toBe(1104);
    expect(figures.unregistered.officeShare).toBeCloseTo(UNREGISTERED / 1104, 12);
    const v = await validate(await reloaded(b), { asOf: AS_OF });
    expect(v.issues.filter((f) => f.rule === "settings-unknown")).toEqual([
      expect.objectContaining({ sheet: "設定", cell: "A4", severity: "warning", value: "全数 福祉事務所数" }),
    ]);
  });

  it("a typo that cannot be read is reported and its fallback is said beside the figures", async () => {
    const run = await cli(withSettings(["全数_福祉事務数", 1104]), ["snapshot", "--as-of", AS_OF, "--json"]);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json.total.offices).toBe(OFFICE_COUNT);
    expect(json.notes).toEqual([expect.stringContaining("「全数_福祉事務数」は知らない項目")]);
    const v = await cli(withSettings(["全数_福祉事務数", 1104]), ["validate", "--as-of", AS_OF, "--json"]);
    expect(JSON.parse(v.stdout).issues.map((f: { rule: string }) => f.rule)).toContain("settings-unknown");
  });
});

describe("設定 values that cannot be read", () => {
  it("約1,100: an error in validate (exit 1), and every computed table says the row count was used", async () => {
    const b = withSettings(["全数_福祉事務所数", "約1,100"], ["全数_被保護者数", 2008090]);
    const v = await cli(b, ["validate", "--as-of", AS_OF, "--json"]);
    expect(v.code).toBe(1);
    const issues = JSON.parse(v.stdout).issues;
    expect(issues).toContainEqual(expect.objectContaining({ rule: "settings-invalid", sheet: "設定", cell: "B4", severity: "error", value: "約1,100" }));

    const note = `全数_福祉事務所数 が読めないため、マスタの行数 ${OFFICE_COUNT} を使いました`;
    const json = await cli(b, ["snapshot", "--as-of", AS_OF, "--json"]);
    expect(JSON.parse(json.stdout).notes).toEqual([expect.stringContaining(note)]);
    const text = await cli(b, ["snapshot", "--as-of", AS_OF]);
    expect(text.stdout).toContain(note);

    const written = await reloaded(b);
    await snapshot(written, { asOf: AS_OF });
    // SPEC §4: 期間差分 comes from diff only, which needs an earlier snapshot to compare with.
    await snapshot(written, { asOf: "2024-04-01" });
    await diff(written, {});
    const sheetText = (name: string) => {
      const out: string[] = [];
      written.book.getWorksheet(name)!.eachRow((row) => row.eachCell((c) => void out.push(String(c.value))));
      return out.join("\n");
    };
    expect(sheetText("期間差分")).toContain(note);
    expect(sheetText("スナップショット")).toContain(note);
  });

  it("500人以上 is not silently 1000: settings-invalid, and the threshold note in summary", async () => {
    const b = withSettings(["優先_被保護者数閾値", "500人以上"]);
    const v = await validate(await reloaded(b), { asOf: AS_OF });
    expect(v.issues.filter((f) => f.rule === "settings-invalid")).toEqual([expect.objectContaining({ cell: "B4", value: "500人以上" })]);
    const run = await cli(b, ["summary", "--as-of", AS_OF, "--json"]);
    expect(JSON.parse(run.stdout).notes).toEqual([expect.stringContaining("優先_被保護者数閾値 が読めないため、既定値 1,000 を使いました")]);
  });

  it("a clean 設定 adds no notes key to the JSON", async () => {
    const run = await cli(withSettings(["全数_福祉事務所数", 1104]), ["snapshot", "--as-of", AS_OF, "--json"]);
    expect(Object.keys(JSON.parse(run.stdout))).not.toContain("notes");
  });
});

describe("an item given twice: the last wins, in the engine and the task pane alike", () => {
  const twice = () => withSettings(["全数_福祉事務所数", 1000, "古い値"], ["優先_被保護者数閾値", 1000], ["全数_福祉事務所数", 1104, "R6年度の値"]);

  it("engine and pane read the same (last) row, and validate says so", async () => {
    const b = await reloaded(twice());
    const ctx = await readWorkbook(b);
    expect(ctx.settings.totalOffices).toBe(1104);
    const pane = await loadSettings(b);
    expect(pane.values.totalOffices).toBe("1104");
    expect(pane.cells.totalOffices).toEqual({ row: 6, col: 2 });
    expect(pane.issues).toEqual([expect.objectContaining({ rule: "settings-duplicate", cell: "A4" })]);
  });

  it("a value saved in the pane lands in the row the engine reads", async () => {
    const b = await reloaded(twice());
    const pane = await loadSettings(b);
    const saved = await saveSettings(b, { ...pane.values, totalOffices: "1110" });
    expect(saved.saved).toBe(true);
    const ws = b.book.getWorksheet("設定")!;
    expect(ws.getCell("B6").value).toBe(1110);
    expect(ws.getCell("B4").value).toBe(1000);
    expect((await readWorkbook(b)).settings.totalOffices).toBe(1110);
    expect(saved.sheet.values.totalOffices).toBe("1110");
  });

  it("a value edited in Excel after the form was loaded is not overwritten by the stale form", async () => {
    const b = await reloaded(twice());
    const pane = await loadSettings(b);
    b.book.getWorksheet("設定")!.getCell("B5").value = 800; // the user edits 優先_被保護者数閾値 in Excel
    await saveSettings(b, { ...pane.values, totalOffices: "1110" }, pane);
    const ws = b.book.getWorksheet("設定")!;
    expect([ws.getCell("B5").value, ws.getCell("B6").value]).toEqual([800, 1110]);
  });

  it("saving an item that is not there appends a row below the table", async () => {
    const b = await reloaded(twice());
    await saveSettings(b, { ...emptyValues(), ...(await loadSettings(b)).values, surveyMonth: "2024-11" });
    const ws = b.book.getWorksheet("設定")!;
    expect([ws.getCell("A7").value, ws.getCell("B7").value]).toEqual(["アンケート_基準月", "2024-11"]);
    expect((await readWorkbook(b)).settings.surveyMonth).toBe("2024-11");
  });
});

describe("列_<field> items", () => {
  it("are kept as a field → header map, not reported as unknown", async () => {
    const b = withSettings(["列_被保護者数", "被保護者数（R6.3）"], ["列 資格情報登録開始日", "資格情報登録開始日（支払基金）"]);
    const ctx = await readWorkbook(await reloaded(b));
    expect(ctx.settings.columns).toEqual({ 被保護者数: "被保護者数（R6.3）", 資格情報登録開始日: "資格情報登録開始日（支払基金）" });
    const v = await validate(await reloaded(b), { asOf: AS_OF });
    // The spaced one is read and said; the proper one is silent.
    expect(v.issues.filter((f) => f.sheet === "設定").map((f) => [f.rule, f.cell])).toEqual([["settings-unknown", "A5"]]);
  });
});

describe("list values", () => {
  it("公文書_発出月 and 無効ルール accept ; as well as , 、 and spaces", async () => {
    const b = withSettings(["公文書_発出月", "2025-03;2025-04"], ["無効ルール", "blank-row;external-char"]);
    const ctx = await readWorkbook(await reloaded(b));
    expect(ctx.settings.documentMonths).toEqual(["2025-03", "2025-04"]);
    expect(ctx.settings.disabledRules).toEqual(["blank-row", "external-char"]);
    const pane = await loadSettings(await reloaded(b));
    expect(pane.issues).toEqual([]);
  });
});
