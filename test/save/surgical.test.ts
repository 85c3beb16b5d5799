/**
 * Saving changes only what the command changed (SPEC §5). Books holding what Excel, LibreOffice
 * and openpyxl write (test/save/books.ts, plus books openpyxl writes at test time) go through every
 * saving command in turn; after each step every zip entry except the intended ones is
 * byte-identical, マスタ differs only in the cells the command owns, the bookkeeping parts only grew,
 * a second identical run leaves the file's sha256 unchanged, and LibreOffice converts every result.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { unzipSync } from "fflate";
import { SaxesParser } from "saxes";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backupPathFor } from "../../src/cli/io";
import { loadXlsx } from "../../src/workbook/xlsx/adapter";
import { code, featureBook } from "./books";
import { cli } from "../cli/capture";

const dir = mkdtempSync(path.join(tmpdir(), "onshi-save-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sha256 = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");
const utf8 = new TextDecoder();

/** Sheets the tool writes whole, and the log it appends to. */
const GENERATED = new Set(["スナップショット履歴", "スナップショット", "期間差分", "架電結果まとめ", "予定時期分布", "優先対応", "公文書対象", "閲覧停止集計", "検証結果", "変更履歴"]);
const BOOKKEEPING = new Set(["xl/workbook.xml", "xl/_rels/workbook.xml.rels", "[Content_Types].xml", "xl/styles.xml"]);

/** Sheet name → worksheet part, from a package's workbook.xml and its rels. */
function sheetParts(files: Record<string, Uint8Array>): Map<string, string> {
  const wb = utf8.decode(files["xl/workbook.xml"]);
  const rels = utf8.decode(files["xl/_rels/workbook.xml.rels"]);
  const attr = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`, "u").exec(tag)?.[1] ?? "";
  const targets = new Map([...rels.matchAll(/<Relationship\b[^>]*>/gu)].map((m) => [attr(m[0], "Id"), attr(m[0], "Target")]));
  const out = new Map<string, string>();
  for (const m of wb.matchAll(/<sheet\b[^>]*>/gu)) {
    const t = targets.get(attr(m[0], "r:id"))!;
    out.set(attr(m[0], "name"), t.startsWith("/") ? t.slice(1) : `xl/${t}`);
  }
  return out;
}

/** Cells of a worksheet's sheetData: ref → the `<c>` element as written. */
function cells(xml: string): Map<string, string> {
  const out = new Map<string, string>();
  const data = /<sheetData>([\s\S]*)<\/sheetData>/u.exec(xml)?.[1] ?? "";
  for (const m of data.matchAll(/<c\b[^>]*?r="([A-Z]+\d+)"[^>]*?(?:\/>|>[\s\S]*?<\/c>)/gu)) out.set(m[1], m[0]);
  return out;
}

/** A worksheet without its cells, dimension and this tool's conditional formatting. */
const frame = (xml: string) =>
  xml
    .replace(/<sheetData>[\s\S]*<\/sheetData>|<sheetData\/>/u, "")
    .replace(/<dimension\b[^>]*>/u, "")
    .replace(/<conditionalFormatting\b[^>]*>(?:(?!<\/conditionalFormatting>)[\s\S])*?onshi[\s\S]*?<\/conditionalFormatting>/gu, "");

const listItems = (xml: string, list: string, item: string) => {
  const inner = new RegExp(`<${list}\\b[^>]*>([\\s\\S]*?)</${list}>`, "u").exec(xml)?.[1] ?? "";
  return [...inner.matchAll(new RegExp(`<${item}\\b[^>]*?(?:/>|>[\\s\\S]*?</${item}>)`, "gu"))].map((m) => m[0]);
};

function wellFormed(name: string, bytes: Uint8Array): void {
  const parser = new SaxesParser({ xmlns: true });
  parser.on("error", (e) => {
    throw new Error(`${name}: ${e.message}`);
  });
  parser.write(utf8.decode(bytes)).close();
}

/** Column letters of マスタ's 判定_ headers, read from the saved sheet (inline or shared strings). */
function judgeColumns(files: Record<string, Uint8Array>, masterXml: string, headerRow: number): Set<string> {
  const shared = files["xl/sharedStrings.xml"] ? [...utf8.decode(files["xl/sharedStrings.xml"]).matchAll(/<si>([\s\S]*?)<\/si>/gu)].map((m) => m[1].replace(/<rPh[\s\S]*?<\/rPh>/gu, "").replace(/<[^>]+>/gu, "")) : [];
  const out = new Set<string>();
  for (const [ref, c] of cells(masterXml)) {
    const m = /^([A-Z]+)(\d+)$/u.exec(ref)!;
    if (Number(m[2]) !== headerRow) continue;
    const text = /t="s"/u.test(c) ? shared[Number(/<v>(\d+)<\/v>/u.exec(c)?.[1])] ?? "" : c.replace(/<[^>]+>/gu, "");
    if (text.startsWith("判定_")) out.add(m[1]);
  }
  return out;
}

interface Step {
  name: string;
  args: string[];
  /** Columns of マスタ (letters) the command may write, besides the 判定_ columns. */
  masterColumns?: string[];
}

const STEPS: Step[] = [
  { name: "snapshot", args: ["--as-of", "2024-12-02"] },
  { name: "apply-registrations", args: [], masterColumns: ["D"] },
  { name: "snapshot", args: ["--as-of", "2024-12-17"] },
  { name: "diff", args: [] },
  { name: "summary", args: ["--as-of", "2024-12-17"], masterColumns: [] },
  { name: "aggregate", args: [] },
];

/** What changed between two packages, checked against what the step may change; problems as text. */
function checkStep(step: Step, before: Record<string, Uint8Array>, after: Record<string, Uint8Array>): string[] {
  const problems: string[] = [];
  const partsAfter = sheetParts(after);
  const partsBefore = sheetParts(before);
  const generatedParts = new Set<string>();
  for (const [name, part] of partsAfter) {
    if (!GENERATED.has(name)) continue;
    generatedParts.add(part);
    generatedParts.add(part.replace(/worksheets\/(sheet\d+\.xml)$/u, "worksheets/_rels/$1.rels"));
    const rels = after[part.replace(/worksheets\/(sheet\d+\.xml)$/u, "worksheets/_rels/$1.rels")];
    if (rels) for (const m of utf8.decode(rels).matchAll(/Target="\.\.\/tables\/(table\d+\.xml)"/gu)) generatedParts.add(`xl/tables/${m[1]}`);
    // The trend chart: a drawing and the chart it holds, both written whole with the sheet.
    if (rels) {
      for (const m of utf8.decode(rels).matchAll(/Target="\.\.\/drawings\/(drawing\d+\.xml)"/gu)) {
        generatedParts.add(`xl/drawings/${m[1]}`).add(`xl/drawings/_rels/${m[1]}.rels`);
        const drawingRels = after[`xl/drawings/_rels/${m[1]}.rels`];
        for (const c of utf8.decode(drawingRels ?? new Uint8Array()).matchAll(/Target="\.\.\/charts\/(chart\d+\.xml)"/gu)) generatedParts.add(`xl/charts/${c[1]}`);
      }
    }
  }
  const masterPart = partsBefore.get("マスタ")!;
  for (const name of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const a = before[name];
    const b = after[name];
    if (a && b && Buffer.from(a).equals(Buffer.from(b))) continue;
    if (b && name.endsWith(".xml")) wellFormed(name, b);
    if (BOOKKEEPING.has(name) || generatedParts.has(name)) continue;
    if (name === "xl/calcChain.xml" && !b && step.name === "apply-registrations") continue;
    if (name.startsWith("xl/tables/") && !b) continue; // a generated sheet's old table, replaced
    if (name === masterPart && step.masterColumns && a && b) continue;
    problems.push(`${step.name}: ${name} ${!a ? "added" : !b ? "removed" : "changed"}`);
  }
  // マスタ: only owned cells differ; everything around the cells is as it was.
  const mb = utf8.decode(before[masterPart]);
  const ma = utf8.decode(after[masterPart]);
  if (frame(mb) !== frame(ma)) problems.push(`${step.name}: マスタ changed outside its cells`);
  // Rows keep their attributes (hidden rows of a filter, heights), apart from the spans hint.
  const rowTags = (xml: string) => new Map([...xml.matchAll(/<row\b[^>]*>/gu)].map((m) => [/\sr="(\d+)"/u.exec(m[0])?.[1], m[0].replace(/\sspans="[^"]*"/u, "")]));
  const rb = rowTags(mb);
  for (const [r, tag] of rowTags(ma)) if (rb.has(r) && rb.get(r) !== tag) problems.push(`${step.name}: マスタ row ${r} attributes changed`);
  const owned = new Set([...judgeColumns(after, ma, 1), ...(step.masterColumns ?? [])]);
  const cb = cells(mb);
  const ca = cells(ma);
  for (const ref of new Set([...cb.keys(), ...ca.keys()])) {
    if (cb.get(ref) === ca.get(ref)) continue;
    const [, col, row] = /^([A-Z]+)(\d+)$/u.exec(ref)!;
    if (!step.masterColumns || !owned.has(col) || (Number(row) === 1 && !judgeColumns(after, ma, 1).has(col))) problems.push(`${step.name}: マスタ!${ref} changed`);
  }
  // workbook.xml: only sheets were added.
  const wbBefore = utf8.decode(before["xl/workbook.xml"]);
  const wbAfter = utf8.decode(after["xl/workbook.xml"]);
  const added = [...partsAfter.keys()].filter((n) => !partsBefore.has(n));
  if (added.some((n) => !GENERATED.has(n))) problems.push(`${step.name}: unexpected new sheets ${added.join(", ")}`);
  // Besides new sheets, the print titles of generated sheets (SPEC §6) are the tool's own defined names.
  const withoutOwnPrintTitles = (xml: string) =>
    xml
      .replace(/<definedName name="_xlnm\.Print_Titles" localSheetId="\d+">'([^']+)'![^<]*<\/definedName>/gu, (m, sheet: string) => (GENERATED.has(sheet) ? "" : m))
      .replace(/<definedNames><\/definedNames>/u, "");
  const stripped = withoutOwnPrintTitles(added.reduce((x, n) => x.replace(new RegExp(`<sheet name="${n}"[^>]*/>`, "u"), ""), wbAfter));
  if (stripped !== withoutOwnPrintTitles(wbBefore)) problems.push(`${step.name}: workbook.xml changed beyond new sheets and their print titles`);
  // styles.xml: existing entries keep their place; new ones are appended.
  const sb = utf8.decode(before["xl/styles.xml"]);
  const sa = utf8.decode(after["xl/styles.xml"]);
  for (const [list, item] of [["numFmts", "numFmt"], ["fonts", "font"], ["fills", "fill"], ["borders", "border"], ["cellXfs", "xf"], ["dxfs", "dxf"]]) {
    const old = listItems(sb, list, item);
    if (listItems(sa, list, item).slice(0, old.length).join("") !== old.join("")) problems.push(`${step.name}: styles ${list} renumbered`);
  }
  return problems;
}

interface Book {
  label: string;
  file: string;
  /** Parts that hold the book's features: byte-identical after every step. */
  features: string[];
}

const FEATURE_PARTS = [
  "xl/charts/chart1.xml", "xl/drawings/drawing1.xml", "xl/drawings/_rels/drawing1.xml.rels", "xl/media/image1.png", "xl/comments1.xml",
  "xl/drawings/vmlDrawing1.vml", "xl/threadedComments/threadedComment1.xml", "xl/persons/person.xml", "xl/tables/table1.xml",
  "xl/pivotTables/pivotTable1.xml", "xl/pivotCache/pivotCacheDefinition1.xml", "xl/pivotCache/pivotCacheRecords1.xml",
  "xl/externalLinks/externalLink1.xml", "customXml/item1.xml", "docProps/core.xml", "docProps/app.xml", "docProps/custom.xml",
  "xl/sharedStrings.xml", "xl/theme/theme1.xml", "xl/worksheets/_rels/sheet1.xml.rels", "xl/worksheets/sheet6.xml", "xl/worksheets/sheet7.xml", "xl/worksheets/sheet8.xml",
];

const OPENPYXL_SCRIPT = String.raw`
import sys
from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.chart import BarChart, Reference
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.table import Table, TableStyleInfo
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.utils.datetime import CALENDAR_MAC_1904
import datetime
out, codes, epoch1904 = sys.argv[1], sys.argv[2].split(","), sys.argv[3] == "1"
wb = Workbook()
if epoch1904:
    wb.epoch = CALENDAR_MAC_1904
ws = wb.active
ws.title = "マスタ"
ws.append(["保険者コード", "福祉事務所名", "被保護者数", "資格情報登録開始日", "ベンダ", "都道府県", "備考"])
ws.append([codes[0], "一市福祉事務所", 90000, "=IFERROR(VLOOKUP(A2,参照!$A$1:$B$10,2,FALSE),\"\")", "甲社", "東京都"])
ws.append([codes[1], "二市福祉事務所", 1200, None, "乙社", "東京都"])
ws.append([codes[2], "三市福祉事務所", 300, datetime.date(2024, 11, 1), "甲社", "大阪府"])
ws["D4"].number_format = "yyyy/m/d"
ws["D3"].comment = Comment("未登録：要確認", "相談員")
ws["G2"].comment = Comment("電話済み", "相談員")
ws["B2"].hyperlink = "https://example.jp/office/1"
dv = DataValidation(type="list", formula1='"東京都,大阪府"', allow_blank=True)
ws.add_data_validation(dv)
dv.add("F2:F200")
ws.auto_filter.ref = "A1:G4"
ws.auto_filter.add_filter_column(5, ["東京都"])
ws.row_dimensions[4].hidden = True
ref = wb.create_sheet("参照")
ref.append(["コード", "開始日"])
reg = wb.create_sheet("支払基金_登録状況_20241217")
reg.append(["保険者コード", "保険者名", "資格情報登録開始日"])
reg.append([codes[0], "一市福祉事務所", "2024/12/10"])
reg.append([codes[1], "二市福祉事務所", "2024/12/11"])
sus = wb.create_sheet("支払基金_閲覧停止_20241202")
sus.append(["保険者コード", "保険者名", "医療情報_加入中", "医療情報_資格喪失", "医療情報_合計"])
sus.append([codes[0], "一市福祉事務所", 20, 10, 30])
g = wb.create_sheet("グラフ")
g.append(["月", "件数"]); g.append(["10月", 3]); g.append(["11月", 5])
ch = BarChart()
ch.add_data(Reference(g, min_col=2, min_row=1, max_row=3), titles_from_data=True)
ch.set_categories(Reference(g, min_col=1, min_row=2, max_row=3))
g.add_chart(ch, "D2")
t = wb.create_sheet("表")
t.append(["名前", "数"]); t.append(["甲", 1]); t.append(["乙", 2])
tab = Table(displayName="顧客表", ref="A1:B3")
tab.tableStyleInfo = TableStyleInfo(name="TableStyleMedium2", showRowStripes=True)
t.add_table(tab)
name = DefinedName("参照範囲", attr_text="参照!$A$1:$B$10")
if hasattr(wb.defined_names, "add"):
    wb.defined_names.add(name)
else:
    wb.defined_names.append(name)
wb.properties.creator = "相談員"
wb.properties.title = "オン資 管理表"
wb.save(out)
`;

const PYTHON = "/usr/bin/python3";
const hasOpenpyxl = existsSync(PYTHON) && spawnSync(PYTHON, ["-c", "import openpyxl"]).status === 0;
const hasSoffice = spawnSync("sh", ["-c", "command -v soffice"]).status === 0;

const books: Book[] = [];
const results: string[] = [];

beforeAll(() => {
  const add = (label: string, ext: string, bytes: Uint8Array, features: string[]) => {
    const file = path.join(dir, `${label}.${ext}`);
    writeFileSync(file, bytes);
    books.push({ label, file, features });
  };
  add("features", "xlsx", featureBook(), FEATURE_PARTS);
  add("features-1904", "xlsx", featureBook({ date1904: true }), FEATURE_PARTS);
  add("macro", "xlsm", featureBook({ macro: true }), [...FEATURE_PARTS, "xl/vbaProject.bin"]);
  if (hasOpenpyxl) {
    for (const [label, epoch] of [["openpyxl", "0"], ["openpyxl-1904", "1"]]) {
      const file = path.join(dir, `${label}.xlsx`);
      execFileSync(PYTHON, ["-c", OPENPYXL_SCRIPT, file, [code(1), code(2), code(3)].join(","), epoch]);
      const names = Object.keys(unzipSync(readFileSync(file)));
      books.push({ label, file, features: names.filter((n) => /chart|drawing|comment|table|docProps|vml/iu.test(n)) });
    }
    copyFileSync(path.join(dir, "openpyxl.xlsx"), path.join(dir, "openpyxl-source.xlsx"));
    if (hasSoffice) {
      // The same book as LibreOffice Calc writes it.
      const loDir = path.join(dir, "lo-written");
      spawnSync("soffice", [`-env:UserInstallation=file://${path.join(dir, "lo-profile")}`, "--headless", "--convert-to", "xlsx", "--outdir", loDir, path.join(dir, "openpyxl-source.xlsx")], { timeout: 60_000 });
      const file = path.join(dir, "libreoffice.xlsx");
      copyFileSync(path.join(loDir, "openpyxl-source.xlsx"), file);
      const names = Object.keys(unzipSync(readFileSync(file)));
      books.push({ label: "libreoffice", file, features: names.filter((n) => /chart|drawing|comment|table|docProps|vml/iu.test(n)) });
    }
  } else {
    console.warn(`[surgical saves] ${PYTHON} has no openpyxl: the openpyxl books are not tested here (apt-get install python3-openpyxl).`);
  }
}, 60_000);

describe("surgical saves", () => {
  it("every saving command changes only its own parts and cells; a second identical run changes nothing", async () => {
    const problems: string[] = [];
    for (const book of books) {
      for (const [i, step] of STEPS.entries()) {
        const before = readFileSync(book.file);
        const r = await cli([step.name, book.file, ...step.args, "--json"]);
        if (r.exit === 2) {
          problems.push(`${book.label} ${step.name}: exit 2: ${r.stderr.trim()}`);
          continue;
        }
        const after = readFileSync(book.file);
        const bak = backupPathFor(book.file);
        expect(path.extname(bak)).toBe(path.extname(book.file));
        if (!after.equals(before)) expect(readFileSync(bak).equals(before)).toBe(true);
        const fb = unzipSync(before);
        const fa = unzipSync(after);
        problems.push(...checkStep(step, fb, fa).map((p) => `${book.label}: ${p}`));
        if (step.name === "snapshot") {
          const snapPart = sheetParts(fa).get("スナップショット")!;
          const snapRels = utf8.decode(fa[snapPart.replace(/worksheets\/(sheet\d+\.xml)$/u, "worksheets/_rels/$1.rels")]);
          const drawing = /Target="\.\.\/drawings\/(drawing\d+\.xml)"/u.exec(snapRels)?.[1];
          const chartPart = drawing && /Target="\.\.\/charts\/(chart\d+\.xml)"/u.exec(utf8.decode(fa[`xl/drawings/_rels/${drawing}.rels`]))?.[1];
          expect(chartPart && utf8.decode(fa[`xl/charts/${chartPart}`]), `${book.label}: trend chart`).toContain("<c:lineChart>");
        }
        if (book.file.endsWith(".xlsm")) {
          expect(utf8.decode(fa["[Content_Types].xml"])).toContain('<Override PartName="/xl/workbook.xml" ContentType="application/vnd.ms-excel.sheet.macroEnabled.main+xml"/>');
          expect(utf8.decode(fa["xl/_rels/workbook.xml.rels"])).toContain('Target="vbaProject.bin"');
        }
        for (const part of book.features) {
          if (fb[part] && !(fa[part] && Buffer.from(fa[part]).equals(Buffer.from(fb[part])))) problems.push(`${book.label} ${step.name}: ${part} not kept`);
        }
        // Run it again: same bytes, and the backup is not rewritten.
        const hash = sha256(book.file);
        const bakTime = existsSync(bak) ? statSync(bak).mtimeMs : null;
        const again = await cli([step.name, book.file, ...step.args, "--json"]);
        expect(again.exit, `${book.label} ${step.name} again: ${again.stderr}`).not.toBe(2);
        if (sha256(book.file) !== hash) problems.push(`${book.label} ${step.name}: a second identical run changed the file`);
        if (bakTime !== null && statSync(bak).mtimeMs !== bakTime) problems.push(`${book.label} ${step.name}: a run that changed nothing rewrote the backup`);
        const snapshotFile = path.join(dir, "results", `${book.label}-${i + 1}-${step.name}${path.extname(book.file)}`);
        mkdirSync(path.dirname(snapshotFile), { recursive: true });
        copyFileSync(book.file, snapshotFile);
        results.push(snapshotFile);
      }
    }
    expect(problems).toEqual([]);
    expect(results.length).toBe(books.length * STEPS.length);
  });

  it("logs the formulas that apply-registrations replaces, keeps the rest of a shared formula, and drops calcChain", async () => {
    const file = path.join(dir, "formulas.xlsx");
    writeFileSync(file, featureBook());
    const preview = await cli(["apply-registrations", file]);
    expect(preview.exit).toBe(0);
    expect(preview.stdout).toContain("数式を値で置き換えます: 2 件");
    writeFileSync(file, featureBook());
    const r = await cli(["apply-registrations", file, "--json"]);
    const json = JSON.parse(r.stdout) as { changed: { code: string; formula?: string }[] };
    expect(json.changed.find((c) => c.code === code(1))?.formula).toBe('=IFERROR(VLOOKUP(A2,参照!$A$1:$B$10,2,FALSE),"")');
    expect(json.changed.find((c) => c.code === code(2))?.formula).toBe('=IFERROR(VLOOKUP(A3,参照!$A$1:$B$10,2,FALSE),"")');
    const files = unzipSync(readFileSync(file));
    expect(files["xl/calcChain.xml"]).toBeUndefined();
    expect(utf8.decode(files["[Content_Types].xml"])).not.toContain("calcChain");
    const master = utf8.decode(files["xl/worksheets/sheet1.xml"]);
    // D4 still computes: it is now the first cell of the shared formula, translated to row 4.
    expect(cells(master).get("D4")).toContain('<f t="shared" ref="D4:D4" si="0">IFERROR(VLOOKUP(A4,参照!$A$1:$B$10,2,FALSE),"")</f>');
    const book = await loadXlsx(file);
    const log = book.book.getWorksheet("変更履歴")!;
    const before = [2, 3].map((row) => log.getCell(row, 7).value); // 変更前 (SPEC §2: the 7th column)
    expect(before).toEqual(['=IFERROR(VLOOKUP(A2,参照!$A$1:$B$10,2,FALSE),"")', '=IFERROR(VLOOKUP(A3,参照!$A$1:$B$10,2,FALSE),"")']);
    expect(book.book.getWorksheet("マスタ")!.getCell("D2").value).toEqual(new Date(Date.UTC(2024, 11, 10)));
  });

  it("writes dates in the book's own date system (1904)", async () => {
    const file = path.join(dir, "dates-1904.xlsx");
    writeFileSync(file, featureBook({ date1904: true }));
    expect((await cli(["apply-registrations", file, "--json"])).exit).toBe(0);
    const master = utf8.decode(unzipSync(readFileSync(file))["xl/worksheets/sheet1.xml"]);
    // 2024-12-10 is serial 45636 in the 1900 system, 1462 less in the 1904 one.
    expect(cells(master).get("D2")).toContain(`<v>${45636 - 1462}</v>`);
    const book = await loadXlsx(file);
    expect(book.book.getWorksheet("マスタ")!.getCell("D2").value).toEqual(new Date(Date.UTC(2024, 11, 10)));
  });

  it("LibreOffice opens and converts every result to PDF", () => {
    if (!hasSoffice) {
      console.warn("[surgical saves] LibreOffice (soffice) is not installed: the conversion check is not run here (apt-get install libreoffice-calc).");
      return;
    }
    expect(results.length).toBeGreaterThan(0);
    const outDir = path.join(dir, "pdf");
    const profile = path.join(dir, "lo-profile");
    // One soffice process for every file: each start costs seconds.
    spawnSync("soffice", [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", "pdf", "--outdir", outDir, ...results], { timeout: 120_000 });
    const missing = results.filter((f) => {
      const pdf = path.join(outDir, `${path.basename(f, path.extname(f))}.pdf`);
      return !existsSync(pdf) || statSync(pdf).size < 500;
    });
    expect(missing).toEqual([]);
  }, 150_000);
});
