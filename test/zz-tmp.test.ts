import { it } from "vitest";
import { maskedCopy } from "../src/commands/maskCopy";
import { memoryScratchWorkbook } from "../src/workbook/memory";
import { buildSampleBook } from "../src/demo/sample";
import { createOfficeWorkbook } from "../src/workbook/office";
import { buildBook, createFakeExcel } from "./fake-excel";
it("x", async () => {
  const fake = createFakeExcel(buildBook(buildSampleBook().sheets as never));
  const port = createOfficeWorkbook(fake.Excel.run);
  try {
    const r = await maskedCopy(port, { scratch: memoryScratchWorkbook, blankFreeText: true, salt: "s" });
    console.log("ok", r.blankedFreeText, r.bytes.length);
  } catch (e) { console.log("ERR", (e as Error).stack); }
});
