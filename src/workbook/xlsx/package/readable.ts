/**
 * A copy of a package that ExcelJS can read, for books it chokes on (openpyxl's comments and
 * charts, threaded comments, pivot caches, external links …). Reading needs only cells, styles,
 * merges and sheet names, so the copy drops what hangs off the sheets and the workbook: each
 * sheet's relationships and the elements pointing into them, the workbook's pivot caches and
 * external references, and the drawing, comment, pivot and media parts themselves. The original bytes are what gets saved; this copy is only read.
 */
import { OpcPackage, relationships, relsPartOf } from "./opc";

/** Sheet elements that point at a relationship of the sheet. */
const SHEET_LINKS = ["drawing", "legacyDrawing", "legacyDrawingHF", "drawingHF", "picture", "tableParts", "hyperlinks", "oleObjects", "controls", "extLst"];

function stripElements(xml: string, names: string[], from: number): string {
  let tail = xml.slice(from);
  for (const n of names) tail = tail.replace(new RegExp(`<(\\w+:)?${n}\\b[^>]*?(?:/>|>[\\s\\S]*?</(\\w+:)?${n}>)`, "gu"), "");
  return xml.slice(0, from) + tail;
}

export function readableCopy(data: Uint8Array): Uint8Array {
  const pkg = new OpcPackage(data);
  const wbRels = relationships(pkg.text("xl/_rels/workbook.xml.rels"));
  const sheetParts = wbRels.filter((r) => r.type.endsWith("/worksheet")).map((r) => `xl/${r.target.replace(/^\/?xl\//u, "")}`);
  for (const part of sheetParts) {
    const xml = pkg.text(part);
    if (xml === null) continue;
    pkg.remove(relsPartOf(part));
    const end = xml.lastIndexOf("sheetData>");
    pkg.setText(part, stripElements(xml, SHEET_LINKS, end < 0 ? 0 : end));
  }
  const wb = pkg.text("xl/workbook.xml");
  if (wb !== null) {
    pkg.setText("xl/workbook.xml", stripElements(wb, ["pivotCaches", "externalReferences", "extLst"], 0));
    const kept = wbRels.filter((r) => !/\/(pivotCacheDefinition|externalLink)$/u.test(r.type));
    const rels = pkg.text("xl/_rels/workbook.xml.rels")!;
    pkg.setText("xl/_rels/workbook.xml.rels", wbRels.filter((r) => !kept.includes(r)).reduce((x, r) => x.replace(r.xml, ""), rels));
  }
  // ExcelJS parses every drawing, comment and media part it finds by name, linked or not.
  for (const name of pkg.names()) {
    if (/^xl\/(drawings|charts|chartsheets|comments|threadedComments|persons|pivotTables|pivotCache|externalLinks|media|ctrlProps|embeddings|activeX|richData)\b/u.test(name)) pkg.remove(name);
  }
  return pkg.write() ?? data;
}
