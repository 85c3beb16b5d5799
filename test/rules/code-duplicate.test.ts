import { makeOfficeCode } from "../../src/domain/codes";
import rule from "../../src/domain/rules/code-duplicate";
import { MASTER_HEADER, testRule } from "./tester";

const master = (...rows: (string | number | null)[][]) => [{ name: "マスタ", rows: [MASTER_HEADER, ...rows] }];
const a = makeOfficeCode("12", 13, 48);
const b = makeOfficeCode("12", 1, 1);

testRule(rule, {
  valid: [
    { name: "distinct codes", sheets: master([a, "A", 1, null], [b, "B", 1, null]) },
    { name: "blank codes are required-empty's", sheets: master([null, "A", 1, null], [null, "B", 1, null]) },
    { name: "malformed codes are code-format's", sheets: master(["x", "A", 1, null], ["x", "B", 1, null]) },
    {
      name: "Payment Fund lists are pf-duplicate-row's",
      sheets: [{ name: "支払基金_登録状況", rows: [["保険者コード", "保険者名", "資格情報登録開始日"], [a, "A", null], [a, "A", null]] }],
    },
    {
      name: "one office on many rows of エラー明細",
      sheets: [{ name: "支払基金_エラー明細", rows: [["保険者コード", "被保険者番号", "氏名", "住所"], [a, "1", "山田", "東京都"], [a, "2", "佐藤", "東京都"]] }],
    },
    { name: "the same code in マスタ and a list", sheets: [...master([a, "A", 1, null]), { name: "支払基金_登録状況", rows: [["保険者コード", "保険者名", "資格情報登録開始日"], [a, "A", null]] }] },
  ],
  invalid: [
    {
      name: "two rows, both reported",
      sheets: master([a, "A", 1, null], [b, "B", 1, null], [a, "A2", 1, null]),
      errors: [
        { messageId: "duplicate", row: 2, cell: "A2", column: "保険者コード", value: a, data: { code: a, others: "4", count: 2 } },
        { messageId: "duplicate", row: 4, cell: "A4", value: a, data: { code: a, others: "2", count: 2 } },
      ],
    },
    {
      name: "same code written differently (number, full-width, hyphens)",
      sheets: master([Number(a), "A", 1, null], [a.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)), "B", 1, null], [`${a.slice(0, 4)}-${a.slice(4)}`, "C", 1, null]),
      errors: [{ messageId: "duplicate", row: 2, value: Number(a) }, { messageId: "duplicate", row: 3 }, { messageId: "duplicate", row: 4 }],
    },
    {
      name: "two groups, blank row between",
      sheets: master([a, "A", 1, null], [b, "B", 1, null], [null, null, null, null], [b, "B", 1, null], [a, "A", 1, null]),
      errors: [{ messageId: "duplicate", row: 2 }, { messageId: "duplicate", row: 3 }, { messageId: "duplicate", row: 5 }, { messageId: "duplicate", row: 6 }],
    },
  ],
});
