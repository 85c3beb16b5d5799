/**
 * The first worksheet of an .xlsx file as text rows, for `import` (SPEC §6): every cell as the
 * text the list shows, so codes keep their leading zeros (a number formatted `00000000` is padded)
 * and dates read as `yyyy/m/d`.
 */
import ExcelJS from "exceljs";

const ZEROS = /^0+$/u;

function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return `${v.getUTCFullYear()}/${v.getUTCMonth() + 1}/${v.getUTCDate()}`;
  if (typeof v === "number") {
    const fmt = cell.numFmt ?? "";
    const s = String(v);
    return ZEROS.test(fmt) && Number.isInteger(v) ? s.padStart(fmt.length, "0") : s;
  }
  if (typeof v === "object" && "result" in v) return v.result === undefined || v.result === null ? "" : String(v.result);
  return cell.text;
}

export async function xlsxTextRows(bytes: Uint8Array): Promise<string[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const ws = book.worksheets[0];
  if (!ws) return [];
  const rows: string[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, c) => (cells[c - 1] = cellText(cell)));
    for (let i = 0; i < cells.length; i++) cells[i] ??= "";
    rows[n - 1] = cells;
  });
  for (let i = 0; i < rows.length; i++) rows[i] ??= [];
  return rows.filter((r) => r.some((c) => c !== ""));
}
