/**
 * A copy of a package that ExcelJS can read, for books it chokes on (openpyxl's comments and
 * charts, threaded comments, pivot caches, external links …). Reading needs only cells, styles,
 * merges and sheet names, so the copy drops what hangs off the sheets and the workbook: each
 * sheet's relationships and the elements pointing into them, the workbook's pivot caches and
 * external references, and the drawing, comment, pivot and media parts themselves. When even that
 * copy fails, the "cells only" copy also drops every sheet element after the cells except the merges
 * (validation, conditional formatting, filters …) and the workbook's defined names. The original
 * bytes are what gets saved; these copies are only read.
 */
import { OpcPackage, relationships, relsPartOf } from "./opc";

/** Sheet elements that point at a relationship of the sheet. */
const SHEET_LINKS = ["drawing", "legacyDrawing", "legacyDrawingHF", "drawingHF", "picture", "tableParts", "hyperlinks", "oleObjects", "controls", "extLst"];

function stripElements(xml: string, names: string[], from: number): string {
  let tail = xml.slice(from);
  for (const n of names) tail = tail.replace(new RegExp(`<(\\w+:)?${n}\\b[^>]*?(?:/>|>[\\s\\S]*?</(\\w+:)?${n}>)`, "gu"), "");
  return xml.slice(0, from) + tail;
}

/** The merges of a sheet's tail (all a reader needs after the cells). */
function mergesOnly(xml: string, from: number): string {
  const tail = xml.slice(from);
  const merges = /<(\w+:)?mergeCells\b[^>]*?(?:\/>|>[\s\S]*?<\/(\w+:)?mergeCells>)/u.exec(tail)?.[0] ?? "";
  const close = /<\/(\w+:)?worksheet>\s*$/u.exec(tail)?.[0] ?? "</worksheet>";
  const sheetDataEnd = tail.indexOf(">") + 1;
  return xml.slice(0, from) + tail.slice(0, sheetDataEnd) + merges + close;
}

export function readableCopy(data: Uint8Array, cellsOnly = false): Uint8Array {
  const pkg = new OpcPackage(data);
  const wbRels = relationships(pkg.text("xl/_rels/workbook.xml.rels"));
  const sheetParts = wbRels.filter((r) => r.type.endsWith("/worksheet")).map((r) => `xl/${r.target.replace(/^\/?xl\//u, "")}`);
  for (const part of sheetParts) {
    const xml = pkg.text(part);
    if (xml === null) continue;
    pkg.remove(relsPartOf(part));
    const end = xml.lastIndexOf("sheetData>");
    if (cellsOnly && end >= 0) {
      // From the `</sheetData>` (or `<sheetData/>`) tag's start.
      pkg.setText(part, mergesOnly(xml, xml.lastIndexOf("<", end)));
    } else {
      pkg.setText(part, stripElements(xml, SHEET_LINKS, end < 0 ? 0 : end));
    }
  }
  const wb = pkg.text("xl/workbook.xml");
  if (wb !== null) {
    pkg.setText("xl/workbook.xml", stripElements(wb, ["pivotCaches", "externalReferences", "extLst", ...(cellsOnly ? ["definedNames"] : [])], 0));
    const kept = wbRels.filter((r) => !/\/(pivotCacheDefinition|externalLink)$/u.test(r.type));
    const rels = pkg.text("xl/_rels/workbook.xml.rels")!;
    pkg.setText("xl/_rels/workbook.xml.rels", wbRels.filter((r) => !kept.includes(r)).reduce((x, r) => x.replace(r.xml, ""), rels));
  }
  // ExcelJS parses every drawing, comment and media part it finds by name, linked or not.
  for (const name of pkg.names()) {
    if (/^xl\/(?:(?:drawings|charts|chartsheets|comments|threadedComments|persons|pivotTables|pivotCache|externalLinks|media|ctrlProps|embeddings|activeX|richData)\/|comments\d*\.xml$)/u.test(name)) pkg.remove(name);
  }
  return pkg.write() ?? data;
}
