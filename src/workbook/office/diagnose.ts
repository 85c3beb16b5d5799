/**
 * 設定 › 診断: runs each capability the add-in uses on a temporary sheet of the open book through
 * the adapter itself (chunked write and read, number formats, a table, conditional formats, a chart,
 * the undo group where ExcelApi 1.20 exists), reports whether Excel.createWorkbook is available, and
 * removes the sheet. The result is plain data: the screen shows it and offers it as text to copy.
 */
import { dateOut } from "../../domain/cell";
import { isoToSerial } from "../../domain/dates";
import type { GeneratedSheet } from "../../domain/writes";
import { createOfficeWorkbook, type ExcelRun } from "./adapter";

export interface DiagnosisItem {
  label: string;
  /** true ✓, false ✗, null: not available on this Excel (shown as —). */
  ok: boolean | null;
  detail: string;
}

export interface Diagnosis {
  host: string;
  platform: string;
  version: string;
  excelApi: string;
  items: DiagnosisItem[];
}

export interface DiagnoseEnv {
  run: ExcelRun;
  isSetSupported: (name: string, version: string) => boolean;
  /** Office.context.diagnostics (host, platform, version), when Office offers it. */
  diagnostics: { host?: string; platform?: string; version?: string } | null;
  createWorkbookAvailable: boolean;
}

const ROWS = 3_000;

/** The highest ExcelApi 1.x the host reports (probed from 1.20 down). */
export function highestExcelApi(isSetSupported: (name: string, version: string) => boolean): string {
  for (let minor = 20; minor >= 1; minor--) if (isSetSupported("ExcelApi", `1.${minor}`)) return `1.${minor}`;
  return "—";
}

export async function diagnoseExcel(env: DiagnoseEnv): Promise<Diagnosis> {
  const sheetName = `オン資診断_${Date.now().toString(36)}`;
  // A small budget so that the write is cut into several requests, as a large book's would be.
  const port = createOfficeWorkbook(env.run, { isSetSupported: env.isSetSupported, payloadBudgetBytes: 32 * 1024 });
  const items: DiagnosisItem[] = [];
  const step = async (label: string, body: () => Promise<string>): Promise<void> => {
    try {
      items.push({ label, ok: true, detail: await body() });
    } catch (e) {
      const err = e as { code?: unknown; message?: unknown };
      items.push({ label, ok: false, detail: String(err?.code ?? err?.message ?? e) });
    }
  };
  const rows = Array.from({ length: ROWS }, (_, i) => [`行${i + 1}`, dateOut("2025-02-04"), i]);
  const sheet: GeneratedSheet = {
    name: sheetName,
    blocks: [{ header: ["名前", "基準日", "数"], rows, formats: [undefined, "yyyy/m/d", "#,##0"], tableName: `${sheetName}_表` }],
    chart: { title: "診断", block: 0, category: "基準日", series: ["数"] },
    freezeHeader: true,
  };
  let created = false;
  await step("書き込み（分割）・表・表示形式・グラフ", async () => {
    await port.commit({ sheets: [sheet] });
    created = true;
    return `${ROWS.toLocaleString("en-US")} 行`;
  });
  await step("読み込み", async () => {
    const grid = (await port.readSheets([sheetName])).get(sheetName);
    const last = grid?.values[ROWS];
    if (!grid || grid.values.length !== ROWS + 1 || last?.[0] !== `行${ROWS}` || last?.[1] !== isoToSerial("2025-02-04")) {
      throw new Error("読み戻した値が書き込んだ値と違います");
    }
    if (grid.formats?.[1]?.[1] !== "yyyy/m/d") throw new Error("表示形式が違います");
    return `${(grid.values.length * 3).toLocaleString("en-US")} セル`;
  });
  await step("条件付き書式", async () => {
    await port.commit({
      highlights: [{ sheet: sheetName, firstRow: 2, lastRow: ROWS + 1, lastCol: 3, rules: [{ formula: "=$C2<0", fill: "#FFC7CE", label: "診断" }] }],
    });
    return "追加";
  });
  const undo = env.isSetSupported("ExcelApi", "1.20");
  items.push({
    label: "元に戻すグループ（mergeUndoGroup）",
    ok: undo ? items.every((i) => i.ok) : null,
    detail: undo ? "ExcelApi 1.20" : "ExcelApi 1.20 が必要（各同期が別の元に戻す操作になります）",
  });
  items.push({
    label: "新しいブックを開く（createWorkbook）",
    ok: env.createWorkbookAvailable ? true : null,
    detail: env.createWorkbookAvailable ? "ExcelApi 1.8" : "この Excel では使えません（共有は CLI で）",
  });
  // Remove the sheet (also after a failure part-way).
  await step("一時シートの削除", async () => {
    await env.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItemOrNullObject(sheetName);
      ws.load("name");
      await ctx.sync();
      if (!ws.isNullObject) {
        ws.delete();
        await ctx.sync();
      }
    });
    return created ? "削除しました" : "作成されていません";
  });
  const d = env.diagnostics ?? {};
  return {
    host: d.host ?? "不明",
    platform: d.platform ?? "不明",
    version: d.version ?? "不明",
    excelApi: highestExcelApi(env.isSetSupported),
    items,
  };
}

/** The report as text for support: one line per capability. */
export function diagnosisText(d: Diagnosis): string {
  const mark = (ok: boolean | null): string => (ok === true ? "✓" : ok === false ? "✗" : "—");
  return [
    `オン資トラッカー 診断`,
    `ホスト: ${d.host} / プラットフォーム: ${d.platform} / バージョン: ${d.version} / ExcelApi: ${d.excelApi}`,
    ...d.items.map((i) => `${mark(i.ok)} ${i.label}: ${i.detail}`),
  ].join("\n");
}
