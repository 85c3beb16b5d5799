/** Selecting a finding's cell: a hidden sheet is explained in plain words, not an unexpected error. */
import { describe, expect, it } from "vitest";
import { CommandError } from "../../src/commands/context";
import { selectCell } from "../../src/taskpane/excel";
import { buildBook, createFakeExcel } from "../fake-excel";

describe("selectCell", () => {
  const book = () => buildBook([{ name: "マスタ", rows: [["保険者コード"], ["12130488"]] }, { name: "支払基金_登録状況_20250204", rows: [["保険者コード"]] }]);

  it("selects the cell on a visible sheet in one round trip", async () => {
    const fake = createFakeExcel(book());
    await selectCell(fake.Excel.run, "マスタ", "A2");
    expect(fake.book.selection).toEqual({ sheet: "マスタ", address: "A2" });
    expect(fake.stats.syncs).toBe(1);
  });

  it("says the sheet is hidden and how to show it", async () => {
    const b = book();
    b.sheets[1].visibility = "Hidden";
    const fake = createFakeExcel(b);
    const error = await selectCell(fake.Excel.run, "支払基金_登録状況_20250204", "A1").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CommandError);
    expect((error as Error).message).toContain("「支払基金_登録状況_20250204」は非表示");
  });

  it("a missing sheet is still Excel's own error (ItemNotFound), explained by the runner", async () => {
    const fake = createFakeExcel(book());
    const error = await selectCell(fake.Excel.run, "なし", "A1").catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(CommandError);
    expect((error as { code?: string }).code).toBe("ItemNotFound");
  });
});
