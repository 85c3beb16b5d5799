/**
 * The fictional sample workbook, recounted with deliberately plain code that does not use the
 * product's engine: every figure in SAMPLE_EXPECTED must come out of the generated rows.
 */
import { describe, expect, it } from "vitest";
import type { OutCell } from "../../src/domain/cell";
import { PREFECTURES } from "../../src/domain/prefectures";
import {
  buildSampleBook,
  SAMPLE_EXPECTED,
  SAMPLE_MASTER_HEADER_INDEX,
  SAMPLE_MASTER_HEADERS,
  SAMPLE_ROUND_DATES,
  SAMPLE_SHEET_NAMES,
  SAMPLE_SUSPENSION_HEADER_INDEX,
  type SampleSheet,
} from "../../src/demo/sample";

const book = buildSampleBook();
const sheet = (name: string): SampleSheet => {
  const s = book.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`missing sheet ${name}`);
  return s;
};

// ---------------------------------------------------------------------------------------------
// Plain readers

const isDateCell = (v: OutCell): v is { date: string } => typeof v === "object" && v !== null && "date" in v;

function dateOf(v: OutCell): string | null {
  if (v === null || v === "") return null;
  if (isDateCell(v)) return v.date;
  if (typeof v === "string") {
    const m = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/.exec(v);
    if (m) return `${m[1]}-${m[2].padStart(2, "0")}-${m[3].padStart(2, "0")}`;
  }
  throw new Error(`not a date: ${JSON.stringify(v)}`);
}

function numberOf(v: OutCell): number {
  if (typeof v === "number") return v;
  if (typeof v === "string") return Number(v.normalize("NFKC").replace(/,/g, ""));
  throw new Error(`not a number: ${JSON.stringify(v)}`);
}

/** '令和7年3月' / 'R7年3月' / '2025年3月' (optionally 以降) → '2025-03' / '2025-03以降'. */
function monthKey(text: string): string | null {
  const t = text.normalize("NFKC").replace(/\s/g, "");
  let m = /^(?:令和|R)(\d+)年(\d+)月(以降)?$/.exec(t);
  if (m) return `${2018 + Number(m[1])}-${m[2].padStart(2, "0")}${m[3] ?? ""}`;
  m = /^(\d{4})年(\d+)月(以降)?$/.exec(t);
  if (m) return `${m[1]}-${m[2].padStart(2, "0")}${m[3] ?? ""}`;
  return null;
}

/** Survey answer → 登録済み | YYYY-MM | YYYY-MM以降. */
function answerKey(v: OutCell): string | null {
  if (v === null) return null;
  const t = String(v).replace(/^\d+_/, "");
  if (t === "登録済み") return "登録済み";
  const k = monthKey(t);
  if (!k) throw new Error(`unreadable answer ${t}`);
  return k;
}

/** Current element of a plan chain. */
function planKey(v: OutCell): string | null {
  if (v === null) return null;
  const last = String(v).split("⇒").pop()!;
  if (last === "詳細未定" || last === "未定") return "未定";
  return monthKey(last);
}

const monthOfKey = (k: string): string => k.slice(0, 7);
const isLater = (k: string, fyEnd: string) => k.endsWith("以降") || monthOfKey(k) > fyEnd;
const addMonth = (m: string, n: number): string => {
  const i = Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1 + n;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}`;
};
const lastDay = (m: string): string => {
  const y = Number(m.slice(0, 4));
  const mo = Number(m.slice(5, 7));
  const days = [31, y % 4 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1];
  return `${m}-${days}`;
};

/** The 公費負担者番号 check digit, written out again independently of src/domain/codes.ts. */
function officeCheck(first7: string): number {
  let sum = 0;
  for (let i = 0; i < 7; i++) {
    const p = Number(first7[6 - i]) * (i % 2 === 0 ? 2 : 1);
    sum += Math.floor(p / 10) + (p % 10);
  }
  return (10 - (sum % 10)) % 10;
}

function myNumberFits(d12: string): boolean {
  let sum = 0;
  for (let n = 1; n <= 11; n++) sum += Number(d12[11 - n]) * (n <= 6 ? n + 1 : n - 5);
  const r = sum % 11;
  return (r <= 1 ? 0 : 11 - r) === Number(d12[11]);
}

// ---------------------------------------------------------------------------------------------
// The master as records

interface Row {
  pref: string;
  name: string;
  code: string;
  recipients: number;
  vendor: string;
  start: string | null;
  survey: boolean;
  answerDate: string | null;
  answer: string | null;
  plan: string | null;
  mailDate: string | null;
  reply: string | null;
  exclusion: string | null;
}

const masterSheet = sheet(SAMPLE_SHEET_NAMES.master);
const header = masterSheet.rows[SAMPLE_MASTER_HEADER_INDEX] as string[];
const col = (h: string): number => {
  const i = header.indexOf(h);
  if (i < 0) throw new Error(`no column ${h}`);
  return i;
};
const dataRows = masterSheet.rows.slice(SAMPLE_MASTER_HEADER_INDEX + 1);
const master: Row[] = dataRows.map((r) => ({
  pref: String(r[col("都道府県")]),
  name: String(r[col("福祉事務所名 ※保険者コード単位")]),
  code: String(r[col("保険者コード")]),
  recipients: numberOf(r[col("被保護者 人数(人)")]),
  vendor: String(r[col("ベンダ （略称）")]),
  start: dateOf(r[col("資格情報登録開始日")]),
  survey: r[col("アンケート対象")] === "○",
  answerDate: dateOf(r[col("アンケート回答日")]),
  answer: answerKey(r[col("登録予定月")]),
  plan: planKey(r[col("登録予定時期")]),
  mailDate: dateOf(r[col("状況確認メール送付日")]),
  reply: r[col("状況確認メール返信")] as string | null,
  exclusion: r[col("除外区分")] as string | null,
}));

/** Start dates after applying the lists of the first `n` rounds. */
function startsAfter(n: number): Map<string, string | null> {
  const starts = new Map(master.map((o) => [o.code, o.start]));
  for (const round of book.rounds.slice(0, n)) {
    for (const r of round.list.rows.slice(1)) starts.set(String(r[0]), dateOf(r[2]));
  }
  return starts;
}
const unregisteredAt = (starts: Map<string, string | null>, date: string) =>
  master.filter((o) => {
    const s = starts.get(o.code);
    return s === null || s === undefined || s > date;
  });
const sum = (rows: Row[]) => rows.reduce((a, o) => a + o.recipients, 0);
const finalStarts = startsAfter(book.rounds.length);

// ---------------------------------------------------------------------------------------------

describe("sample workbook: structure", () => {
  it("is deterministic", () => {
    expect(buildSampleBook()).toEqual(book);
  });

  it("has the sheets and rounds of the contract", () => {
    expect(book.sheets.map((s) => s.name)).toEqual([
      "設定",
      "マスタ",
      SAMPLE_SHEET_NAMES.suspensionEarlier,
      SAMPLE_SHEET_NAMES.suspension,
      SAMPLE_SHEET_NAMES.errors,
    ]);
    expect(book.rounds.map((r) => r.asOf)).toEqual([...SAMPLE_ROUND_DATES]);
    for (const r of book.rounds) {
      expect(r.list.name).toBe(`支払基金_登録状況_${r.asOf.replaceAll("-", "")}`);
      expect(r.list.rows[0]).toEqual(["保険者コード", "保険者名", "資格情報登録開始日", "データ基準日"]);
      for (const row of r.list.rows.slice(1)) {
        expect(dateOf(row[2])! <= r.asOf).toBe(true);
        expect(dateOf(row[3])).toBe(r.asOf);
      }
    }
    expect(sheet("設定").rows).toEqual([
      ["項目", "値"],
      ["全数_福祉事務所数", 1104],
      ["全数_被保護者数", 2008090],
      ["優先_被保護者数閾値", 1000],
      ["アンケート_基準月", "2024-10"],
      ["公文書_発出月", "2025-03, 2025-04"],
    ]);
  });

  it("has 1,104 offices, 2,008,090 recipients and valid unique codes", () => {
    expect(header).toEqual([...SAMPLE_MASTER_HEADERS]);
    expect(header).toContain("担当者");
    expect(masterSheet.rows.slice(0, SAMPLE_MASTER_HEADER_INDEX).every((r) => !r.includes("保険者コード"))).toBe(true);
    expect(master).toHaveLength(1104);
    expect(sum(master)).toBe(2_008_090);
    const codes = master.map((o) => o.code);
    expect(new Set(codes).size).toBe(1104);
    const shortForms = new Map(PREFECTURES.map((p, i) => [p.replace(/[都府県]$/, ""), i + 1]));
    for (const o of master) {
      expect(o.code).toMatch(/^(12|25)\d{6}$/);
      expect(officeCheck(o.code.slice(0, 7))).toBe(Number(o.code[7]));
      const prefNo = PREFECTURES.indexOf(o.pref) + 1 || shortForms.get(o.pref);
      expect(Number(o.code.slice(2, 4))).toBe(prefNo);
      expect(o.recipients).toBeGreaterThanOrEqual(0);
    }
    expect(codes.filter((c) => c.startsWith("25")).length).toBeGreaterThan(0);
    expect(codes.filter((c) => c.startsWith("25")).length).toBeLessThan(20);
    expect(master.filter((o) => o.survey)).toHaveLength(185);
    // Non-survey offices all registered in 2023 – mid 2024.
    for (const o of master.filter((x) => !x.survey)) {
      expect(o.start).not.toBeNull();
      expect(o.start! >= "2023-01-01" && o.start! <= "2024-06-30").toBe(true);
    }
  });

  it("plants the harmless defects", () => {
    const cells = dataRows.flat();
    expect(cells).toContain("東京"); // short prefecture form
    expect(cells).toContain("１，２３４"); // number typed as full-width text
    expect(cells).toContain("2023/10/2"); // a start date typed as text
    expect(dataRows.some((r) => typeof r[col("保険者コード")] === "number")).toBe(true);
    expect(master.filter((o) => o.name.includes("●"))).toHaveLength(1);
    expect(master.find((o) => o.pref === "東京")!.recipients).toBeLessThan(100);
    // Names are fictional: municipalities come from the invented stems (or 架空市) / prefectures.
    for (const r of dataRows) {
      const muni = String(r[col("自治体名")]);
      expect(PREFECTURES.includes(muni) || muni === "架空市" || /^[北南東西中新上下].+[市町村]$/.test(muni)).toBe(true);
    }
  });

  it("reports the late starters a round late", () => {
    const codesOf = (i: number) => new Set(book.rounds[i].list.rows.slice(1).map((r) => String(r[0])));
    const added = (i: number) => {
      const before = codesOf(i - 1);
      return book.rounds[i].list.rows
        .slice(1)
        .filter((r) => !before.has(String(r[0])))
        .map((r) => dateOf(r[2]))
        .sort();
    };
    expect(added(1)).toEqual(["2024-12-10", "2024-12-16"]);
    expect(added(2)).toEqual([]);
    expect(added(3)).toEqual(["2024-12-20", "2024-12-20", "2024-12-23", "2024-12-24", "2024-12-25"]);
    expect(added(4)).toEqual(["2025-01-07", "2025-01-10", "2025-01-10", "2025-01-10", "2025-01-14"]);
    expect(added(5)).toEqual(["2025-01-31", "2025-01-31"]);
  });
});

describe("sample workbook: §4 figures", () => {
  it("reproduces the snapshots", () => {
    let previous: Set<string> | null = null;
    SAMPLE_EXPECTED.snapshots.forEach((exp, i) => {
      const starts = startsAfter(i + 1);
      const u = unregisteredAt(starts, exp.asOf);
      const large = u.filter((o) => o.recipients >= 1000);
      expect({ asOf: exp.asOf, offices: u.length, recipients: sum(u) }).toEqual({
        asOf: exp.asOf,
        ...exp.unregistered,
      });
      expect(1104 - u.length).toBe(exp.registered.offices);
      expect(2_008_090 - sum(u)).toBe(exp.registered.recipients);
      expect({ offices: large.length, recipients: sum(large) }).toEqual(exp.large);
      const codes = new Set(u.map((o) => o.code));
      if (previous === null) expect(exp.newlyRegistered).toBeNull();
      else {
        const prev: Set<string> = previous;
        const newly = master
          .filter((o) => prev.has(o.code) && !codes.has(o.code))
          .map((o) => ({ startDate: starts.get(o.code)!, recipients: o.recipients }))
          .sort((a, b) => (a.startDate === b.startDate ? b.recipients - a.recipients : a.startDate < b.startDate ? -1 : 1));
        expect(newly).toEqual(exp.newlyRegistered);
      }
      previous = codes;
    });
    // The seed's shares as printed.
    const pct = (a: number, b: number, digits: number) => ((a / b) * 100).toFixed(digits);
    expect(pct(110_245, 2_008_090, 2)).toBe("5.49");
    expect(pct(87_665, 110_245, 2)).toBe("79.52");
    expect(pct(13_513, 36_093, 2)).toBe("37.44");
    expect(pct(13_513, 33_874, 1)).toBe("39.9");
    expect(pct(13_513, 32_864, 1)).toBe("41.1");
  });

  it("reproduces 架電結果まとめ on the final master", () => {
    const pop = master.filter((o) => o.survey);
    for (const exp of SAMPLE_EXPECTED.survey) {
      const a = exp.date;
      const reg = pop.filter((o) => finalStarts.get(o.code) !== null && finalStarts.get(o.code)! <= a);
      const unreg = pop.filter((o) => !reg.includes(o));
      const answered = unreg.filter((o) => o.answerDate !== null && o.answerDate <= a);
      const planned = answered.filter((o) => o.answer !== "登録済み" && monthOfKey(o.answer!) >= "2024-10");
      const delayed = answered.filter((o) => o.answer === "登録済み" || monthOfKey(o.answer!) < "2024-10");
      const delayedBy: Record<string, number> = {};
      for (const o of delayed) delayedBy[o.answer!] = (delayedBy[o.answer!] ?? 0) + 1;
      expect({
        date: a,
        registered: reg.length,
        unregistered: unreg.length,
        unanswered: unreg.length - answered.length,
        answered: answered.length,
        planned: planned.length,
        plannedThisYear: planned.filter((o) => !isLater(o.answer!, "2025-03")).length,
        plannedLater: planned.filter((o) => isLater(o.answer!, "2025-03")).length,
        delayed: delayed.length,
        delayedBy,
      }).toEqual(exp);
    }
  });

  it("makes the 88 unregistered on 12-02 answered survey offices, registered since 11-19 otherwise", () => {
    const u = unregisteredAt(startsAfter(1), "2024-12-02");
    expect(u.every((o) => o.survey && o.answerDate !== null && o.answerDate <= "2024-11-19")).toBe(true);
    const between = master.filter((o) => {
      const s = finalStarts.get(o.code);
      return o.survey && s !== null && s! > "2024-11-19" && s! <= "2024-12-02";
    });
    expect(between).toHaveLength(24);
  });

  it("reproduces the planned-month distribution of 12-17", () => {
    const u = unregisteredAt(startsAfter(2), SAMPLE_EXPECTED.distributionAt);
    const counts: Record<string, number> = {};
    for (const o of u) counts[o.answer ?? "未回答"] = (counts[o.answer ?? "未回答"] ?? 0) + 1;
    expect(counts).toEqual(Object.fromEntries(SAMPLE_EXPECTED.distribution.map((x) => [x.plan, x.offices])));
    expect(u).toHaveLength(86);
  });

  it("produces the stated classes at 11-28", () => {
    const a = SAMPLE_EXPECTED.classesAt;
    const u = unregisteredAt(finalStarts, a).filter((o) => o.answer !== null);
    const classes: Record<string, number> = {};
    for (const o of u) {
      const k = o.answer!;
      const large = o.recipients >= 1000;
      const later = k !== "登録済み" && isLater(k, "2025-03");
      const delayed = k === "登録済み" || (!k.endsWith("以降") && lastDay(k) < a);
      const withinYear = k !== "登録済み" && !k.endsWith("以降") && k <= "2025-03";
      const c = large && later ? "①" : large && delayed ? "②" : large && withinYear ? "③" : !large && later ? "④" : null;
      if (c) classes[c] = (classes[c] ?? 0) + 1;
    }
    expect(classes).toEqual(SAMPLE_EXPECTED.classes);
  });

  it("reproduces the official-document targeting of 01-23", () => {
    const exp = SAMPLE_EXPECTED.documents;
    const months = exp.months;
    const firstAtLeast = (m: string) => months.find((x) => x >= m) ?? months[months.length - 1];
    const u = unregisteredAt(startsAfter(5), "2025-01-21");
    const branches: Record<string, number> = {};
    const byMonth: Record<string, number> = {};
    const replies: Record<string, number> = {};
    for (const o of u) {
      let branch: string;
      let month: string | null;
      if (o.exclusion === "被災地域") [branch, month] = ["disaster", months[0]];
      else if (o.exclusion === "被保護者数0" || o.recipients === 0) [branch, month] = ["zero-recipients", null];
      else if (o.exclusion === "打合せ確認済") [branch, month] = ["meeting-confirmed", firstAtLeast(addMonth(monthOfKey(o.plan!), 1))];
      else if (o.mailDate === null) [branch, month] = ["no-mail", months[0]];
      else if (o.reply === null || o.reply === "返信なし") [branch, month] = ["no-reply", months[0]];
      else if (o.reply === "未定") [branch, month] = ["undecided", null];
      else {
        const k = monthKey(o.reply)!;
        replies[k] = (replies[k] ?? 0) + 1;
        [branch, month] = ["reply-month", firstAtLeast(addMonth(monthOfKey(k), 1))];
      }
      branches[branch] = (branches[branch] ?? 0) + 1;
      byMonth[month ?? "none"] = (byMonth[month ?? "none"] ?? 0) + 1;
    }
    expect(u).toHaveLength(exp.total);
    expect({ "no-mail": 0, ...branches }).toEqual(exp.branches);
    expect(replies).toEqual(exp.replies);
    expect(byMonth).toEqual(exp.byMonth);
    // The meeting-confirmed offices all plan 令和7年3月.
    expect(u.filter((o) => o.exclusion === "打合せ確認済").map((o) => o.plan)).toEqual(new Array(4).fill("2025-03"));
  });
});

describe("sample workbook: Payment Fund lists", () => {
  const byCode = new Map(master.map((o) => [o.code, o]));
  const prefOf = (o: Row) => PREFECTURES.find((p) => p === o.pref || p.replace(/[都府県]$/, "") === o.pref)!;

  function readSuspension(name: string) {
    const rows = sheet(name).rows;
    const upper = rows[SAMPLE_SUSPENSION_HEADER_INDEX - 1];
    let group = "";
    const names = rows[SAMPLE_SUSPENSION_HEADER_INDEX].map((h, i) => {
      if (upper[i]) group = String(upper[i]);
      return ["加入中", "資格喪失", "合計"].includes(String(h)) ? `${group}_${h}` : String(h);
    });
    const c = (h: string) => names.indexOf(h);
    return rows.slice(SAMPLE_SUSPENSION_HEADER_INDEX + 1).map((r) => ({
      code: String(r[c("保険者コード")]),
      qa: r[c("資格情報_加入中")] as number,
      ql: r[c("資格情報_資格喪失")] as number,
      qt: r[c("資格情報_合計")] as number,
      ma: r[c("医療情報_加入中")] as number,
      ml: r[c("医療情報_資格喪失")] as number,
      mt: r[c("医療情報_合計")] as number,
    }));
  }

  it("reproduces the vendor and prefecture aggregates of the current 閲覧停止 list", () => {
    const list = readSuspension(SAMPLE_SHEET_NAMES.suspension);
    const exp = SAMPLE_EXPECTED.suspension;
    expect(list.every((r) => byCode.has(r.code))).toBe(true);
    expect(list.every((r) => r.qt === r.qa + r.ql && r.mt === r.ma + r.ml)).toBe(true);
    expect(list.reduce((a, r) => a + r.mt, 0)).toBe(exp.total);

    const vendorCounts = new Map<string, number>();
    const prefCounts = new Map<string, number>();
    for (const r of list) {
      const o = byCode.get(r.code)!;
      vendorCounts.set(o.vendor, (vendorCounts.get(o.vendor) ?? 0) + r.mt);
      prefCounts.set(prefOf(o), (prefCounts.get(prefOf(o)) ?? 0) + r.mt);
    }
    const vendors = [...vendorCounts].sort((a, b) => b[1] - a[1]);
    expect(vendors.map(([vendor, count]) => ({ vendor, count }))).toEqual(exp.vendors.map(({ vendor, count }) => ({ vendor, count })));
    for (const v of exp.vendors) {
      const offices = master.filter((o) => o.vendor === v.vendor).length;
      expect(offices).toBe(v.offices);
      expect(Math.round((offices / 1104) * 100)).toBe(v.officeSharePct);
    }
    expect(master.every((o) => exp.vendors.some((v) => v.vendor === o.vendor))).toBe(true);

    const top = [...prefCounts].sort((a, b) => b[1] - a[1]);
    expect(top.slice(0, 10).map(([prefecture, count]) => ({ prefecture, count }))).toEqual(
      exp.prefectures.map(({ prefecture, count }) => ({ prefecture, count })),
    );
    expect(top[10][1]).toBeLessThan(481);
    for (const p of exp.prefectures) {
      // By the 都道府県 column read literally, and by the code's 都道府県番号: both round the same.
      const literal = sum(master.filter((o) => o.pref === p.prefecture));
      const byNumber = sum(master.filter((o) => Number(o.code.slice(2, 4)) === PREFECTURES.indexOf(p.prefecture) + 1));
      expect(Math.round((literal / 2_008_090) * 100)).toBe(p.recipientSharePct);
      expect(Math.round((byNumber / 2_008_090) * 100)).toBe(p.recipientSharePct);
    }
  });

  it("has an earlier list with higher counts for the same offices and one planted total mismatch", () => {
    const now = readSuspension(SAMPLE_SHEET_NAMES.suspension);
    const before = readSuspension(SAMPLE_SHEET_NAMES.suspensionEarlier);
    expect(before.map((r) => r.code)).toEqual(now.map((r) => r.code));
    before.forEach((r, i) => expect(r.mt).toBeGreaterThan(now[i].mt));
    expect(before.every((r) => r.mt === r.ma + r.ml)).toBe(true);
    expect(before.filter((r) => r.qt !== r.qa + r.ql)).toHaveLength(1);
  });

  it("has an error list with Z09 / Z04 cases, one ● and exactly one probable 個人番号 in the whole book", () => {
    const rows = sheet(SAMPLE_SHEET_NAMES.errors).rows;
    const h = rows[0] as string[];
    expect(h).toEqual(["保険者コード", "被保険者番号", "氏名", "氏名カナ", "生年月日", "性別", "住所", "エラーコード", "備考"]);
    const data = rows.slice(1);
    expect(data.length).toBeGreaterThanOrEqual(25);
    const z09 = data.filter((r) => r[7] === "Z09");
    const z04 = data.filter((r) => r[7] === "Z04");
    expect(z09.length).toBeGreaterThan(5);
    expect(z09.every((r) => !/[市区郡町村]/.test(String(r[6])))).toBe(true);
    expect(z04.every((r) => /\s$|\s\s/.test(String(r[2])))).toBe(true);
    expect(data.filter((r) => String(r[6]).includes("●"))).toHaveLength(1);
    expect(data.every((r) => byCode.has(String(r[0])))).toBe(true);

    const hits: string[] = [];
    const all = [...book.sheets, ...book.rounds.map((r) => r.list)];
    for (const s of all) {
      s.rows.forEach((r, ri) =>
        r.forEach((v, ci) => {
          const text = typeof v === "number" ? String(v) : typeof v === "string" ? v.normalize("NFKC") : "";
          for (const run of text.match(/\d+(?:[ -]\d+)*/g) ?? []) {
            const digits = run.replace(/[ -]/g, "");
            if (digits.length >= 12) {
              expect(digits.length).toBe(12);
              if (myNumberFits(digits)) hits.push(`${s.name}!${ri},${ci}`);
            }
          }
        }),
      );
    }
    expect(hits).toEqual([`${SAMPLE_SHEET_NAMES.errors}!${data.findIndex((r) => r[8] !== null && /\d{12}/.test(String(r[8]))) + 1},8`]);
  });
});
