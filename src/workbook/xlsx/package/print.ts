/**
 * Print titles of the generated sheets: Excel keeps them as the defined name `_xlnm.Print_Titles`
 * scoped to the sheet (localSheetId = the sheet's position in workbook.xml). Only that one name
 * of that one sheet is replaced; every other defined name stays byte for byte.
 */
import { escapeAttr } from "./opc";

/** `'シート名'!$1:$3` (quotes doubled inside the name). */
export const printTitlesRef = (sheet: string, first: number, last: number): string => `'${sheet.replace(/'/g, "''")}'!$${first}:$${last}`;

/** workbook.xml with the sheet's print titles set to rows first..last, or removed when `rows` is null. */
export function withPrintTitles(wbXml: string, sheet: string, rows: { first: number; last: number } | null): string {
  const sheetsBlock = /<((?:\w+:)?)sheets\b[^>]*>([\s\S]*?)<\/\1sheets>/u.exec(wbXml);
  if (!sheetsBlock) return wbXml;
  const p = sheetsBlock[1];
  const names = [...sheetsBlock[2].matchAll(/<(?:\w+:)?sheet\b[^>]*?\bname="([^"]*)"/gu)].map((m) => m[1]);
  const index = names.indexOf(escapeAttr(sheet));
  if (index < 0) return wbXml;
  const own = new RegExp(`<${p}definedName\\b(?=[^>]*\\bname="_xlnm\\.Print_Titles")(?=[^>]*\\blocalSheetId="${index}")[^>]*>[^<]*</${p}definedName>`, "u");
  let xml = wbXml.replace(own, "");
  if (!rows) return xml.replace(new RegExp(`<${p}definedNames>\\s*</${p}definedNames>`, "u"), "");
  const el = `<${p}definedName name="_xlnm.Print_Titles" localSheetId="${index}">${escapeAttr(printTitlesRef(sheet, rows.first, rows.last))}</${p}definedName>`;
  const close = `</${p}definedNames>`;
  if (xml.includes(close)) return xml.replace(close, `${el}${close}`);
  const selfClosed = new RegExp(`<${p}definedNames\\s*/>`, "u");
  if (selfClosed.test(xml)) return xml.replace(selfClosed, `<${p}definedNames>${el}${close}`);
  // definedNames follows sheets (and externalReferences, if any) in CT_Workbook.
  const afterSheets = `</${p}sheets>`;
  const ext = xml.lastIndexOf(`</${p}externalReferences>`);
  const at = ext >= 0 ? ext + `</${p}externalReferences>`.length : xml.indexOf(afterSheets) + afterSheets.length;
  xml = `${xml.slice(0, at)}<${p}definedNames>${el}${close}${xml.slice(at)}`;
  return xml;
}
