/**
 * The layer boundaries of eslint.config.js (docs/architecture.md): an import against the direction
 * domain ← commands ← cli / taskpane, or an adapter chosen outside a composition root, fails lint.
 * Each case lints a one-line file as if it lived at `filePath`, with the project's own config.
 */
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const eslint = new ESLint({ cwd: process.cwd() });

/** The boundary errors (no-restricted-imports / no-restricted-globals) for `code` at `filePath`. */
async function boundaryErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages
    .filter((m) => m.ruleId === "no-restricted-imports" || m.ruleId === "no-restricted-globals")
    .map((m) => m.message);
}

describe("imports against the layer direction fail lint", () => {
  it.each([
    ["src/domain/x.ts", `import type { WorkbookPort } from "../workbook/port";\nexport type P = WorkbookPort;\n`],
    ["src/domain/rules/x.ts", `import type { SheetGrid } from "../../workbook/port";\nexport type G = SheetGrid;\n`],
    ["src/domain/x.ts", `import { readWorkbook } from "../commands/context";\nexport const r = readWorkbook;\n`],
    ["src/domain/x.ts", `import { M } from "../taskpane/messages";\nexport const m = M;\n`],
    ["src/domain/x.ts", `import { COMMANDS } from "../cli/registry";\nexport const c = COMMANDS;\n`],
    ["src/domain/x.ts", `import ExcelJS from "exceljs";\nexport const e = ExcelJS;\n`],
    ["src/domain/x.ts", `import { useState } from "react";\nexport const u = useState;\n`],
    ["src/domain/x.ts", `import { readFileSync } from "node:fs";\nexport const r = readFileSync;\n`],
    ["src/domain/x.ts", `export const run = () => Excel.run(async () => undefined);\n`],
    ["src/commands/x.ts", `import { loadXlsx } from "../workbook/xlsx/adapter";\nexport const l = loadXlsx;\n`],
    ["src/commands/x.ts", `import { MemoryWorkbook } from "../workbook/memory";\nexport const m = MemoryWorkbook;\n`],
    ["src/commands/x.ts", `import { writeXlsx } from "../workbook/xlsx-writer";\nexport const w = writeXlsx;\n`],
    ["src/commands/x.ts", `import { useServices } from "../taskpane/services";\nexport const s = useServices;\n`],
    ["src/commands/x.ts", `import { openBook } from "../cli/io";\nexport const o = openBook;\n`],
    ["src/workbook/x.ts", `import { CommandError } from "../commands/context";\nexport const c = CommandError;\n`],
    ["src/workbook/office/x.ts", `import { M } from "../../taskpane/messages";\nexport const m = M;\n`],
    ["src/taskpane/App.tsx", `import { createOfficeWorkbook } from "../workbook/office";\nexport const c = createOfficeWorkbook;\n`],
    ["src/taskpane/screens/X.tsx", `import { parseDate } from "../../domain/dates";\nexport const p = parseDate;\n`],
    ["src/taskpane/screens/X.tsx", `import type { WorkbookPort } from "../../workbook/port";\nexport type P = WorkbookPort;\n`],
    ["src/cli/x.ts", `import { M } from "../taskpane/messages";\nexport const m = M;\n`],
  ])("%s: %s", async (filePath, code) => {
    expect(await boundaryErrors(filePath, code)).not.toEqual([]);
  });
});

describe("imports along the direction pass", () => {
  it.each([
    ["src/domain/x.ts", `import type { SheetGrid } from "./grid";\nimport type { RangeWrite } from "./writes";\nexport type T = [SheetGrid, RangeWrite];\n`],
    ["src/commands/x.ts", `import type { WorkbookPort } from "../workbook/port";\nimport { readMaster } from "../domain/master";\nexport const r: [WorkbookPort?, typeof readMaster?] = [];\n`],
    ["src/workbook/x.ts", `import { layoutSheet } from "../domain/writes";\nexport const l = layoutSheet;\n`],
    ["src/taskpane/index.tsx", `import { createOfficeWorkbook } from "../workbook/office";\nexport const c = createOfficeWorkbook;\n`],
    ["src/taskpane/screens/X.tsx", `import { validate } from "../../commands/validate";\nimport { M } from "../messages";\nexport const v = [validate, M];\n`],
    ["src/cli/x.ts", `import { loadXlsx } from "../workbook/xlsx/adapter";\nimport { validate } from "../commands/validate";\nexport const l = [loadXlsx, validate];\n`],
  ])("%s", async (filePath, code) => {
    expect(await boundaryErrors(filePath, code)).toEqual([]);
  });
});
