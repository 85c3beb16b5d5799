import { describe, expect, it } from "vitest";
import { actionText, documentCountTable, documentEntry, documentsAt, firstIssueFrom } from "../../src/domain/documents";
import { masterOf, times, type OfficeSpec } from "./office-fixtures";

const A = "2025-01-23";
const I = ["2025-03", "2025-04"];
const MAIL = "2025-01-08";

/** The seed's 1月23日 situation: 76 unregistered offices (67 mailed, 9 excluded) and some registered ones. */
function seedOffices(): OfficeSpec[] {
  return [
    ...times(30, { mailDate: MAIL }),
    ...times(14, { mailDate: MAIL, mailReply: "返信なし" }),
    { mailDate: MAIL, mailReply: "未定" },
    { mailDate: MAIL, mailReply: "令和7年1月" },
    ...times(3, { mailDate: MAIL, mailReply: "令和7年2月" }),
    ...times(17, { mailDate: MAIL, mailReply: "R7.3" }),
    { mailDate: MAIL, mailReply: "令和7年4月以降" },
    ...times(2, { exclusion: "被災地域" }),
    ...times(2, { exclusion: "被災地域", mailDate: MAIL, mailReply: "返信なし", recipients: 0 }),
    ...times(3, { exclusion: "打合せ確認済", plan: "R7年4月以降⇒R7年3月" }),
    { exclusion: "打合せ確認済", plan: "令和7年3月", mailDate: MAIL },
    { recipients: 0, mailDate: MAIL },
    ...times(12, { start: "2025-01-10", mailDate: MAIL }),
  ];
}

describe("公文書対象", () => {
  const entries = documentsAt(masterOf(seedOffices()).offices, A, I);

  it("rebuilds the seed's 1月23日 table with I = 2025-03, 2025-04", () => {
    const table = documentCountTable(entries, I);
    expect(table.issueMonths).toEqual(I);
    const rows = Object.fromEntries(table.rows.map((r) => [r.label, [r.offices, ...r.documents, r.mails, r.consult, r.none]]));
    // label: [offices, 公文書 3月, 公文書 4月, 状況確認メール, 要相談, 対応なし]
    expect(rows).toEqual({
      "1.状況確認メール送付済み": [67, 48, 18, 0, 1, 0],
      "①返信なし": [44, 44, 0, 0, 0, 0],
      "②返信あり": [23, 4, 18, 0, 1, 0],
      "未定": [1, 0, 0, 0, 1, 0],
      "令和7年1月": [1, 1, 0, 0, 0, 0],
      "令和7年2月": [3, 3, 0, 0, 0, 0],
      "令和7年3月": [17, 0, 17, 0, 0, 0],
      "令和7年4月以降": [1, 0, 1, 0, 0, 0],
      "2.状況確認メール未送付": [0, 0, 0, 0, 0, 0],
      "3.対象外": [9, 0, 4, 4, 0, 1],
      "①被災地域": [4, 0, 0, 4, 0, 0],
      "②個別打合せ等で登録時期を確認済み": [4, 0, 4, 0, 0, 0],
      "③被保護者数0人": [1, 0, 0, 0, 0, 1],
      "総計（未登録福祉事務所）": [76, 48, 22, 4, 1, 1],
    });
  });

  it("puts 44 no-reply + 1 (1月) + 3 (2月) in March and 17 (3月) + 1 (4月以降) + 4 meeting-confirmed in April", () => {
    const inMonth = (m: string) => entries.filter((e) => e.action === "公文書" && e.month === m);
    const march = inMonth("2025-03");
    const april = inMonth("2025-04");
    expect(march.filter((e) => e.branch === "no-reply")).toHaveLength(44);
    expect(march.filter((e) => e.branch === "reply-month").map((e) => e.replyMonth).sort()).toEqual(["2025-01", "2025-02", "2025-02", "2025-02"]);
    expect(april.filter((e) => e.branch === "reply-month")).toHaveLength(18);
    expect(april.filter((e) => e.branch === "reply-month" && e.replyOpenEnded)).toHaveLength(1);
    expect(april.filter((e) => e.branch === "meeting-confirmed")).toHaveLength(4);
    expect(entries.filter((e) => e.branch === "undecided").map((e) => [e.action, e.month])).toEqual([["要相談", null]]);
    expect(entries.filter((e) => e.branch === "disaster").map((e) => [e.action, e.month])).toEqual(times(4, {}).map(() => ["状況確認メール", "2025-03"]));
    expect(entries.filter((e) => e.branch === "zero-recipients").map((e) => [e.action, e.month])).toEqual([["対応なし", null]]);
    expect(entries.filter((e) => e.branch === "reply-month" && e.replyMonth === "2025-03").every((e) => e.checkMonth === "2025-04")).toBe(true);
  });

  it("lets the first matching branch win", () => {
    const [disasterZero] = documentsAt(masterOf([{ exclusion: "被災地域", recipients: 0 }]).offices, A, I);
    expect(disasterZero.branch).toBe("disaster");
    const [meetingNoMail] = documentsAt(masterOf([{ exclusion: "打合せ確認済", plan: "令和7年2月" }]).offices, A, I);
    expect([meetingNoMail.branch, meetingNoMail.month]).toEqual(["meeting-confirmed", "2025-03"]);
    const [zeroExcl] = documentsAt(masterOf([{ exclusion: "被保護者数0", recipients: 12 }]).offices, A, I);
    expect(zeroExcl.branch).toBe("zero-recipients");
  });

  it("does not mistake a blank 被保護者数 for zero recipients", () => {
    const master = masterOf([{ recipients: null }]);
    const blank = documentEntry({ ...master.offices[0], recipientsBlank: true }, I);
    expect(blank.branch).toBe("no-mail");
    const typed = documentEntry({ ...master.offices[0], recipientsBlank: false }, I);
    expect(typed.branch).toBe("zero-recipients");
  });

  it("sends free-text replies to 要相談 and handles missing issue months", () => {
    const [free] = documentsAt(masterOf([{ mailDate: MAIL, mailReply: "担当者異動のため調整中" }]).offices, A, I);
    expect([free.branch, free.action]).toEqual(["undecided", "要相談"]);
    const [late] = documentsAt(masterOf([{ mailDate: MAIL, mailReply: "令和7年9月" }]).offices, A, I);
    expect(late.month).toBe("2025-04"); // no issue month after R+1: the last one
    expect(firstIssueFrom([], "2025-01")).toBeNull();
    expect(firstIssueFrom(I, "2025-02")).toBe("2025-03");
  });

  it("writes the action with its month as one cell", () => {
    expect(actionText({ action: "公文書", month: "2025-03" })).toBe("公文書（令和7年3月）");
    expect(actionText({ action: "要相談", month: null })).toBe("要相談");
  });
});
