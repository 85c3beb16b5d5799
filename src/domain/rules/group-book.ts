/** Book and row rules: which rows are offices (row-not-office) and whether マスタ exists (sheet-missing). */
import type { Rule } from "./rule";
import rowNotOffice from "./row-not-office";
import sheetMissing from "./sheet-missing";

export const rules: Rule[] = [rowNotOffice, sheetMissing];
