/**
 * Books with the features Excel, LibreOffice and openpyxl write and ExcelJS does not model, built
 * by code: the OOXML parts are written directly (zipped with fflate) so that each feature is there
 * exactly as those tools write it — charts, images, notes on empty cells (comments + VML), threaded
 * comments, data validation, an auto-filter with criteria and hidden rows, furigana, defined names,
 * a pivot table with its cache, an Excel table, hyperlinks, an external link, custom XML, document
 * properties, a calculation chain and shared VLOOKUP formulas; optionally the 1904 date system and
 * an .xlsm with a vbaProject.bin.
 */
import { zipSync } from "fflate";
import { makeOfficeCode } from "../../src/domain/codes";

export const code = (i: number) => makeOfficeCode("12", 13, i);

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PR = "http://schemas.openxmlformats.org/package/2006/relationships";
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';
const CT = "application/vnd.openxmlformats-officedocument";

/** A 1×1 PNG. */
const PNG = Uint8Array.from(atob("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="), (c) => c.charCodeAt(0));

const rels = (items: [string, string, string, boolean?][]) =>
  `${HEAD}<Relationships xmlns="${PR}">${items
    .map(([id, type, target, ext]) => `<Relationship Id="${id}" Type="${type.startsWith("http") ? type : `${R}/${type}`}" Target="${target}"${ext ? ' TargetMode="External"' : ""}/>`)
    .join("")}</Relationships>`;

const s = (text: string) => `t="inlineStr"><is><t>${text}</t></is>`;

export interface FeatureBookOptions {
  date1904?: boolean;
  macro?: boolean;
}

/** Serial of 2024-11-01 in the 1900 system. */
const NOV_1 = 45597;

export function featureBook(o: FeatureBookOptions = {}): Uint8Array {
  const serial = NOV_1 - (o.date1904 ? 1462 : 0);
  // マスタ: shared strings with furigana for the office names, a shared VLOOKUP in D2:D4, notes on
  // empty cells, a threaded comment, validation F2:F200, a filter on F with row 6 hidden, a link.
  const master =
    `${HEAD}<worksheet xmlns="${MAIN}" xmlns:r="${R}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" mc:Ignorable="x14ac">` +
    '<sheetPr filterMode="1"/><dimension ref="A1:G6"/><sheetViews><sheetView tabSelected="1" workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="B2" sqref="B2"/></sheetView></sheetViews>' +
    '<sheetFormatPr defaultRowHeight="18.75" x14ac:dyDescent="0.4"/><cols><col min="2" max="2" width="24.5" customWidth="1"/></cols><sheetData>' +
    '<row r="1" spans="1:7" x14ac:dyDescent="0.4"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c><c r="F1" t="s"><v>5</v></c><c r="G1" t="s"><v>6</v></c></row>' +
    `<row r="2" spans="1:7" x14ac:dyDescent="0.4"><c r="A2" ${s(code(1))}</c><c r="B2" t="s"><v>7</v></c><c r="C2"><v>90000</v></c><c r="D2" s="1" t="str"><f t="shared" ref="D2:D4" si="0">IFERROR(VLOOKUP(A2,参照!$A$1:$B$10,2,FALSE),"")</f><v></v></c><c r="E2" ${s("甲社")}</c><c r="F2" ${s("東京都")}</c></row>` +
    `<row r="3" spans="1:7" x14ac:dyDescent="0.4"><c r="A3" ${s(code(2))}</c><c r="B3" t="s"><v>8</v></c><c r="C3"><v>1200</v></c><c r="D3" s="1" t="str"><f t="shared" si="0"/><v></v></c><c r="E3" ${s("乙社")}</c><c r="F3" ${s("東京都")}</c></row>` +
    `<row r="4" spans="1:7" x14ac:dyDescent="0.4"><c r="A4" ${s(code(3))}</c><c r="B4" ${s("三市福祉事務所")}</c><c r="C4"><v>300</v></c><c r="D4" s="1" t="str"><f t="shared" si="0"/><v></v></c><c r="E4" ${s("甲社")}</c><c r="F4" ${s("東京都")}</c></row>` +
    `<row r="5" spans="1:7" x14ac:dyDescent="0.4"><c r="A5" ${s(code(4))}</c><c r="B5" ${s("四町福祉事務所")}</c><c r="C5"><v>50</v></c><c r="D5" s="1"><v>${serial}</v></c><c r="E5" ${s("乙社")}</c><c r="F5" ${s("東京都")}</c></row>` +
    `<row r="6" spans="1:7" hidden="1" x14ac:dyDescent="0.4"><c r="A6" ${s(code(5))}</c><c r="B6" ${s("五村福祉事務所")}</c><c r="C6"><v>20</v></c><c r="E6" ${s("甲社")}</c><c r="F6" ${s("大阪府")}</c></row>` +
    "</sheetData>" +
    '<autoFilter ref="A1:G6"><filterColumn colId="5"><filters><filter val="東京都"/></filters></filterColumn></autoFilter>' +
    '<phoneticPr fontId="1"/>' +
    '<conditionalFormatting sqref="C2:C6"><cfRule type="cellIs" dxfId="0" priority="1" operator="greaterThan"><formula>1000</formula></cfRule></conditionalFormatting>' +
    '<dataValidations count="1"><dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1" sqref="F2:F200"><formula1>"東京都,大阪府"</formula1></dataValidation></dataValidations>' +
    '<hyperlinks><hyperlink ref="B2" r:id="rId1"/></hyperlinks>' +
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><pageSetup paperSize="9" orientation="portrait"/>' +
    '<legacyDrawing r:id="rId3"/></worksheet>';

  const sharedStrings =
    `${HEAD}<sst xmlns="${MAIN}" count="9" uniqueCount="9">` +
    ["保険者コード", "福祉事務所名", "被保護者数", "資格情報登録開始日", "ベンダ", "都道府県", "備考"].map((t) => `<si><t>${t}</t></si>`).join("") +
    '<si><t>一市福祉事務所</t><rPh sb="0" eb="2"><t>イチシ</t></rPh><phoneticPr fontId="1"/></si>' +
    '<si><t>二市福祉事務所</t><rPh sb="0" eb="2"><t>ニシ</t></rPh><phoneticPr fontId="1"/></si>' +
    "</sst>";

  const comments =
    `${HEAD}<comments xmlns="${MAIN}"><authors><author>相談員</author><author>tc={00000000-0000-0000-0000-000000000001}</author></authors><commentList>` +
    '<comment ref="D6" authorId="0"><text><r><t>未登録：要確認</t></r></text></comment>' +
    '<comment ref="G3" authorId="0"><text><r><t>電話済み</t></r></text></comment>' +
    '<comment ref="G4" authorId="1"><text><t>[Threaded comment]\n来週再確認</t></text></comment>' +
    "</commentList></comments>";
  const shape = (row: number, col: number, id: number) =>
    `<v:shape id="_x0000_s${1024 + id}" type="#_x0000_t202" style="position:absolute;margin-left:200pt;margin-top:${10 + row * 15}pt;width:100pt;height:50pt;z-index:${id};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
    `<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>` +
    `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${col + 1}, 15, ${row}, 2, ${col + 3}, 15, ${row + 4}, 16</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>${row}</x:Row><x:Column>${col}</x:Column></x:ClientData></v:shape>`;
  const vml =
    '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">' +
    '<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/></o:shapelayout>' +
    '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>' +
    shape(5, 3, 1) + shape(2, 6, 2) + shape(3, 6, 3) +
    "</xml>";
  const threaded =
    `${HEAD}<ThreadedComments xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments" xmlns:x="${MAIN}">` +
    '<threadedComment ref="G4" dT="2024-12-01T09:00:00.00" personId="{00000000-0000-0000-0000-0000000000AA}" id="{00000000-0000-0000-0000-000000000001}"><text>来週再確認</text></threadedComment></ThreadedComments>';
  const persons =
    `${HEAD}<personList xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments" xmlns:x="${MAIN}">` +
    '<person displayName="相談員" id="{00000000-0000-0000-0000-0000000000AA}" userId="consultant" providerId="None"/></personList>';

  const plain = (rows: string[]) =>
    `${HEAD}<worksheet xmlns="${MAIN}" xmlns:r="${R}"><sheetData>${rows.join("")}</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;
  const row = (r: number, cells: (string | number)[]) =>
    `<row r="${r}">${cells.map((v, i) => `<c r="${String.fromCharCode(65 + i)}${r}"${typeof v === "number" ? `><v>${v}</v>` : ` ${s(v)}`}</c>`).join("")}</row>`;

  const settings = plain([row(1, ["項目", "値"]), row(2, ["全数_福祉事務所数", 5]), row(3, ["全数_被保護者数", 91570])]);
  const registrations = plain([
    row(1, ["保険者コード", "保険者名", "資格情報登録開始日"]),
    row(2, [code(1), "一市福祉事務所", "2024/12/10"]),
    row(3, [code(2), "二市福祉事務所", "2024/12/11"]),
    row(4, [code(4), "四町福祉事務所", "2024/11/1"]),
  ]);
  const suspensions = plain([
    row(1, ["保険者コード", "保険者名", "医療情報_加入中", "医療情報_資格喪失", "医療情報_合計"]),
    row(2, [code(1), "一市福祉事務所", 20, 10, 30]),
    row(3, [code(2), "二市福祉事務所", 5, 5, 10]),
  ]);
  const lookup = plain([row(1, ["コード", "開始日"])]);
  const chartSheet =
    `${HEAD}<worksheet xmlns="${MAIN}" xmlns:r="${R}"><sheetData>${row(1, ["月", "件数"])}${row(2, ["10月", 3])}${row(3, ["11月", 5])}</sheetData>` +
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><drawing r:id="rId1"/></worksheet>';
  const tableSheet =
    `${HEAD}<worksheet xmlns="${MAIN}" xmlns:r="${R}"><sheetData>${row(1, ["名前", "数"])}${row(2, ["甲", 1])}${row(3, ["乙", 2])}</sheetData>` +
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><tableParts count="1"><tablePart r:id="rId1"/></tableParts></worksheet>';
  const pivotSheet =
    `${HEAD}<worksheet xmlns="${MAIN}" xmlns:r="${R}"><sheetData>${row(3, ["行ラベル", "合計 / 数"])}${row(4, ["甲", 1])}${row(5, ["乙", 2])}${row(6, ["総計", 3])}</sheetData>` +
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>';

  const drawing =
    `${HEAD}<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">` +
    '<xdr:twoCellAnchor><xdr:from><xdr:col>3</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>9</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>15</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>' +
    '<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="グラフ 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
    `<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="${R}" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>` +
    '<xdr:oneCellAnchor><xdr:from><xdr:col>0</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>5</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:ext cx="952500" cy="952500"/>' +
    `<xdr:pic><xdr:nvPicPr><xdr:cNvPr id="3" name="図 2"/><xdr:cNvPicPr/></xdr:nvPicPr><xdr:blipFill><a:blip xmlns:r="${R}" r:embed="rId2"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill><xdr:spPr><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:pic><xdr:clientData/></xdr:oneCellAnchor></xdr:wsDr>`;
  const chart =
    `${HEAD}<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${R}"><c:chart><c:autoTitleDeleted val="1"/><c:plotArea><c:layout/>` +
    '<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/><c:ser><c:idx val="0"/><c:order val="0"/><c:tx><c:strRef><c:f>グラフ!$B$1</c:f></c:strRef></c:tx>' +
    "<c:cat><c:strRef><c:f>グラフ!$A$2:$A$3</c:f></c:strRef></c:cat><c:val><c:numRef><c:f>グラフ!$B$2:$B$3</c:f></c:numRef></c:val></c:ser>" +
    '<c:axId val="10"/><c:axId val="20"/></c:barChart><c:catAx><c:axId val="10"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:crossAx val="20"/></c:catAx>' +
    '<c:valAx><c:axId val="20"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:crossAx val="10"/></c:valAx></c:plotArea><c:plotVisOnly val="1"/></c:chart></c:chartSpace>';
  const table =
    `${HEAD}<table xmlns="${MAIN}" id="1" name="顧客表" displayName="顧客表" ref="A1:B3" totalsRowShown="0"><autoFilter ref="A1:B3"/>` +
    '<tableColumns count="2"><tableColumn id="1" name="名前"/><tableColumn id="2" name="数"/></tableColumns><tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>';
  const pivotCache =
    `${HEAD}<pivotCacheDefinition xmlns="${MAIN}" xmlns:r="${R}" r:id="rId1" refreshOnLoad="1" createdVersion="6" refreshedVersion="6" minRefreshableVersion="3" recordCount="2">` +
    '<cacheSource type="worksheet"><worksheetSource ref="A1:B3" sheet="表"/></cacheSource><cacheFields count="2">' +
    '<cacheField name="名前" numFmtId="0"><sharedItems count="2"><s v="甲"/><s v="乙"/></sharedItems></cacheField>' +
    '<cacheField name="数" numFmtId="0"><sharedItems containsSemiMixedTypes="0" containsString="0" containsNumber="1" containsInteger="1" minValue="1" maxValue="2"/></cacheField></cacheFields></pivotCacheDefinition>';
  const pivotRecords = `${HEAD}<pivotCacheRecords xmlns="${MAIN}" xmlns:r="${R}" count="2"><r><x v="0"/><n v="1"/></r><r><x v="1"/><n v="2"/></r></pivotCacheRecords>`;
  const pivotTable =
    `${HEAD}<pivotTableDefinition xmlns="${MAIN}" name="ピボットテーブル1" cacheId="1" applyNumberFormats="0" applyBorderFormats="0" applyFontFormats="0" applyPatternFormats="0" applyAlignmentFormats="0" applyWidthHeightFormats="1" dataCaption="値" updatedVersion="6" minRefreshableVersion="3" useAutoFormatting="1" itemPrintTitles="1" createdVersion="6" indent="0" outline="1" outlineData="1" multipleFieldFilters="0">` +
    '<location ref="A3:B6" firstHeaderRow="1" firstDataRow="1" firstDataCol="1"/><pivotFields count="2"><pivotField axis="axisRow" showAll="0"><items count="3"><item x="0"/><item x="1"/><item t="default"/></items></pivotField><pivotField dataField="1" showAll="0"/></pivotFields>' +
    '<rowFields count="1"><field x="0"/></rowFields><rowItems count="3"><i><x/></i><i><x v="1"/></i><i t="grand"><x/></i></rowItems><colItems count="1"><i/></colItems>' +
    '<dataFields count="1"><dataField name="合計 / 数" fld="1" baseField="0" baseItem="0"/></dataFields><pivotTableStyleInfo name="PivotStyleLight16" showRowHeaders="1" showColHeaders="1" showRowStripes="0" showColStripes="0" showLastColumn="1"/></pivotTableDefinition>';
  const externalLink =
    `${HEAD}<externalLink xmlns="${MAIN}" xmlns:r="${R}"><externalBook r:id="rId1"><sheetNames><sheetName val="一覧"/></sheetNames><sheetDataSet><sheetData sheetId="0"/></sheetDataSet></externalBook></externalLink>`;

  const styles =
    `${HEAD}<styleSheet xmlns="${MAIN}"><numFmts count="1"><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts>` +
    '<fonts count="2"><font><sz val="11"/><color theme="1"/><name val="游ゴシック"/><family val="2"/><charset val="128"/><scheme val="minor"/></font><font><sz val="6"/><name val="游ゴシック"/><family val="3"/><charset val="128"/><scheme val="minor"/></font></fonts>' +
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"><alignment vertical="center"/></xf></cellStyleXfs>' +
    '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"><alignment vertical="center"/></xf><xf numFmtId="176" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"><alignment vertical="center"/></xf></cellXfs>' +
    '<cellStyles count="1"><cellStyle name="標準" xfId="0" builtinId="0"/></cellStyles>' +
    '<dxfs count="1"><dxf><font><color rgb="FF9C0006"/></font><fill><patternFill><bgColor rgb="FFFFC7CE"/></patternFill></fill></dxf></dxfs><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/></styleSheet>';

  const sheetNames = ["マスタ", "設定", "支払基金_登録状況_20241217", "支払基金_閲覧停止_20241202", "参照", "グラフ", "表", "ピボット"];
  const workbook =
    `${HEAD}<workbook xmlns="${MAIN}" xmlns:r="${R}"><fileVersion appName="xl" lastEdited="7" lowestEdited="7" rupBuild="27425"/>` +
    `<workbookPr${o.date1904 ? ' date1904="1"' : ""}${o.macro ? ' codeName="ThisWorkbook"' : ""} defaultThemeVersion="166925"/>` +
    '<bookViews><workbookView xWindow="-120" yWindow="-120" windowWidth="29040" windowHeight="15720" activeTab="0"/></bookViews><sheets>' +
    sheetNames.map((n, i) => `<sheet name="${n}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("") +
    '</sheets><externalReferences><externalReference r:id="rId20"/></externalReferences><definedNames>' +
    '<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">マスタ!$A$1:$G$6</definedName>' +
    '<definedName name="_xlnm.Print_Area" localSheetId="0">マスタ!$A$1:$G$6</definedName><definedName name="参照範囲">参照!$A$1:$B$10</definedName></definedNames>' +
    '<calcPr calcId="191029"/><pivotCaches><pivotCache cacheId="1" r:id="rId21"/></pivotCaches></workbook>';
  const wbRels: [string, string, string, boolean?][] = [
    ...sheetNames.map((_, i): [string, string, string] => [`rId${i + 1}`, "worksheet", `worksheets/sheet${i + 1}.xml`]),
    ["rId10", "theme", "theme/theme1.xml"],
    ["rId11", "styles", "styles.xml"],
    ["rId12", "sharedStrings", "sharedStrings.xml"],
    ["rId13", "calcChain", "calcChain.xml"],
    ["rId14", "http://schemas.microsoft.com/office/2017/10/relationships/person", "persons/person.xml"],
    ["rId15", "customXml", "../customXml/item1.xml"],
    ["rId20", "externalLink", "externalLinks/externalLink1.xml"],
    ["rId21", "pivotCacheDefinition", "pivotCache/pivotCacheDefinition1.xml"],
  ];
  if (o.macro) wbRels.push(["rId22", "http://schemas.microsoft.com/office/2006/relationships/vbaProject", "vbaProject.bin"]);

  const overrides: [string, string][] = [
    ["/xl/workbook.xml", o.macro ? "application/vnd.ms-excel.sheet.macroEnabled.main+xml" : `${CT}.spreadsheetml.sheet.main+xml`],
    ...sheetNames.map((_, i): [string, string] => [`/xl/worksheets/sheet${i + 1}.xml`, `${CT}.spreadsheetml.worksheet+xml`]),
    ["/xl/theme/theme1.xml", `${CT}.theme+xml`],
    ["/xl/styles.xml", `${CT}.spreadsheetml.styles+xml`],
    ["/xl/sharedStrings.xml", `${CT}.spreadsheetml.sharedStrings+xml`],
    ["/xl/calcChain.xml", `${CT}.spreadsheetml.calcChain+xml`],
    ["/xl/comments1.xml", `${CT}.spreadsheetml.comments+xml`],
    ["/xl/threadedComments/threadedComment1.xml", "application/vnd.ms-excel.threadedcomments+xml"],
    ["/xl/persons/person.xml", "application/vnd.ms-excel.person+xml"],
    ["/xl/drawings/drawing1.xml", `${CT}.drawing+xml`],
    ["/xl/charts/chart1.xml", `${CT}.drawingml.chart+xml`],
    ["/xl/tables/table1.xml", `${CT}.spreadsheetml.table+xml`],
    ["/xl/pivotTables/pivotTable1.xml", `${CT}.spreadsheetml.pivotTable+xml`],
    ["/xl/pivotCache/pivotCacheDefinition1.xml", `${CT}.spreadsheetml.pivotCacheDefinition+xml`],
    ["/xl/pivotCache/pivotCacheRecords1.xml", `${CT}.spreadsheetml.pivotCacheRecords+xml`],
    ["/xl/externalLinks/externalLink1.xml", `${CT}.spreadsheetml.externalLink+xml`],
    ["/customXml/itemProps1.xml", `${CT}.customXmlProperties+xml`],
    ["/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"],
    ["/docProps/app.xml", `${CT}.extended-properties+xml`],
    ["/docProps/custom.xml", `${CT}.custom-properties+xml`],
  ];
  const contentTypes =
    `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="png" ContentType="image/png"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/><Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/>' +
    (o.macro ? '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>' : "") +
    overrides.map(([p, t]) => `<Override PartName="${p}" ContentType="${t}"/>`).join("") +
    "</Types>";

  const enc = new TextEncoder();
  const files: Record<string, Uint8Array> = {};
  const put = (name: string, text: string) => (files[name] = enc.encode(text));
  put("[Content_Types].xml", contentTypes);
  put("_rels/.rels", rels([
    ["rId3", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", "docProps/core.xml"],
    ["rId2", "extended-properties", "docProps/app.xml"],
    ["rId1", "officeDocument", "xl/workbook.xml"],
    ["rId4", "custom-properties", "docProps/custom.xml"],
  ]));
  put("docProps/core.xml", `${HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>オン資 管理表</dc:title><dc:creator>相談員</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">2024-10-01T00:00:00Z</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">2024-12-01T00:00:00Z</dcterms:modified></cp:coreProperties>`);
  put("docProps/app.xml", `${HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Microsoft Excel</Application><Company>架空コンサル</Company></Properties>`);
  put("docProps/custom.xml", `${HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="案件"><vt:lpwstr>オン資</vt:lpwstr></property></Properties>`);
  put("customXml/item1.xml", `${HEAD}<案件 xmlns="urn:example:onshi"><番号>42</番号></案件>`);
  put("customXml/itemProps1.xml", `${HEAD}<ds:datastoreItem ds:itemID="{11111111-2222-3333-4444-555555555555}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs/></ds:datastoreItem>`);
  put("customXml/_rels/item1.xml.rels", rels([["rId1", "customXmlProps", "itemProps1.xml"]]));
  put("xl/workbook.xml", workbook);
  put("xl/_rels/workbook.xml.rels", rels(wbRels));
  put("xl/styles.xml", styles);
  put("xl/sharedStrings.xml", sharedStrings);
  put("xl/theme/theme1.xml", `${HEAD}<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Office テーマ"><a:themeElements><a:clrScheme name="Office"><a:dk1><a:sysClr val="windowText" lastClr="000000"/></a:dk1><a:lt1><a:sysClr val="window" lastClr="FFFFFF"/></a:lt1><a:dk2><a:srgbClr val="44546A"/></a:dk2><a:lt2><a:srgbClr val="E7E6E6"/></a:lt2><a:accent1><a:srgbClr val="4472C4"/></a:accent1><a:accent2><a:srgbClr val="ED7D31"/></a:accent2><a:accent3><a:srgbClr val="A5A5A5"/></a:accent3><a:accent4><a:srgbClr val="FFC000"/></a:accent4><a:accent5><a:srgbClr val="5B9BD5"/></a:accent5><a:accent6><a:srgbClr val="70AD47"/></a:accent6><a:hlink><a:srgbClr val="0563C1"/></a:hlink><a:folHlink><a:srgbClr val="954F72"/></a:folHlink></a:clrScheme><a:fontScheme name="Office"><a:majorFont><a:latin typeface="游ゴシック Light"/><a:ea typeface=""/><a:cs typeface=""/></a:majorFont><a:minorFont><a:latin typeface="游ゴシック"/><a:ea typeface=""/><a:cs typeface=""/></a:minorFont></a:fontScheme><a:fmtScheme name="Office"><a:fillStyleLst><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:fillStyleLst><a:lnStyleLst><a:ln w="6350"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln><a:ln w="12700"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln><a:ln w="19050"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln></a:lnStyleLst><a:effectStyleLst><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle></a:effectStyleLst><a:bgFillStyleLst><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:bgFillStyleLst></a:fmtScheme></a:themeElements></a:theme>`);
  put("xl/calcChain.xml", `${HEAD}<calcChain xmlns="${MAIN}"><c r="D2" i="1"/><c r="D3"/><c r="D4"/></calcChain>`);
  put("xl/worksheets/sheet1.xml", master);
  put("xl/worksheets/_rels/sheet1.xml.rels", rels([
    ["rId1", "hyperlink", "https://example.jp/office/1", true],
    ["rId2", "comments", "../comments1.xml"],
    ["rId3", "vmlDrawing", "../drawings/vmlDrawing1.vml"],
    ["rId4", "http://schemas.microsoft.com/office/2017/10/relationships/threadedComment", "../threadedComments/threadedComment1.xml"],
  ]));
  put("xl/comments1.xml", comments);
  put("xl/drawings/vmlDrawing1.vml", vml);
  put("xl/threadedComments/threadedComment1.xml", threaded);
  put("xl/persons/person.xml", persons);
  put("xl/worksheets/sheet2.xml", settings);
  put("xl/worksheets/sheet3.xml", registrations);
  put("xl/worksheets/sheet4.xml", suspensions);
  put("xl/worksheets/sheet5.xml", lookup);
  put("xl/worksheets/sheet6.xml", chartSheet);
  put("xl/worksheets/_rels/sheet6.xml.rels", rels([["rId1", "drawing", "../drawings/drawing1.xml"]]));
  put("xl/drawings/drawing1.xml", drawing);
  put("xl/drawings/_rels/drawing1.xml.rels", rels([["rId1", "chart", "../charts/chart1.xml"], ["rId2", "image", "../media/image1.png"]]));
  put("xl/charts/chart1.xml", chart);
  files["xl/media/image1.png"] = PNG;
  put("xl/worksheets/sheet7.xml", tableSheet);
  put("xl/worksheets/_rels/sheet7.xml.rels", rels([["rId1", "table", "../tables/table1.xml"]]));
  put("xl/tables/table1.xml", table);
  put("xl/worksheets/sheet8.xml", pivotSheet);
  put("xl/worksheets/_rels/sheet8.xml.rels", rels([["rId1", "pivotTable", "../pivotTables/pivotTable1.xml"]]));
  put("xl/pivotTables/pivotTable1.xml", pivotTable);
  put("xl/pivotTables/_rels/pivotTable1.xml.rels", rels([["rId1", "pivotCacheDefinition", "../pivotCache/pivotCacheDefinition1.xml"]]));
  put("xl/pivotCache/pivotCacheDefinition1.xml", pivotCache);
  put("xl/pivotCache/_rels/pivotCacheDefinition1.xml.rels", rels([["rId1", "pivotCacheRecords", "pivotCacheRecords1.xml"]]));
  put("xl/pivotCache/pivotCacheRecords1.xml", pivotRecords);
  put("xl/externalLinks/externalLink1.xml", externalLink);
  put("xl/externalLinks/_rels/externalLink1.xml.rels", rels([["rId1", "externalLinkPath", "file:///C:/data/other.xlsx", true]]));
  if (o.macro) {
    // Not a real VBA project; its bytes only have to come back unchanged.
    files["xl/vbaProject.bin"] = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) & 0xff);
  }
  return zipSync(files, { level: 6, mtime: new Date("2024-12-01T00:00:00Z") });
}
