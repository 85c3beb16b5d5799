import rule from "../../src/domain/rules/prefecture-unknown";
import { MASTER_HEADER, testRule } from "./tester";

const master = (...prefs: (string | number | boolean | null)[]) => [
  { name: "マスタ", rows: [[...MASTER_HEADER, "都道府県"], ...prefs.map((p, i) => [`1213048${i}`, "A", 1, null, p])] },
];

testRule(rule, {
  valid: [
    { name: "full names", sheets: master("東京都", "北海道", "大阪府", "神奈川県", "鹿児島県") },
    { name: "short forms", sheets: master("東京", "大阪", "京都", "神奈川") },
    { name: "spaces around and inside (NFKC)", sheets: master(" 東京都 ", "東　京　都") },
    { name: "blank cells are skipped", sheets: master(null, "", "\u3000") },
    { name: "a sheet without the column", sheets: [{ name: "マスタ", rows: [MASTER_HEADER, ["12130480", "A", 1, null]] }] },
  ],
  invalid: [
    { name: "a city", sheets: master("横浜市"), errors: [{ messageId: "unknown", row: 2, cell: "E2", column: "都道府県", value: "横浜市" }] },
    { name: "a typo", sheets: master("東京府"), errors: [{ messageId: "unknown", row: 2, value: "東京府" }] },
    { name: "a number", sheets: master(13), errors: [{ messageId: "unknown", row: 2, value: 13 }] },
    { name: "a boolean and 北海 (no short form)", sheets: master(true, "北海"), errors: [{ messageId: "unknown", row: 2, value: true }, { messageId: "unknown", row: 3, value: "北海" }] },
  ],
});
