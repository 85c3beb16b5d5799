/** Issue 13: the pure helpers behind the 検証 list, the 基準日 bar and 集計's columns. */
import { describe, expect, it } from "vitest";
import { resolveDates } from "../../src/commands/summary";
import type { Finding } from "../../src/commands/validate";
import { filterFindings, groupByRule, NO_FILTER, visibleWindow } from "../../src/taskpane/findings";
import { asOfLabel, fmtSignedShare, readAsOf, shortEraDate, shortPlan, visibleSpaces } from "../../src/taskpane/format";

const finding = (i: number, rule: string, severity: Finding["severity"], sheet = "マスタ"): Finding => ({
  sheet, row: i + 2, column: "氏名", cell: `C${i + 2}`, rule, severity, message: `${rule} の説明`, value: i === 0 ? "支払 一郎 " : "x",
});

describe("検証 list", () => {
  const issues = [...Array.from({ length: 100_000 }, (_, i) => finding(i, "address-no-municipality", "warning", "支払基金_エラー明細")), finding(0, "code-format", "error")];
  it("groups 100,000 findings by rule with one explanation, errors first", () => {
    const groups = groupByRule(issues);
    expect(groups.map((g) => [g.rule, g.findings.length, g.message])).toEqual([
      ["code-format", 1, "code-format の説明"],
      ["address-no-municipality", 100_000, "address-no-municipality の説明"],
    ]);
  });
  it("filters by severity, sheet, rule and text", () => {
    expect(filterFindings(issues, { ...NO_FILTER, severities: { error: false, warning: true, info: true } })).toHaveLength(100_000);
    expect(filterFindings(issues, { ...NO_FILTER, sheet: "マスタ" })).toHaveLength(1);
    expect(filterFindings(issues, { ...NO_FILTER, rule: "code-format" })).toHaveLength(1);
    expect(filterFindings(issues, { ...NO_FILTER, text: "支払 一郎" })).toHaveLength(2);
  });
  it("draws only the rows in view", () => {
    expect(visibleWindow(0, 300, 30, 100_000)).toEqual({ first: 0, last: 18 });
    expect(visibleWindow(30 * 99_990, 300, 30, 100_000)).toEqual({ first: 99_982, last: 100_000 });
  });
  it("shows spaces", () => expect(visibleSpaces("支払 一郎　")).toBe("支払␣一郎□"));
});

describe("dates and shares as reports say them", () => {
  it("the 基準日 bar: 2025/02/04 (令和7年2月4日), any typed form read", () => {
    expect(asOfLabel("2025-02-04")).toEqual({ slash: "2025/02/04", era: "令和7年2月4日" });
    expect(asOfLabel("2019-05-01").era).toBe("令和元年5月1日");
    expect(["2025/2/4", "R7.2.4", "令和7年2月4日", "２０２５－０２－０４"].map(readAsOf)).toEqual(Array(4).fill("2025-02-04"));
  });
  it("narrow columns: R6.9 and R6.10.15", () => {
    expect([shortPlan("2024-09"), shortPlan("2025-04以降"), shortPlan("未定"), shortEraDate("2024-10-15")]).toEqual(["R6.9", "R7.4以降", "未定", "R6.10.15"]);
  });
  it("changes of shares in points", () => {
    expect([fmtSignedShare(-0.0021), fmtSignedShare(0.0149), fmtSignedShare(0.00001)]).toEqual(["-0.2pt", "+1.5pt", "0.0pt"]);
  });
  it("集計 in the pane ends at the 基準日; the CLI keeps the dates given", () => {
    expect(resolveDates(["2024-10-15", "2024-12-20", "2024-10-29"], "2024-11-28", true)).toEqual(["2024-10-15", "2024-10-29", "2024-11-28"]);
    expect(resolveDates(["2024-10-15", "2024-10-29"], "2024-11-28")).toEqual(["2024-10-15", "2024-10-29"]);
  });
});
