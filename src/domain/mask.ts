/**
 * Masking a workbook for sharing (pure): which cells to replace by ■, which office codes to swap
 * for pseudo codes, and which cells hold a probable 個人番号 and must be emptied.
 *
 * What is masked, and how it is found:
 * - マスタ and every `支払基金_` list: the columns of the personal / identifying fields, found by
 *   the table reader (福祉事務所名, 自治体名; 氏名, 氏名カナ, 生年月日, 住所, 被保険者番号; the
 *   保険者名 of the lists) plus columns whose header names a person's contact (担当者, 電話番号 …).
 * - Every other sheet (the generated ones — スナップショット履歴, 期間差分, 優先対応, 公文書対象,
 *   閲覧停止集計, 検証結果 … — and the user's own): by header name. A header row is a row of text
 *   cells that names at least one masked field; the cells below it in those columns are masked
 *   down to the next blank row. In "field / value" layouts (期間差分's 項目, 検証結果's 列) a row
 *   whose field is a masked one has its value cells masked.
 * - Everywhere: any text cell equal to a masked value (formula copies, hand-made pivot sheets).
 * - Everywhere: a cell that is or contains a probable 個人番号 is emptied whole (it must never be in
 *   the book at all, so ■ would still say "there was one here" in the wrong column).
 * Codes are kept, or with `hashCodes` replaced by pseudo codes: 法別番号 and 都道府県番号 stay (so
 * aggregates by prefecture still work), the 実施機関番号 goes through a salted permutation (no two
 * offices collide, the same office gets the same pseudo code on every sheet), and the check digit is
 * recomputed so the pseudo code still validates.
 */
import type { OutCell, RawCell } from "./cell";
import { holdsProbableMyNumber, officeCheckDigit, parseOfficeCode } from "./codes";
import { SCHEMAS, SHEET_NAMES, type SheetKind } from "./schema/fields";
import { headerKey, isBlankCell, isBlankRow, readTable, type Table } from "./schema/table";
import { classifySheet } from "./validate";
import { nfkc } from "./text";
import type { SheetGrid } from "./grid";
import { PREFECTURES } from "./prefectures";

/** What a masked cell becomes. One mark whatever the length, so the length does not leak either. */
export const MASK = "■";

/** Fields of the engine's tables whose values are masked. */
const MASKED_FIELDS: Partial<Record<SheetKind, string[]>> = {
  master: ["name", "municipality"],
  "pf-registration": ["name"],
  "pf-suspension": ["name"],
  "pf-errors": ["insuredNumber", "personName", "personKana", "birthDate", "address"],
};

/** The header names of fields of the engine's schemas (label and synonyms), for sheets read by header name. */
function schemaHeaders(fields: Partial<Record<SheetKind, readonly string[]>>): string[] {
  return Object.entries(fields).flatMap(([kind, keys]) =>
    SCHEMAS[kind as SheetKind].fields.filter((f) => keys!.includes(f.key)).flatMap((f) => [f.label, ...f.synonyms]),
  );
}

/**
 * Header names (compared as headerKey) whose columns are masked on any sheet: every name the table
 * reader knows for the masked fields (the same header detection as everywhere), plus a person's
 * contact details a consultant may keep in an extra column.
 */
export const MASKED_HEADERS: ReadonlySet<string> = new Set(
  [
    ...schemaHeaders(MASKED_FIELDS),
    "市区町村名", "市区町村", "市町村名",
    "担当者", "担当者名", "電話番号", "電話", "メールアドレス", "連絡先",
  ].map(headerKey),
);

/** Header names of office-code columns (pseudo-coded with hashCodes): the schema's names for 保険者コード. */
export const CODE_HEADERS: ReadonlySet<string> = new Set(schemaHeaders({ master: ["code"] }).map(headerKey));

/** Headers of the "field" column of field / value layouts (検証結果's 列, 期間差分's 項目). */
const FIELD_HEADERS: ReadonlySet<string> = new Set(["列", "項目"].map(headerKey));
/** Columns right of the field column that describe the finding, not the value (kept). */
const DESCRIPTIVE_HEADERS: ReadonlySet<string> = new Set(["セル", "ルール", "重要度"].map(headerKey));

export type MaskReason = "mask" | "code" | "mynumber" | "freetext";

/**
 * Free-text columns (what consultants write about an office): copied as they are unless the user
 * asks to blank them, since they may name people.
 */
export const FREE_TEXT_HEADERS: readonly string[] = ["現状", "方針", "回答理由", "備考"];
const FREE_TEXT_KEYS: ReadonlySet<string> = new Set(FREE_TEXT_HEADERS.map(headerKey));

/** The headers of the columns masked everywhere, for the pane's "what will be masked" list. */
export const MASKED_FIELD_LABELS: readonly string[] = [
  "福祉事務所名（保険者名）", "自治体名・市区町村名", "氏名", "氏名カナ", "生年月日", "住所", "被保険者番号", "担当者", "電話番号", "メールアドレス", "連絡先",
];

/**
 * Values the exact-value sweep never masks: a prefecture name is public (a prefecture-run office's
 * 自治体名 is its prefecture, and ■-ing every 東京都 would wipe the 都道府県 column).
 */
const NEVER_SWEPT: ReadonlySet<string> = new Set(PREFECTURES.map((p) => nfkc(p).trim()));
/** Columns the sweep never enters: 都道府県 (public, and what prefecture aggregates need). */
const UNSWEPT_HEADERS: ReadonlySet<string> = new Set(["都道府県", "都道府県名"].map(headerKey));

export interface CellEdit {
  sheet: string;
  /** 1-based sheet row / column. */
  row: number;
  col: number;
  value: OutCell;
  reason: MaskReason;
}

export interface MaskPlanOptions {
  /** Replace office codes by pseudo codes (default: keep them). */
  hashCodes?: boolean;
  /** Secret for the pseudo codes; the same salt gives the same pseudo codes. */
  salt?: string;
  /** Empty the free-text columns (現状, 方針, 回答理由, 備考) too. */
  blankFreeText?: boolean;
}

export interface MaskPlan {
  edits: CellEdit[];
  /** Cells replaced by ■. */
  masked: number;
  /** Cells whose office code became a pseudo code. */
  hashedCodes: number;
  /** Cells emptied because they held a probable 個人番号. */
  removedMyNumbers: number;
  /** Free-text cells emptied (blankFreeText). */
  blankedFreeText: number;
  /** Sheets with at least one edit, in the order given. */
  sheets: string[];
}

// ---------------------------------------------------------------------------------------------
// Pseudo codes

/** cyrb53: a small, well-mixed 53-bit string hash (pure JS, same result in Node and browsers). */
export function hash53(s: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/**
 * Maps office codes to pseudo codes. A salted permutation of 000–999 per 法別番号 + 都道府県番号
 * makes the mapping one-to-one; the check digit keeps its offset from the correct one, so a valid
 * code maps to a valid code and an invalid one stays invalid (and still distinct).
 */
export function pseudoCoder(salt: string): (code8: string) => string {
  const permutations = new Map<string, number[]>();
  const permutation = (prefix: string): number[] => {
    let p = permutations.get(prefix);
    if (!p) {
      const keyed = Array.from({ length: 1000 }, (_, n) => ({ n, k: hash53(`${salt}|${prefix}|${n}`) }));
      keyed.sort((a, b) => a.k - b.k || a.n - b.n);
      p = keyed.map((x) => x.n);
      permutations.set(prefix, p);
    }
    return p;
  };
  return (code8) => {
    const prefix = code8.slice(0, 4);
    const institution = Number(code8.slice(4, 7));
    const first7 = `${prefix}${String(permutation(prefix)[institution]).padStart(3, "0")}`;
    const offset = (Number(code8[7]) - officeCheckDigit(code8.slice(0, 7)) + 10) % 10;
    return `${first7}${(officeCheckDigit(first7) + offset) % 10}`;
  };
}

// ---------------------------------------------------------------------------------------------
// Cells

/** True when the cell is, or contains, a probable 個人番号: the shared definition (codes.ts), the rule's own. */
export { holdsProbableMyNumber };

/** Every cell of a grid that holds a probable 個人番号, as 1-based (row, col). */
export function myNumberCells(grid: SheetGrid): { row: number; col: number }[] {
  const out: { row: number; col: number }[] = [];
  grid.values.forEach((cells, r) =>
    cells.forEach((v, c) => {
      if (holdsProbableMyNumber(v)) out.push({ row: grid.top + r, col: grid.left + c });
    }),
  );
  return out;
}

const textKey = (v: RawCell): string => (typeof v === "string" ? nfkc(v).trim() : "");
const cellHeaderKey = (v: RawCell): string => (typeof v === "string" ? headerKey(v) : "");

/** The engine's table on a sheet, when validate would read it as マスタ or a 支払基金_ list (same classification, same header detection). */
function engineTable(grid: SheetGrid): Table | null {
  const kind = classifySheet(grid);
  return kind && kind !== "settings" ? readTable(grid, kind) : null;
}

/** 0-based grid columns of a table to mask, and of its code column. */
function tableColumns(table: Table): { masked: Set<number>; codes: Set<number> } {
  const masked = new Set<number>();
  const codes = new Set<number>();
  for (const column of table.columns) {
    const key = headerKey(column.header);
    const fields = MASKED_FIELDS[table.kind] ?? [];
    if ((column.field && fields.includes(column.field)) || MASKED_HEADERS.has(key)) masked.add(column.index);
    if (column.field === "code") codes.add(column.index);
  }
  return { masked, codes };
}

/** A row that looks like a header: only text cells, at least two of them. */
function isHeaderLike(cells: RawCell[]): boolean {
  let texts = 0;
  for (const v of cells) {
    if (isBlankCell(v)) continue;
    if (typeof v !== "string") return false;
    texts++;
  }
  return texts >= 2;
}

interface Block {
  masked: Set<number>;
  codes: Set<number>;
  /** Field / value layout: the field column and the value columns right of it. */
  field?: { index: number; values: number[] };
}

function blockOf(cells: RawCell[]): Block | null {
  const masked = new Set<number>();
  const codes = new Set<number>();
  let fieldIndex = -1;
  cells.forEach((v, c) => {
    const key = cellHeaderKey(v);
    if (MASKED_HEADERS.has(key)) masked.add(c);
    else if (CODE_HEADERS.has(key)) codes.add(c);
    else if (FIELD_HEADERS.has(key) && fieldIndex < 0) fieldIndex = c;
  });
  if (masked.size === 0 && codes.size === 0 && fieldIndex < 0) return null;
  const block: Block = { masked, codes };
  if (fieldIndex >= 0) {
    const values: number[] = [];
    for (let c = fieldIndex + 1; c < cells.length; c++) {
      if (!masked.has(c) && !codes.has(c) && !DESCRIPTIVE_HEADERS.has(cellHeaderKey(cells[c]))) values.push(c);
    }
    block.field = { index: fieldIndex, values };
  }
  return block;
}

/**
 * The plan for one workbook: every edit, each cell at most once. Edits whose value equals the
 * current one are left out, so masking a masked book changes nothing.
 */
export function planMask(grids: readonly SheetGrid[], options: MaskPlanOptions = {}): MaskPlan {
  const hashCodes = options.hashCodes === true;
  const pseudo = pseudoCoder(options.salt ?? "");
  const edits = new Map<string, CellEdit>();
  const maskedTexts = new Set<string>();
  const knownCodes = new Set<string>();

  const put = (grid: SheetGrid, r: number, c: number, value: OutCell, reason: MaskReason): void => {
    const key = `${grid.name}\u0000${r}\u0000${c}`;
    const prior = edits.get(key);
    if (prior && (prior.reason === "mynumber" || reason !== "mynumber")) return;
    edits.set(key, { sheet: grid.name, row: grid.top + r, col: grid.left + c, value, reason });
  };
  const maskCell = (grid: SheetGrid, r: number, c: number): void => {
    const v = grid.values[r]?.[c] ?? null;
    if (isBlankCell(v)) return;
    const t = textKey(v);
    if (t.length >= 2 && t !== MASK && !NEVER_SWEPT.has(t)) maskedTexts.add(t);
    put(grid, r, c, MASK, "mask");
  };
  const codeCell = (grid: SheetGrid, r: number, c: number): void => {
    const v = grid.values[r]?.[c] ?? null;
    const parsed = parseOfficeCode(v);
    if (!parsed.ok) return;
    knownCodes.add(parsed.value);
    if (!hashCodes) return;
    const p = pseudo(parsed.value);
    put(grid, r, c, typeof v === "number" ? Number(p) : p, "code");
  };

  // 1. マスタ and the Payment Fund lists, through the engine's own table reader.
  for (const grid of grids) {
    const table = engineTable(grid);
    if (!table) continue;
    const { masked, codes } = tableColumns(table);
    const freeText = options.blankFreeText ? table.columns.filter((col) => FREE_TEXT_KEYS.has(headerKey(col.header))).map((col) => col.index) : [];
    for (const row of table.rows) {
      for (const c of masked) maskCell(grid, row.index, c);
      for (const c of codes) codeCell(grid, row.index, c);
      for (const c of freeText) if (!isBlankCell(grid.values[row.index]?.[c] ?? null)) put(grid, row.index, c, null, "freetext");
    }
  }

  // 2. Every other sheet, by header name.
  for (const grid of grids) {
    if (engineTable(grid)) continue;
    let block: Block | null = null;
    grid.values.forEach((cells, r) => {
      if (isBlankRow(cells)) {
        block = null;
        return;
      }
      // A table's rows run down to the next blank row; only then can a new header start (data
      // rows of text only would otherwise pass for headers).
      if (!block && isHeaderLike(cells)) {
        const next = blockOf(cells);
        if (next) {
          block = next;
          return;
        }
      }
      if (!block) return;
      const b: Block = block;
      for (const c of b.masked) maskCell(grid, r, c);
      for (const c of b.codes) codeCell(grid, r, c);
      if (b.field) {
        const key = cellHeaderKey(cells[b.field.index] ?? null);
        if (MASKED_HEADERS.has(key)) for (const c of b.field.values) maskCell(grid, r, c);
        else if (CODE_HEADERS.has(key)) for (const c of b.field.values) codeCell(grid, r, c);
      }
    });
  }

  // 3. Copies of masked values and known codes anywhere (never in a 都道府県 column); 4. probable 個人番号 anywhere.
  for (const grid of grids) {
    const unswept = unsweptColumns(grid);
    grid.values.forEach((cells, r) =>
      cells.forEach((v, c) => {
        if (holdsProbableMyNumber(v)) {
          put(grid, r, c, null, "mynumber");
          return;
        }
        // 設定 holds the user's parameters, never copies of names.
        if (grid.name === SHEET_NAMES.settings || unswept.has(c)) return;
        if (typeof v === "string" && maskedTexts.has(textKey(v))) maskCell(grid, r, c);
        else if (hashCodes && (typeof v === "number" || typeof v === "string")) {
          const parsed = parseOfficeCode(v);
          if (parsed.ok && knownCodes.has(parsed.value)) codeCell(grid, r, c);
        }
      }),
    );
  }

  const current = new Map(grids.map((g) => [g.name, g]));
  const changed = [...edits.values()].filter((e) => {
    const g = current.get(e.sheet) as SheetGrid;
    const old = g.values[e.row - g.top]?.[e.col - g.left] ?? null;
    return old !== e.value;
  });
  const order = new Map(grids.map((g, i) => [g.name, i]));
  changed.sort((a, b) => (order.get(a.sheet) ?? 0) - (order.get(b.sheet) ?? 0) || a.col - b.col || a.row - b.row);
  const count = (reason: MaskReason) => changed.filter((e) => e.reason === reason).length;
  return {
    edits: changed,
    masked: count("mask"),
    hashedCodes: count("code"),
    removedMyNumbers: count("mynumber"),
    blankedFreeText: count("freetext"),
    sheets: grids.map((g) => g.name).filter((n) => changed.some((e) => e.sheet === n)),
  };
}

/** 0-based columns under a 都道府県 header in the sheet's first rows (the sweep leaves them alone). */
function unsweptColumns(grid: SheetGrid): Set<number> {
  const out = new Set<number>();
  for (const cells of grid.values.slice(0, 15)) cells.forEach((v, c) => UNSWEPT_HEADERS.has(cellHeaderKey(v)) && out.add(c));
  return out;
}

/** Groups edits into vertical runs of one column (one write per run, not per cell). */
export function editRuns(edits: readonly CellEdit[]): { sheet: string; row: number; col: number; values: OutCell[] }[] {
  const runs: { sheet: string; row: number; col: number; values: OutCell[] }[] = [];
  const sorted = [...edits].sort((a, b) => (a.sheet < b.sheet ? -1 : a.sheet > b.sheet ? 1 : a.col - b.col || a.row - b.row));
  for (const e of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.sheet === e.sheet && last.col === e.col && last.row + last.values.length === e.row) last.values.push(e.value);
    else runs.push({ sheet: e.sheet, row: e.row, col: e.col, values: [e.value] });
  }
  return runs;
}
