import { parsePlanChain } from "../plans";
import { defineRule } from "./rule";
import { atCell, eachCellOfType, memoByText } from "./cells";

/**
 * 登録予定月 / 登録予定時期 (fields of type 'plan') cannot be read. Both are read as revision chains:
 * a single answer is a chain of one.
 */
export default defineRule({
  meta: {
    id: "plan-invalid",
    title: "登録予定を読み取れない",
    severity: "error",
    messages: {
      unreadable: "{{label}}: {{note}}。見直しは 令和7年4月以降⇒令和7年3月 のように⇒でつなぎます。",
    },
    sheets: ["master"],
  },
  check({ kind, table, report }) {
    // Text → the reason it cannot be read, or null when it reads.
    const reasonFor = memoByText((value) => {
      const parsed = parsePlanChain(value);
      return parsed.ok ? null : parsed.reason;
    });
    eachCellOfType(kind, table, "plan", (cell, field) => {
      const reason = reasonFor(cell.value);
      if (reason !== null) report({ messageId: "unreadable", data: { label: field.label }, note: reason, ...atCell(cell) });
    });
  },
});
