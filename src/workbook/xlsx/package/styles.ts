/**
 * styles.xml, edited by appending only: number formats, fonts, fills, borders, cell formats (xf)
 * and differential formats (dxf) we need are added at the end of their lists, and an identical entry
 * that is already there is reused — so existing style indexes never move, and a second run adds
 * nothing.
 */
import { attributes, decodeXml, escapeAttr, withAttribute } from "./opc";

/** Excel's built-in number formats that we may ask for by their code. */
const BUILTIN_FORMATS: Record<string, number> = {
  General: 0, "0": 1, "0.00": 2, "#,##0": 3, "#,##0.00": 4, "0%": 9, "0.00%": 10, "0.00E+00": 11, "@": 49,
};

interface List {
  tag: string;
  items: string[];
  changed: boolean;
}

export interface CellLook {
  numFmt?: string;
  bold?: boolean;
  /** The header look of a plain (non-table) block: bold, light blue fill, thin bottom border. */
  header?: boolean;
}

export class StyleSheet {
  private readonly lists = new Map<string, List>();
  private readonly numFmts = new Map<string, number>();
  private readonly addedNumFmts: string[] = [];
  private maxNumFmtId = 163;
  private readonly cache = new Map<string, number>();

  constructor(private xml: string) {
    for (const m of xml.matchAll(/<numFmt\b[^>]*>/gu)) {
      const a = attributes(m[0]);
      const id = Number(a.get("numFmtId"));
      const code = a.get("formatCode");
      if (Number.isFinite(id) && code !== undefined) {
        if (!this.numFmts.has(code)) this.numFmts.set(code, id);
        this.maxNumFmtId = Math.max(this.maxNumFmtId, id);
      }
    }
    for (const [list, item] of [["fonts", "font"], ["fills", "fill"], ["borders", "border"], ["cellXfs", "xf"], ["dxfs", "dxf"]] as const) {
      this.lists.set(list, { tag: item, items: this.children(list, item), changed: false });
    }
  }

  private children(list: string, item: string): string[] {
    const m = new RegExp(`<${list}\\b[^>]*?(?:/>|>([\\s\\S]*?)</${list}>)`, "u").exec(this.xml);
    if (!m || !m[1]) return [];
    return [...m[1].matchAll(new RegExp(`<${item}\\b[^>]*?(?:/>|>[\\s\\S]*?</${item}>)`, "gu"))].map((x) => x[0]);
  }

  private indexOf(list: string, xml: string): number {
    const l = this.lists.get(list)!;
    let i = l.items.indexOf(xml);
    if (i < 0) {
      i = l.items.push(xml) - 1;
      l.changed = true;
    }
    return i;
  }

  numFmtId(code: string): number {
    if (code in BUILTIN_FORMATS) return BUILTIN_FORMATS[code];
    const known = this.numFmts.get(code);
    if (known !== undefined) return known;
    const id = ++this.maxNumFmtId;
    this.numFmts.set(code, id);
    this.addedNumFmts.push(`<numFmt numFmtId="${id}" formatCode="${escapeAttr(code)}"/>`);
    return id;
  }

  /** The cell format index for `xf` with its number format replaced (the cell keeps its font, fill …). */
  withNumFmt(xfIndex: number, code: string): number {
    const key = `n${xfIndex}\u0000${code}`;
    const hit = this.cache.get(key);
    if (hit !== undefined) return hit;
    const xfs = this.lists.get("cellXfs")!.items;
    const base = xfs[xfIndex] ?? xfs[0] ?? '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>';
    const id = this.numFmtId(code);
    const open = /^<xf\b[^>]*?\/?>/u.exec(base)![0];
    let result: number;
    if (Number(attributes(open).get("numFmtId") ?? 0) === id && xfs[xfIndex] !== undefined) {
      result = xfIndex;
    } else {
      const newOpen = withAttribute(withAttribute(open, "numFmtId", String(id)), "applyNumberFormat", "1");
      result = this.indexOf("cellXfs", newOpen + base.slice(open.length));
    }
    this.cache.set(key, result);
    return result;
  }

  /** The cell format index of a look on a new sheet (0 = the workbook's default look). */
  look(look: CellLook): number {
    if (!look.numFmt && !look.bold && !look.header) return 0;
    const key = `l${look.numFmt ?? ""}\u0000${look.bold ? 1 : 0}${look.header ? 1 : 0}`;
    const hit = this.cache.get(key);
    if (hit !== undefined) return hit;
    const numFmtId = look.numFmt ? this.numFmtId(look.numFmt) : 0;
    const fontId = look.bold || look.header ? this.indexOf("fonts", this.boldFont()) : 0;
    const fillId = look.header
      ? this.indexOf("fills", '<fill><patternFill patternType="solid"><fgColor rgb="FFDDEBF7"/><bgColor indexed="64"/></patternFill></fill>')
      : 0;
    const borderId = look.header
      ? this.indexOf("borders", '<border><left/><right/><top/><bottom style="thin"><color indexed="64"/></bottom><diagonal/></border>')
      : 0;
    const xf =
      `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"` +
      `${numFmtId ? ' applyNumberFormat="1"' : ""}${fontId ? ' applyFont="1"' : ""}${fillId ? ' applyFill="1"' : ""}${borderId ? ' applyBorder="1"' : ""}/>`;
    const id = this.indexOf("cellXfs", xf);
    this.cache.set(key, id);
    return id;
  }

  /** The workbook's default font, bold. */
  private boldFont(): string {
    const first = this.lists.get("fonts")!.items[0] ?? '<font><sz val="11"/><name val="Calibri"/></font>';
    if (/<b\s*\/>/u.test(first)) return first;
    if (first.endsWith("/>")) return `${first.slice(0, -2)}><b/></font>`;
    return first.replace(/^<font\b[^>]*>/u, (open) => `${open}<b/>`);
  }

  /** The dxf index of a solid fill (conditional formatting). */
  fillDxf(rgb: string): number {
    return this.indexOf("dxfs", `<dxf><fill><patternFill patternType="solid"><bgColor rgb="${escapeAttr(rgb)}"/></patternFill></fill></dxf>`);
  }

  get changed(): boolean {
    return this.addedNumFmts.length > 0 || [...this.lists.values()].some((l) => l.changed);
  }

  /** styles.xml with the additions. */
  toXml(): string {
    let xml = this.xml;
    if (this.addedNumFmts.length > 0) {
      const m = /<numFmts\b[^>]*?(\/>|>[\s\S]*?<\/numFmts>)/u.exec(xml);
      if (m) {
        const inner = m[1] === "/>" ? "" : m[1].slice(1, -"</numFmts>".length);
        const count = (inner.match(/<numFmt\b/gu) ?? []).length + this.addedNumFmts.length;
        xml = xml.slice(0, m.index) + `<numFmts count="${count}">${inner}${this.addedNumFmts.join("")}</numFmts>` + xml.slice(m.index + m[0].length);
      } else {
        xml = xml.replace(/<styleSheet\b[^>]*>/u, (open) => `${open}<numFmts count="${this.addedNumFmts.length}">${this.addedNumFmts.join("")}</numFmts>`);
      }
    }
    for (const [list, l] of this.lists) {
      if (!l.changed) continue;
      const m = new RegExp(`<${list}\\b[^>]*?(?:/>|>[\\s\\S]*?</${list}>)`, "u").exec(xml);
      const open = m ? /^<[^>]*?(?=\/?>)/u.exec(m[0])![0] : `<${list}`;
      const whole = `${withAttribute(`${open}>`, "count", String(l.items.length))}${l.items.join("")}</${list}>`;
      if (m) {
        xml = xml.slice(0, m.index) + whole + xml.slice(m.index + m[0].length);
      } else {
        // Only dxfs may be missing: it follows cellStyles (or cellXfs) in the schema's order.
        const after = /<\/cellStyles>|<cellStyles\b[^>]*\/>/u.exec(xml) ?? /<\/cellXfs>/u.exec(xml);
        const at = after ? after.index + after[0].length : xml.lastIndexOf("</styleSheet>");
        xml = xml.slice(0, at) + whole + xml.slice(at);
      }
    }
    return xml;
  }
}

/** Number format codes by id, for telling whether a cell shows a date (unused ids fall back to General). */
export function formatCodes(xml: string): Map<number, string> {
  const out = new Map<number, string>();
  for (const m of xml.matchAll(/<numFmt\b[^>]*>/gu)) {
    const a = attributes(m[0]);
    out.set(Number(a.get("numFmtId")), decodeXml(a.get("formatCode") ?? ""));
  }
  return out;
}
