import rule from "../../src/domain/rules/pf-total-mismatch";
import { testRule } from "./tester";

type Cell = string | number | null;
const HEADER = ["保険者コード", "保険者名", "資格情報_加入中", "資格情報_資格喪失", "資格情報_合計", "医療情報_加入中", "医療情報_資格喪失", "医療情報_合計"];
const SHEET = "支払基金_閲覧停止_20250107";
const list = (...counts: Cell[][]) => [{ name: SHEET, rows: [HEADER, ...counts.map((c) => ["12130480", "A", ...c])] }];

testRule(rule, {
  valid: [
    { name: "totals add up", sheets: list([1, 2, 3, 4, 5, 9], [0, 0, 0, 0, 0, 0]) },
    { name: "counts typed as text", sheets: list(["１", "2", "3", "1,000", "234", "1,234"]) },
    { name: "a blank or unreadable count skips the check", sheets: list([1, null, 3, "x", 5, 9], [1, 2, null, 4, 5, -1]) },
    {
      name: "only one group present",
      sheets: [{ name: SHEET, rows: [["保険者コード", "保険者名", "資格情報_加入中", "資格情報_資格喪失", "資格情報_合計"], ["12130480", "A", 2, 3, 5]] }],
    },
    { name: "a group without 合計 column", sheets: [{ name: SHEET, rows: [["保険者コード", "保険者名", "医療情報_加入中", "医療情報_資格喪失"], ["12130480", "A", 2, 3]] }] },
  ],
  invalid: [
    {
      name: "資格情報 does not add up",
      sheets: list([1, 2, 4, 4, 5, 9]),
      errors: [{ messageId: "mismatch", row: 2, cell: "E2", column: "資格情報_合計", value: 4, field: "qualTotal", data: { label: "資格情報", total: 4, active: 1, lost: 2, sum: 3 } }],
    },
    { name: "both groups", sheets: list([1, 2, 4, 4, 5, 10]), errors: [{ messageId: "mismatch", row: 2, cell: "E2" }, { messageId: "mismatch", row: 2, cell: "H2", column: "医療情報_合計", value: 10 }] },
    { name: "text counts", sheets: list([1, 1, 2, "１０", "１０", "１０"]), errors: [{ messageId: "mismatch", row: 2, cell: "H2", value: "１０" }] },
    {
      name: "two-row headers",
      sheets: [
        {
          name: SHEET,
          rows: [
            ["保険者コード", "保険者名", "資格情報", null, null, "医療情報", null, null],
            [null, null, "加入中", "資格喪失", "合計", "加入中", "資格喪失", "合計"],
            ["12130480", "A", 1, 1, 2, 3, 3, 7],
          ],
        },
      ],
      errors: [{ messageId: "mismatch", row: 3, cell: "H3", value: 7, field: "medTotal", data: { label: "医療情報", total: 7, active: 3, lost: 3, sum: 6 } }],
    },
  ],
});
