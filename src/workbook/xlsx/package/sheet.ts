/**
 * Worksheet XML: the cells a command writes are spliced into the sheet's text; every other byte
 * (other cells, rows, formulas, furigana, comments' anchors, validation, filters, extLst …) stays
 * as it was. One forward scan over the rows, copying untouched stretches as slices, so editing a
 * sheet costs about one pass over its text.
 */
import { isDateOut, type OutCell } from "../../../domain/cell";
import { isoToSerial } from "../../../domain/dates";
import { columnLetters } from "../../../domain/schema/table";
import { escapeCellText, MAX_CELL_CHARS } from "../../xlsx-writer";
import { HIGHLIGHT_MARKER, type HighlightSpec } from "../../port";
import { attributes, escapeAttr, withAttribute, withoutAttribute } from "./opc";
import type { StyleSheet } from "./styles";

/** One cell a command writes. */
export interface CellEdit {
  value: OutCell;
  /** Number format to show the value with (dates default to yyyy/m/d). */
  format?: string;
}

/** Row → column → edit. */
export type CellEdits = Map<number, Map<number, CellEdit>>;

export const DATE_FORMAT = "yyyy/m/d";
/** Days between the 1900 and the 1904 date systems. */
const DAYS_1904 = 1462;

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function parseRef(ref: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/u.exec(ref);
  return m ? { col: columnNumber(m[1]), row: Number(m[2]) } : null;
}

function clip(s: string): string {
  if (s.length <= MAX_CELL_CHARS) return s;
  const end = /[\uD800-\uDBFF]/u.test(s[MAX_CELL_CHARS - 1]) ? MAX_CELL_CHARS - 1 : MAX_CELL_CHARS;
  return s.slice(0, end);
}

/** The value part of a cell: [type attribute or "", children]. */
function valueXml(v: OutCell, date1904: boolean): [string, string] | null {
  if (v === null) return null;
  if (isDateOut(v)) return ["", `<v>${isoToSerial(v.date) - (date1904 ? DAYS_1904 : 0)}</v>`];
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return ["inlineStr", `<is><t>${String(v)}</t></is>`];
    return ["", `<v>${Object.is(v, -0) ? 0 : v}</v>`];
  }
  if (typeof v === "boolean") return ["b", `<v>${v ? 1 : 0}</v>`];
  return ["inlineStr", `<is><t xml:space="preserve">${escapeCellText(clip(v))}</t></is>`];
}

/** A whole `<c>` element (prefix p for sheets written with a namespace prefix). */
export function cellXml(p: string, ref: string, v: OutCell, style: number, date1904: boolean): string {
  const val = valueXml(v, date1904);
  const s = style ? ` s="${style}"` : "";
  if (!val) return style ? `<${p}c r="${ref}"${s}/>` : "";
  const t = val[0] ? ` t="${val[0]}"` : "";
  return `<${p}c r="${ref}"${s}${t}>${p ? val[1].replace(/<(\/?)(v|is|t)\b/gu, `<$1${p}$2`) : val[1]}</${p}c>`;
}

/** What an edit did besides writing values. */
export interface EditReport {
  /** Formula cells that were overwritten with values (calcChain must go). */
  formulasOverwritten: number;
}

interface SharedMaster {
  si: string;
  formula: string;
  ref: string;
}

const MERGE_RE = /<(?:\w+:)?mergeCell\b[^>]*>/gu;

/** Cells hidden under a merge other than its top-left one: Excel ignores writes there, and so do we. */
function mergedHidden(xml: string): (row: number, col: number) => boolean {
  const areas: { top: number; left: number; bottom: number; right: number }[] = [];
  for (const m of xml.matchAll(MERGE_RE)) {
    const [a, b] = (attributes(m[0]).get("ref") ?? "").split(":");
    const s = parseRef(a ?? "");
    const e = parseRef(b ?? a ?? "");
    if (s && e) areas.push({ top: s.row, left: s.col, bottom: e.row, right: e.col });
  }
  return (row, col) => areas.some((m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right && !(row === m.top && col === m.left));
}

/** The namespace prefix of a worksheet part ("" or "x:"). */
export function sheetPrefix(xml: string): string {
  const m = /<(\w+:)?worksheet\b/u.exec(xml);
  return m?.[1] ?? "";
}

/**
 * Writes the edits into a worksheet's XML. Untouched cells and rows are copied as they are; a cell
 * we overwrite keeps its style (with the number format replaced when one is asked for) and loses its
 * formula; a shared formula whose first cell we overwrite moves to its next cell.
 */
export function editSheetCells(xml: string, edits: CellEdits, styles: StyleSheet, date1904: boolean, report: EditReport): string {
  if (edits.size === 0) return xml;
  const p = sheetPrefix(xml);
  const hidden = mergedHidden(xml);
  const rows = [...edits.keys()].sort((a, b) => a - b);
  const sdOpen = new RegExp(`<${p}sheetData\\b[^>]*?(/?)>`, "u").exec(xml);
  if (!sdOpen) throw new Error("worksheet without sheetData");
  const out: string[] = [];
  let body: string;
  let contentStart: number;
  let sdEnd: number;
  let tailStart: number;
  if (sdOpen[1] === "/") {
    out.push(xml.slice(0, sdOpen.index), `<${p}sheetData>`);
    contentStart = sdEnd = sdOpen.index + sdOpen[0].length;
    tailStart = sdEnd;
    body = "";
  } else {
    contentStart = sdOpen.index + sdOpen[0].length;
    sdEnd = xml.indexOf(`</${p}sheetData>`, contentStart);
    tailStart = sdEnd;
    out.push(xml.slice(0, contentStart));
    body = "";
  }
  void body;
  const masters: SharedMaster[] = [];
  let minCol = Infinity;
  let maxCol = 0;
  const track = (cols: Iterable<number>) => {
    for (const c of cols) {
      if (c < minCol) minCol = c;
      if (c > maxCol) maxCol = c;
    }
  };
  const newRow = (r: number) => {
    const cells = [...edits.get(r)!.entries()].sort((a, b) => a[0] - b[0]).filter(([c]) => !hidden(r, c));
    track(cells.map(([c]) => c));
    const inner = cells.map(([c, e]) => cellXml(p, `${columnLetters(c)}${r}`, e.value, styleFor(styles, 0, e), date1904)).join("");
    return inner ? `<${p}row r="${r}">${inner}</${p}row>` : "";
  };

  const rowRe = new RegExp(`<${p}row\\b[^>]*?(/?)>`, "gu");
  rowRe.lastIndex = contentStart;
  let pos = contentStart;
  let k = 0;
  let prevRow = 0;
  let m: RegExpExecArray | null;
  while (k < rows.length && (m = rowRe.exec(xml)) !== null && m.index < sdEnd) {
    const rAttr = attributes(m[0]).get("r");
    const r = rAttr ? Number(rAttr) : prevRow + 1;
    prevRow = r;
    const selfClosing = m[1] === "/";
    const rowEnd = selfClosing ? m.index + m[0].length : xml.indexOf(`</${p}row>`, m.index) + `</${p}row>`.length;
    while (k < rows.length && rows[k] < r) {
      out.push(xml.slice(pos, m.index), newRow(rows[k]));
      pos = m.index;
      k++;
    }
    if (k < rows.length && rows[k] === r) {
      out.push(xml.slice(pos, m.index));
      const inner = selfClosing ? "" : xml.slice(m.index + m[0].length, rowEnd - `</${p}row>`.length);
      out.push(editRow(p, m[0], inner, r, edits.get(r)!, hidden, styles, date1904, report, masters, track));
      pos = rowEnd;
      k++;
    }
    rowRe.lastIndex = rowEnd;
  }
  out.push(xml.slice(pos, sdEnd));
  while (k < rows.length) out.push(newRow(rows[k++]));
  if (sdOpen[1] === "/") out.push(`</${p}sheetData>`);
  out.push(xml.slice(tailStart));
  let result = out.join("");
  if (masters.length > 0) result = moveSharedMasters(result, p, masters);
  if (maxCol > 0) result = widenDimension(result, p, rows[0], rows[rows.length - 1], minCol, maxCol);
  return result;
}

function styleFor(styles: StyleSheet, current: number, e: CellEdit): number {
  const format = e.format ?? (isDateOut(e.value) ? DATE_FORMAT : undefined);
  return format ? styles.withNumFmt(current, format) : current;
}

function editRow(
  p: string, open: string, inner: string, r: number, cells: Map<number, CellEdit>, hidden: (r: number, c: number) => boolean,
  styles: StyleSheet, date1904: boolean, report: EditReport, masters: SharedMaster[], track: (cols: Iterable<number>) => void,
): string {
  const cols = [...cells.keys()].filter((c) => !hidden(r, c)).sort((a, b) => a - b);
  track(cols);
  const out: string[] = [];
  const cellRe = new RegExp(`<${p}c\\b[^>]*?(/?)>`, "gu");
  let pos = 0;
  let k = 0;
  let prevCol = 0;
  let m: RegExpExecArray | null;
  while (k < cols.length && (m = cellRe.exec(inner)) !== null) {
    const a = attributes(m[0]);
    const ref = a.get("r");
    const c = ref ? (parseRef(ref)?.col ?? prevCol + 1) : prevCol + 1;
    prevCol = c;
    const end = m[1] === "/" ? m.index + m[0].length : inner.indexOf(`</${p}c>`, m.index) + `</${p}c>`.length;
    while (k < cols.length && cols[k] < c) {
      out.push(inner.slice(pos, m.index), cellXml(p, `${columnLetters(cols[k])}${r}`, cells.get(cols[k])!.value, styleFor(styles, 0, cells.get(cols[k])!), date1904));
      pos = m.index;
      k++;
    }
    if (k < cols.length && cols[k] === c) {
      const e = cells.get(c)!;
      const content = inner.slice(m.index + m[0].length, end);
      const f = new RegExp(`<${p}f\\b[^>]*?(?:/>|>([\\s\\S]*?)</${p}f>)`, "u").exec(content);
      if (f) {
        report.formulasOverwritten++;
        const fa = attributes(f[0]);
        if (fa.get("t") === "shared" && fa.get("ref") && fa.get("si") !== undefined && f[1]) {
          masters.push({ si: fa.get("si")!, formula: f[1], ref: `${columnLetters(c)}${r}` });
        }
      }
      const style = styleFor(styles, Number(a.get("s") ?? 0), e);
      out.push(inner.slice(pos, m.index), rewriteCell(p, m[0], `${columnLetters(c)}${r}`, e.value, style, date1904));
      pos = end;
      k++;
    }
    cellRe.lastIndex = end;
  }
  const rest: string[] = [];
  while (k < cols.length) {
    const e = cells.get(cols[k])!;
    rest.push(cellXml(p, `${columnLetters(cols[k])}${r}`, e.value, styleFor(styles, 0, e), date1904));
    k++;
  }
  out.push(inner.slice(pos), ...rest);
  let openTag = open.endsWith("/>") ? `${open.slice(0, -2)}>` : open;
  const spans = attributes(openTag).get("spans");
  if (spans && cols.length > 0) {
    const [lo, hi] = spans.split(":").map(Number);
    if (Number.isFinite(lo) && Number.isFinite(hi) && (cols[0] < lo || cols[cols.length - 1] > hi)) {
      openTag = withAttribute(openTag, "spans", `${Math.min(lo, cols[0])}:${Math.max(hi, cols[cols.length - 1])}`);
    }
  }
  return `${openTag}${out.join("")}</${p}row>`;
}

/** A cell we overwrite: its own attributes stay (style updated), its type, formula and value go. */
function rewriteCell(p: string, open: string, ref: string, v: OutCell, style: number, date1904: boolean): string {
  const fresh = cellXml(p, ref, v, 0, date1904);
  let tag = open.endsWith("/>") ? `${open.slice(0, -2)}>` : open;
  for (const name of ["t", "cm", "vm"]) tag = withoutAttribute(tag, name);
  tag = style ? withAttribute(tag, "s", String(style)) : withoutAttribute(tag, "s");
  if (!fresh) return style || /\s(?!r=|s=)[\w:]+=/u.test(tag) ? `${tag.slice(0, -1)}/>` : "";
  const t = /\st="([^"]+)"/u.exec(fresh);
  if (t) tag = withAttribute(tag, "t", t[1]);
  const body = fresh.slice(fresh.indexOf(">") + 1);
  return `${tag}${body}`;
}

/** Moves each shared formula whose first cell was overwritten to its next cell, translated there. */
function moveSharedMasters(xml: string, p: string, masters: SharedMaster[]): string {
  for (const master of masters) {
    const dependents: { index: number; length: number; row: number; col: number; fTag: string; fIndex: number }[] = [];
    const re = new RegExp(`<${p}c\\b[^>]*?>(?:(?!</${p}c>)[\\s\\S])*?(<${p}f\\b[^>]*\\bsi="${master.si}"[^>]*?/>|<${p}f\\b[^>]*\\bsi="${master.si}"[^>]*?>\\s*</${p}f>)`, "gu");
    let m: RegExpExecArray | null;
    while ((m = re.exec(xml)) !== null) {
      const ref = parseRef(attributes(/^<[^>]*>/u.exec(m[0])![0]).get("r") ?? "");
      if (!ref || !/\bt="shared"/u.test(m[1])) continue;
      dependents.push({ index: m.index, length: m[0].length, row: ref.row, col: ref.col, fTag: m[1], fIndex: m.index + m[0].length - m[1].length });
    }
    if (dependents.length === 0) continue;
    const first = dependents[0];
    const top = Math.min(...dependents.map((d) => d.row));
    const bottom = Math.max(...dependents.map((d) => d.row));
    const left = Math.min(...dependents.map((d) => d.col));
    const right = Math.max(...dependents.map((d) => d.col));
    const from = parseRef(master.ref)!;
    const text = slideFormula(master.formula, first.row - from.row, first.col - from.col);
    const ref = `${columnLetters(left)}${top}:${columnLetters(right)}${bottom}`;
    const fTag = `<${p}f t="shared" ref="${ref}" si="${master.si}">${text}</${p}f>`;
    xml = xml.slice(0, first.fIndex) + fTag + xml.slice(first.fIndex + first.fTag.length);
  }
  return xml;
}

/** Moves the relative references of a formula (text as stored, entity-escaped) by rows and columns. */
export function slideFormula(formula: string, dRow: number, dCol: number): string {
  // Skip string literals ("…", stored as &quot;…&quot;) and quoted sheet names ('…').
  return formula.replace(/(&quot;[\s\S]*?&quot;|"[^"]*"|'[^']*'!?)|((?:[A-Za-z_][\w.]*!)?)(\$?)([A-Za-z]{1,3})(\$?)(\d+)(?![\w(])/gu,
    (whole, literal: string | undefined, sheet: string, cd: string, col: string, rd: string, row: string, offset: number, s: string) => {
      if (literal) return whole;
      const before = offset > 0 ? s[offset - 1] : "";
      if (/[\w.$]/u.test(before)) return whole;
      const c = cd ? columnNumber(col) : columnNumber(col) + dCol;
      const r = rd ? Number(row) : Number(row) + dRow;
      if (c < 1 || r < 1 || columnNumber(col) > 16_384) return whole;
      return `${sheet}${cd}${columnLetters(c)}${rd}${r}`;
    });
}

function widenDimension(xml: string, p: string, top: number, bottom: number, left: number, right: number): string {
  const m = new RegExp(`<${p}dimension\\b[^>]*>`, "u").exec(xml);
  if (!m) return xml;
  const [a, b] = (attributes(m[0]).get("ref") ?? "").split(":");
  const s = parseRef(a ?? "");
  const e = parseRef(b ?? a ?? "");
  if (!s || !e) return xml;
  const t = Math.min(s.row, top), l = Math.min(s.col, left), bo = Math.max(e.row, bottom), r = Math.max(e.col, right);
  if (t === s.row && l === s.col && bo === e.row && r === e.col) return xml;
  const tag = withAttribute(m[0], "ref", `${columnLetters(l)}${t}:${columnLetters(r)}${bo}`);
  return xml.slice(0, m.index) + tag + xml.slice(m.index + m[0].length);
}

/** Elements that follow conditionalFormatting in CT_Worksheet's order. */
const AFTER_CONDITIONAL = [
  "dataValidations", "hyperlinks", "printOptions", "pageMargins", "pageSetup", "headerFooter", "rowBreaks", "colBreaks",
  "customProperties", "cellWatches", "ignoredErrors", "smartTags", "drawing", "legacyDrawing", "legacyDrawingHF",
  "drawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst",
];

/**
 * Replaces the conditional formatting this tool owns (rules whose formula holds HIGHLIGHT_MARKER);
 * the user's own rules are left exactly as they are.
 */
export function replaceHighlights(xml: string, h: HighlightSpec, styles: StyleSheet): string {
  const p = sheetPrefix(xml);
  const cfRe = new RegExp(`<${p}conditionalFormatting\\b[^>]*?(?:/>|>[\\s\\S]*?</${p}conditionalFormatting>)`, "gu");
  let lastKept = -1;
  let priority = 0;
  xml = xml.replace(cfRe, (block: string) => {
    const rules = [...block.matchAll(new RegExp(`<${p}cfRule\\b[^>]*?(?:/>|>[\\s\\S]*?</${p}cfRule>)`, "gu"))].map((r) => r[0]);
    const ours = (r: string) => r.includes(HIGHLIGHT_MARKER) && /<(?:\w+:)?formula\b/u.test(r);
    if (rules.length > 0 && rules.every(ours)) return "";
    for (const r of rules) priority = Math.max(priority, Number(attributes(r).get("priority") ?? 0));
    if (!rules.some(ours)) return block;
    return block.replace(new RegExp(`<${p}cfRule\\b[^>]*?(?:/>|>[\\s\\S]*?</${p}cfRule>)`, "gu"), (r) => (ours(r) ? "" : r));
  });
  for (const m of xml.matchAll(cfRe)) lastKept = m.index + m[0].length;
  if (h.lastRow < h.firstRow || h.rules.length === 0) return xml;
  const sqref = `A${h.firstRow}:${columnLetters(h.lastCol)}${h.lastRow}`;
  const rules = h.rules
    .map((rule, i) => {
      const dxf = styles.fillDxf(`FF${rule.fill.replace("#", "").toUpperCase()}`);
      const formula = escapeAttr(rule.formula.replace(/^=/u, "")).replace(/&quot;/gu, '"');
      return `<${p}cfRule type="expression" dxfId="${dxf}" priority="${priority + i + 1}"><${p}formula>${formula}</${p}formula></${p}cfRule>`;
    })
    .join("");
  const block = `<${p}conditionalFormatting sqref="${sqref}">${rules}</${p}conditionalFormatting>`;
  let at = lastKept;
  if (at < 0) {
    const after = new RegExp(`<${p}(?:${AFTER_CONDITIONAL.join("|")})\\b`, "u").exec(xml);
    at = after ? after.index : xml.lastIndexOf(`</${p}worksheet>`);
  }
  return xml.slice(0, at) + block + xml.slice(at);
}
