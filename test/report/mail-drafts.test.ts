/**
 * メール文案 on the sample book at the seed's 1月23日: the rows equal §4's 公文書 targeting (the summary
 * command's documents JSON), the リマインド rows the offices without an answer, and every .eml parses
 * back (mailparser) with its Japanese subject and body intact and X-Unsent: 1.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { simpleParser } from "mailparser";
import { beforeAll, describe, expect, it } from "vitest";
import summaryCli from "../../src/cli/commands/summary";
import { runCli } from "../../src/cli/main";
import { applyRegistrations } from "../../src/commands/applyRegistrations";
import { mailDrafts, mailDraftsSteps, MAIL_SHEET } from "../../src/commands/mailDrafts";
import { snapshot } from "../../src/commands/snapshot";
import { summary } from "../../src/commands/summary";
import { buildSampleBook } from "../../src/demo/sample";
import { encodeHeader, emlOf } from "../../src/domain/mail/eml";
import { fillPlaceholders, readTemplates } from "../../src/domain/mail/templates";
import { buildXlsx, loadXlsxBuffer, pasteSheet, type XlsxWorkbook } from "../../src/workbook/xlsx/adapter";

const DAY = "2025-01-23";

async function sampleBook(): Promise<XlsxWorkbook> {
  const sample = buildSampleBook();
  const book = buildXlsx(sample.sheets);
  for (const round of sample.rounds.filter((r) => r.asOf <= DAY)) {
    pasteSheet(book, round.list);
    await applyRegistrations(book, { sheet: round.list.name });
    await snapshot(book, { asOf: round.asOf });
  }
  return book;
}

describe("mail drafts", () => {
  let book: XlsxWorkbook;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  let documents: any[];

  beforeAll(async () => {
    book = await sampleBook();
    documents = (summaryCli.toJson(await summary(book, { asOf: DAY })) as { documents: unknown[] }).documents;
  }, 120_000);

  it("状況確認 and 公文書予告 target exactly §4's 状況確認メール and 公文書 offices; テンプレート is created once", async () => {
    const status = await mailDrafts(book, { asOf: DAY, template: "状況確認" });
    expect(status.createdTemplates).toBe(true);
    expect(status.drafts.map((d) => d.code)).toEqual(documents.filter((d) => d.action === "状況確認メール").map((d) => d.code));
    const notice = await mailDrafts(book, { asOf: DAY, template: "公文書予告" });
    expect(notice.createdTemplates).toBe(false);
    const chosen = documents.filter((d) => d.action === "公文書");
    expect(notice.drafts.map((d) => d.code)).toEqual(chosen.map((d) => d.code));
    // The seed's 1月23日 table: 44 no reply + 1 + 3 (→ March) + 17 + 1 (→ April) + 4 meeting-confirmed (→ April).
    expect(chosen).toHaveLength(70);
    const first = notice.drafts[0];
    expect(first.body).toContain(`${first.name} ご担当者様`);
    expect(first.body).toMatch(/令和7年[34]月に、資格情報の登録時期のご回答を求める公文書を発出する予定です/u);
    expect(first.body).toContain("令和7年1月23日時点");
    expect(first.body).not.toMatch(/\{[^}]+\}/u);
    // The sheet メール文案 holds one row per draft (the last run's template).
    const grids = await book.readSheets([MAIL_SHEET, "テンプレート"]);
    const rows = grids.get(MAIL_SHEET)!.values;
    const header = rows.findIndex((r) => r[0] === "保険者コード");
    expect(rows[header]).toEqual(["保険者コード", "福祉事務所名", "宛先", "件名", "本文", "mailto"]);
    expect(rows.slice(header + 1).map((r) => r[0])).toEqual(notice.drafts.map((d) => d.code));
    expect(String(rows[header + 1][5])).toMatch(/^mailto:\?subject=%E3%80%90/u);
    expect(readTemplates(grids.get("テンプレート")).templates.map((t) => t.name)).toEqual(["リマインド", "状況確認", "公文書予告"]);
  });

  it("リマインド targets the unregistered offices in the survey that have not answered by the day", async () => {
    const remind = await mailDrafts(book, { asOf: DAY, template: "リマインド" });
    const unanswered = (summaryCli.toJson(await summary(book, { asOf: DAY, dates: [DAY] })) as { survey: { unanswered: number }[] }).survey[0].unanswered;
    expect(remind.drafts).toHaveLength(unanswered);
  });

  it("an edited template on テンプレート is used, a メールアドレス column fills 宛先, an unknown name stops", async () => {
    const copy = await loadXlsxBuffer(new Uint8Array(await book.book.xlsx.writeBuffer()));
    const ws = copy.book.getWorksheet("テンプレート")!;
    ws.addRow(["状況確認（再送）", "再送: {福祉事務所名}", "{自治体名} 様\n{登録予定時期}"]);
    const master = copy.book.getWorksheet("マスタ")!;
    let top = 1;
    while (!(master.getRow(top).values as unknown[]).includes("保険者コード")) top++;
    const headerRow = master.getRow(top).values as unknown[];
    const codeCol = headerRow.indexOf("保険者コード");
    const mailCol = headerRow.length;
    master.getCell(top, mailCol).value = "メールアドレス";
    for (let r = top + 1; r <= master.rowCount; r++) master.getCell(r, mailCol).value = `office-${String(master.getCell(r, codeCol).value)}@example.lg.jp`;
    const resent = await mailDrafts(copy, { asOf: DAY, template: "状況確認（再送）" });
    expect(resent.hasAddressColumn).toBe(true);
    expect(resent.drafts[0].subject).toBe(`再送: ${resent.drafts[0].name}`);
    expect(resent.drafts.length).toBeGreaterThan(0);
    expect(resent.drafts.map((d) => d.to)).toEqual(resent.drafts.map((d) => `office-${d.code}@example.lg.jp`));
    expect(resent.drafts[0].mailto.startsWith(`mailto:office-${resent.drafts[0].code}@example.lg.jp?subject=`)).toBe(true);
    await expect(mailDrafts(copy, { asOf: DAY, template: "存在しない" })).rejects.toThrow(/使えるテンプレート: リマインド、状況確認、公文書予告、状況確認（再送）/u);
  });

  it("the CLI writes one .eml per office that mailparser reads back intact (UTF-8, RFC 2047, X-Unsent: 1)", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "onshi-mail-"));
    const file = path.join(dir, "book.xlsx");
    writeFileSync(file, new Uint8Array(await (await sampleBook()).book.xlsx.writeBuffer()));
    let stdout = "";
    const exit = await runCli(["mail-drafts", file, "--as-of", DAY, "--template", "状況確認", "--out", path.join(dir, "eml"), "--json"], { stdout: (s) => (stdout += s), stderr: () => {} });
    expect(exit).toBe(0);
    const json = JSON.parse(stdout) as { drafts: { code: string; name: string; subject: string; file: string }[] };
    expect(json.drafts.map((d) => d.code)).toEqual(documents.filter((d) => d.action === "状況確認メール").map((d) => d.code));
    expect(readdirSync(path.join(dir, "eml"))).toHaveLength(json.drafts.length);
    for (const d of json.drafts) {
      const raw = readFileSync(d.file);
      expect(raw.toString("latin1")).toContain("X-Unsent: 1\r\n");
      // Every header line is ASCII (Japanese only inside encoded words).
      const head = raw.toString("latin1").split("\r\n\r\n")[0];
      expect(/^[\x20-\x7e\r\n\t]*$/u.test(head)).toBe(true);
      const mail = await simpleParser(raw);
      expect(mail.subject).toBe(d.subject);
      expect(mail.subject).toContain(d.name);
      expect(mail.text).toContain(`${d.name} ご担当者様`);
      expect(mail.text).toContain("現在の対応状況と、資格情報の登録開始予定時期（月）を本メールへの返信にてご教示ください。");
      expect(mail.headers.get("x-unsent")).toBe("1");
    }
  });

  it("long subjects are folded into encoded words that split between characters", async () => {
    const subject = "【事前のご連絡】".repeat(12) + "😀 end";
    const mail = await simpleParser(emlOf({ to: "a@example.jp", subject, body: "本文\n二行目" }));
    expect(mail.subject).toBe(subject);
    expect(mail.text?.trim()).toBe("本文\n二行目");
    expect(encodeHeader(subject).split("\r\n ").every((w) => w.length <= 75)).toBe(true);
    expect(fillPlaceholders("{a}{不明}", { a: "x" })).toBe("x{不明}");
  });

  it("declares its steps", () => {
    expect(mailDraftsSteps()).toEqual(["list", "read", "write"]);
  });
});
