/**
 * アンケート回答の取込 on a small fictional book: answers matched by code, by name only (prefecture
 * prefix and spaces ignored), an ambiguous name, an unknown office, an answer older than マスタ's,
 * the form's verbatim questions and long option texts; preview = apply; a second run changes nothing.
 */
import { describe, expect, it } from "vitest";
import { applySurvey } from "../../src/commands/applySurvey";
import { dateOut, type OutCell } from "../../src/domain/cell";
import { makeOfficeCode } from "../../src/domain/codes";
import { SURVEY_FORM_HEADERS } from "../../src/domain/schema/fields";
import { officeNameKey } from "../../src/domain/survey-answers";
import { buildXlsx, type XlsxWorkbook } from "../../src/workbook/xlsx/adapter";

const code = (pref: number, n: number) => makeOfficeCode("12", pref, n);
const A = code(13, 101); // 架空市福祉事務所 (東京都)
const B = code(13, 102); // 見本町福祉事務所
const C1 = code(14, 103); // 中央福祉事務所 (two offices share this name)
const C2 = code(27, 104);
const D = code(1, 105); // answered 2024-11-20 already

const MASTER_HEADER = ["保険者コード", "福祉事務所名", "被保護者数", "資格情報登録開始日", "アンケート回答日", "対応状況", "登録予定月", "回答理由", "備考"];
const masterRows = (): OutCell[][] => [
  ["アンケート管理（架空データ）"],
  MASTER_HEADER,
  [A, "東京都架空市福祉事務所", 1200, null, null, null, null, null, "メモ"],
  [B, "見本町福祉事務所", 300, null, null, "3_準備中", "令和6年12月", null, null],
  [C1, "中央福祉事務所", 500, null, null, null, null, null, null],
  [C2, "中央福祉事務所", 800, null, null, null, null, null, null],
  [D, "試験区福祉事務所", 900, null, dateOut("2024-11-20"), "2_登録準備完了", "令和7年1月", "理由（新）", null],
];

const LONG_STATUS = "4_システム改修中（既にシステム改修に着手）";
const LONG_STATUS_6 = "6_システム改修検討中（システム改修未着手で、改修開始日も決まっていない）";
const LONG_REASON = "あらたな生活保護システムの導入に着手しており、導入自体は令和6年10月に完了する予定だが、旧システムから新システムへの移行に半年程度の期間を要するため、現時点で資格情報の登録を行うことができない。";

/** The batch with the form's own questions as headers, verbatim. */
const surveyRows = (): OutCell[][] => [
  ["保険者コード", "福祉事務所名", SURVEY_FORM_HEADERS.status[0], SURVEY_FORM_HEADERS.answer[0], SURVEY_FORM_HEADERS.reason[0], "回答日時"],
  [A, "架空市福祉事務所", LONG_STATUS, "12_令和7年4月以降", LONG_REASON, "2024/11/15 10:23"],
  [null, "見本町 福祉事務所", LONG_STATUS_6, "12_令和7年4月以降", "調整中のため。", "2024/11/16"],
  [null, "中央福祉事務所", "3_準備中", "令和7年2月", null, "2024/11/16"],
  [null, "存在しない村福祉事務所", "1_登録済み", "登録済み", null, "2024/11/16"],
  [D, "試験区福祉事務所", "5_システム改修予定", "令和7年4月以降", "古い回答", "2024/11/01"],
];

function book(): XlsxWorkbook {
  return buildXlsx([
    { name: "マスタ", rows: masterRows() },
    { name: "支払基金_アンケート回答_20241119", rows: surveyRows() },
  ]);
}

async function masterValues(b: XlsxWorkbook) {
  const grid = (await b.readSheets(["マスタ"])).get("マスタ")!;
  return grid.values;
}

describe("officeNameKey", () => {
  it("ignores NFKC width, spaces and a leading prefecture", () => {
    expect(officeNameKey("東京都 架空市福祉事務所")).toBe(officeNameKey("架空市福祉事務所"));
    expect(officeNameKey("ｶｸｳ市　福祉事務所")).toBe(officeNameKey("カクウ市福祉事務所"));
    expect(officeNameKey("東京都")).toBe("東京都");
  });
});

describe("apply-survey", () => {
  it("previews, applies, logs every change, and a second run changes nothing", async () => {
    const b = book();
    const before = await masterValues(b);
    const preview = await applySurvey(b, { dryRun: true });
    expect(await masterValues(b)).toEqual(before);

    const applied = await applySurvey(b, { now: new Date("2024-11-19T01:00:00Z") });
    expect(applied.changed).toEqual(preview.changed);
    expect(applied.sheet).toBe("支払基金_アンケート回答_20241119");
    // A by code (4 fields), B by name only (date, status, answer, reason; plan differs)
    const byCode = (c: string) => applied.changed.filter((x) => x.code === c).map((x) => x.field).sort();
    expect(byCode(A)).toEqual(["answer", "answerDate", "reason", "status"]);
    expect(byCode(B)).toEqual(["answer", "answerDate", "reason", "status"]);
    expect(byCode(C1)).toEqual([]);
    expect(byCode(D)).toEqual([]);
    expect(applied.ambiguous).toEqual([{ row: 4, name: "中央福祉事務所", candidates: [C1, C2] }]);
    expect(applied.unmatched).toEqual([{ row: 5, name: "存在しない村福祉事務所" }]);
    expect(applied.older).toEqual([{ code: D, answerDate: "2024-11-01" }]);

    const after = await masterValues(b);
    const rowA = after.find((r) => r[0] === A)!;
    expect(rowA[5]).toBe(LONG_STATUS);
    expect(rowA[6]).toBe("12_令和7年4月以降");
    expect(rowA[7]).toBe(LONG_REASON);
    expect(rowA[8]).toBe("メモ");
    const rowB = after.find((r) => r[0] === B)!;
    expect(rowB[5]).toBe(LONG_STATUS_6);
    const rowD = after.find((r) => r[0] === D)!;
    expect(rowD.slice(5, 8)).toEqual(["2_登録準備完了", "令和7年1月", "理由（新）"]);

    const log = (await b.readSheets(["変更履歴"])).get("変更履歴")!.values;
    expect(log[0]).toEqual(["日時", "シート", "セル", "保険者コード", "福祉事務所名", "項目", "変更前", "変更後", "操作"]);
    expect(log).toHaveLength(1 + applied.changed.length);
    const statusB = log.find((r) => r[3] === B && r[5] === "対応状況")!;
    expect(statusB[6]).toBe("3_準備中");
    expect(statusB[7]).toBe(LONG_STATUS_6);
    expect(statusB[8]).toBe("アンケート回答の取込（支払基金_アンケート回答_20241119）");

    const again = await applySurvey(b);
    expect(again.changed).toEqual([]);
    expect((await b.readSheets(["変更履歴"])).get("変更履歴")!.values).toHaveLength(log.length);
  });

  it("recognises the list by its headers when the sheet name does not say アンケート回答", async () => {
    const b = buildXlsx([
      { name: "マスタ", rows: masterRows() },
      { name: "支払基金_1119", rows: surveyRows() },
    ]);
    const r = await applySurvey(b, { dryRun: true });
    expect(r.sheet).toBe("支払基金_1119");
    expect(r.changed.length).toBe(8);
  });

  it("a newer answer overwrites an older one in マスタ", async () => {
    const rows = surveyRows();
    rows[5][5] = "2024/11/25";
    const b = buildXlsx([
      { name: "マスタ", rows: masterRows() },
      { name: "支払基金_アンケート回答_20241126", rows },
    ]);
    const r = await applySurvey(b, { dryRun: true });
    expect(r.older).toEqual([]);
    expect(r.changed.filter((c) => c.code === D).map((c) => c.field).sort()).toEqual(["answer", "answerDate", "reason", "status"]);
  });
});
