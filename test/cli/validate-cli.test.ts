import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildXlsx } from "../../src/workbook/xlsx/adapter";
import { makeOfficeCode } from "../../src/domain/codes";
import type { OutCell } from "../../src/domain/cell";
import { cli } from "./capture";

async function writeBook(rows: OutCell[][]): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), "onshi-cli-"));
  const file = path.join(dir, "book.xlsx");
  const book = buildXlsx([{ name: "マスタ", rows }]);
  writeFileSync(file, new Uint8Array(await book.book.xlsx.writeBuffer()));
  return file;
}

const HEADER = ["保険者コード", "福祉事務所名", "被保護者数", "資格情報登録開始日"];

describe("onshi validate", () => {
  it("prints exactly one JSON object and exits 0 on a clean book", async () => {
    const file = await writeBook([HEADER, [makeOfficeCode("12", 13, 48), "架空市福祉事務所", 120, { date: "2024-11-01" }]]);
    const before = readFileSync(file);
    const mtime = statSync(file).mtimeMs;
    const r = await cli(["validate", file, "--as-of", "2025-02-04", "--json"]);
    expect(r.exit).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(Object.keys(json)).toEqual(expect.arrayContaining(["issues", "counts"]));
    expect(json.counts).toEqual({ error: 0, warning: 0, info: 0 });
    expect(r.stdout.trim().split("\n")).toHaveLength(1);
    // validate never modifies the book
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(statSync(file).mtimeMs).toBe(mtime);
  });

  it("exits 1 when errors are found and names row, column and cell", async () => {
    const file = await writeBook([HEADER, ["1213048", "架空市福祉事務所", 120, null]]);
    const r = await cli(["validate", file, "--as-of", "2025-02-04", "--json"]);
    expect(r.exit).toBe(1);
    const issue = JSON.parse(r.stdout).issues.find((i: { rule: string }) => i.rule === "code-format");
    expect(issue).toMatchObject({ sheet: "マスタ", row: 2, column: "保険者コード", cell: "A2", severity: "error", value: "1213048" });
  });

  it("prints a Japanese table without --json", async () => {
    const file = await writeBook([HEADER, ["1213048", "架空市福祉事務所", 120, null]]);
    const r = await cli(["validate", file, "--as-of", "2025-02-04"]);
    expect(r.exit).toBe(1);
    expect(r.stdout).toContain("検証結果");
    expect(r.stdout).toContain("code-format");
  });

  it.each([
    ["a missing file", () => path.join(tmpdir(), "no-such-book.xlsx")],
    ["a file that is not a workbook", () => {
      const f = path.join(mkdtempSync(path.join(tmpdir(), "onshi-cli-")), "notes.xlsx");
      writeFileSync(f, "this is not a workbook");
      return f;
    }],
    ["a zip that is not a workbook", () => {
      const f = path.join(mkdtempSync(path.join(tmpdir(), "onshi-cli-")), "fake.xlsx");
      writeFileSync(f, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]));
      return f;
    }],
  ])("exits 2 with one Japanese line for %s", async (_, make) => {
    const r = await cli(["validate", make(), "--json"]);
    expect(r.exit).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.trim().split("\n").at(-1)).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/u);
    expect(r.stderr).not.toMatch(/\n\s+at /u);
  });

  it("exits 2 on an unknown command or option", async () => {
    expect((await cli(["nope", "x.xlsx"])).exit).toBe(2);
    expect((await cli(["validate", "x.xlsx", "--bogus"])).exit).toBe(2);
  });
});
