import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { readableCopy } from "./src/workbook/xlsx/package/readable";
const data = readFileSync(process.argv[2]);
const copy = readableCopy(new Uint8Array(data));
const b = new ExcelJS.Workbook();
try { await b.xlsx.load(copy as any); console.log("ok"); } catch (e) { console.log((e as Error).stack?.split("\n").slice(0,6).join("\n")); }
