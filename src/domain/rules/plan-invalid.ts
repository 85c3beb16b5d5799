import { parsePlanChain } from "../plans";
import { SCHEMAS } from "../schema/fields";
import { isBlank } from "../text";
import { echoable } from "./mynumber-present";
import { defineRule } from "./rule";

/** Plan columns repeat a few answers many times: remember the verdict per text (bounded). */
const MAX_CACHED = 10_000;

/**
 * 登録予定月 / 登録予定時期 (fields of type 'plan') cannot be read. Both are read as revision chains:
 * a single answer is a chain of one.
 */
export default defineRule({
  meta: {
    id: "plan-invalid",
    severity: "error",
    message: "登録予定として読めません。登録済み・令和7年4月・令和7年4月以降・未定 のいずれかの形で入力してください（見直しは 令和7年4月以降⇒令和7年3月 のように⇒でつなぎます）。",
    sheets: ["master"],
  },
  check({ kind, table }, report) {
    if (!table || kind === null) return;
    // Text → the reason it cannot be read, or null when it reads.
    const verdicts = new Map<string, string | null>();
    for (const field of SCHEMAS[kind].fields) {
      if (field.type !== "plan") continue;
      const index = table.fieldIndex.get(field.key);
      if (index === undefined) continue;
      const col = table.grid.left + index;
      for (const row of table.rows) {
        const value = row.cells[index] ?? null;
        if (isBlank(value)) continue;
        let reason = typeof value === "string" ? verdicts.get(value) : undefined;
        if (reason === undefined) {
          const parsed = parsePlanChain(value);
          reason = parsed.ok ? null : parsed.reason;
          if (typeof value === "string" && verdicts.size < MAX_CACHED) verdicts.set(value, reason);
        }
        if (reason === null) continue;
        report({
          row: row.row,
          col,
          value: echoable(value),
          message: `${field.label}: ${reason}。見直しは 令和7年4月以降⇒令和7年3月 のように⇒でつなぎます。`,
        });
      }
    }
  },
});
