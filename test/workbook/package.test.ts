/**
 * The surgical save at the port level: what a commit writes, saved into the original package and
 * read back, is what the in-memory model holds; a commit that changes nothing saves nothing; a
 * log sheet written by an earlier save is appended to below its rows; our highlight rules are
 * replaced while the user's stay; the zip layer copies untouched entries' compressed bytes.
 */
import { unzipSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import type { WriteBatch } from "../../src/workbook/port";
import { buildXlsx, loadXlsxBuffer, type XlsxWorkbook } from "../../src/workbook/xlsx/adapter";
import ExcelJS from "exceljs";
import { readableCopy } from "../../src/workbook/xlsx/package/readable";
import { slideFormula } from "../../src/workbook/xlsx/package/sheet";
import { readZip, writeZip } from "../../src/workbook/xlsx/package/zip";
import { featureBook } from "../save/books";

const utf8 = new TextDecoder();

async function seedBytes(): Promise<Uint8Array> {
  const book = buildXlsx([
    { name: "マスタ", rows: [["保険者コード", "被保護者数", "メモ"], ["12130480", 120, "a"], ["12130498", 0, null]] },
    { name: "メモ", rows: [["ユーザーのシート"]] },
  ]);
  return new Uint8Array(await book.book.xlsx.writeBuffer());
}

const BATCH: WriteBatch = {
  ranges: [{ sheet: "マスタ", row: 2, col: 4, values: [[{ date: "2025-01-07" }], ["=1+1"], [true]], formats: [undefined] }],
  appends: [{ sheet: "変更履歴", header: ["日時", "セル"], rows: [["2025-01-07 10:00", "D2"]] }],
  sheets: [
    {
      name: "スナップショット",
      freezeHeader: true,
      widths: [14, 10],
      blocks: [
        { title: "推移", header: ["基準日", "未登録"], rows: [[{ date: "2024-12-02" }, 88], [{ date: "2024-12-17" }, 86]], formats: [undefined, "#,##0"], tableName: "推移", notes: ["※注記"] },
        { header: ["区分", "割合"], rows: [["未登録", 0.0549]], formats: [undefined, "0.0%"] },
      ],
    },
  ],
  highlights: [{ sheet: "マスタ", firstRow: 2, lastRow: 3, lastCol: 4, rules: [{ formula: '=AND($C2="a",ISTEXT("onshi"))', fill: "#FFEB9C", label: "x" }] }],
};

async function gridsOf(book: XlsxWorkbook) {
  const names = await book.listSheets();
  const grids = await book.readSheets(names);
  return { names, grids: Object.fromEntries([...grids].map(([n, g]) => [n, { top: g.top, left: g.left, values: g.values, formats: g.formats }])) };
}

describe("surgical save through the xlsx adapter", () => {
  it("saves what the model holds, and a second identical commit saves nothing", async () => {
    const original = await seedBytes();
    const book = await loadXlsxBuffer(original);
    await book.commit(BATCH);
    const saved = await book.saveBytes();
    expect(saved).not.toBeNull();
    const reread = await loadXlsxBuffer(saved!);
    expect(await gridsOf(reread)).toEqual(await gridsOf(book));
    const snap = reread.book.getWorksheet("スナップショット")!;
    expect(snap.getTables().map((t) => (t as unknown as { name: string }).name)).toEqual(["推移"]);
    expect(snap.views[0]).toMatchObject({ state: "frozen", ySplit: 2 });
    expect(snap.getColumn(1).width).toBe(14);
    expect(snap.getCell("B4").numFmt).toBe("#,##0");
    expect(snap.getCell("A1").font?.bold).toBe(true);
    // The user's sheet is the same part, byte for byte.
    expect(unzipSync(saved!)["xl/worksheets/sheet2.xml"]).toEqual(unzipSync(original)["xl/worksheets/sheet2.xml"]);

    const again = await loadXlsxBuffer(saved!);
    await again.commit({ ...BATCH, appends: [] });
    expect(await again.saveBytes()).toBeNull();
  });

  it("appends below the rows an earlier save wrote to the log sheet", async () => {
    const first = await loadXlsxBuffer(await seedBytes());
    await first.commit({ appends: BATCH.appends });
    const second = await loadXlsxBuffer((await first.saveBytes())!);
    await second.commit({ appends: [{ sheet: "変更履歴", header: ["日時", "セル"], rows: [["2025-01-08 11:00", "D3"]] }] });
    const third = await loadXlsxBuffer((await second.saveBytes())!);
    const log = (await third.readSheets(["変更履歴"])).get("変更履歴")!;
    expect(log.values).toEqual([["日時", "セル"], ["2025-01-07 10:00", "D2"], ["2025-01-08 11:00", "D3"]]);
  });

  it("replaces only its own highlight rules and appends styles without renumbering", async () => {
    const original = featureBook();
    const book = await loadXlsxBuffer(original);
    await book.commit({ highlights: BATCH.highlights });
    const once = await book.saveBytes();
    const master = utf8.decode(unzipSync(once!)["xl/worksheets/sheet1.xml"]);
    expect(master.match(/<conditionalFormatting\b/gu)).toHaveLength(2);
    expect(master).toContain('<cfRule type="cellIs" dxfId="0" priority="1" operator="greaterThan"><formula>1000</formula></cfRule>');
    expect(master).toContain('<cfRule type="expression" dxfId="1" priority="2"><formula>AND($C2="a",ISTEXT("onshi"))</formula></cfRule>');
    const styles = utf8.decode(unzipSync(once!)["xl/styles.xml"]);
    expect(styles).toContain('<dxfs count="2"><dxf><font><color rgb="FF9C0006"/></font>');
    const next = await loadXlsxBuffer(once!);
    await next.commit({ highlights: [{ ...BATCH.highlights![0], lastRow: 6 }] });
    const twice = utf8.decode(unzipSync((await next.saveBytes())!)["xl/worksheets/sheet1.xml"]);
    expect(twice.match(/<conditionalFormatting\b/gu)).toHaveLength(2);
    expect(twice).toContain('<conditionalFormatting sqref="A2:D6">');
  });

  it("never writes into the hidden cells of a merge", async () => {
    const book = buildXlsx([{ name: "マスタ", rows: [["a", "b"], [1, 2]] }]);
    book.book.getWorksheet("マスタ")!.mergeCells("A2:B2");
    const loaded = await loadXlsxBuffer(new Uint8Array(await book.book.xlsx.writeBuffer()));
    await loaded.commit({ ranges: [{ sheet: "マスタ", row: 2, col: 1, values: [["x", "hidden"]] }] });
    const xml = utf8.decode(unzipSync((await loaded.saveBytes())!)["xl/worksheets/sheet1.xml"]);
    expect(xml).not.toContain("hidden");
    expect(xml).toContain("<t xml:space=\"preserve\">x</t>");
  });
});

describe("reading copies for books ExcelJS chokes on", () => {
  it.each([false, true])("read the same cells and merges as the book itself (cells only: %s)", async (cellsOnly) => {
    const original = featureBook();
    const copy = readableCopy(original, cellsOnly);
    const parts = unzipSync(copy);
    expect(Object.keys(parts).filter((n) => /drawings|charts|comments|pivot|externalLinks|media/u.test(n))).toEqual([]);
    const master = utf8.decode(parts["xl/worksheets/sheet1.xml"]);
    expect(master).not.toContain("legacyDrawing");
    expect(master.includes("dataValidations")).toBe(!cellsOnly);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(copy as unknown as ArrayBuffer);
    const fromCopy = await gridsOf(new (await import("../../src/workbook/xlsx/adapter")).XlsxWorkbook(book));
    expect(fromCopy).toEqual(await gridsOf(await loadXlsxBuffer(original)));
  });
});

describe("formula sliding", () => {
  it("moves relative references and leaves absolute ones, strings, sheet names and functions", () => {
    expect(slideFormula('IFERROR(VLOOKUP(A2,参照!$A$1:$B$10,2,FALSE),"A2")', 2, 0)).toBe('IFERROR(VLOOKUP(A4,参照!$A$1:$B$10,2,FALSE),"A2")');
    expect(slideFormula("SUM(B2:C3)+$D2+D$2+LOG10(A1)", 1, 1)).toBe("SUM(C3:D4)+$D3+E$2+LOG10(B2)");
    expect(slideFormula("&quot;A1&quot;&amp;A1", 1, 0)).toBe("&quot;A1&quot;&amp;A2");
  });
});

describe("zip layer", () => {
  it("copies entries' compressed bytes as they are and reads its own output", () => {
    const files = { "a.xml": new TextEncoder().encode("<a>".repeat(1000)), "日本語/b.bin": Uint8Array.from({ length: 300 }, (_, i) => i & 0xff) };
    const zipped = zipSync(files, { level: 9 });
    const items = readZip(zipped);
    const rewritten = writeZip(items);
    const again = readZip(rewritten);
    expect(again.map((i) => i.name)).toEqual(["a.xml", "日本語/b.bin"]);
    again.forEach((it, i) => expect(Buffer.from(it.raw).equals(Buffer.from(items[i].raw))).toBe(true));
    expect(unzipSync(rewritten)).toEqual(files);
  });
});
