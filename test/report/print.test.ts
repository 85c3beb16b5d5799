/**
 * Generated sheets print landscape, one page wide, with title rows repeated (one-table sheets), a
 * page break between tables and the 基準日 in the header: decided once (printSetupOf) and written
 * alike by the surgical save, ExcelJS's model and the Office adapter.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { printSetupOf, type GeneratedSheet } from "../../src/domain/writes";
import { createOfficeWorkbook } from "../../src/workbook/office";
import { buildXlsx, loadXlsxBuffer } from "../../src/workbook/xlsx/adapter";
import { buildBook, createFakeExcel, sheetOf } from "../fake-excel";

const ONE: GeneratedSheet = {
  name: "予定時期分布",
  asOf: "2025-01-23",
  blocks: [{ title: "分布 ※1月23日時点", header: ["回答", "福祉事務所", "割合"], rows: [["未定", 3, 0.5], ["未回答", 3, 0.5]] }],
};
const THREE: GeneratedSheet = {
  name: "R&D 公文書",
  asOf: "2025-02-04",
  blocks: [
    { title: "件数", header: ["区分", "対象数"], rows: [["a", 1], ["b", 2]], notes: ["※注"] },
    { header: ["保険者コード", "名前"], rows: [["12345678", "x"]], tableName: "公文書対象" },
    { title: "三つ目", header: ["k", "v"], rows: [["k", 1]] },
  ],
};

describe("printSetupOf", () => {
  it("a one-table sheet repeats its title and header rows", () => {
    const p = printSetupOf(ONE);
    expect(p).toMatchObject({ landscape: true, fitToWidth: 1, titleRows: { first: 1, last: 2 }, breaksAfter: [], leftHeader: "&A", rightHeader: "基準日 2025/1/23" });
  });
  it("a sheet of several tables breaks the page on the blank row before each further table", () => {
    const p = printSetupOf(THREE);
    // Rows: 1 title, 2 header, 3–4 data, 5 note, 6 blank | 7 header, 8 data, 9 blank | 10 title …
    expect(p.titleRows).toBeNull();
    expect(p.breaksAfter).toEqual([6, 9]);
    expect(p.rightHeader).toBe("基準日 2025/2/4");
  });
  it("a sheet without a 基準日 has none in the header, and & in text is escaped", () => {
    expect(printSetupOf({ ...ONE, asOf: undefined }).rightHeader).toBe("");
  });
});

describe("the adapters write the print setup", () => {
  it("surgical save: pageSetup, headerFooter, rowBreaks, and one Print_Titles name per sheet (also on a second run)", async () => {
    const source = new Uint8Array(await buildXlsx([{ name: "マスタ", rows: [["保険者コード"], ["12345678"]] }]).book.xlsx.writeBuffer());
    const first = await loadXlsxBuffer(source);
    await first.commit({ sheets: [ONE, THREE] });
    const once = (await first.saveBytes())!;
    const second = await loadXlsxBuffer(once);
    await second.commit({ sheets: [{ ...ONE, asOf: "2025-02-04" }] });
    const twice = (await second.saveBytes())!;
    for (const bytes of [once, twice]) {
      const files = unzipSync(bytes);
      const wb = strFromU8(files["xl/workbook.xml"]);
      const titles = [...wb.matchAll(/<definedName name="_xlnm\.Print_Titles" localSheetId="(\d+)">([^<]*)<\/definedName>/g)];
      expect(titles.map((m) => [m[1], m[2]])).toEqual([["1", "'予定時期分布'!$1:$2"]]);
      const sheetXml = (name: string): string => {
        const rid = new RegExp(`<sheet name="${name.replace("&", "&amp;")}" sheetId="\\d+" r:id="(rId\\d+)"`).exec(wb)![1];
        const rels = strFromU8(files["xl/_rels/workbook.xml.rels"]);
        const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${rid}"`).exec(rels)![1];
        return strFromU8(files[`xl/${target.replace(/^\/?xl\//, "")}`]);
      };
      const one = sheetXml("予定時期分布");
      expect(one).toContain('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
      expect(one).toContain('orientation="landscape" fitToWidth="1" fitToHeight="0"');
      expect(one).toContain(`<oddHeader>&amp;L&amp;A&amp;R基準日 ${bytes === once ? "2025/1/23" : "2025/2/4"}</oddHeader>`);
      expect(one).not.toContain("<rowBreaks");
      if (bytes === once) {
        const three = sheetXml("R&D 公文書");
        expect(three).toContain('<rowBreaks count="2" manualBreakCount="2"><brk id="6" max="16383" man="1"/><brk id="9" max="16383" man="1"/></rowBreaks>');
      }
    }
    // ExcelJS reads it back as Excel would.
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(once as unknown as ArrayBuffer);
    const ws = book.getWorksheet("予定時期分布")!;
    expect(ws.pageSetup).toMatchObject({ orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "1:2" });
  });

  it("ExcelJS's model (books written whole, such as out/demo.xlsx)", async () => {
    const book = buildXlsx([{ name: "マスタ", rows: [["保険者コード"]] }]);
    await book.commit({ sheets: [ONE, THREE] });
    const reread = new ExcelJS.Workbook();
    await reread.xlsx.load((await book.book.xlsx.writeBuffer()) as ArrayBuffer);
    expect(reread.getWorksheet("予定時期分布")!.pageSetup).toMatchObject({ orientation: "landscape", fitToWidth: 1, fitToHeight: 0, printTitlesRow: "1:2" });
    expect(reread.getWorksheet("予定時期分布")!.headerFooter.oddHeader).toBe("&L&A&R基準日 2025/1/23");
    // ExcelJS does not read row breaks back: look at the file it wrote.
    const xml = strFromU8(unzipSync(new Uint8Array(await book.book.xlsx.writeBuffer()))["xl/worksheets/sheet3.xml"]);
    expect(xml).toMatch(/<brk id="6"[^>]*man="1"\/><brk id="9"/);
  });

  it("Office adapter: pageLayout and horizontal page breaks, replaced on a second run", async () => {
    const fake = createFakeExcel(buildBook([{ name: "マスタ", rows: [["保険者コード"]] }]));
    const wb = createOfficeWorkbook(fake.Excel.run);
    await wb.commit({ sheets: [ONE, THREE] });
    await wb.commit({ sheets: [THREE] });
    expect(sheetOf(fake.book, "予定時期分布").print).toEqual({
      orientation: "Landscape",
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      printTitleRows: "$1:$2",
      headers: { leftHeader: "&A", rightHeader: "基準日 2025/1/23", centerFooter: "&P / &N" },
      breaks: [],
    });
    const three = sheetOf(fake.book, "R&D 公文書").print!;
    expect(three.breaks).toEqual(["A7", "A10"]);
    expect(three.printTitleRows).toBeUndefined();
  });
});

describe("LibreOffice prints the generated sheets as set up", () => {
  it("each table of a several-table sheet on its own page, a wide table one page wide, the 基準日 in every header", async () => {
    if (spawnSync("sh", ["-c", "command -v soffice && command -v pdftotext"]).status !== 0) {
      console.warn("[print] LibreOffice or poppler-utils is not installed: the PDF check is not run here.");
      return;
    }
    const wideHeader = Array.from({ length: 24 }, (_, i) => `列${String(i + 1).padStart(2, "0")}`);
    const WIDE: GeneratedSheet = { name: "横長", asOf: "2025-02-04", blocks: [{ title: "横長の表", header: wideHeader, rows: Array.from({ length: 400 }, (_, r) => wideHeader.map((_, c) => r * 100 + c)) }], widths: wideHeader.map(() => 14) };
    const source = new Uint8Array(await buildXlsx([{ name: "マスタ", rows: [["保険者コード"], ["12345678"]] }]).book.xlsx.writeBuffer());
    const book = await loadXlsxBuffer(source);
    await book.commit({ sheets: [THREE, WIDE] });
    const dir = mkdtempSync(path.join(tmpdir(), "onshi-print-"));
    const file = path.join(dir, "print.xlsx");
    writeFileSync(file, (await book.saveBytes())!);
    spawnSync("soffice", [`-env:UserInstallation=file://${path.join(dir, "lo")}`, "--headless", "--convert-to", "pdf", "--outdir", dir, file], { timeout: 120_000 });
    const text = spawnSync("pdftotext", ["-layout", path.join(dir, "print.pdf"), "-"], { encoding: "utf8" }).stdout;
    const pages = text.split("\f").filter((p) => p.trim() !== "");
    const onPage = (needle: string) => pages.findIndex((p) => p.includes(needle));
    // 件数 / the code list (header 名前) / 三つ目: three tables on three pages of their own, in order.
    const [a, b, c] = [onPage("件数"), onPage("名前"), onPage("三つ目")];
    expect(a).toBeGreaterThanOrEqual(0);
    expect(b).toBeGreaterThan(a);
    expect(c).toBeGreaterThan(b);
    // The wide table: its first and last columns on the same pages, its header repeated on each.
    const widePages = pages.filter((p) => p.includes("横長"));
    expect(widePages.length).toBeGreaterThanOrEqual(2);
    for (const p of widePages) {
      expect(p).toContain("列01");
      expect(p).toContain("列24");
      expect(p).toContain("基準日 2025/2/4");
    }
    for (const p of pages.filter((x) => x.includes("件数") || x.includes("三つ目"))) expect(p).toContain("基準日 2025/2/4");
  }, 150_000);
});
