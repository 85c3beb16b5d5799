import { parsePlanChain } from "../plans";
import { defineRule } from "./rule";
import { eachCellOfType, memoByText } from "./cells";

/**
 * 登録予定月 / 登録予定時期 (fields of type 'plan') cannot be read. Both are read as revision chains:
 * a single answer is a chain of one.
 */
export default defineRule({
  meta: {
    id: "plan-invalid",
    title: "登録予定を読み取れない",
    severity: "error",
    message: "登録予定として読めません。登録済み・令和7年4月・令和7年4月以降・未定 のいずれかの形で入力してください（見直しは 令和7年4月以降⇒令和7年3月 のように⇒でつなぎます）。",
    sheets: ["master"],
  },
  check({ kind, table }, report) {
    // Text → the reason it cannot be read, or null when it reads.
    const reasonFor = memoByText((value) => {
      const parsed = parsePlanChain(value);
      return parsed.ok ? null : parsed.reason;
    });
    eachCellOfType(kind, table, "plan", ({ value, row, col }, field) => {
      const reason = reasonFor(value);
      if (reason === null) return;
      report({ row: row.row, col, value, message: `${field.label}: ${reason}。見直しは 令和7年4月以降⇒令和7年3月 のように⇒でつなぎます。` });
    });
  },
});
