/**
 * import: CSV in Shift_JIS / UTF-8 (with or without BOM) and .xlsx into a new 支払基金_ sheet, codes
 * kept as text, never overwriting a sheet, garbled text refused, the date from データ基準日 or the
 * file name, and 100,000 rows with quoted commas and line breaks.
 */
import { describe, expect, it } from "vitest";
import { CommandError } from "../../src/commands/context";
import { importFile, ImportDateMissing } from "../../src/commands/importFile";
import { makeOfficeCode } from "../../src/domain/codes";
import { dateOfFileName, decodeText, importSheetName, parseCsv } from "../../src/domain/import-file";
import { buildXlsx } from "../../src/workbook/xlsx/adapter";
import { xlsxTextRows } from "../../src/workbook/xlsx/textRows";
import { encodeCsv, errorRows, toCsvText } from "./csv";

const A = makeOfficeCode("12", 1, 1);
const master = () => [
  { name: "マスタ", rows: [["保険者コード", "福祉事務所名", "被保護者数", "資格情報登録開始日"], [A, "架空市福祉事務所", 100, null]] },
];

const suspensionRows = (): string[][] => [
  ["制度", "保険者コード", "保険者名", "初回検知日", "資格情報_合計", "医療情報_合計", "データ基準日"],
  ["医療扶助", A, "架空市福祉事務所", "2024/10/1", "0012", "1,234", "2025/2/4"],
];

describe("decoding", () => {
  it("reads Shift_JIS, UTF-8 and UTF-8 with BOM alike", () => {
    const rows = errorRows(50);
    for (const [enc, name] of [["sjis", "Shift_JIS"], ["utf8", "UTF-8"], ["utf8bom", "UTF-8 (BOM)"]] as const) {
      const d = decodeText(encodeCsv(rows, enc));
      expect(d.ok && d.encoding).toBe(name);
      expect(d.ok && parseCsv(d.text)).toEqual(rows);
    }
  });

  it("refuses text that decodes with replacement characters or as mojibake", () => {
    // UTF-8 bytes cut in the middle of a character: not UTF-8, and not Shift_JIS either.
    const broken = new Uint8Array([...new TextEncoder().encode("保険者コード,氏名\r\n"), 0xe3, 0x81, 0xff, 0xfe, 0x0a]);
    const d = decodeText(broken);
    expect(d.ok).toBe(false);
    expect(!d.ok && d.reason).toMatch(/文字コード/u);
    // Shift_JIS text read as if it were... UTF-8 decoded by hand as Shift_JIS (the classic mojibake).
    const utf8 = new TextEncoder().encode("保険者コード,福祉事務所名,資格情報登録開始日\r\nさしすせそ,かきくけこ,たちつてと\r\n".repeat(5));
    const mojibake = new TextDecoder("shift_jis").decode(utf8);
    const again = decodeText(new TextEncoder().encode(mojibake));
    expect(again.ok).toBe(false);
  });

  it("dates in file names: 20250204, R7.2.4, 令和7年2月4日, 2月4日", () => {
    expect(dateOfFileName("閲覧停止_20250204.csv", "2025-03-01")).toBe("2025-02-04");
    expect(dateOfFileName("閲覧停止R7.2.4.csv", "2025-03-01")).toBe("2025-02-04");
    expect(dateOfFileName("閲覧停止（令和7年2月4日）.csv", "2025-03-01")).toBe("2025-02-04");
    expect(dateOfFileName("閲覧停止（2月4日）.csv", "2025-03-01")).toBe("2025-02-04");
    expect(dateOfFileName("一覧.csv", "2025-03-01")).toBeNull();
  });

  it("never reuses a sheet name", () => {
    expect(importSheetName("pf-suspension", "2025-02-04", [])).toBe("支払基金_閲覧停止_20250204");
    expect(importSheetName("pf-suspension", "2025-02-04", ["支払基金_閲覧停止_20250204", "支払基金_閲覧停止_20250204_2"])).toBe("支払基金_閲覧停止_20250204_3");
  });
});

describe("importFile", () => {
  it("writes a Shift_JIS 閲覧停止 CSV as text into 支払基金_閲覧停止_<データ基準日>, then _2 the second time", async () => {
    const book = buildXlsx(master());
    const bytes = encodeCsv(suspensionRows(), "sjis");
    const r = await importFile(book, { fileName: "list.csv", bytes });
    expect(r).toMatchObject({ sheet: "支払基金_閲覧停止_20250204", kind: "閲覧停止", date: "2025-02-04", rows: 1, encoding: "Shift_JIS", dateFrom: "データ基準日" });
    const grid = (await book.readSheets([r.sheet])).get(r.sheet)!;
    expect(grid.values[1]).toEqual(suspensionRows()[1]);
    const second = await importFile(book, { fileName: "list.csv", bytes });
    expect(second.sheet).toBe("支払基金_閲覧停止_20250204_2");
    expect((await book.listSheets()).filter((n) => n.startsWith("支払基金_"))).toEqual([r.sheet, second.sheet]);
  });

  it("validates the new sheet at once (pf-code-unknown for a code not in マスタ)", async () => {
    const rows = suspensionRows();
    rows.push(["医療扶助", makeOfficeCode("12", 2, 5), "ない事務所", "2024/10/1", "1", "2", "2025/2/4"]);
    const r = await importFile(buildXlsx(master()), { fileName: "x.csv", bytes: encodeCsv(rows, "utf8"), dryRun: true });
    expect(r.issues.map((f) => f.rule)).toContain("pf-code-unknown");
    expect(r.issues.every((f) => f.sheet === r.sheet)).toBe(true);
  });

  it("takes the date from the file name, else --date, else stops asking for it", async () => {
    const rows = suspensionRows().map((r) => r.slice(0, 6));
    const bytes = encodeCsv(rows, "utf8bom");
    expect((await importFile(buildXlsx(master()), { fileName: "閲覧停止R7.1.7.csv", bytes, dryRun: true })).date).toBe("2025-01-07");
    const given = await importFile(buildXlsx(master()), { fileName: "list.csv", bytes, date: "令和7年1月21日", dryRun: true });
    expect([given.date, given.dateFrom]).toEqual(["2025-01-21", "指定"]);
    await expect(importFile(buildXlsx(master()), { fileName: "list.csv", bytes })).rejects.toBeInstanceOf(ImportDateMissing);
  });

  it("refuses a garbled file and writes nothing", async () => {
    const book = buildXlsx(master());
    const bad = new Uint8Array([...new TextEncoder().encode("保険者コード\r\n"), 0x82, 0xff, 0x0a]);
    await expect(importFile(book, { fileName: "x_20250204.csv", bytes: bad })).rejects.toBeInstanceOf(CommandError);
    expect(await book.listSheets()).toEqual(["マスタ"]);
  });

  it("reads .xlsx files keeping codes as text", async () => {
    const src = buildXlsx([{ name: "一覧", rows: suspensionRows() }]);
    const bytes = new Uint8Array(await src.book.xlsx.writeBuffer());
    const rows = await xlsxTextRows(bytes);
    expect(rows).toEqual(suspensionRows());
    const r = await importFile(buildXlsx(master()), { fileName: "list.xlsx", bytes, readXlsx: xlsxTextRows, dryRun: true });
    expect([r.encoding, r.kind, r.rows]).toEqual(["xlsx", "閲覧停止", 1]);
  });

  it("100,000 rows of エラー明細 in Shift_JIS and UTF-8: quoted commas and line breaks, leading zeros kept", async () => {
    const rows = errorRows(100_000);
    expect(toCsvText(rows).length).toBeGreaterThan(5_000_000);
    for (const enc of ["sjis", "utf8"] as const) {
      const book = buildXlsx(master());
      const r = await importFile(book, { fileName: `エラー明細_20250204.csv`, bytes: encodeCsv(rows, enc), dryRun: enc === "utf8" });
      expect(r).toMatchObject({ sheet: "支払基金_エラー明細_20250204", kind: "エラー明細", rows: 100_000 });
      if (enc === "sjis") {
        const grid = (await book.readSheets([r.sheet])).get(r.sheet)!;
        expect(grid.values.length).toBe(100_001);
        expect(grid.values[2][0]).toBe(rows[2][0]);
        expect(String(grid.values[2][0]).startsWith("0")).toBe(true);
        expect(grid.values[4][2]).toBe("架空\n太郎");
        expect(grid.values[100_000][6]).toBe(rows[100_000][6]);
      }
    }
  }, 120_000);
});
