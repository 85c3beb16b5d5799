/**
 * Surgical saving: a command's writes (recorded as a SavePlan while the ExcelJS model is updated
 * for reading) are applied to the ORIGINAL package. Every part not meant to change is copied byte
 * for byte; edited sheets are spliced (sheet.ts); generated sheets are written whole; the
 * bookkeeping (workbook.xml, its rels, [Content_Types].xml, styles.xml, tables, calcChain) is edited
 * textually, appending rather than renumbering. Output is deterministic, and when no part's bytes
 * differ the result is null: nothing to write.
 */
import { isDateOut } from "../../../domain/cell";
import type { GeneratedSheet, HighlightSpec } from "../../port";
import {
  attributes, CONTENT_TYPE, escapeAttr, OpcPackage, partDir, REL, relationships, relativeTarget, relsPartOf, resolveTarget,
} from "./opc";
import { withPrintTitles } from "./print";
import { chartXml, drawingXml, lastRowOf, newLogSheet, newSheetFrom, newSheetXml, putCell, tableXml, type NewSheet } from "./newSheet";
import { DATE_FORMAT, editSheetCells, replaceHighlights, type CellEdit, type CellEdits, type EditReport } from "./sheet";
import { StyleSheet } from "./styles";

export type SheetChange =
  | { kind: "edit"; cells: CellEdits; highlight?: HighlightSpec }
  | { kind: "new"; sheet: NewSheet; highlight?: HighlightSpec };

/** What one session (one CLI command) wrote, sheet by sheet, in the order sheets were first touched. */
export class SavePlan {
  readonly sheets = new Map<string, SheetChange>();

  get empty(): boolean {
    return this.sheets.size === 0;
  }

  writeCell(sheet: string, row: number, col: number, edit: CellEdit): void {
    const change = this.sheets.get(sheet);
    if (change?.kind === "new") {
      putCell(change.sheet, row, col, { value: edit.value, look: { numFmt: edit.format ?? (isDateOut(edit.value) ? DATE_FORMAT : undefined) } });
      return;
    }
    let cells = change?.cells;
    if (!cells) this.sheets.set(sheet, { kind: "edit", cells: (cells = new Map()) });
    let r = cells.get(row);
    if (!r) cells.set(row, (r = new Map()));
    r.set(col, edit);
  }

  replace(spec: GeneratedSheet): void {
    this.sheets.delete(spec.name);
    this.sheets.set(spec.name, { kind: "new", sheet: newSheetFrom(spec) });
  }

  createLog(name: string, header: string[]): void {
    this.sheets.set(name, { kind: "new", sheet: newLogSheet(header) });
  }

  /** The last used row of a sheet created in this session (undefined for the book's own sheets). */
  lastRowOfNew(name: string): number | undefined {
    const change = this.sheets.get(name);
    return change?.kind === "new" ? lastRowOf(change.sheet) : undefined;
  }

  highlight(h: HighlightSpec): void {
    const change: SheetChange = this.sheets.get(h.sheet) ?? { kind: "edit", cells: new Map() };
    change.highlight = h;
    this.sheets.set(h.sheet, change);
  }
}

export class SaveError extends Error {}

interface SheetEntry {
  name: string;
  sheetId: number;
  rId: string;
  part: string;
}

const CT_PATH = "[Content_Types].xml";

/** Applies the plan to the original package; null when the result would be byte-identical. */
export function applySavePlan(original: Uint8Array, plan: SavePlan): Uint8Array | null {
  if (plan.empty) return null;
  const pkg = new OpcPackage(original);
  const rootRels = relationships(pkg.text("_rels/.rels"));
  const wbRelOfRoot = rootRels.find((r) => r.type === REL.officeDocument || r.type.endsWith("/officeDocument"));
  const wbPart = wbRelOfRoot ? resolveTarget("", wbRelOfRoot.target) : "xl/workbook.xml";
  const wbDir = partDir(wbPart);
  const wbRelsPart = relsPartOf(wbPart);
  let wbXml = pkg.text(wbPart);
  let wbRelsXml = pkg.text(wbRelsPart);
  let ctXml = pkg.text(CT_PATH);
  if (wbXml === null || wbRelsXml === null || ctXml === null) throw new SaveError("workbook part missing");
  const wbRels = relationships(wbRelsXml);
  const relById = new Map(wbRels.map((r) => [r.id, r]));

  const sheets = new Map<string, SheetEntry>();
  for (const m of wbXml.matchAll(/<(?:\w+:)?sheet\b[^>]*>/gu)) {
    const a = attributes(m[0]);
    const rId = [...a.entries()].find(([k]) => /(^|:)id$/u.test(k) && k !== "sheetId")?.[1] ?? "";
    const rel = relById.get(rId);
    if (!rel) continue;
    sheets.set(a.get("name") ?? "", { name: a.get("name") ?? "", sheetId: Number(a.get("sheetId")), rId, part: resolveTarget(wbDir, rel.target) });
  }
  const date1904 = /<(?:\w+:)?workbookPr\b[^>]*\bdate1904\s*=\s*["'](?:1|true)["']/u.test(wbXml);
  const stylesRel = wbRels.find((r) => r.type === REL.styles);
  const stylesPart = stylesRel ? resolveTarget(wbDir, stylesRel.target) : null;
  const stylesXml = stylesPart ? pkg.text(stylesPart) : null;
  if (!stylesPart || stylesXml === null) throw new SaveError("styles part missing");
  const styles = new StyleSheet(stylesXml);

  const report: EditReport = { formulasOverwritten: 0 };
  const addOverride = (part: string, type: string) => {
    if (new RegExp(`PartName="/${part.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&")}"`, "u").test(ctXml!)) return;
    ctXml = ctXml!.replace(/<\/(\w+:)?Types>\s*$/u, (end) => `<Override PartName="/${escapeAttr(part)}" ContentType="${type}"/>${end}`);
  };
  const removeOverride = (part: string) => {
    ctXml = ctXml!.replace(new RegExp(`<(?:\\w+:)?Override\\b[^>]*PartName="/${part.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&")}"[^>]*>`, "u"), "");
  };

  // Phase 1: the old tables, drawings and charts of sheets being replaced go (their names and part
  // numbers become free, so a rerun allocates the same ones again).
  const removedTables = new Set<string>();
  const removedParts = new Set<string>();
  for (const [name, change] of plan.sheets) {
    const entry = sheets.get(name);
    if (change.kind !== "new" || !entry) continue;
    const oldXml = pkg.text(entry.part) ?? "";
    if (/<(?:\w+:)?f[\s>]/u.test(oldXml)) report.formulasOverwritten++;
    for (const rel of relationships(pkg.text(relsPartOf(entry.part)))) {
      if (rel.external) continue;
      const target = resolveTarget(partDir(entry.part), rel.target);
      if (rel.type === REL.table) removedTables.add(target);
      if (rel.type === REL.drawing && pkg.has(target)) {
        removedParts.add(target);
        const drawingRels = relsPartOf(target);
        for (const r of relationships(pkg.text(drawingRels))) {
          if (r.type !== REL.chart || r.external) continue;
          const chart = resolveTarget(partDir(target), r.target);
          removedParts.add(chart);
          removedParts.add(relsPartOf(chart));
        }
        removedParts.add(drawingRels);
      }
    }
  }
  for (const t of removedTables) pkg.remove(t);
  for (const t of removedParts) pkg.remove(t);
  const tableParts = pkg.names().filter((n) => /^xl\/tables\/table\d+\.xml$/u.test(n) || isTablePart(ctXml!, n));
  const takenTableNames = new Set<string>();
  let maxTableId = 0;
  for (const t of tableParts) {
    const open = /<(?:\w+:)?table\b[^>]*>/u.exec(pkg.text(t) ?? "");
    if (!open) continue;
    const a = attributes(open[0]);
    for (const n of [a.get("name"), a.get("displayName")]) if (n) takenTableNames.add(n.toUpperCase());
    maxTableId = Math.max(maxTableId, Number(a.get("id") ?? 0));
  }
  const freePart = (pattern: (n: number) => string) => {
    for (let n = 1; ; n++) if (!pkg.has(pattern(n))) return pattern(n);
  };
  const uniqueTableName = (wanted: string) => {
    const base = wanted.replace(/[^\p{L}\p{N}_.]/gu, "_").replace(/^(?=[\p{N}.])/u, "_");
    let name = base;
    for (let i = 2; takenTableNames.has(name.toUpperCase()); i++) name = `${base}_${i}`;
    takenTableNames.add(name.toUpperCase());
    return name;
  };
  const usedRelIds = new Set(wbRels.map((r) => r.id));
  let maxSheetId = Math.max(0, ...[...sheets.values()].map((s) => s.sheetId));

  // Phase 2: sheets, in the order the command touched them.
  for (const [name, change] of plan.sheets) {
    let entry = sheets.get(name);
    if (change.kind === "edit") {
      if (!entry) continue;
      let xml = pkg.text(entry.part);
      if (xml === null) throw new SaveError(`sheet part missing: ${entry.part}`);
      xml = editSheetCells(xml, change.cells, styles, date1904, report);
      if (change.highlight) xml = replaceHighlights(xml, change.highlight, styles);
      pkg.setText(entry.part, xml);
      continue;
    }
    if (!entry) {
      const part = freePart((n) => `${wbDir ? `${wbDir}/` : ""}worksheets/sheet${n}.xml`);
      let rId = "";
      for (let n = 1; !rId; n++) if (!usedRelIds.has(`rId${n}`)) rId = `rId${n}`;
      usedRelIds.add(rId);
      entry = { name, sheetId: ++maxSheetId, rId, part };
      sheets.set(name, entry);
      wbRelsXml = wbRelsXml!.replace(/<\/(\w+:)?Relationships>\s*$/u, (end) =>
        `<Relationship Id="${rId}" Type="${REL.worksheet}" Target="${escapeAttr(relativeTarget(wbDir, part))}"/>${end}`);
      wbXml = addSheetElement(wbXml!, name, entry.sheetId, rId);
      addOverride(part, CONTENT_TYPE.worksheet);
    }
    const sheetRelsPart = relsPartOf(entry.part);
    const tableIds: string[] = [];
    const rels: string[] = [];
    for (const t of change.sheet.tables) {
      const part = freePart((n) => `xl/tables/table${n}.xml`);
      const rId = `rId${tableIds.length + 1}`;
      pkg.setText(part, tableXml(t, ++maxTableId, uniqueTableName(t.name)));
      addOverride(part, CONTENT_TYPE.table);
      tableIds.push(rId);
      rels.push(`<Relationship Id="${rId}" Type="${REL.table}" Target="${escapeAttr(relativeTarget(partDir(entry.part), part))}"/>`);
    }
    let drawingRelId: string | undefined;
    if (change.sheet.chart) {
      const drawing = freePart((n) => `xl/drawings/drawing${n}.xml`);
      const chartPart = freePart((n) => `xl/charts/chart${n}.xml`);
      pkg.setText(drawing, drawingXml(change.sheet.chart));
      pkg.setText(chartPart, chartXml(change.sheet.chart, name));
      pkg.setText(relsPartOf(drawing), `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL.chart}" Target="${escapeAttr(relativeTarget(partDir(drawing), chartPart))}"/></Relationships>`);
      addOverride(drawing, CONTENT_TYPE.drawing);
      addOverride(chartPart, CONTENT_TYPE.chart);
      drawingRelId = `rId${tableIds.length + 1}`;
      rels.push(`<Relationship Id="${drawingRelId}" Type="${REL.drawing}" Target="${escapeAttr(relativeTarget(partDir(entry.part), drawing))}"/>`);
    }
    if (change.sheet.print) wbXml = withPrintTitles(wbXml!, name, change.sheet.print.titleRows);
    let xml = newSheetXml(change.sheet, styles, date1904, tableIds, drawingRelId);
    if (change.highlight) xml = replaceHighlights(xml, change.highlight, styles);
    pkg.setText(entry.part, xml);
    if (rels.length > 0) {
      pkg.setText(sheetRelsPart, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join("")}</Relationships>`);
    } else {
      pkg.remove(sheetRelsPart);
    }
  }
  for (const t of [...removedTables, ...removedParts]) if (!pkg.has(t)) removeOverride(t);

  if (report.formulasOverwritten > 0) {
    // Excel rebuilds the calculation chain when it is missing; a stale one makes it repair the file.
    const calc = wbRels.find((r) => r.type === REL.calcChain);
    if (calc) {
      const part = resolveTarget(wbDir, calc.target);
      pkg.remove(part);
      removeOverride(part);
      wbRelsXml = wbRelsXml!.replace(calc.xml, "");
    }
  }
  if (styles.changed) pkg.setText(stylesPart, styles.toXml());
  pkg.setText(wbPart, wbXml!);
  pkg.setText(wbRelsPart, wbRelsXml!);
  pkg.setText(CT_PATH, ctXml!);
  return pkg.write();
}

function isTablePart(ctXml: string, name: string): boolean {
  return ctXml.includes(`PartName="/${name}" ContentType="${CONTENT_TYPE.table}"`);
}

function addSheetElement(wbXml: string, name: string, sheetId: number, rId: string): string {
  const m = /<((?:\w+:)?)sheets\b[^>]*?(\/?)>/u.exec(wbXml);
  if (!m) throw new SaveError("workbook without sheets");
  // The relationships prefix as the root declares it (openpyxl declares it on each sheet instead).
  const root = /<(?:\w+:)?workbook\b[^>]*>/u.exec(wbXml)?.[0] ?? "";
  const relPrefix = /xmlns:(\w+)="http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships"/u.exec(root)?.[1];
  const ns = relPrefix ? "" : ' xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
  const el = `<${m[1]}sheet name="${escapeAttr(name)}" sheetId="${sheetId}"${ns} ${relPrefix ?? "r"}:id="${rId}"/>`;
  if (m[2] === "/") return `${wbXml.slice(0, m.index)}<${m[1]}sheets>${el}</${m[1]}sheets>${wbXml.slice(m.index + m[0].length)}`;
  const end = wbXml.indexOf(`</${m[1]}sheets>`, m.index);
  return wbXml.slice(0, end) + el + wbXml.slice(end);
}
