import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { validate } from "../../src/commands/validate";
import { makeOfficeCode } from "../../src/domain/codes";
import { buildXlsx } from "../../src/workbook/xlsx/adapter";

const HEADER = ["保険者コード", "福祉事務所名", "被保護者数", "資格情報登録開始日", "メモ"];

function book() {
  const b = buildXlsx([
    {
      name: "マスタ",
      rows: [
        ["管理表"],
        HEADER,
        [makeOfficeCode("12", 13, 1), "架空1市福祉事務所", 10, null, "そのまま"],
        ["12130011", "架空2市福祉事務所", "１２", null, null],
        [makeOfficeCode("12", 13, 3), null, null, null, null],
      ],
    },
  ]);
  b.book.getWorksheet("マスタ")!.getCell("E3").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFF00" } };
  return b;
}

describe("validate with write (the task pane's 検証)", () => {
  it("writes 検証結果 and marks master rows in 判定_検証 only", async () => {
    const b = book();
    const result = await validate(b, { asOf: "2025-02-04", write: true });
    expect(result.counts.error).toBeGreaterThan(0);
    const ws = b.book.getWorksheet("マスタ")!;
    expect(ws.getCell("F2").value).toBe("判定_検証");
    expect(ws.getCell("G2").value).toBeNull(); // no other 判定_ column is created by validate
    expect(ws.getCell("F3").value).toBeNull();
    expect(ws.getCell("F4").value).toBe("エラー: 検証番号が合わない／警告: 数値が文字列として入力");
    expect(ws.getCell("F5").value).toBe("エラー: 必須の値が空欄／警告: 被保護者数が空欄");
    expect(ws.getCell("E3").value).toBe("そのまま");
    expect((ws.getCell("E3").fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFFFFF00");
    const sheet = b.book.getWorksheet("検証結果")!;
    expect(sheet.getRow(1).values).toEqual([undefined, "シート", "行", "列", "セル", "ルール", "項目", "重要度", "内容", "値"]);
    expect(sheet.actualRowCount).toBe(result.issues.length + 1);
  });

  it("re-running replaces its own marks and leaves the column in place", async () => {
    const b = book();
    await validate(b, { asOf: "2025-02-04", write: true });
    const ws = b.book.getWorksheet("マスタ")!;
    ws.getCell("A4").value = makeOfficeCode("12", 13, 2);
    ws.getCell("C4").value = 12;
    await validate(b, { asOf: "2025-02-04", write: true });
    expect(ws.getCell("F2").value).toBe("判定_検証");
    expect(ws.getCell("F4").value).toBeNull();
    expect(ws.getCell("G2").value).toBeNull();
  });

  it("never writes without the option", async () => {
    const b = book();
    await validate(b, { asOf: "2025-02-04" });
    expect(b.book.getWorksheet("検証結果")).toBeUndefined();
    expect(b.book.getWorksheet("マスタ")!.getCell("F2").value).toBeNull();
  });
});
