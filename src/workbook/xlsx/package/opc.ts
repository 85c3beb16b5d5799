/**
 * The .xlsx package (Open Packaging Conventions) as a set of parts: read lazily, replaced or added
 * as text, removed; written back with every untouched part copied byte for byte. A part whose new
 * bytes equal the old ones counts as untouched, so a command that changes nothing writes nothing.
 */
import { entryData, newItem, readZip, writeZip, type ZipItem } from "./zip";

const utf8 = new TextEncoder();
const fromUtf8 = new TextDecoder("utf-8");

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export class OpcPackage {
  private readonly items: ZipItem[];
  private readonly byName = new Map<string, ZipItem>();
  /** Part name (no leading slash) → new content; null = removed. */
  private readonly edits = new Map<string, Uint8Array | null>();
  private readonly texts = new Map<string, string>();

  constructor(readonly original: Uint8Array) {
    this.items = readZip(original);
    for (const it of this.items) this.byName.set(it.name, it);
  }

  has(name: string): boolean {
    const edit = this.edits.get(name);
    return edit !== undefined ? edit !== null : this.byName.has(name);
  }

  names(): string[] {
    const out = this.items.map((it) => it.name).filter((n) => this.has(n));
    for (const [n, v] of this.edits) if (v !== null && !this.byName.has(n)) out.push(n);
    return out;
  }

  bytes(name: string): Uint8Array | null {
    const edit = this.edits.get(name);
    if (edit !== undefined) return edit;
    const it = this.byName.get(name);
    return it ? entryData(it) : null;
  }

  /** The part as text (UTF-8; a BOM is dropped), or null when absent. */
  text(name: string): string | null {
    const cached = this.texts.get(name);
    if (cached !== undefined && this.edits.get(name) === undefined) return cached;
    const b = this.bytes(name);
    if (b === null) return null;
    const s = fromUtf8.decode(b);
    if (this.edits.get(name) === undefined) this.texts.set(name, s);
    return s;
  }

  setText(name: string, text: string): void {
    this.setBytes(name, utf8.encode(text));
  }

  setBytes(name: string, data: Uint8Array): void {
    this.edits.set(name, data);
  }

  remove(name: string): void {
    if (this.byName.has(name)) this.edits.set(name, null);
    else this.edits.delete(name);
  }

  /** Whether any part differs from the original (compared on uncompressed bytes). */
  changedParts(): string[] {
    const changed: string[] = [];
    for (const [name, data] of this.edits) {
      const it = this.byName.get(name);
      if (data === null) {
        if (it) changed.push(name);
      } else if (!it || !sameBytes(entryData(it), data)) {
        changed.push(name);
      }
    }
    return changed;
  }

  /** The new archive, or null when no part changed. */
  write(): Uint8Array | null {
    const changed = new Set(this.changedParts());
    if (changed.size === 0) return null;
    const out: ZipItem[] = [];
    for (const it of this.items) {
      if (!changed.has(it.name)) {
        out.push(it);
        continue;
      }
      const data = this.edits.get(it.name);
      // A replaced part keeps its place and timestamp in the archive.
      if (data) out.push(newItem(it.name, data, { time: it.time, date: it.date }));
    }
    for (const [name, data] of this.edits) {
      if (data && !this.byName.has(name)) out.push(newItem(name, data));
    }
    return writeZip(out);
  }
}

// ---- small XML helpers for parts written by machines (no DTDs, no entities beyond the five) --------

/** Attributes of one start tag's text (`<x a="1" b='2'>`), entity-decoded. */
export function attributes(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  const re = /([^\s=<>/"']+)\s*=\s*(?:"([^"]*)"|'([^']*)')/gu;
  let m: RegExpExecArray | null;
  const start = tag.search(/\s/u);
  if (start < 0) return out;
  re.lastIndex = start;
  while ((m = re.exec(tag)) !== null) out.set(m[1], decodeXml(m[2] ?? m[3] ?? ""));
  return out;
}

export function decodeXml(s: string): string {
  if (!s.includes("&")) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/gu, (_, e: string) => {
    if (e[0] === "#") return String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" }[e] ?? "";
  });
}

export function escapeAttr(s: string): string {
  return s
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/gu, "")
    .replace(/&/gu, "&amp;")
    .replace(/</gu, "&lt;")
    .replace(/>/gu, "&gt;")
    .replace(/"/gu, "&quot;")
    .replace(/\n/gu, "&#10;")
    .replace(/\r/gu, "&#13;")
    .replace(/\t/gu, "&#9;");
}

/** Sets (or adds) one attribute in a start tag's text, leaving every other byte as it was. */
export function withAttribute(tag: string, name: string, value: string): string {
  const re = new RegExp(`(\\s${name.replace(/[.:]/gu, "\\$&")}\\s*=\\s*)(?:"[^"]*"|'[^']*')`, "u");
  if (re.test(tag)) return tag.replace(re, (_m, pre: string) => `${pre}"${escapeAttr(value)}"`);
  const end = tag.endsWith("/>") ? tag.length - 2 : tag.length - 1;
  return `${tag.slice(0, end)} ${name}="${escapeAttr(value)}"${tag.slice(end)}`;
}

export function withoutAttribute(tag: string, name: string): string {
  return tag.replace(new RegExp(`\\s${name.replace(/[.:]/gu, "\\$&")}\\s*=\\s*(?:"[^"]*"|'[^']*')`, "u"), "");
}

/** The folder of a part ("xl/worksheets/sheet1.xml" → "xl/worksheets"). */
export function partDir(name: string): string {
  const i = name.lastIndexOf("/");
  return i < 0 ? "" : name.slice(0, i);
}

/** The rels part of a part ("xl/workbook.xml" → "xl/_rels/workbook.xml.rels"). */
export function relsPartOf(name: string): string {
  const dir = partDir(name);
  const base = name.slice(dir.length ? dir.length + 1 : 0);
  return `${dir ? `${dir}/` : ""}_rels/${base}.rels`;
}

/** Resolves a relationship target against the folder of its source part. */
export function resolveTarget(sourceDir: string, target: string): string {
  const t = decodeURI(target);
  const parts = t.startsWith("/") ? [] : sourceDir.split("/").filter(Boolean);
  for (const seg of t.replace(/^\//u, "").split("/")) {
    if (seg === "..") parts.pop();
    else if (seg !== "." && seg !== "") parts.push(seg);
  }
  return parts.join("/");
}

/** A relative target from one folder to a part. */
export function relativeTarget(fromDir: string, part: string): string {
  const from = fromDir.split("/").filter(Boolean);
  const to = part.split("/");
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return [...from.slice(i).map(() => ".."), ...to.slice(i)].join("/");
}

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
  /** The element's text as it is in the part. */
  xml: string;
}

export function relationships(relsXml: string | null): Relationship[] {
  if (!relsXml) return [];
  const out: Relationship[] = [];
  for (const m of relsXml.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/gu)) {
    const a = attributes(m[0]);
    out.push({ id: a.get("Id") ?? "", type: a.get("Type") ?? "", target: a.get("Target") ?? "", external: a.get("TargetMode") === "External", xml: m[0] });
  }
  return out;
}

export const REL = {
  worksheet: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet",
  table: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/table",
  drawing: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing",
  chart: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart",
  styles: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles",
  calcChain: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain",
  officeDocument: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
} as const;

export const CONTENT_TYPE = {
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  table: "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml",
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
  relationships: "application/vnd.openxmlformats-package.relationships+xml",
} as const;
