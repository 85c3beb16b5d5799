import { SCHEMAS, fieldDef, type SheetKind } from "../schema/fields";
import { defineRule } from "./rule";

/** The Japanese name of a missing required column; a one-of group (`a|b`) names every label. */
function missingLabel(kind: SheetKind, missing: string): string {
  return missing
    .split("|")
    .map((key) => fieldDef(kind, key)?.label ?? key)
    .join(" / ");
}

/** The required columns of a kind, in the form Table.missingColumns uses ("a|b" for a one-of group). */
function requiredColumnKeys(kind: SheetKind): string[] {
  return SCHEMAS[kind].requiredColumns.map((req) => (Array.isArray(req) ? req.join("|") : req));
}

/**
 * A required column of a recognised sheet is absent. Reported on the header row, one finding per
 * missing column; when no header row was found at all, every required column is reported on the
 * first row of the used range.
 */
export default defineRule({
  meta: {
    id: "header-missing",
    title: "必須の列がない",
    severity: "error",
    message: "必須の列がありません。見出し行にこの列を追加してください（見出し名は同義語でも構いません）。",
    sheets: ["settings", "master", "pf-registration", "pf-suspension", "pf-errors"],
  },
  check({ kind, table, grid }, report) {
    if (kind === null) return;
    const title = SCHEMAS[kind].title;
    if (table) {
      for (const missing of table.missingColumns) {
        const label = missingLabel(kind, missing);
        const what = missing.includes("|") ? `「${label}」のいずれか` : `「${label}」`;
        report({
          row: table.headerRow,
          column: label,
          message: `必須の列${what}がありません。${title}の見出し行（${table.headerRow}行目）に${what}の列を追加してください。`,
        });
      }
      return;
    }
    for (const missing of requiredColumnKeys(kind)) {
      const label = missingLabel(kind, missing);
      const what = missing.includes("|") ? `「${label}」のいずれか` : `「${label}」`;
      report({
        row: grid.top,
        column: label,
        message: `${title}の見出し行が見つからないため、必須の列${what}を読めません。先頭15行以内に、既知の見出し名を含む見出し行を置き、${what}の列を用意してください。`,
      });
    }
  },
});
