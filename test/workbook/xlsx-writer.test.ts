// The values-only .xlsx writer: the file is a valid ZIP (CRC-32, stored entries), every part is
// well-formed XML, and ExcelJS reads back the same sheet names, values and dates.
import ExcelJS from "exceljs";
import { XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import type { RawCell } from "../../src/domain/cell";
import { isoToSerial } from "../../src/domain/dates";
import { isDateFormat } from "../../src/domain/snapshot";
import type { SheetGrid } from "../../src/workbook/port";
import { loadXlsxBuffer } from "../../src/workbook/xlsx/adapter";
import { columnLetters } from "../../src/domain/schema/table";
import {
  bytesToBase64,
  crc32,
  dateStyleFor,
  escapeCellText,
  MAX_CELL_CHARS,
  writeXlsx,
  zipStore,
} from "../../src/workbook/xlsx-writer";

// ---- a small ZIP reader, independent of the writer ----------------------------------------------

interface ReadEntry {
  name: string;
  method: number;
  crc: number;
  data: Uint8Array;
}

function readZip(bytes: Uint8Array): ReadEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = bytes.length - 22;
  expect(view.getUint32(eocd, true)).toBe(0x06054b50);
  const count = view.getUint16(eocd + 10, true);
  const cdSize = view.getUint32(eocd + 12, true);
  const cdStart = view.getUint32(eocd + 16, true);
  expect(cdStart + cdSize).toBe(eocd);
  const dec = new TextDecoder();
  const out: ReadEntry[] = [];
  let p = cdStart;
  for (let i = 0; i < count; i++) {
    expect(view.getUint32(p, true)).toBe(0x02014b50);
    const method = view.getUint16(p + 10, true);
    const crc = view.getUint32(p + 16, true);
    const size = view.getUint32(p + 20, true);
    expect(view.getUint32(p + 24, true)).toBe(size);
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    const local = view.getUint32(p + 42, true);
    const name = dec.decode(bytes.subarray(p + 46, p + 46 + nameLen));
    // The local header repeats what the central directory says.
    expect(view.getUint32(local, true)).toBe(0x04034b50);
    expect(view.getUint32(local + 14, true)).toBe(crc);
    expect(view.getUint32(local + 18, true)).toBe(size);
    const localNameLen = view.getUint16(local + 26, true);
    const localExtra = view.getUint16(local + 28, true);
    expect(dec.decode(bytes.subarray(local + 30, local + 30 + localNameLen))).toBe(name);
    const start = local + 30 + localNameLen + localExtra;
    out.push({ name, method, crc, data: bytes.subarray(start, start + size) });
    p += 46 + nameLen + extraLen + commentLen;
  }
  expect(p).toBe(eocd);
  return out;
}

/** Decodes Excel's `_xHHHH_` escapes the way Excel does (ExcelJS leaves inline strings as stored). */
const decodeXstring = (s: string): string => s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));

async function loadExcelJs(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  return book;
}

const text = (e: ReadEntry): string => new TextDecoder().decode(e.data);

// ---- fixtures -------------------------------------------------------------------------------------

const D1 = isoToSerial("2025-01-07");
const D2 = isoToSerial("2024-12-02");

const SHEETS: SheetGrid[] = [
  {
    name: "マスタ",
    top: 1,
    left: 1,
    values: [
      ["保険者コード", "福祉事務所名", "被保護者数", "資格情報登録開始日", "対象", "比率"],
      ["12130483", "■", 1200, D1, true, 0.25],
      ["12140036", "■", 40, null, false, -1.5e-7],
    ],
    formats: [
      ["General", "General", "General", "General", "General", "General"],
      ["@", "General", "#,##0", "yyyy/m/d", "General", "0.0%"],
      ["@", "General", "#,##0", "yyyy/m/d", "General", "0.0%"],
    ],
  },
  {
    name: "支払基金_登録状況_20241202",
    top: 3,
    left: 2,
    values: [
      ["基準日", D2, null],
      [null, null, "右下"],
    ],
    formats: [
      ["General", '[$-ja-JP-x-gannen]ggge"年"m"月"d"日"', "General"],
      ["General", "General", "General"],
    ],
  },
  { name: "空のシート", top: 1, left: 1, values: [] },
  { name: "A&B <x> \"q\"", top: 1, left: 1, values: [["x"]] },
];

describe("xlsx writer: ZIP container", () => {
  it("computes the standard CRC-32", () => {
    expect(crc32(new TextEncoder().encode("123456789"))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array())).toBe(0);
  });

  it("writes stored entries whose CRCs and sizes match, with the minimal SpreadsheetML parts", () => {
    const entries = readZip(writeXlsx(SHEETS));
    expect(entries.map((e) => e.name)).toEqual([
      "[Content_Types].xml",
      "_rels/.rels",
      "xl/workbook.xml",
      "xl/_rels/workbook.xml.rels",
      "xl/styles.xml",
      "xl/worksheets/sheet1.xml",
      "xl/worksheets/sheet2.xml",
      "xl/worksheets/sheet3.xml",
      "xl/worksheets/sheet4.xml",
    ]);
    for (const e of entries) {
      expect(e.method, e.name).toBe(0);
      expect(crc32(e.data), e.name).toBe(e.crc);
      expect(XMLValidator.validate(text(e)), e.name).toBe(true);
    }
    // No document properties, comments, shared strings or anything else.
    expect(entries.some((e) => e.name.startsWith("docProps/"))).toBe(false);
    const types = text(entries[0]);
    expect(types).toContain('PartName="/xl/worksheets/sheet4.xml"');
    expect(types).not.toMatch(/comments|core-properties|extended-properties|sharedStrings/);
  });

  it("is deterministic (fixed timestamps) and stores arbitrary entries", () => {
    expect(writeXlsx(SHEETS)).toEqual(writeXlsx(SHEETS));
    const data = new Uint8Array(70_000).map((_, i) => (i * 31) % 256);
    const [entry] = readZip(zipStore([{ name: "a/ü.bin", data }]));
    expect(entry.name).toBe("a/ü.bin");
    expect(entry.data).toEqual(data);
  });

  it("encodes base64 like Node does, across chunk boundaries", () => {
    for (const size of [0, 1, 2, 3, 0x8000, 0x8001, 100_003]) {
      const bytes = new Uint8Array(size).map((_, i) => (i * 7919) % 256);
      expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString("base64"));
    }
  });
});

describe("xlsx writer: what ExcelJS reads back", () => {
  it("keeps sheet names, order, positions, strings, numbers and booleans", async () => {
    const port = await loadXlsxBuffer(writeXlsx(SHEETS));
    expect(await port.listSheets()).toEqual(SHEETS.map((s) => s.name));
    const grids = await port.readSheets(SHEETS.map((s) => s.name));
    for (const sheet of SHEETS) {
      const got = grids.get(sheet.name)!;
      expect(got.values, sheet.name).toEqual(sheet.values);
      if (sheet.values.length > 0) {
        expect([got.top, got.left], sheet.name).toEqual([sheet.top, sheet.left]);
      }
    }
  });

  it("gives date cells a date format (and only those)", async () => {
    const book = await loadExcelJs(writeXlsx(SHEETS));
    const master = book.getWorksheet("マスタ")!;
    expect(master.getCell("D2").value).toEqual(new Date(Date.UTC(2025, 0, 7)));
    expect(isDateFormat(master.getCell("D2").numFmt)).toBe(true);
    // Other formats are dropped: values only.
    expect(master.getCell("C2").value).toBe(1200);
    expect(isDateFormat(master.getCell("C2").numFmt)).toBe(false);
    expect(master.getCell("F2").value).toBe(0.25);
    const list = book.getWorksheet("支払基金_登録状況_20241202")!;
    expect(list.getCell("C3").value).toEqual(new Date(Date.UTC(2024, 11, 2)));
    expect(list.getCell("D4").value).toBe("右下");
  });

  it("classifies date, date-time and time formats", () => {
    expect(dateStyleFor("yyyy/m/d")).toBe(1);
    expect(dateStyleFor('[$-ja-JP-x-gannen]ggge"年"m"月"d"日"')).toBe(1);
    expect(dateStyleFor("yyyy年m月")).toBe(1);
    expect(dateStyleFor("yyyy/m/d h:mm")).toBe(2);
    expect(dateStyleFor("h:mm")).toBe(3);
    expect(dateStyleFor("[h]:mm")).toBe(3);
    for (const f of ["General", "#,##0", "0.0%", "@", "0.00E+00", undefined]) expect(dateStyleFor(f)).toBe(0);
  });

  it("writes one empty Sheet1 for a book without sheets, and refuses names Excel would refuse", async () => {
    const port = await loadXlsxBuffer(writeXlsx([]));
    expect(await port.listSheets()).toEqual(["Sheet1"]);
    for (const bad of ["", "a/b", "x".repeat(32), "'q"]) {
      expect(() => writeXlsx([{ name: bad, top: 1, left: 1, values: [] }]), bad).toThrow();
    }
    expect(() =>
      writeXlsx([
        { name: "Data", top: 1, left: 1, values: [] },
        { name: "DATA", top: 1, left: 1, values: [] },
      ]),
    ).toThrow(/重複/);
  });

  it("writes numbers as numbers: -0, tiny and huge values; drops NaN and Infinity", async () => {
    const values: RawCell[][] = [[-0, 1e-300, 1.7976931348623157e308, 123456789012, NaN, Infinity, 0.1 + 0.2]];
    const book = await loadExcelJs(writeXlsx([{ name: "N", top: 1, left: 1, values }]));
    const row = book.getWorksheet("N")!.getRow(1);
    expect([1, 2, 3, 4, 5, 6, 7].map((c) => row.getCell(c).value)).toEqual([0, 1e-300, 1.7976931348623157e308, 123456789012, null, null, 0.1 + 0.2]);
  });

  it("keeps 30,000-character strings whole and cuts longer ones at Excel's limit", async () => {
    const long = "氏".repeat(29_999) + "名";
    const tooLong = "a".repeat(MAX_CELL_CHARS - 1) + "😀" + "tail";
    const book = await loadExcelJs(
      writeXlsx([{ name: "Long", top: 1, left: 1, values: [[long], ["b".repeat(40_000)], [tooLong]] }]),
    );
    const ws = book.getWorksheet("Long")!;
    expect(ws.getCell("A1").value).toBe(long);
    expect(ws.getCell("A2").value).toBe("b".repeat(MAX_CELL_CHARS));
    // The cut never splits a surrogate pair.
    expect(ws.getCell("A3").value).toBe("a".repeat(MAX_CELL_CHARS - 1));
  });

  it("escapes XML specials and keeps whitespace, CR and LF", async () => {
    const tricky = ['<tag a="1">&amp; ]]> \'q\'', "  leading and trailing  ", "line1\nline2", "cr\r\nlf", "\ttab", "=SUM(A1)", "絵文字😀と漢字"];
    const bytes = writeXlsx([{ name: "XML", top: 1, left: 1, values: tricky.map((s) => [s]) }]);
    const sheet = readZip(bytes).find((e) => e.name === "xl/worksheets/sheet1.xml")!;
    expect(XMLValidator.validate(text(sheet))).toBe(true);
    const ws = (await loadExcelJs(bytes)).getWorksheet("XML")!;
    tricky.forEach((s, i) => expect(ws.getCell(i + 1, 1).value, s).toBe(s));
    // A string that looks like a formula stays text (no <f>).
    expect(text(sheet)).not.toContain("<f>");
  });

  it("escapes control characters as _xHHHH_, escapes literal _xHHHH_, and drops lone surrogates", async () => {
    const controls = "a\u0000b\u0001c\u0008d\u000Be\u000Cf\u001Fg\uFFFEh";
    const literal = "code _x0041_ and _x00e9_ stay";
    const lone = "x\uD800y\uDC00z";
    const bytes = writeXlsx([{ name: "Ctl", top: 1, left: 1, values: [[controls], [literal], [lone]] }]);
    const sheet = text(readZip(bytes).find((e) => e.name === "xl/worksheets/sheet1.xml")!);
    expect(XMLValidator.validate(sheet)).toBe(true);
    expect(sheet).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/);
    const ws = (await loadExcelJs(bytes)).getWorksheet("Ctl")!;
    expect(decodeXstring(String(ws.getCell("A1").value))).toBe(controls);
    expect(decodeXstring(String(ws.getCell("A2").value))).toBe(literal);
    expect(ws.getCell("A3").value).toBe("xyz");
    expect(escapeCellText("_x005F_")).toBe("_x005F_x005F_");
    expect(escapeCellText("plain_text_x")).toBe("plain_text_x");
  });

  it("names columns past Z", () => {
    expect([1, 26, 27, 52, 53, 702, 703, 16_384].map(columnLetters)).toEqual(["A", "Z", "AA", "AZ", "BA", "ZZ", "AAA", "XFD"]);
  });
});
