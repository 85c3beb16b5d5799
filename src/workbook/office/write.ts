/**
 * Writing for the Office adapter. A commit takes one sync to look at the target sheets (existence,
 * used range, tables, charts, our conditional formats) and then sends every write as units packed
 * into as few requests as the payload budget allows (see pack.ts). Generated sheets are laid out by
 * the domain's layoutSheet and highlights marked by its markedFormula, as in the other adapters.
 */
import { cellAddress } from "../../domain/schema/table";
import {
  isOwnHighlightFormula,
  layoutSheet,
  markedFormula,
  printSetupOf,
  type AppendRows,
  type GeneratedSheet,
  type HighlightSpec,
  type RangeWrite,
  type WriteBatch,
} from "../../domain/writes";
import { gridUnits, op, sendUnits, type Unit } from "./pack";
import { guardText } from "../../domain/guard";
import { byteLength, HostError, lower, toRaw } from "./values";

/** What writing needs from the adapter: Excel.run, its options and the request budget. */
export interface ExcelWriter {
  run: typeof Excel.run;
  runOptions: (forWrite: boolean) => Excel.RunOptions;
  payloadBudgetBytes: number;
}

/** Column width in points for a width in characters (Calibri 11: 7 px a character + 5 px). */
const pointsForChars = (chars: number): number => Math.round((chars * 7 + 5) * 0.75 * 100) / 100;

/** What the prepare sync finds out about one target sheet. */
interface SheetProbe {
  sheet: Excel.Worksheet;
  tables?: Excel.TableCollection;
  charts?: Excel.ChartCollection;
  used?: Excel.Range;
  conditionalFormats?: Excel.ConditionalFormatCollection;
}

export async function commit(excel: ExcelWriter, batch: WriteBatch): Promise<void> {
  const { run, runOptions } = excel;
  const ranges = batch.ranges ?? [];
  const appends = batch.appends ?? [];
  const sheets = batch.sheets ?? [];
  const highlights = batch.highlights ?? [];
  const guards = batch.guards ?? [];
  if (ranges.length + appends.length + sheets.length + highlights.length === 0) return;

  await run(runOptions(true), async (ctx) => {
    const suspend = (): void => {
      const app = ctx.workbook.application as Excel.Application & { suspendApiCalculationUntilNextSync?: () => void };
      if (typeof app.suspendApiCalculationUntilNextSync === "function") app.suspendApiCalculationUntilNextSync();
    };

    // 1. Prepare: one sync to learn what exists on the sheets we append to, replace or highlight.
    const probes = new Map<string, SheetProbe>();
    const probe = (name: string): SheetProbe => {
      let p = probes.get(lower(name));
      if (!p) {
        const sheet = ctx.workbook.worksheets.getItemOrNullObject(name);
        sheet.load("name");
        p = { sheet };
        probes.set(lower(name), p);
      }
      return p;
    };
    for (const g of sheets) {
      const p = probe(g.name);
      p.sheet.load("visibility");
      p.tables ??= p.sheet.tables.load("items/name");
      p.charts ??= p.sheet.charts.load("items/name");
    }
    for (const a of appends) {
      const p = probe(a.sheet);
      p.used ??= p.sheet.getUsedRangeOrNullObject(true).load("rowIndex,rowCount");
    }
    for (const h of highlights) {
      const p = probe(h.sheet);
      p.conditionalFormats ??= p.sheet
        .getRange()
        .conditionalFormats.load("items/type,items/customOrNullObject/rule/formula");
    }
    // The rows the command read may have moved since (a sort, a co-author, an edit Excel waited
    // for): their codes are read in this same request and compared before anything is written.
    const guarded = guards
      .filter((g) => g.rows.length > 0)
      .map((g) => {
        const first = Math.min(...g.rows.map((r) => r.row));
        const last = Math.max(...g.rows.map((r) => r.row));
        const range = ctx.workbook.worksheets.getItem(g.sheet).getRangeByIndexes(first - 1, g.col - 1, last - first + 1, 1).load("values");
        return { g, first, range };
      });
    // A protected sheet refuses writes part-way through the commit: find it before writing anything.
    // (A batch that writes cells of one sheet only and needs no other look first skips this request:
    // there Excel refuses the very first write, so nothing is applied either.)
    const written = new Set([...ranges.map((w) => w.sheet), ...appends.map((a) => a.sheet), ...sheets.map((g) => g.name), ...highlights.map((h) => h.sheet)].map(lower));
    const lookFirst = probes.size > 0 || guarded.length > 0 || written.size > 1;
    const protections = [...(lookFirst ? written : [])].map((key) => {
      const p = probes.get(key) ?? probe([...ranges.map((w) => w.sheet), ...appends.map((a) => a.sheet)].find((n) => lower(n) === key) ?? key);
      return { p, protection: p.sheet.protection.load("protected") };
    });
    if (probes.size + guarded.length > 0) await syncFirstLook(ctx, highlights.map((h) => h.sheet));
    for (const { p, protection } of protections) {
      if (!p.sheet.isNullObject && protection.protected) {
        throw new HostError(`シート「${p.sheet.name}」は保護されているため書き込めません。［校閲］›［シート保護の解除］の後でもう一度実行してください。何も書き込んでいません。`);
      }
    }
    for (const { g, first, range } of guarded) {
      const moved = g.rows.find((r) => guardText(toRaw(range.values[r.row - first][0])) !== r.text);
      if (moved) {
        const now = guardText(toRaw(range.values[moved.row - first][0]));
        throw new HostError(
          `「${g.sheet}」の ${moved.row} 行目の保険者コードが、読み込んだ後に変わりました（${moved.text || "空欄"} → ${now || "空欄"}）。並べ替えや編集があったため、何も書き込んでいません。もう一度実行してください。`,
        );
      }
    }
    const exists = (name: string): boolean => {
      const p = probes.get(lower(name));
      return p !== undefined && !p.sheet.isNullObject;
    };
    for (const h of highlights) {
      if (!exists(h.sheet)) throw new Error(`cannot highlight: sheet ${h.sheet} does not exist`);
    }

    // 2. Build every write, in the port's order: ranges, appends, sheets, highlights.
    const units: Unit[] = [];
    for (const w of ranges) units.push(...rangeUnits(w));
    // Appends go below the used range as it will be after this batch's range writes.
    const appendNext = new Map<string, number>();
    for (const w of ranges) {
      const key = lower(w.sheet);
      if (!appends.some((a) => lower(a.sheet) === key) || w.values.length === 0) continue;
      const p = probes.get(key) as SheetProbe;
      if (p.sheet.isNullObject) continue;
      const used = !p.sheet.isNullObject && p.used && !p.used.isNullObject ? p.used.rowIndex + p.used.rowCount : 0;
      appendNext.set(key, Math.max(appendNext.get(key) ?? used, w.row - 1 + w.values.length));
    }
    for (const a of appends) units.push(...appendUnits(a, probes.get(lower(a.sheet)) as SheetProbe, appendNext));
    const generated = new Set(sheets.map((g) => lower(g.name)));
    for (const g of sheets) units.push(...generatedUnits(g, probes.get(lower(g.name)) as SheetProbe));
    for (const h of highlights) {
      units.push(...highlightUnits(h, probes.get(lower(h.sheet)) as SheetProbe, generated.has(lower(h.sheet))));
    }

    // Our earlier highlight rules overlap each other (優先 and 遅延 cover the same rows), and Excel
    // fails with ItemNotFound when a second overlapping custom rule is deleted in the same request
    // (office-js #5222, #6827, #6835): all but one are deleted one request each, the last one with
    // the new rules.
    for (const h of highlights) {
      const ours = ownRules(probes.get(lower(h.sheet)) as SheetProbe, generated.has(lower(h.sheet)));
      for (const cf of ours.slice(1)) {
        cf.delete();
        await ctx.sync();
      }
    }

    // 3. Send them in as few requests as the payload budget allows.
    try {
      await sendUnits(ctx, units, excel.payloadBudgetBytes, suspend);
    } catch (e) {
      if ((e as { code?: unknown })?.code === "AccessDenied" && !lookFirst) {
        throw new HostError(`シート「${ranges[0]?.sheet ?? ""}」は保護されているため書き込めません。［校閲］›［シート保護の解除］の後でもう一度実行してください。何も書き込んでいません。`);
      }
      throw e;
    }
  });
}

function rangeUnits(w: RangeWrite): Unit[] {
  if (w.row < 1 || w.col < 1) throw new Error(`range write outside the sheet: ${w.sheet} R${w.row}C${w.col}`);
  return gridUnits({ sheet: w.sheet, row0: w.row - 1, col0: w.col - 1, cells: w.values, formats: w.formats });
}

function appendUnits(a: AppendRows, p: SheetProbe, next: Map<string, number>): Unit[] {
  const units: Unit[] = [];
  const key = lower(a.sheet);
  let row = next.get(key);
  if (row === undefined) {
    const exists = !p.sheet.isNullObject;
    if (!exists) units.push(op(byteLength(a.sheet), (ctx) => void ctx.workbook.worksheets.add(a.sheet)));
    const used = exists && p.used && !p.used.isNullObject ? p.used : undefined;
    if (used) row = used.rowIndex + used.rowCount;
    else {
      units.push(...gridUnits({ sheet: a.sheet, row0: 0, col0: 0, cells: [a.header], bold: true }));
      row = 1;
    }
  }
  units.push(...gridUnits({ sheet: a.sheet, row0: row, col0: 0, cells: a.rows, formats: a.formats }));
  next.set(key, row + a.rows.length);
  return units;
}

function generatedUnits(g: GeneratedSheet, p: SheetProbe): Unit[] {
  const units: Unit[] = [];
  const name = g.name;
  const hidden = !p.sheet.isNullObject && p.sheet.visibility !== "Visible";
  if (p.sheet.isNullObject) {
    units.push(op(byteLength(name), (ctx) => void ctx.workbook.worksheets.add(name)));
  } else {
    // Clear in place: deleting the sheet would also clear the user's undo stack.
    const tables = p.tables?.items ?? [];
    const charts = p.charts?.items ?? [];
    units.push(
      op(100 * (tables.length + charts.length), (ctx) => {
        for (const t of tables) t.delete();
        for (const c of charts) c.delete();
        const ws = ctx.workbook.worksheets.getItem(name);
        ws.getRange().conditionalFormats.clearAll();
        ws.getRange().clear("All");
        ws.freezePanes.unfreeze();
      }),
    );
  }

  const layout = layoutSheet(g);
  g.blocks.forEach((b, bi) => {
    const at = layout.blocks[bi];
    if (at.titleRow !== null) units.push(...gridUnits({ sheet: name, row0: at.titleRow, col0: 0, cells: [[b.title ?? ""]], bold: true }));
    units.push(...gridUnits({ sheet: name, row0: at.headerRow, col0: 0, cells: [b.header], bold: true }));
    units.push(...gridUnits({ sheet: name, row0: at.firstDataRow, col0: 0, cells: b.rows, formats: b.formats }));
    const tableName = at.table;
    if (tableName !== null) {
      const rows = b.rows.length;
      units.push(
        op(byteLength(tableName), (ctx) => {
          const ws = ctx.workbook.worksheets.getItem(name);
          const table = ws.tables.add(ws.getRangeByIndexes(at.headerRow, 0, rows + 1, at.width), true);
          table.name = tableName;
        }),
      );
    }
    (b.notes ?? []).forEach((note, k) => units.push(...gridUnits({ sheet: name, row0: at.noteRows[k], col0: 0, cells: [[note]] })));
  });

  const widths = g.widths ?? [];
  if (widths.length > 0 || g.freezeHeader) {
    units.push(
      op(20 * widths.length, (ctx) => {
        const ws = ctx.workbook.worksheets.getItem(name);
        widths.forEach((w, c) => {
          if (w !== undefined && w !== null && w > 0) ws.getRangeByIndexes(0, c, 1, 1).format.columnWidth = pointsForChars(w);
        });
        // A sheet the user hid stays hidden (its contents are still rebuilt); Excel cannot freeze
        // panes on a hidden sheet (office-js #1463), so it is left unfrozen until shown and rebuilt.
        if (layout.freezeRows > 0 && !hidden) ws.freezePanes.freezeRows(layout.freezeRows);
      }),
    );
  }

  units.push(printUnit(name, g, layout));

  const chart = g.chart;
  if (chart) {
    const block = g.blocks[chart.block];
    const at = layout.blocks[chart.block];
    if (!block || !at) throw new Error(`chart refers to missing block ${chart.block} on ${name}`);
    const columnOf = (h: string): number => {
      const c = block.header.indexOf(h);
      if (c < 0) throw new Error(`chart column ${h} is not in block ${chart.block} of ${name}`);
      return c;
    };
    const category = columnOf(chart.category);
    const series = chart.series.map(columnOf);
    if (block.rows.length > 0) {
      // The source is the series columns only (header included). The categories are set explicitly
      // on every series: given the 基準日 column in the source, Excel plots its date serials as one
      // more line whenever it takes them for numbers rather than categories.
      const first = Math.min(...series);
      const last = Math.max(...series);
      const rows = block.rows.length + 1;
      units.push(
        op(byteLength(chart.title), (ctx) => {
          const ws = ctx.workbook.worksheets.getItem(name);
          const source = ws.getRangeByIndexes(at.headerRow, first, rows, last - first + 1);
          const added = ws.charts.add("Line", source, "Columns");
          const categories = ws.getRangeByIndexes(at.firstDataRow, category, block.rows.length, 1);
          for (let i = 0; i <= last - first; i++) added.series.getItemAt(i).setXAxisValues(categories);
          added.title.text = chart.title;
          added.setPosition(cellAddress(at.headerRow + 1, at.width + 2), cellAddress(at.headerRow + 16, at.width + 9));
        }),
      );
    }
  }
  return units;
}

/** Landscape, one page wide, title rows, page breaks between tables, 基準日 in the header (ExcelApi 1.9). */
function printUnit(name: string, g: GeneratedSheet, layout: ReturnType<typeof layoutSheet>): Unit {
  const p = printSetupOf(g, layout);
  return op(200 + byteLength(p.rightHeader) + 20 * p.breaksAfter.length, (ctx) => {
    const ws = ctx.workbook.worksheets.getItem(name);
    const page = ws.pageLayout;
    page.orientation = p.landscape ? "Landscape" : "Portrait";
    page.zoom = { horizontalFitToPages: p.fitToWidth, verticalFitToPages: 0 };
    if (p.titleRows) page.setPrintTitleRows(`$${p.titleRows.first}:$${p.titleRows.last}`);
    const all = page.headersFooters.defaultForAllPages;
    all.leftHeader = p.leftHeader;
    all.rightHeader = p.rightHeader;
    all.centerFooter = p.centerFooter;
    ws.horizontalPageBreaks.removePageBreaks();
    // Office adds a break above the range given: the row after the one that ends the page.
    for (const row of p.breaksAfter) ws.horizontalPageBreaks.add(`A${row + 1}`);
  });
}

/** Said when our highlight sheet holds a rule Excel cannot read since an undo (office-js #6396). */
export const UNREADABLE_RULES_MESSAGE =
  "条件付き書式を読み取れませんでした。条件付き書式の削除を［元に戻す］で取り消した後に起きる Excel の既知の不具合です。ブックを保存して開き直してから、もう一度実行してください。何も書き込んでいません。";

/**
 * The commit's first look (nothing is written yet). An ItemNotFound there that a look at the
 * highlight sheets' rules alone reproduces is office-js #6396 (a rule restored by Ctrl+Z cannot be
 * read until the book is reopened): said plainly instead of an unexpected error.
 */
async function syncFirstLook(ctx: Excel.RequestContext, highlightSheets: readonly string[]): Promise<void> {
  try {
    await ctx.sync();
  } catch (e) {
    if ((e as { code?: unknown })?.code !== "ItemNotFound" || highlightSheets.length === 0) throw e;
    if (await rulesUnreadable(ctx, highlightSheets)) throw new HostError(UNREADABLE_RULES_MESSAGE);
    throw e;
  }
}

async function rulesUnreadable(ctx: Excel.RequestContext, sheets: readonly string[]): Promise<boolean> {
  try {
    for (const name of sheets) ctx.workbook.worksheets.getItem(name).getRange().conditionalFormats.load("items/type");
    await ctx.sync();
    return false;
  } catch (e) {
    return (e as { code?: unknown })?.code === "ItemNotFound";
  }
}

/** Our highlight rules found on the sheet (none when the batch rebuilds the sheet anyway). */
function ownRules(p: SheetProbe, clearedInBatch: boolean): Excel.ConditionalFormat[] {
  if (clearedInBatch) return [];
  return (p.conditionalFormats?.items ?? []).filter(
    (cf) => cf.type === "Custom" && !cf.customOrNullObject.isNullObject && isOwnHighlightFormula(cf.customOrNullObject.rule.formula),
  );
}

function highlightUnits(h: HighlightSpec, p: SheetProbe, clearedInBatch: boolean): Unit[] {
  // The others were deleted one request each before the writes (see commit).
  const ours = ownRules(p, clearedInBatch).slice(0, 1);
  const rows = h.lastRow - h.firstRow + 1;
  const rules = rows > 0 && h.lastCol > 0 ? h.rules : [];
  return [
    op(
      rules.reduce((n, r) => n + byteLength(r.formula) + r.fill.length + 200, 40 * ours.length),
      (ctx) => {
        for (const cf of ours) cf.delete();
        if (rules.length === 0) return;
        const range = ctx.workbook.worksheets.getItem(h.sheet).getRangeByIndexes(h.firstRow - 1, 0, rows, h.lastCol);
        // Excel puts each new rule at the top priority, so add the last rule first.
        for (const rule of [...rules].reverse()) {
          const cf = range.conditionalFormats.add("Custom");
          cf.custom.rule.formula = markedFormula(rule.formula);
          cf.custom.format.fill.color = rule.fill;
        }
      },
    ),
  ];
}
