/**
 * A minimal, dependency-free .xlsx writer for values only (the task pane's masked copy; ExcelJS
 * stays out of the browser bundle).
 *
 * The package holds just what Excel needs to open a workbook: [Content_Types].xml, _rels/.rels,
 * xl/workbook.xml, xl/_rels/workbook.xml.rels, xl/styles.xml and one xl/worksheets/sheetN.xml per
 * sheet, in a store-only ZIP (no compression) with CRC-32. There are no document properties
 * (docProps/), comments, formulas, defined names, shared strings or themes: a cell is a string (an
 * inline string), a number, or a boolean. Number cells whose source format shows a date or time
 * get one of three fixed date/time styles; every other format is dropped.
 *
 * Text is made safe for XML 1.0 and for Excel: `& < > "` are escaped, CR is kept as `&#xD;`,
 * control characters that XML cannot carry are written as Excel's `_xHHHH_` escapes (which Excel
 * and ExcelJS decode back), a literal `_xHHHH_` in the text has its underscore escaped so it is not
 * decoded, unpaired surrogates are dropped, and a string longer than Excel's 32,767-character cell
 * limit is cut there.
 */
import { isDateFormat } from "../domain/snapshot";
import type { SheetGrid } from "./port";
import { columnLetters } from "../domain/schema/table";
import { crc32, storedItem, writeZip } from "./xlsx/package/zip";

export { crc32 };

/** Excel's limit on characters in a cell. */
export const MAX_CELL_CHARS = 32_767;

const NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const NS_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
const REL_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const CT = "application/vnd.openxmlformats-officedocument.spreadsheetml";
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

// ---- ZIP (store only) ---------------------------------------------------------------------------

export interface ZipEntry {
  /** Path inside the archive (forward slashes). */
  name: string;
  data: Uint8Array;
}

/**
 * A ZIP archive with every entry stored uncompressed (names as UTF-8, a fixed timestamp, so the same
 * input gives the same bytes), written by the package writer the CLI's saves use. No ZIP64.
 */
export function zipStore(entries: readonly ZipEntry[]): Uint8Array {
  return writeZip(entries.map((e) => storedItem(e.name, e.data)));
}

/** Base64 of bytes (btoa exists in browsers and Node ≥ 16), in chunks to keep the stack small. */
export function bytesToBase64(bytes: Uint8Array): string {
  const CHUNK = 0x8000;
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += CHUNK) {
    parts.push(String.fromCharCode(...bytes.subarray(i, i + CHUNK)));
  }
  return btoa(parts.join(""));
}

// ---- XML text ----------------------------------------------------------------------------------

const hex4 = (code: number): string => code.toString(16).toUpperCase().padStart(4, "0");

/**
 * What needs attention in text: XML specials, CR, control characters XML 1.0 forbids, U+FFFE/FFFF,
 * an underscore that starts a literal `_xHHHH_`, and unpaired surrogates.
 */
const TEXT_SPECIALS =
  /[&<>"\r\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|_(?=x[0-9A-Fa-f]{4}_)|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Escapes cell text for an element body (see the module comment). */
export function escapeCellText(s: string): string {
  return s.replace(TEXT_SPECIALS, (ch) => {
    switch (ch) {
      case "&":
        return "&amp;";
      case "<":
        return "&lt;";
      case ">":
        return "&gt;";
      case '"':
        return "&quot;";
      case "\r":
        return "&#xD;";
      case "_":
        return "_x005F_";
    }
    const code = ch.charCodeAt(0);
    if (code >= 0xd800 && code <= 0xdfff) return "";
    return `_x${hex4(code)}_`;
  });
}

/** Escapes an attribute value; characters XML cannot carry are dropped (sheet names never hold them). */
function escapeAttr(s: string): string {
  return s
    .replace(/[\u0000-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

/** Cuts a string at Excel's cell limit without splitting a surrogate pair. */
function clip(s: string): string {
  if (s.length <= MAX_CELL_CHARS) return s;
  let end = MAX_CELL_CHARS;
  const last = s.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return s.slice(0, end);
}


// ---- styles ------------------------------------------------------------------------------------

/** Style indexes (cellXfs) of the fixed styles. */
const STYLE = { general: 0, date: 1, dateTime: 2, time: 3 } as const;
type StyleId = (typeof STYLE)[keyof typeof STYLE];

const STYLES_XML =
  XML_HEAD +
  `<styleSheet xmlns="${NS_MAIN}">` +
  '<numFmts count="3">' +
  '<numFmt numFmtId="164" formatCode="yyyy/m/d"/>' +
  '<numFmt numFmtId="165" formatCode="yyyy/m/d h:mm"/>' +
  '<numFmt numFmtId="166" formatCode="h:mm:ss"/>' +
  "</numFmts>" +
  '<fonts count="1"><font><sz val="11"/><name val="游ゴシック"/><family val="3"/><charset val="128"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="4">' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="166" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  "</cellXfs>" +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  "</styleSheet>";

/** The style a number cell gets for its source format: a date, a date and time, a time, or none. */
export function dateStyleFor(format: string | undefined): StyleId {
  if (!isDateFormat(format)) return STYLE.general;
  const bare = (format as string).replace(/"[^"]*"/g, "").replace(/\\./g, "").replace(/\[[^\]]*\]/g, "");
  // Elapsed time ([h]:mm, [mm]:ss) loses its brackets above; look for it first.
  const hasTime = /[hs]/i.test(bare) || /\[(h+|m+|s+)\]/i.test(format as string);
  const hasDay = /[ydge]/i.test(bare.replace(/[Ee][+-]/g, "")) || (/m/i.test(bare) && !hasTime);
  if (hasTime && hasDay) return STYLE.dateTime;
  return hasTime ? STYLE.time : STYLE.date;
}

// ---- parts -------------------------------------------------------------------------------------

function numberText(v: number): string {
  return Object.is(v, -0) ? "0" : String(v);
}

function sheetXml(grid: SheetGrid): string {
  const parts: string[] = [XML_HEAD, `<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><sheetData>`];
  grid.values.forEach((cells, r) => {
    const rowNumber = grid.top + r;
    let row = "";
    cells.forEach((v, c) => {
      if (v === null || v === undefined || v === "") return;
      const ref = `${columnLetters(grid.left + c)}${rowNumber}`;
      if (typeof v === "string") {
        row += `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${escapeCellText(clip(v))}</t></is></c>`;
      } else if (typeof v === "number") {
        if (!Number.isFinite(v)) return;
        const style = dateStyleFor(grid.formats?.[r]?.[c]);
        row += `<c r="${ref}"${style === STYLE.general ? "" : ` s="${style}"`}><v>${numberText(v)}</v></c>`;
      } else if (typeof v === "boolean") {
        row += `<c r="${ref}" t="b"><v>${v ? 1 : 0}</v></c>`;
      }
    });
    if (row !== "") parts.push(`<row r="${rowNumber}">`, row, "</row>");
  });
  parts.push("</sheetData></worksheet>");
  return parts.join("");
}

const FORBIDDEN_IN_SHEET_NAME = /[[\]:*?/\\]/;

/** Excel refuses a file whose sheet names break its rules; say which one instead. */
function checkSheetNames(names: string[]): void {
  const seen = new Set<string>();
  for (const name of names) {
    if (name === "" || name.length > 31 || FORBIDDEN_IN_SHEET_NAME.test(name) || name.startsWith("'") || name.endsWith("'")) {
      throw new Error(`Excel のシート名として使えない名前です: ${name}`);
    }
    const key = name.toLocaleUpperCase("en-US");
    if (seen.has(key)) throw new Error(`シート名が重複しています: ${name}`);
    seen.add(key);
  }
}

/**
 * The .xlsx bytes of the grids, one worksheet each, in the given order and with the given names.
 * A book needs at least one sheet: with no grids the file holds one empty `Sheet1`.
 */
export function writeXlsx(grids: readonly SheetGrid[]): Uint8Array {
  const sheets: SheetGrid[] = grids.length > 0 ? [...grids] : [{ name: "Sheet1", top: 1, left: 1, values: [] }];
  checkSheetNames(sheets.map((s) => s.name));
  const utf8 = new TextEncoder();
  const text = (name: string, content: string): ZipEntry => ({ name, data: utf8.encode(content) });
  const n = sheets.length;
  const ids = sheets.map((_, i) => i + 1);

  const contentTypes =
    XML_HEAD +
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    `<Override PartName="/xl/workbook.xml" ContentType="${CT}.sheet.main+xml"/>` +
    ids.map((i) => `<Override PartName="/xl/worksheets/sheet${i}.xml" ContentType="${CT}.worksheet+xml"/>`).join("") +
    `<Override PartName="/xl/styles.xml" ContentType="${CT}.styles+xml"/>` +
    "</Types>";
  const rootRels =
    XML_HEAD +
    `<Relationships xmlns="${NS_PKG_REL}">` +
    `<Relationship Id="rId1" Type="${REL_TYPE}/officeDocument" Target="xl/workbook.xml"/>` +
    "</Relationships>";
  const workbook =
    XML_HEAD +
    `<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">` +
    '<bookViews><workbookView activeTab="0"/></bookViews><sheets>' +
    sheets.map((s, i) => `<sheet name="${escapeAttr(s.name)}" sheetId="${ids[i]}" r:id="rId${ids[i]}"/>`).join("") +
    "</sheets></workbook>";
  const workbookRels =
    XML_HEAD +
    `<Relationships xmlns="${NS_PKG_REL}">` +
    ids.map((i) => `<Relationship Id="rId${i}" Type="${REL_TYPE}/worksheet" Target="worksheets/sheet${i}.xml"/>`).join("") +
    `<Relationship Id="rId${n + 1}" Type="${REL_TYPE}/styles" Target="styles.xml"/>` +
    "</Relationships>";

  return zipStore([
    text("[Content_Types].xml", contentTypes),
    text("_rels/.rels", rootRels),
    text("xl/workbook.xml", workbook),
    text("xl/_rels/workbook.xml.rels", workbookRels),
    text("xl/styles.xml", STYLES_XML),
    ...sheets.map((s, i) => text(`xl/worksheets/sheet${ids[i]}.xml`, sheetXml(s))),
  ]);
}
