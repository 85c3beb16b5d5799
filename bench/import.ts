/**
 * Import of a 100,000-row Payment Fund file (SPEC §6) against reading the same rows from .xlsx with
 * ExcelJS (the CLI's read path). Goal: import ≤ 2 × the .xlsx read. Run by `npm run bench` (or
 * alone: `npx tsx bench/import.ts [--rows 100000]`); prints a Markdown section.
 */
import { parseArgs } from "node:util";
import Encoding from "encoding-japanese";
import { importFile } from "../src/commands/importFile";
import { makeOfficeCode } from "../src/domain/codes";
import { buildXlsx, loadXlsxBuffer } from "../src/workbook/xlsx/adapter";
import { xlsxTextRows } from "../src/workbook/xlsx/textRows";

const { values } = parseArgs({ options: { rows: { type: "string", default: "100000" }, runs: { type: "string", default: "3" } } });
const n = Number(values.rows);
const runs = Math.max(1, Number(values.runs));

const header = ["保険者コード", "被保険者番号", "氏名", "氏名カナ", "生年月日", "性別", "住所", "エラーコード"];
const rows: string[][] = [header];
for (let i = 0; i < n; i++) {
  rows.push([makeOfficeCode("12", 1 + (i % 47), i % 1000), `J${String(i).padStart(7, "0")}`, i % 10 === 3 ? "架空\n太郎" : "見本 花子", "ミホン ハナコ", "1980/4/1", i % 2 ? "男性" : "女性", `架空県架空市本町${i % 50}丁目, ${i}番地`, i % 3 ? "Z04" : "Z09"]);
}
const quote = (s: string) => (/[",\r\n]/u.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
const text = `${rows.map((r) => r.map(quote).join(",")).join("\r\n")}\r\n`;
const utf8 = new TextEncoder().encode(text);
const sjis = Uint8Array.from(Encoding.convert(Encoding.stringToCode(text), { to: "SJIS", from: "UNICODE" }));
const xlsxBytes = new Uint8Array(await buildXlsx([{ name: "一覧", rows }]).book.xlsx.writeBuffer());
const masterRows = [["保険者コード", "福祉事務所名", "被保護者数", "資格情報登録開始日"], [makeOfficeCode("12", 1, 1), "架空市福祉事務所", 100, null]];

async function time(f: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await f();
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
}

const read = await time(async () => {
  const book = await loadXlsxBuffer(xlsxBytes);
  await book.readSheets(["一覧"]);
});
const importInto = (fileName: string, bytes: Uint8Array) => () => importFile(buildXlsx([{ name: "マスタ", rows: masterRows }]), { fileName, bytes, readXlsx: xlsxTextRows });
const csvSjis = await time(importInto("エラー明細_20250204.csv", sjis));
const csvUtf8 = await time(importInto("エラー明細_20250204.csv", utf8));
const xlsx = await time(importInto("エラー明細_20250204.xlsx", xlsxBytes));

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const r = (ms: number) => (ms / read).toFixed(2);
const mb = (b: number) => `${(b / 1024 / 1024).toFixed(1)} MB`;
process.stdout.write(
  [
    "",
    `## Import of a Payment Fund file (${n.toLocaleString("en-US")} rows, median of ${runs})`,
    "",
    "Import = decode + CSV parse + kind/date + validation of the new sheet + writing it (into the CLI's in-memory book; saving not included). Goal: ≤ 2 × the ExcelJS read of the same rows from .xlsx.",
    "",
    "| input | size | time | ÷ .xlsx read | goal |",
    "|---|---|---|---|---|",
    `| .xlsx read (ExcelJS, the floor) | ${mb(xlsxBytes.length)} | ${s(read)} | 1.00 | |`,
    `| import CSV Shift_JIS | ${mb(sjis.length)} | ${s(csvSjis)} | ${r(csvSjis)} | ${csvSjis <= 2 * read ? "met" : "**missed**"} |`,
    `| import CSV UTF-8 | ${mb(utf8.length)} | ${s(csvUtf8)} | ${r(csvUtf8)} | ${csvUtf8 <= 2 * read ? "met" : "**missed**"} |`,
    `| import .xlsx | ${mb(xlsxBytes.length)} | ${s(xlsx)} | ${r(xlsx)} | ${xlsx <= 2 * read ? "met" : "**missed**"} |`,
    "",
  ].join("\n"),
);
