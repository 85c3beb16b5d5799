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
 * first row of the used range. A one-of group (`a|b`) has messages of its own (…のいずれか).
 */
export default defineRule({
  meta: {
    id: "header-missing",
    title: "必須の列がない",
    severity: "error",
    messages: {
      missing: "必須の列「{{label}}」がありません。{{title}}の見出し行（{{headerRow}}行目）に「{{label}}」の列を追加してください。",
      missingOneOf:
        "必須の列「{{label}}」のいずれかがありません。{{title}}の見出し行（{{headerRow}}行目）に「{{label}}」のいずれかの列を追加してください。",
      noHeaderRow:
        "{{title}}の見出し行が見つからないため、必須の列「{{label}}」を読めません。先頭15行以内に、既知の見出し名を含む見出し行を置き、「{{label}}」の列を用意してください。",
      noHeaderRowOneOf:
        "{{title}}の見出し行が見つからないため、必須の列「{{label}}」のいずれかを読めません。先頭15行以内に、既知の見出し名を含む見出し行を置き、「{{label}}」のいずれかの列を用意してください。",
    },
    sheets: ["settings", "master", "pf-registration", "pf-suspension", "pf-errors"],
  },
  check({ kind, table, grid, report }) {
    if (kind === null) return;
    const title = SCHEMAS[kind].title;
    if (table) {
      for (const missing of table.missingColumns) {
        const label = missingLabel(kind, missing);
        const messageId = missing.includes("|") ? "missingOneOf" : "missing";
        report({ messageId, data: { label, title, headerRow: table.headerRow }, row: table.headerRow, column: label, field: missing });
      }
      return;
    }
    for (const missing of requiredColumnKeys(kind)) {
      const label = missingLabel(kind, missing);
      const messageId = missing.includes("|") ? "noHeaderRowOneOf" : "noHeaderRow";
      report({ messageId, data: { label, title }, row: grid.top, column: label, field: missing });
    }
  },
});
