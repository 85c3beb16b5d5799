/**
 * Writes the report's slides as a 16:9 PowerPoint deck with pptxgenjs: native tables (editable
 * cells) and native charts (editable data), Japanese fonts. Host-independent: it returns the
 * file's bytes, which the CLI writes to disk and the task pane offers as a download.
 */
import PptxGenJS from "pptxgenjs";
import type { SlideChart, SlideSpec, SlideTable } from "./slides";

/** The deck's Japanese font (PowerPoint on Windows and Mac has it; LibreOffice substitutes a CJK font). */
export const REPORT_FONT = "Meiryo UI";

const SLIDE_W = 10;
const MARGIN = 0.3;
const HEADER_FILL = "1F4E79";
const BAND_FILL = "DDEBF7";
const ROW_H = 0.24;

type TableRows = PptxGenJS.TableRow[];

function tableRows(t: SlideTable, fontSize: number): TableRows {
  const header: TableRows = t.header.map((line) =>
    line.map((c) => ({
      text: c.text,
      options: { bold: true, color: "FFFFFF", fill: { color: HEADER_FILL }, align: "center", valign: "middle", fontSize, ...(c.span && c.span > 1 ? { colspan: c.span } : {}) },
    })),
  );
  const body: TableRows = t.rows.map((r, i) =>
    r.map((text, c) => ({ text, options: { align: t.numeric[c] ? "right" : "left", fontSize, ...(i % 2 === 1 ? { fill: { color: BAND_FILL } } : {}) } })),
  );
  return [...header, ...body];
}

/** Column widths in inches for a table `width` wide (relative widths, else equal). */
function columnWidths(t: SlideTable, width: number): number[] {
  const n = t.header[t.header.length - 1].reduce((s, c) => s + (c.span ?? 1), 0);
  const rel = t.widths && t.widths.length === n ? t.widths : Array.from({ length: n }, () => 1);
  const sum = rel.reduce((a, b) => a + b, 0);
  return rel.map((w) => (w / sum) * width);
}

function addChart(pres: PptxGenJS, slide: PptxGenJS.Slide, chart: SlideChart, box: { x: number; y: number; w: number; h: number }): void {
  const data = chart.series.map((s) => ({ name: s.name, labels: chart.labels, values: s.values }));
  const common = {
    ...box,
    showTitle: true,
    title: chart.title,
    titleFontFace: REPORT_FONT,
    titleFontSize: 11,
    showLegend: chart.series.length > 1,
    legendPos: "b" as const,
    legendFontFace: REPORT_FONT,
    legendFontSize: 8,
    catAxisLabelFontFace: REPORT_FONT,
    catAxisLabelFontSize: 8,
    valAxisLabelFontFace: REPORT_FONT,
    valAxisLabelFontSize: 8,
    showValue: true,
    dataLabelFontSize: 7,
    dataLabelFontFace: REPORT_FONT,
    ...(chart.percent ? { valAxisLabelFormatCode: "0%", dataLabelFormatCode: "0.0%" } : { valAxisLabelFormatCode: "#,##0", dataLabelFormatCode: "#,##0" }),
    lang: "ja-JP",
  };
  if (chart.kind === "line") {
    slide.addChart(pres.ChartType.line, data, { ...common, lineDataSymbol: "circle", lineSize: 2, dataLabelPosition: "t" });
  } else {
    slide.addChart(pres.ChartType.bar, data, { ...common, barDir: "bar", dataLabelPosition: "outEnd", barGapWidthPct: 60 });
  }
}

function addSlide(pres: PptxGenJS, spec: SlideSpec): void {
  const slide = pres.addSlide();
  slide.addText(spec.title, { x: MARGIN, y: 0.15, w: SLIDE_W - 2 * MARGIN, h: 0.6, fontFace: REPORT_FONT, fontSize: 15, bold: true, color: HEADER_FILL, valign: "middle", lang: "ja-JP" });
  slide.addShape(pres.ShapeType.line, { x: MARGIN, y: 0.78, w: SLIDE_W - 2 * MARGIN, h: 0, line: { color: HEADER_FILL, width: 1.5 } });
  let y = 0.88;
  if (spec.lead && spec.lead.length > 0) {
    slide.addText(
      spec.lead.map((text) => ({ text, options: { bullet: true, breakLine: true } })),
      { x: MARGIN, y, w: SLIDE_W - 2 * MARGIN, h: 0.28 * spec.lead.length, fontFace: REPORT_FONT, fontSize: 11, lang: "ja-JP" },
    );
    y += 0.3 * spec.lead.length + 0.05;
  }
  const tableWidth = spec.chart ? 4.7 : SLIDE_W - 2 * MARGIN;
  const rowsTotal = spec.tables.reduce((s, t) => s + t.rows.length + t.header.length + (t.caption ? 1 : 0), 0);
  // Smaller text when the tables are long, so that a page of the seed's size fits the slide.
  const fontSize = rowsTotal > 16 ? 7 : rowsTotal > 10 ? 8 : 9;
  const rowH = fontSize <= 7 ? 0.2 : ROW_H;
  const tableTop = y;
  for (const t of spec.tables) {
    if (t.caption) {
      // A full-width character is about one em wide: a long caption takes more than one line.
      const lines = Math.ceil(t.caption.length / Math.max(1, Math.floor((tableWidth * 72) / (fontSize + 1))));
      slide.addText(t.caption, { x: MARGIN, y, w: tableWidth, h: rowH * lines, fontFace: REPORT_FONT, fontSize: fontSize + 1, bold: true, lang: "ja-JP" });
      y += rowH * lines + 0.02;
    }
    slide.addTable(tableRows(t, fontSize), {
      x: MARGIN,
      y,
      w: tableWidth,
      colW: columnWidths(t, tableWidth),
      rowH,
      fontFace: REPORT_FONT,
      fontSize,
      border: { type: "solid", pt: 0.5, color: "8EA9C1" },
      margin: 0.03,
      valign: "middle",
      lang: "ja-JP",
    } as PptxGenJS.TableProps);
    y += rowH * (t.rows.length + t.header.length) + 0.15;
  }
  if (spec.chart) addChart(pres, slide, spec.chart, { x: MARGIN + tableWidth + 0.2, y: tableTop, w: SLIDE_W - 2 * MARGIN - tableWidth - 0.2, h: 5.625 - tableTop - 0.3 });
  if (spec.notes && spec.notes.length > 0) {
    const h = 0.16 * spec.notes.length;
    slide.addText(spec.notes.join("\n"), { x: MARGIN, y: Math.min(Math.max(y, 4.2), 5.625 - h - 0.05), w: tableWidth, h, fontFace: REPORT_FONT, fontSize: 7, color: "404040", valign: "top", lang: "ja-JP" });
  }
}

/** The deck as a .pptx file. */
export async function writeDeck(slides: readonly SlideSpec[], meta: { title: string }): Promise<Uint8Array> {
  const pres = new PptxGenJS();
  pres.layout = "LAYOUT_16x9";
  pres.title = meta.title;
  pres.subject = "報告資料";
  pres.author = "オン資トラッカー";
  pres.company = "";
  pres.theme = { headFontFace: REPORT_FONT, bodyFontFace: REPORT_FONT };
  for (const s of slides) addSlide(pres, s);
  // pptxgenjs 4 deflates only when it returns a Node stream buffer or, in a browser, a Blob from its
  // exportPresentation (write() never asks for compression): every other way stores the parts
  // uncompressed (a 15-slide deck: 1.9 MB instead of 0.1 MB). The e2e test checks the pane's size.
  if (typeof document === "undefined") {
    const buffer = (await pres.stream({ compression: true })) as Uint8Array;
    return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  }
  const exporter = pres as unknown as { exportPresentation?: (p: { compression: boolean }) => Promise<Blob> };
  if (typeof exporter.exportPresentation === "function") {
    const blob = await exporter.exportPresentation({ compression: true });
    if (blob instanceof Blob) return new Uint8Array(await blob.arrayBuffer());
  }
  return (await pres.write({ outputType: "uint8array" })) as Uint8Array;
}
