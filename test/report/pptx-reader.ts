/** Reads a .pptx back for the tests: per slide its texts, its tables (rows of cell texts) and its charts' values. */
import { strFromU8, unzipSync } from "fflate";

export interface SlideRead {
  texts: string[];
  tables: string[][][];
  charts: { series: number[][] }[];
}

const unescape = (s: string): string =>
  s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");

const textsOf = (xml: string): string => [...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => unescape(m[1])).join("");

export function readDeck(bytes: Uint8Array): { slides: SlideRead[]; files: Record<string, Uint8Array> } {
  const files = unzipSync(bytes);
  const count = Object.keys(files).filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f)).length;
  const slides: SlideRead[] = [];
  for (let i = 1; i <= count; i++) {
    const xml = strFromU8(files[`ppt/slides/slide${i}.xml`]);
    const texts = [...xml.matchAll(/<p:sp>[\s\S]*?<\/p:sp>/g)].map((m) => [...m[0].matchAll(/<a:p>[\s\S]*?<\/a:p>/g)].map((p) => textsOf(p[0])).join("\n")).filter((t) => t !== "");
    const tables = [...xml.matchAll(/<a:tbl>[\s\S]*?<\/a:tbl>/g)].map((t) =>
      [...t[0].matchAll(/<a:tr\b[\s\S]*?<\/a:tr>/g)].map((r) => [...r[0].matchAll(/<a:tc\b[^>]*>[\s\S]*?<\/a:tc>/g)].map((c) => textsOf(c[0]))),
    );
    const rels = files[`ppt/slides/_rels/slide${i}.xml.rels`] ? strFromU8(files[`ppt/slides/_rels/slide${i}.xml.rels`]) : "";
    const charts = [...rels.matchAll(/Target="(?:\/ppt\/|\.\.\/)charts\/(chart\d+\.xml)"/g)].map((m) => {
      const chart = strFromU8(files[`ppt/charts/${m[1]}`]);
      const series = [...chart.matchAll(/<c:val>[\s\S]*?<\/c:val>/g)].map((v) => [...v[0].matchAll(/<c:v>([^<]*)<\/c:v>/g)].map((n) => Number(n[1])));
      return { series };
    });
    slides.push({ texts, tables, charts });
  }
  return { slides, files };
}
