import rule from "../../src/domain/rules/pf-code-unknown";
import { makeOfficeCode } from "../../src/domain/codes";
import { MASTER_HEADER, testRule } from "./tester";

const KNOWN = makeOfficeCode("12", 13, 48);
const OTHER = makeOfficeCode("12", 27, 5);
const master = { name: "マスタ", rows: [MASTER_HEADER, [KNOWN, "A", 1, null]] };
const registration = (...codes: (string | number | null)[]) => ({
  name: "支払基金_登録状況_20250107",
  rows: [["保険者コード", "保険者名", "資格情報登録開始日"], ...codes.map((c) => [c, "X", "2025/1/7"])],
});
const REG = "支払基金_登録状況_20250107";

testRule(rule, {
  valid: [
    { name: "a known code", sheets: [master, registration(KNOWN, Number(KNOWN))] },
    { name: "full-width and spaced forms of a known code", sheets: [master, registration(KNOWN.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d))), `${KNOWN.slice(0, 4)} ${KNOWN.slice(4)}`)] },
    { name: "no master: nothing to compare with", sheets: [registration(OTHER)] },
    { name: "malformed and blank codes are other rules'", sheets: [master, registration("1213", null, "abc")] },
    { name: "マスタ itself is not checked", sheets: [master] },
  ],
  invalid: [
    {
      name: "an unknown code",
      sheets: [master, registration(KNOWN, OTHER)],
      errors: [{ messageId: "notInMaster", sheet: REG, row: 3, cell: "A3", column: "保険者コード", value: OTHER, data: { code: OTHER } }],
    },
    { name: "a number cell", sheets: [master, registration(Number(OTHER))], errors: [{ messageId: "notInMaster", sheet: REG, row: 2, value: Number(OTHER) }] },
    {
      name: "閲覧停止 and エラー明細 lists",
      sheets: [
        master,
        { name: "支払基金_閲覧停止", rows: [["保険者コード", "保険者名", "資格情報_合計"], [OTHER, "X", 1]] },
        { name: "支払基金_エラー明細", rows: [["保険者コード", "被保険者番号", "氏名"], [OTHER, "1", "山田"]] },
      ],
      errors: [{ messageId: "notInMaster", sheet: "支払基金_閲覧停止", row: 2 }, { messageId: "notInMaster", sheet: "支払基金_エラー明細", row: 2 }],
    },
  ],
});
