/**
 * A strict in-memory fake of the part of the Excel JavaScript API (Office.js) that the add-in uses.
 *
 * It keeps Office's batching rules so that adapter code which works here has a fair chance of
 * working in Excel:
 * - every object is a proxy; reading a scalar property that was not loaded (load() + sync())
 *   throws `PropertyNotLoaded`; unknown members throw instead of silently succeeding;
 * - setters and methods only queue operations; the model changes at `context.sync()`, in order;
 * - loaded values are snapshots taken when the load ran inside the sync;
 * - a request whose JSON payload exceeds `maxPayloadBytes` is rejected whole with
 *   `RequestPayloadSizeLimitExceeded` (Excel on the web limits requests and responses to 5 MB);
 * - writing strings through `values` follows Excel's typing rules: `=`/`+`/`-`/`@` make a formula,
 *   numbers and dates are converted, unless the cell is formatted `@` or the string starts with `'`.
 */
import {
  GENERAL,
  MAX_COLS,
  MAX_ROWS,
  cellKey,
  formatAddress,
  keyCol,
  keyRow,
  newSheet,
  parseAddress,
  quoteSheetName,
  rectContains,
  rectsIntersect,
  usedRect,
  type FakeBook,
  type FakeCell,
  type FakeChart,
  type FakeConditionalFormat,
  type FakePrint,
  type FakeSheet,
  type FakeTable,
  type FakeValue,
  type Rect,
} from "./model";

export interface FakeExcelOptions {
  /** Largest accepted request (and response) payload in bytes; default 5 MB like Excel on the web. */
  maxPayloadBytes?: number;
  /** Highest ExcelApi 1.x the host supports (default 20); newer members throw ApiNotFound. */
  excelApi?: number;
  /**
   * Largest range whose values/numberFormat/formulas load (default 5,000,000 cells). Above it recent
   * Excel returns `null` for the property instead of failing (office-js #4783, #6781).
   */
  maxCells?: number;
  /** Some Excel on the web builds report a too-large request as GeneralException, not the payload code. */
  largeRequestAsGeneralException?: boolean;
  /** Largest base64 `Excel.createWorkbook` accepts (Excel on the web sends it in one request). */
  createWorkbookMaxBytes?: number;
  /** Text Excel gives a blank table header (`Column1` in English Excel, `列1` in Japanese). */
  blankHeaderPrefix?: string;
}

export interface SyncRecord {
  /** UTF-8 length of the JSON of the queued operations. */
  requestBytes: number;
  /** UTF-8 length of the JSON of the loaded values returned. */
  responseBytes: number;
  ok: boolean;
  errorCode?: string;
}

export interface FakeStats {
  /** Number of context.sync() calls, failed ones included. */
  syncs: number;
  /** One record per sync, in order. */
  requests: SyncRecord[];
  /** Number of Excel.run calls and the options each one received. */
  runs: number;
  runOptions: (Record<string, unknown> | undefined)[];
  /** Number of worksheets deleted through the API (deleting clears the user's undo stack). */
  sheetDeletes: number;
  /** Largest request payload of a successful sync. */
  readonly maxOkRequestBytes: number;
  reset(): void;
}

export class FakeOfficeError extends Error {
  override readonly name = "RichApi.Error";
  readonly debugInfo: { code: string; message: string };
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.debugInfo = { code, message };
  }
}

// TextEncoder rather than Node's Buffer, so the fake also runs in the browser (e2e stub).
const utf8 = new TextEncoder();
const utf8Length = (s: string): number => utf8.encode(s).length;

// ---- context and batching ---------------------------------------------------------------------

interface PendingLoad {
  obj: ClientObj;
  prop: string;
  value: unknown;
}

interface RunState {
  pending: PendingLoad[];
}

interface Op {
  payload: unknown;
  run(state: RunState): void;
}

class Ctx {
  ops: Op[] = [];
  closed = false;
  readonly workbook: WorkbookObj;
  readonly application: ApplicationObj;

  constructor(
    readonly book: FakeBook,
    readonly env: Env,
  ) {
    this.workbook = strict(new WorkbookObj(this));
    this.application = this.workbook.application;
  }

  queue(payload: unknown, run: (state: RunState) => void): void {
    if (this.closed) {
      throw new FakeOfficeError("InvalidObjectPath", "The object is used outside of its Excel.run batch.");
    }
    this.ops.push({ payload, run });
  }

  async sync(): Promise<void> {
    if (this.closed) throw new FakeOfficeError("InvalidObjectPath", "sync() after the batch ended.");
    const ops = this.ops;
    this.ops = [];
    const stats = this.env.stats;
    stats.syncs++;
    const record: SyncRecord = { requestBytes: 0, responseBytes: 0, ok: false };
    stats.requests.push(record);
    record.requestBytes = utf8Length(JSON.stringify(ops.map((o) => o.payload)));
    await Promise.resolve();
    const fail = (e: unknown): never => {
      const err =
        e instanceof FakeOfficeError ? e : new FakeOfficeError("GeneralException", e instanceof Error ? e.message : String(e));
      record.errorCode = err.code;
      throw err;
    };
    if (record.requestBytes > this.env.maxPayloadBytes) {
      fail(
        new FakeOfficeError(
          this.env.largeRequestAsGeneralException ? "GeneralException" : "RequestPayloadSizeLimitExceeded",
          `The request payload size (${record.requestBytes} bytes) has exceeded the limit.`,
        ),
      );
    }
    // A test's failure injection: the request is lost before Excel applies any of it.
    if (this.env.failSync) {
      try {
        this.env.failSync(stats.syncs - 1);
      } catch (e) {
        fail(e);
      }
    }
    const state: RunState = { pending: [] };
    this.env.deletedThisSync = [];
    for (const op of ops) {
      try {
        op.run(state);
      } catch (e) {
        // Like Excel: operations before the failing one stay applied; the rest are dropped.
        fail(e);
      }
    }
    record.responseBytes = utf8Length(
      JSON.stringify(state.pending.map((p) => (p.value instanceof ClientObj ? null : p.value))),
    );
    if (record.responseBytes > this.env.maxPayloadBytes) {
      fail(new FakeOfficeError("ResponsePayloadSizeLimitExceeded", "The response payload size has exceeded the limit."));
    }
    for (const p of state.pending) p.obj.loadedProps.set(p.prop, p.value);
    record.ok = true;
  }
}

interface Env {
  maxPayloadBytes: number;
  maxCells: number;
  excelApi: number;
  largeRequestAsGeneralException: boolean;
  blankHeaderPrefix: string;
  stats: FakeStats;
  /** Conditional formats deleted in the sync now running (office-js #5222). */
  deletedThisSync: FakeConditionalFormat[];
  failSync: ((index: number) => void) | null;
}

/** Throws like Office.js does when a member newer than the host's ExcelApi is used. */
function requireApi(env: Env, minor: number, member: string): void {
  if (env.excelApi < minor) {
    throw new FakeOfficeError("ApiNotFound", `${member} needs ExcelApi 1.${minor}; this host supports 1.${env.excelApi}.`);
  }
}

/** Wraps an API object so that unknown members throw instead of reading as undefined. */
const PASS_THROUGH = new Set(["then", "toJSON", "constructor", "asymmetricMatch", "$$typeof", "nodeType"]);
function strict<T extends object>(obj: T): T {
  const cls = obj.constructor.name.replace(/Obj$/, "");
  return new Proxy(obj, {
    get(target, prop, receiver) {
      if (typeof prop === "symbol" || prop in target) return Reflect.get(target, prop, receiver);
      if (PASS_THROUGH.has(prop)) return undefined;
      throw new Error(`FakeExcel: ${cls}.${prop} is not supported by the fake`);
    },
    set(target, prop, value, receiver) {
      if (typeof prop === "symbol" || prop in target) return Reflect.set(target, prop, value, receiver);
      throw new Error(`FakeExcel: cannot set ${cls}.${String(prop)} (not supported by the fake)`);
    },
  });
}

const notLoaded = (cls: string, prop: string): FakeOfficeError =>
  new FakeOfficeError(
    "PropertyNotLoaded",
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context. (${cls})`,
  );

const nullObjectError = (what: string): FakeOfficeError =>
  new FakeOfficeError("InvalidOperation", `${what}: the object is a null object (it does not exist).`);

type LoadArg = string | string[] | { select?: string | string[]; expand?: string | string[] } | undefined;

function loadPaths(arg: LoadArg): string[] {
  const split = (v: string | string[] | undefined): string[] =>
    v === undefined ? [] : (Array.isArray(v) ? v : v.split(",")).map((s) => s.trim()).filter((s) => s !== "");
  if (arg === undefined || typeof arg === "string" || Array.isArray(arg)) return split(arg);
  return [...split(arg.select), ...split(arg.expand)];
}

/** Base of every API object: load bookkeeping and the PropertyNotLoaded rule. */
abstract class ClientObj {
  readonly loadedProps = new Map<string, unknown>();
  constructor(readonly ctx: Ctx) {}

  /** Scalar properties `load()` with no argument loads. */
  protected abstract readonly scalars: readonly string[];
  /** Describes the object in request payloads. */
  protected abstract describe(): string;
  /** Whether the object is a null object (resolved at sync time). */
  protected abstract resolveIsNull(): boolean;
  /** Current value of a scalar property, computed from the model at sync time. */
  protected abstract scalarValue(prop: string): unknown;
  /** Child API object for a navigation property (load paths like `format/font/bold`). */
  protected navigation(_prop: string): ClientObj | undefined {
    return undefined;
  }
  /** For collections: the item objects as of now. */
  protected collectionItems(): ClientObj[] | undefined {
    return undefined;
  }

  get isNullObject(): boolean {
    return this.read("isNullObject");
  }

  protected read<T>(prop: string): T {
    if (!this.loadedProps.has(prop)) throw notLoaded(this.constructor.name.replace(/Obj$/, ""), prop);
    const isNull = this.loadedProps.get("isNullObject");
    if (isNull === true && prop !== "isNullObject") throw nullObjectError(`reading ${prop}`);
    return this.loadedProps.get(prop) as T;
  }

  load(arg?: LoadArg): this {
    const paths = loadPaths(arg);
    this.ctx.queue({ load: this.describe(), paths }, (state) => this.runLoad(paths, state));
    return this;
  }

  /** Executes a load inside sync: records snapshots into state.pending. */
  runLoad(paths: string[], state: RunState): void {
    const isNull = this.resolveIsNull();
    state.pending.push({ obj: this, prop: "isNullObject", value: isNull });
    if (isNull) return;
    const items = this.collectionItems();
    const effective = paths.length > 0 ? paths : items ? ["items"] : [...this.scalars];
    const byHead = new Map<string, string[]>();
    for (const path of effective) {
      const [head, ...rest] = path.split("/");
      const list = byHead.get(head) ?? [];
      if (rest.length > 0) list.push(rest.join("/"));
      byHead.set(head, list);
    }
    for (const [head, rest] of byHead) {
      if (head === "items" && items) {
        for (const item of items) item.runLoad(rest, state);
        state.pending.push({ obj: this, prop: "items", value: items });
      } else if (this.scalars.includes(head)) {
        if (rest.length > 0) throw new FakeOfficeError("InvalidArgument", `'${head}' is not a navigation property`);
        state.pending.push({ obj: this, prop: head, value: this.scalarValue(head) });
      } else {
        const child = this.navigation(head);
        if (!child) throw new FakeOfficeError("InvalidArgument", `Cannot load unknown property '${head}' (fake)`);
        child.runLoad(rest, state);
      }
    }
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loadedProps);
  }
}

class ClientResult<T> {
  private loaded = false;
  private v: T | undefined;
  set(v: T): void {
    this.v = v;
    this.loaded = true;
  }
  get value(): T {
    if (!this.loaded) throw notLoaded("ClientResult", "value");
    return this.v as T;
  }
}

// ---- workbook, application, worksheets --------------------------------------------------------

class WorkbookObj extends ClientObj {
  protected readonly scalars = ["name", "use1904DateSystem"] as const;
  readonly worksheets: WorksheetCollectionObj;
  readonly application: ApplicationObj;
  constructor(ctx: Ctx) {
    super(ctx);
    this.worksheets = strict(new WorksheetCollectionObj(ctx));
    this.application = strict(new ApplicationObj(ctx));
  }
  protected describe(): string {
    return "workbook";
  }
  protected resolveIsNull(): boolean {
    return false;
  }
  protected scalarValue(prop: string): unknown {
    if (prop === "use1904DateSystem") {
      requireApi(this.ctx.env, 16, "Workbook.use1904DateSystem");
      return this.ctx.book.date1904 === true;
    }
    return "Book1.xlsx";
  }
  protected override navigation(prop: string): ClientObj | undefined {
    return prop === "worksheets" ? this.worksheets : undefined;
  }
  get name(): string {
    return this.read("name");
  }
  get use1904DateSystem(): boolean {
    return this.read("use1904DateSystem");
  }
}

class ApplicationObj extends ClientObj {
  protected readonly scalars = ["calculationMode"] as const;
  protected describe(): string {
    return "application";
  }
  protected resolveIsNull(): boolean {
    return false;
  }
  protected scalarValue(): unknown {
    return "Automatic";
  }
  get calculationMode(): string {
    return this.read("calculationMode");
  }
  /** No-op in the fake (there is no calculation), but it is queued like in Office. */
  suspendApiCalculationUntilNextSync(): void {
    this.ctx.queue({ suspendApiCalculationUntilNextSync: true }, () => undefined);
  }
}

const INVALID_SHEET_CHARS = /[[\]:*?/\\]/;

function validateSheetName(book: FakeBook, name: string, except?: FakeSheet): void {
  if (name.length === 0 || name.length > 31 || INVALID_SHEET_CHARS.test(name) || /^'|'$/.test(name)) {
    throw new FakeOfficeError("InvalidArgument", `Invalid worksheet name '${name}'.`);
  }
  if (book.sheets.some((s) => s !== except && s.name.toLowerCase() === name.toLowerCase())) {
    throw new FakeOfficeError("ItemAlreadyExists", `A worksheet named '${name}' already exists.`);
  }
}

class WorksheetCollectionObj extends ClientObj {
  protected readonly scalars = [] as const;
  protected describe(): string {
    return "worksheets";
  }
  protected resolveIsNull(): boolean {
    return false;
  }
  protected scalarValue(prop: string): unknown {
    throw new FakeOfficeError("InvalidArgument", `unknown property ${prop}`);
  }
  protected override collectionItems(): ClientObj[] {
    return this.ctx.book.sheets.map((s) => sheetObj(this.ctx, () => s, `sheet#${s.id}`));
  }
  get items(): WorksheetObj[] {
    return this.read("items");
  }
  getItem(name: string): WorksheetObj {
    return sheetObj(
      this.ctx,
      () => {
        const s = findSheet(this.ctx.book, name);
        if (!s) throw new FakeOfficeError("ItemNotFound", `The requested worksheet '${name}' doesn't exist.`);
        return s;
      },
      `sheet[${name}]`,
    );
  }
  getItemOrNullObject(name: string): WorksheetObj {
    return sheetObj(this.ctx, () => findSheet(this.ctx.book, name) ?? null, `sheet?[${name}]`);
  }
  getActiveWorksheet(): WorksheetObj {
    return sheetObj(
      this.ctx,
      () => this.ctx.book.sheets.find((s) => s.id === this.ctx.book.activeSheetId) ?? this.ctx.book.sheets[0],
      "activeSheet",
    );
  }
  getCount(): ClientResult<number> {
    const result = new ClientResult<number>();
    this.ctx.queue({ count: "worksheets" }, () => result.set(this.ctx.book.sheets.length));
    return result;
  }
  add(name?: string): WorksheetObj {
    let created: FakeSheet | undefined;
    const obj = sheetObj(
      this.ctx,
      () => {
        if (!created) throw new FakeOfficeError("InvalidObjectPath", "The added worksheet is used before it was created.");
        return created;
      },
      `newSheet[${name ?? ""}]`,
    );
    this.ctx.queue({ addWorksheet: name ?? null }, () => {
      const book = this.ctx.book;
      let sheetName = name;
      if (sheetName === undefined) {
        let n = book.sheets.length + 1;
        while (findSheet(book, `Sheet${n}`)) n++;
        sheetName = `Sheet${n}`;
      }
      validateSheetName(book, sheetName);
      created = newSheet(book, sheetName);
      book.sheets.push(created);
    });
    return obj;
  }
}

const isHidden = (s: FakeSheet): boolean => s.visibility === "Hidden" || s.visibility === "VeryHidden";

const findSheet = (book: FakeBook, name: string): FakeSheet | undefined =>
  book.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());

function sheetObj(ctx: Ctx, locate: () => FakeSheet | null, desc: string): WorksheetObj {
  return strict(new WorksheetObj(ctx, locate, desc));
}

class WorksheetObj extends ClientObj {
  protected readonly scalars = ["name", "position", "id", "visibility"] as const;
  private bound: FakeSheet | null | undefined;
  constructor(
    ctx: Ctx,
    private readonly locate: () => FakeSheet | null,
    private readonly desc: string,
  ) {
    super(ctx);
  }
  protected describe(): string {
    return this.desc;
  }
  /** The model sheet, or null for a null object. Binds on first use inside a sync. */
  resolve(): FakeSheet | null {
    if (this.bound === undefined) this.bound = this.locate();
    if (this.bound && !this.ctx.book.sheets.includes(this.bound)) {
      throw new FakeOfficeError("ItemNotFound", "The worksheet was deleted.");
    }
    return this.bound;
  }
  sheet(what: string): FakeSheet {
    const s = this.resolve();
    if (!s) throw nullObjectError(what);
    return s;
  }
  protected resolveIsNull(): boolean {
    return this.resolve() === null;
  }
  protected scalarValue(prop: string): unknown {
    const s = this.sheet("load");
    switch (prop) {
      case "name":
        return s.name;
      case "position":
        return this.ctx.book.sheets.indexOf(s);
      case "id":
        return `{sheet-${s.id}}`;
      default:
        return s.visibility ?? "Visible";
    }
  }
  protected override navigation(prop: string): ClientObj | undefined {
    if (prop === "protection") return this.protection;
    if (prop === "tables") return this.tables;
    if (prop === "charts") return this.charts;
    if (prop === "freezePanes") return this.freezePanes;
    if (prop === "pageLayout") return this.pageLayout;
    return undefined;
  }
  get name(): string {
    return this.read("name");
  }
  set name(value: string) {
    this.ctx.queue({ on: this.desc, set: "name", value }, () => {
      const s = this.sheet("rename");
      validateSheetName(this.ctx.book, value, s);
      s.name = value;
    });
  }
  get position(): number {
    return this.read("position");
  }
  get id(): string {
    return this.read("id");
  }
  get visibility(): string {
    return this.read("visibility");
  }
  set visibility(value: string) {
    this.ctx.queue({ on: this.desc, set: "visibility", value }, () => {
      if (!["Visible", "Hidden", "VeryHidden"].includes(value)) throw new FakeOfficeError("InvalidArgument", `visibility ${value}`);
      this.sheet("visibility").visibility = value as FakeSheet["visibility"];
    });
  }
  private _protection?: ProtectionObj;
  get protection(): ProtectionObj {
    return (this._protection ??= strict(new ProtectionObj(this.ctx, this)));
  }
  private _tables?: TableCollectionObj;
  get tables(): TableCollectionObj {
    return (this._tables ??= strict(new TableCollectionObj(this.ctx, this)));
  }
  private _charts?: ChartCollectionObj;
  get charts(): ChartCollectionObj {
    return (this._charts ??= strict(new ChartCollectionObj(this.ctx, this)));
  }
  private _freeze?: FreezePanesObj;
  get freezePanes(): FreezePanesObj {
    return (this._freeze ??= strict(new FreezePanesObj(this.ctx, this)));
  }
  private _pageLayout?: PageLayoutObj;
  get pageLayout(): PageLayoutObj {
    return (this._pageLayout ??= strict(new PageLayoutObj(this.ctx, this)));
  }
  private _breaks?: PageBreaksObj;
  get horizontalPageBreaks(): PageBreaksObj {
    return (this._breaks ??= strict(new PageBreaksObj(this.ctx, this)));
  }
  getRange(address?: string): RangeObj {
    if (address === undefined) {
      return rangeObj(this.ctx, this, () => ({ row: 0, col: 0, rows: MAX_ROWS, cols: MAX_COLS }), `${this.desc}!*`);
    }
    const rect = parseAddress(address);
    return rangeObj(this.ctx, this, () => rect, `${this.desc}!${address}`);
  }
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): RangeObj {
    const rect = { row: startRow, col: startColumn, rows: rowCount, cols: columnCount };
    if (
      startRow < 0 ||
      startColumn < 0 ||
      rowCount < 1 ||
      columnCount < 1 ||
      startRow + rowCount > MAX_ROWS ||
      startColumn + columnCount > MAX_COLS
    ) {
      return rangeObj(this.ctx, this, () => {
        throw new FakeOfficeError("InvalidArgument", `Invalid range indexes ${JSON.stringify(rect)}`);
      }, `${this.desc}!bad`);
    }
    return rangeObj(this.ctx, this, () => rect, `${this.desc}!${formatAddress(rect)}`);
  }
  getCell(row: number, column: number): RangeObj {
    return this.getRangeByIndexes(row, column, 1, 1);
  }
  getUsedRange(valuesOnly?: boolean): RangeObj {
    return rangeObj(
      this.ctx,
      this,
      () => usedRect(this.sheet("getUsedRange"), valuesOnly === true) ?? { row: 0, col: 0, rows: 1, cols: 1 },
      `${this.desc}!used`,
    );
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeObj {
    return rangeObj(
      this.ctx,
      this,
      () => {
        const s = this.resolve();
        return s ? usedRect(s, valuesOnly === true) : null;
      },
      `${this.desc}!used?`,
    );
  }
  activate(): void {
    this.ctx.queue({ activate: this.desc }, () => {
      const s = this.sheet("activate");
      if (isHidden(s)) throw new FakeOfficeError("InvalidOperation", "A hidden worksheet can't be activated.");
      this.ctx.book.activeSheetId = s.id;
    });
  }
  delete(): void {
    this.ctx.queue({ deleteWorksheet: this.desc }, () => {
      const s = this.sheet("delete");
      const book = this.ctx.book;
      if (book.sheets.length === 1) {
        throw new FakeOfficeError("InvalidOperation", "A workbook must contain at least one visible worksheet.");
      }
      book.sheets.splice(book.sheets.indexOf(s), 1);
      this.ctx.env.stats.sheetDeletes++;
      if (book.activeSheetId === s.id) book.activeSheetId = book.sheets[0].id;
    });
  }
}

/** WorksheetProtection (ExcelApi 1.2): only `protected` is modelled. */
class ProtectionObj extends ClientObj {
  protected readonly scalars = ["protected"] as const;
  constructor(
    ctx: Ctx,
    private readonly ws: WorksheetObj,
  ) {
    super(ctx);
  }
  protected describe(): string {
    return "protection";
  }
  protected resolveIsNull(): boolean {
    return this.ws.resolve() === null;
  }
  protected scalarValue(): unknown {
    return this.ws.sheet("protection").protected === true;
  }
  get protected(): boolean {
    return this.read("protected");
  }
}

class FreezePanesObj extends ClientObj {
  protected readonly scalars = [] as const;
  constructor(
    ctx: Ctx,
    private readonly ws: WorksheetObj,
  ) {
    super(ctx);
  }
  protected describe(): string {
    return "freezePanes";
  }
  protected resolveIsNull(): boolean {
    return this.ws.resolve() === null;
  }
  protected scalarValue(prop: string): unknown {
    throw new FakeOfficeError("InvalidArgument", `unknown property ${prop}`);
  }
  freezeRows(count = 1): void {
    this.ctx.queue({ freezeRows: count }, () => {
      const s = this.ws.sheet("freezeRows");
      // office-js #1463: freezing panes on a sheet that is not visible fails.
      if (isHidden(s)) throw new FakeOfficeError("GeneralException", "freezePanes is not available on a hidden worksheet.");
      s.frozenRows = count;
    });
  }
  unfreeze(): void {
    this.ctx.queue({ unfreeze: true }, () => {
      this.ws.sheet("unfreeze").frozenRows = 0;
    });
  }
}

/** The sheet's print state, created on first use. */
const printOf = (s: FakeSheet): FakePrint => (s.print ??= { headers: {}, breaks: [] });

/** worksheet.pageLayout (ExcelApi 1.9): orientation, zoom, print title rows and headers/footers (write-only here). */
class PageLayoutObj extends ClientObj {
  protected readonly scalars = [] as const;
  constructor(
    ctx: Ctx,
    private readonly ws: WorksheetObj,
  ) {
    super(ctx);
  }
  protected describe(): string {
    return "pageLayout";
  }
  protected resolveIsNull(): boolean {
    return this.ws.resolve() === null;
  }
  protected scalarValue(prop: string): unknown {
    throw new FakeOfficeError("InvalidArgument", `unknown property ${prop}`);
  }
  set orientation(value: string) {
    if (value !== "Landscape" && value !== "Portrait") throw new FakeOfficeError("InvalidArgument", `orientation ${value}`);
    this.ctx.queue({ on: "pageLayout", set: "orientation", value }, () => void (printOf(this.ws.sheet("pageLayout")).orientation = value));
  }
  set zoom(value: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number }) {
    this.ctx.queue({ on: "pageLayout", set: "zoom", value }, () => void (printOf(this.ws.sheet("pageLayout")).zoom = { ...value }));
  }
  setPrintTitleRows(rows: string): void {
    if (!/^\$\d+:\$\d+$/.test(rows)) throw new FakeOfficeError("InvalidArgument", `print title rows ${rows}`);
    this.ctx.queue({ on: "pageLayout", setPrintTitleRows: rows }, () => void (printOf(this.ws.sheet("pageLayout")).printTitleRows = rows));
  }
  get headersFooters(): { defaultForAllPages: Record<string, string> } {
    const queue = (key: string, value: string) =>
      this.ctx.queue({ on: "pageLayout.headersFooters", set: key, value }, () => void (printOf(this.ws.sheet("pageLayout")).headers[key] = value));
    const keys = ["leftHeader", "centerHeader", "rightHeader", "leftFooter", "centerFooter", "rightFooter"];
    const target: Record<string, string> = {};
    const page = new Proxy(target, {
      set(_t, prop, value) {
        if (typeof prop !== "string" || !keys.includes(prop)) throw new Error(`FakeExcel: cannot set HeaderFooter.${String(prop)} (not supported by the fake)`);
        queue(prop, String(value));
        return true;
      },
    });
    return { defaultForAllPages: page };
  }
}

/** worksheet.horizontalPageBreaks (ExcelApi 1.9): add and removePageBreaks. */
class PageBreaksObj extends ClientObj {
  protected readonly scalars = [] as const;
  constructor(
    ctx: Ctx,
    private readonly ws: WorksheetObj,
  ) {
    super(ctx);
  }
  protected describe(): string {
    return "horizontalPageBreaks";
  }
  protected resolveIsNull(): boolean {
    return this.ws.resolve() === null;
  }
  protected scalarValue(prop: string): unknown {
    throw new FakeOfficeError("InvalidArgument", `unknown property ${prop}`);
  }
  add(address: string): void {
    parseAddress(address);
    this.ctx.queue({ on: "horizontalPageBreaks", add: address }, () => void printOf(this.ws.sheet("pageBreaks")).breaks.push(address));
  }
  removePageBreaks(): void {
    this.ctx.queue({ on: "horizontalPageBreaks", removePageBreaks: true }, () => void (printOf(this.ws.sheet("pageBreaks")).breaks = []));
  }
}

// ---- ranges -----------------------------------------------------------------------------------

interface LiveRange {
  sheet: FakeSheet;
  rect: Rect;
}

function rangeObj(ctx: Ctx, ws: WorksheetObj, locate: () => Rect | null, desc: string): RangeObj {
  return strict(new RangeObj(ctx, ws, locate, desc));
}

const SERIAL_EPOCH = Date.UTC(1899, 11, 30);

/** What Excel stores when a value is typed (or written through `values`) into a cell. */
function typeIntoCell(cell: FakeCell, input: unknown): void {
  cell.formula = undefined;
  if (typeof input === "number") {
    if (!Number.isFinite(input)) throw new FakeOfficeError("InvalidArgument", `Invalid number ${input}`);
    cell.value = input;
    return;
  }
  if (typeof input === "boolean") {
    cell.value = input;
    return;
  }
  if (typeof input !== "string") {
    throw new FakeOfficeError("InvalidArgument", `Unsupported cell value ${JSON.stringify(input)}`);
  }
  if (input === "") {
    cell.value = "";
    return;
  }
  if (cell.numberFormat === "@") {
    // In a cell formatted as text, a leading apostrophe is not a prefix: it stays in the value.
    cell.value = input;
    return;
  }
  if (input.startsWith("'")) {
    cell.value = input.slice(1);
    return;
  }
  const trimmed = input.trim();
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(trimmed)) {
    cell.value = Number(trimmed);
    return;
  }
  if (/^[=+\-@]/.test(input) && input.length > 1) {
    // The fake does not evaluate formulas; the result reads as an error value.
    cell.formula = input.startsWith("=") ? input : `=${input.startsWith("@") ? input.slice(1) : input}`;
    cell.value = "#NAME?";
    return;
  }
  if (/^(true|false)$/i.test(trimmed)) {
    cell.value = trimmed.toLowerCase() === "true";
    return;
  }
  const date = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})$/.exec(trimmed);
  if (date) {
    const [y, m, d] = [Number(date[1]), Number(date[2]), Number(date[3])];
    const t = Date.UTC(y, m - 1, d);
    if (new Date(t).getUTCMonth() === m - 1) {
      cell.value = Math.round((t - SERIAL_EPOCH) / 86_400_000);
      if (cell.numberFormat === GENERAL) cell.numberFormat = "yyyy/m/d";
      return;
    }
  }
  cell.value = input;
}

const isHiddenByMerge = (sheet: FakeSheet, row: number, col: number): boolean =>
  sheet.merges.some(
    (m) => row >= m.row && row < m.row + m.rows && col >= m.col && col < m.col + m.cols && (row !== m.row || col !== m.col),
  );

const isBlankCell = (c: FakeCell): boolean =>
  c.value === "" && c.formula === undefined && c.numberFormat === GENERAL && c.fill === undefined && !c.bold && !c.comment;

class RangeObj extends ClientObj {
  protected readonly scalars = [
    "address",
    "rowIndex",
    "columnIndex",
    "rowCount",
    "columnCount",
    "values",
    "numberFormat",
    "formulas",
    "text",
  ] as const;
  private bound: Rect | null | undefined;
  constructor(
    ctx: Ctx,
    readonly ws: WorksheetObj,
    private readonly locate: () => Rect | null,
    private readonly desc: string,
  ) {
    super(ctx);
  }
  protected describe(): string {
    return this.desc;
  }
  /** Sheet and rectangle, or null for a null object. Binds on first use inside a sync. */
  resolve(): LiveRange | null {
    const sheet = this.ws.resolve();
    if (!sheet) return null;
    if (this.bound === undefined) this.bound = this.locate();
    return this.bound ? { sheet, rect: this.bound } : null;
  }
  live(what: string): LiveRange {
    const r = this.resolve();
    if (!r) throw nullObjectError(what);
    return r;
  }
  protected resolveIsNull(): boolean {
    return this.resolve() === null;
  }
  private grid<T>(pick: (cell: FakeCell | undefined) => T): T[][] | null {
    const { sheet, rect } = this.live("load");
    // Recent Excel answers a load above the cell limit with null rather than an error.
    if (rect.rows * rect.cols > this.ctx.env.maxCells) return null;
    const out: T[][] = [];
    for (let r = 0; r < rect.rows; r++) {
      const row: T[] = [];
      for (let c = 0; c < rect.cols; c++) row.push(pick(sheet.cells.get(cellKey(rect.row + r, rect.col + c))));
      out.push(row);
    }
    return out;
  }
  protected scalarValue(prop: string): unknown {
    const { sheet, rect } = this.live("load");
    switch (prop) {
      case "address":
        return `${quoteSheetName(sheet.name)}!${formatAddress(rect)}`;
      case "rowIndex":
        return rect.row;
      case "columnIndex":
        return rect.col;
      case "rowCount":
        return rect.rows;
      case "columnCount":
        return rect.cols;
      case "values":
        return this.grid((c) => c?.value ?? "");
      case "numberFormat":
        return this.grid((c) => c?.numberFormat ?? GENERAL);
      case "formulas":
        return this.grid((c) => c?.formula ?? c?.value ?? "");
      default:
        return this.grid((c) => (c === undefined ? "" : String(c.value)));
    }
  }
  protected override navigation(prop: string): ClientObj | undefined {
    if (prop === "format") return this.format;
    if (prop === "conditionalFormats") return this.conditionalFormats;
    return undefined;
  }

  get address(): string {
    return this.read("address");
  }
  get rowIndex(): number {
    return this.read("rowIndex");
  }
  get columnIndex(): number {
    return this.read("columnIndex");
  }
  get rowCount(): number {
    return this.read("rowCount");
  }
  get columnCount(): number {
    return this.read("columnCount");
  }
  get text(): string[][] {
    return this.read("text");
  }
  get values(): unknown[][] {
    return this.read("values");
  }
  set values(v: unknown[][]) {
    this.queueGrid("values", v, (cell, x) => typeIntoCell(cell, x));
  }
  get formulas(): unknown[][] {
    return this.read("formulas");
  }
  set formulas(v: unknown[][]) {
    this.queueGrid("formulas", v, (cell, x) => {
      if (typeof x === "string" && x.startsWith("=") && x.length > 1) {
        cell.formula = x;
        cell.value = "#NAME?";
      } else typeIntoCell(cell, x);
    });
  }
  get numberFormat(): string[][] {
    return this.read("numberFormat");
  }
  set numberFormat(v: string[][]) {
    this.queueGrid("numberFormat", v, (cell, x) => {
      if (typeof x !== "string") throw new FakeOfficeError("InvalidArgument", `Invalid number format ${JSON.stringify(x)}`);
      cell.numberFormat = x;
    });
  }

  /** Queues a 2-D write; null entries leave their cell unchanged (as in Office). */
  private queueGrid(prop: string, grid: unknown[][], apply: (cell: FakeCell, input: unknown) => void): void {
    this.ctx.queue({ on: this.desc, set: prop, value: grid }, () => {
      const { sheet, rect } = this.live(`set ${prop}`);
      if (sheet.protected) throw new FakeOfficeError("AccessDenied", "The cell or chart you're trying to change is on a protected sheet.");
      if (
        !Array.isArray(grid) ||
        grid.length !== rect.rows ||
        grid.some((row) => !Array.isArray(row) || row.length !== rect.cols)
      ) {
        throw new FakeOfficeError(
          "InvalidArgument",
          `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${prop}).`,
        );
      }
      for (let r = 0; r < rect.rows; r++) {
        for (let c = 0; c < rect.cols; c++) {
          const input = grid[r][c];
          if (input === null || input === undefined) continue;
          // Excel ignores what is written to a merged area's cells other than its top-left one.
          if (isHiddenByMerge(sheet, rect.row + r, rect.col + c)) continue;
          const key = cellKey(rect.row + r, rect.col + c);
          const cell = sheet.cells.get(key) ?? { value: "", numberFormat: GENERAL };
          apply(cell, input);
          if (isBlankCell(cell)) sheet.cells.delete(key);
          else sheet.cells.set(key, cell);
        }
      }
    });
  }

  /** Applies a change to every stored cell inside the range. */
  forEachStoredCell(what: string, fn: (cell: FakeCell, key: number) => void): LiveRange {
    const live = this.live(what);
    const { sheet, rect } = live;
    for (const [key, cell] of [...sheet.cells]) {
      const r = keyRow(key);
      const c = keyCol(key);
      if (r >= rect.row && r < rect.row + rect.rows && c >= rect.col && c < rect.col + rect.cols) {
        fn(cell, key);
        if (isBlankCell(cell)) sheet.cells.delete(key);
      }
    }
    return live;
  }

  clear(applyTo: string = "All"): void {
    if (!["All", "Contents", "Formats"].includes(applyTo)) {
      throw new Error(`FakeExcel: Range.clear(${applyTo}) is not supported by the fake`);
    }
    this.ctx.queue({ clear: this.desc, applyTo }, () => {
      const contents = applyTo !== "Formats";
      const formats = applyTo !== "Contents";
      const { sheet, rect } = this.forEachStoredCell("clear", (cell) => {
        if (contents) {
          cell.value = "";
          cell.formula = undefined;
          cell.comment = undefined;
        }
        if (formats) {
          cell.numberFormat = GENERAL;
          cell.fill = undefined;
          cell.bold = undefined;
        }
      });
      if (formats) sheet.conditionalFormats = sheet.conditionalFormats.filter((cf) => !rectContains(rect, cf.rect));
    });
  }
  select(): void {
    this.ctx.queue({ select: this.desc }, () => {
      const { sheet, rect } = this.live("select");
      if (isHidden(sheet)) throw new FakeOfficeError("InvalidOperation", "A range on a hidden worksheet can't be selected.");
      this.ctx.book.activeSheetId = sheet.id;
      this.ctx.book.selection = { sheet: sheet.name, address: formatAddress(rect) };
    });
  }
  getCell(row: number, column: number): RangeObj {
    return rangeObj(
      this.ctx,
      this.ws,
      () => {
        const { rect } = this.live("getCell");
        return { row: rect.row + row, col: rect.col + column, rows: 1, cols: 1 };
      },
      `${this.desc}.cell(${row},${column})`,
    );
  }
  getEntireRow(): RangeObj {
    return rangeObj(
      this.ctx,
      this.ws,
      () => {
        const { rect } = this.live("getEntireRow");
        return { row: rect.row, col: 0, rows: rect.rows, cols: MAX_COLS };
      },
      `${this.desc}.entireRow`,
    );
  }
  getEntireColumn(): RangeObj {
    return rangeObj(
      this.ctx,
      this.ws,
      () => {
        const { rect } = this.live("getEntireColumn");
        return { row: 0, col: rect.col, rows: MAX_ROWS, cols: rect.cols };
      },
      `${this.desc}.entireColumn`,
    );
  }
  /** ExcelApi 1.13: the merged areas inside the range (a null object when there are none). */
  getMergedAreasOrNullObject(): MergedAreasObj {
    requireApi(this.ctx.env, 13, "Range.getMergedAreasOrNullObject");
    return strict(new MergedAreasObj(this.ctx, this, (sheet, rect) => sheet.merges.filter((m) => rectsIntersect(m, rect))));
  }
  /** ExcelApi 1.9: the cells of a kind inside the range; the fake knows `Formulas` only. */
  getSpecialCellsOrNullObject(cellType: string): MergedAreasObj {
    if (cellType !== "Formulas") throw new Error(`FakeExcel: getSpecialCells(${cellType}) is not supported by the fake`);
    return strict(new MergedAreasObj(this.ctx, this, formulaRuns));
  }
  private _format?: RangeFormatObj;
  get format(): RangeFormatObj {
    return (this._format ??= strict(new RangeFormatObj(this.ctx, this)));
  }
  private _cfs?: ConditionalFormatCollectionObj;
  get conditionalFormats(): ConditionalFormatCollectionObj {
    return (this._cfs ??= strict(new ConditionalFormatCollectionObj(this.ctx, this)));
  }
}

/** Formula cells inside `rect`, as vertical runs per column. */
function formulaRuns(sheet: FakeSheet, rect: Rect): Rect[] {
  const cells = [...sheet.cells]
    .filter(([key, cell]) => cell.formula !== undefined && rectsIntersect({ row: keyRow(key), col: keyCol(key), rows: 1, cols: 1 }, rect))
    .map(([key]) => ({ row: keyRow(key), col: keyCol(key) }))
    .sort((a, b) => a.col - b.col || a.row - b.row);
  const runs: Rect[] = [];
  for (const c of cells) {
    const last = runs.at(-1);
    if (last && last.col === c.col && last.row + last.rows === c.row) last.rows++;
    else runs.push({ row: c.row, col: c.col, rows: 1, cols: 1 });
  }
  return runs;
}

/** A RangeAreas of merged areas: `address` lists them comma-separated, `areaCount` counts them. */
class MergedAreasObj extends ClientObj {
  protected readonly scalars = ["address", "areaCount"] as const;
  constructor(
    ctx: Ctx,
    private readonly range: RangeObj,
    private readonly find: (sheet: FakeSheet, rect: Rect) => Rect[],
  ) {
    super(ctx);
  }
  protected describe(): string {
    return "mergedAreas";
  }
  private areas(): { sheet: FakeSheet; rects: Rect[] } | null {
    const live = this.range.resolve();
    if (!live) return null;
    const rects = this.find(live.sheet, live.rect);
    return rects.length > 0 ? { sheet: live.sheet, rects } : null;
  }
  protected resolveIsNull(): boolean {
    return this.areas() === null;
  }
  protected scalarValue(prop: string): unknown {
    const a = this.areas();
    if (!a) throw nullObjectError("mergedAreas");
    if (prop === "areaCount") return a.rects.length;
    return a.rects.map((r) => `${quoteSheetName(a.sheet.name)}!${formatAddress(r)}`).join(",");
  }
  get address(): string {
    return this.read("address");
  }
  get areaCount(): number {
    return this.read("areaCount");
  }
}

abstract class RangeChild extends ClientObj {
  constructor(
    ctx: Ctx,
    readonly range: RangeObj,
  ) {
    super(ctx);
  }
  protected describe(): string {
    return `${this.constructor.name}`;
  }
  protected resolveIsNull(): boolean {
    return this.range.resolve() === null;
  }
}

/** Points per character of column width (Calibri 11: 7 px per character + 5 px padding). */
const charsFromPoints = (pt: number): number => (pt / 0.75 - 5) / 7;

class RangeFormatObj extends RangeChild {
  protected readonly scalars = ["columnWidth"] as const;
  protected scalarValue(): unknown {
    const { sheet, rect } = this.range.live("load");
    return sheet.columnWidths.get(rect.col) ?? 48;
  }
  protected override navigation(prop: string): ClientObj | undefined {
    if (prop === "font") return this.font;
    if (prop === "fill") return this.fill;
    return undefined;
  }
  get columnWidth(): number {
    return this.read("columnWidth");
  }
  set columnWidth(points: number) {
    this.ctx.queue({ on: "format", set: "columnWidth", value: points }, () => {
      if (typeof points !== "number" || !(points >= 0)) {
        throw new FakeOfficeError("InvalidArgument", `Invalid column width ${points}`);
      }
      const { sheet, rect } = this.range.live("columnWidth");
      for (let c = rect.col; c < rect.col + rect.cols; c++) sheet.columnWidths.set(c, points);
    });
  }
  autofitColumns(): void {
    this.ctx.queue({ autofitColumns: true }, () => {
      const { sheet, rect } = this.range.live("autofitColumns");
      for (let c = rect.col; c < rect.col + rect.cols; c++) {
        let chars = 0;
        for (const [key, cell] of sheet.cells) {
          if (keyCol(key) === c && keyRow(key) >= rect.row && keyRow(key) < rect.row + rect.rows) {
            chars = Math.max(chars, String(cell.value).length);
          }
        }
        sheet.columnWidths.set(c, Math.round((chars * 7 + 5) * 0.75));
      }
    });
  }
  private _font?: RangeFontObj;
  get font(): RangeFontObj {
    return (this._font ??= strict(new RangeFontObj(this.ctx, this.range)));
  }
  private _fill?: RangeFillObj;
  get fill(): RangeFillObj {
    return (this._fill ??= strict(new RangeFillObj(this.ctx, this.range)));
  }
}
export { charsFromPoints };

/** Applies a format to every cell of a range (creating cells as needed). */
function setEveryCell(range: RangeObj, what: string, fn: (cell: FakeCell) => void): void {
  const { sheet, rect } = range.live(what);
  if (rect.rows * rect.cols > 2_000_000) {
    throw new Error(`FakeExcel: ${what} on ${rect.rows * rect.cols} cells is not supported by the fake`);
  }
  for (let r = rect.row; r < rect.row + rect.rows; r++) {
    for (let c = rect.col; c < rect.col + rect.cols; c++) {
      const key = cellKey(r, c);
      const cell = sheet.cells.get(key) ?? { value: "", numberFormat: GENERAL };
      fn(cell);
      if (isBlankCell(cell)) sheet.cells.delete(key);
      else sheet.cells.set(key, cell);
    }
  }
}

function uniformValue<T>(range: RangeObj, pick: (c: FakeCell | undefined) => T): T | null {
  const { sheet, rect } = range.live("load");
  let first: T | undefined;
  for (let r = rect.row; r < rect.row + rect.rows; r++) {
    for (let c = rect.col; c < rect.col + rect.cols; c++) {
      const v = pick(sheet.cells.get(cellKey(r, c)));
      if (first === undefined) first = v;
      else if (v !== first) return null;
    }
  }
  return first ?? null;
}

class RangeFontObj extends RangeChild {
  protected readonly scalars = ["bold"] as const;
  protected scalarValue(): unknown {
    return uniformValue(this.range, (c) => c?.bold === true);
  }
  get bold(): boolean {
    return this.read("bold");
  }
  set bold(v: boolean) {
    this.ctx.queue({ on: "font", set: "bold", value: v }, () =>
      setEveryCell(this.range, "font.bold", (cell) => {
        cell.bold = v ? true : undefined;
      }),
    );
  }
}

const normColor = (color: string): string => {
  if (!/^#[0-9a-fA-F]{6}$/.test(color)) throw new FakeOfficeError("InvalidArgument", `Invalid color ${color} (fake accepts #RRGGBB)`);
  return color.toUpperCase();
};

class RangeFillObj extends RangeChild {
  protected readonly scalars = ["color"] as const;
  protected scalarValue(): unknown {
    return uniformValue(this.range, (c) => c?.fill ?? "#FFFFFF");
  }
  get color(): string {
    return this.read("color");
  }
  set color(v: string) {
    this.ctx.queue({ on: "fill", set: "color", value: v }, () => {
      const color = normColor(v);
      setEveryCell(this.range, "fill.color", (cell) => {
        cell.fill = color;
      });
    });
  }
  clear(): void {
    this.ctx.queue({ on: "fill", clear: true }, () =>
      setEveryCell(this.range, "fill.clear", (cell) => {
        cell.fill = undefined;
      }),
    );
  }
}

// ---- conditional formats ----------------------------------------------------------------------

class ConditionalFormatCollectionObj extends RangeChild {
  protected readonly scalars = [] as const;
  protected scalarValue(prop: string): unknown {
    throw new FakeOfficeError("InvalidArgument", `unknown property ${prop}`);
  }
  protected override collectionItems(): ClientObj[] {
    const { sheet, rect } = this.range.live("load");
    return sheet.conditionalFormats
      .filter((cf) => rectsIntersect(cf.rect, rect))
      .map((cf) => strict(new ConditionalFormatObj(this.ctx, sheet, () => cf)));
  }
  get items(): ConditionalFormatObj[] {
    return this.read("items");
  }
  getCount(): ClientResult<number> {
    const result = new ClientResult<number>();
    this.ctx.queue({ count: "conditionalFormats" }, () => {
      const { sheet, rect } = this.range.live("getCount");
      result.set(sheet.conditionalFormats.filter((cf) => rectsIntersect(cf.rect, rect)).length);
    });
    return result;
  }
  add(type: string): ConditionalFormatObj {
    if (type !== "Custom") throw new Error(`FakeExcel: conditionalFormats.add(${type}) is not supported by the fake`);
    let created: FakeConditionalFormat | undefined;
    let sheetRef: FakeSheet | undefined;
    const obj = strict(
      new ConditionalFormatObj(
        this.ctx,
        () => sheetRef,
        () => {
          if (!created) throw new FakeOfficeError("InvalidObjectPath", "The conditional format is used before it was added.");
          return created;
        },
      ),
    );
    this.ctx.queue({ addConditionalFormat: type }, () => {
      const { sheet, rect } = this.range.live("conditionalFormats.add");
      created = { id: this.ctx.book.nextId++, type: "Custom", rect: { ...rect } };
      sheetRef = sheet;
      // Office adds the new rule at the top priority.
      sheet.conditionalFormats.unshift(created);
    });
    return obj;
  }
  clearAll(): void {
    this.ctx.queue({ clearAllConditionalFormats: true }, () => {
      const { sheet, rect } = this.range.live("clearAll");
      sheet.conditionalFormats = sheet.conditionalFormats.filter((cf) => !rectsIntersect(cf.rect, rect));
    });
  }
}

class ConditionalFormatObj extends ClientObj {
  protected readonly scalars = ["type", "id", "priority", "stopIfTrue"] as const;
  constructor(
    ctx: Ctx,
    private readonly sheetRef: FakeSheet | (() => FakeSheet | undefined),
    readonly locate: () => FakeConditionalFormat,
  ) {
    super(ctx);
  }
  protected describe(): string {
    return "conditionalFormat";
  }
  protected resolveIsNull(): boolean {
    return false;
  }
  sheet(): FakeSheet {
    const s = typeof this.sheetRef === "function" ? this.sheetRef() : this.sheetRef;
    if (!s) throw new FakeOfficeError("InvalidObjectPath", "conditional format has no sheet");
    return s;
  }
  model(): FakeConditionalFormat {
    const cf = this.locate();
    if (!this.sheet().conditionalFormats.includes(cf)) {
      throw new FakeOfficeError("ItemNotFound", "The conditional format was deleted.");
    }
    if (cf.undoneDelete) throw new FakeOfficeError("ItemNotFound", "The requested resource doesn't exist.");
    return cf;
  }
  protected scalarValue(prop: string): unknown {
    const cf = this.model();
    switch (prop) {
      case "type":
        return cf.type;
      case "id":
        return String(cf.id);
      case "priority":
        return this.sheet().conditionalFormats.indexOf(cf);
      default:
        return false;
    }
  }
  protected override navigation(prop: string): ClientObj | undefined {
    if (prop === "custom") return this.custom;
    if (prop === "customOrNullObject") return this.customOrNullObject;
    return undefined;
  }
  get type(): string {
    return this.read("type");
  }
  get id(): string {
    return this.read("id");
  }
  get priority(): number {
    return this.read("priority");
  }
  private _custom?: CustomConditionalFormatObj;
  get custom(): CustomConditionalFormatObj {
    return (this._custom ??= strict(new CustomConditionalFormatObj(this.ctx, this, false)));
  }
  private _customOrNull?: CustomConditionalFormatObj;
  get customOrNullObject(): CustomConditionalFormatObj {
    return (this._customOrNull ??= strict(new CustomConditionalFormatObj(this.ctx, this, true)));
  }
  delete(): void {
    this.ctx.queue({ deleteConditionalFormat: true }, () => {
      const cf = this.model();
      const sheet = this.sheet();
      // office-js #5222: once a custom rule is deleted, deleting another custom rule covering the
      // same cells in the same request fails with ItemNotFound.
      const deleted = this.ctx.env.deletedThisSync;
      if (cf.type === "Custom" && deleted.some((d) => d.type === "Custom" && rectsIntersect(d.rect, cf.rect))) {
        throw new FakeOfficeError("ItemNotFound", "The requested resource doesn't exist.");
      }
      sheet.conditionalFormats.splice(sheet.conditionalFormats.indexOf(cf), 1);
      deleted.push(cf);
    });
  }
}

class CustomConditionalFormatObj extends ClientObj {
  protected readonly scalars = [] as const;
  constructor(
    ctx: Ctx,
    readonly parent: ConditionalFormatObj,
    private readonly orNull: boolean,
  ) {
    super(ctx);
  }
  protected describe(): string {
    return "custom";
  }
  /** The model rule, or null when it is not a custom rule and this is the OrNullObject variant. */
  model(): FakeConditionalFormat | null {
    const cf = this.parent.model();
    if (cf.type !== "Custom") {
      if (this.orNull) return null;
      throw new FakeOfficeError("InvalidOperation", `The conditional format is of type ${cf.type}, not Custom.`);
    }
    return cf;
  }
  live(what: string): FakeConditionalFormat {
    const cf = this.model();
    if (!cf) throw nullObjectError(what);
    return cf;
  }
  protected resolveIsNull(): boolean {
    return this.model() === null;
  }
  protected scalarValue(prop: string): unknown {
    throw new FakeOfficeError("InvalidArgument", `unknown property ${prop}`);
  }
  protected override navigation(prop: string): ClientObj | undefined {
    if (prop === "rule") return this.rule;
    if (prop === "format") return this.format;
    return undefined;
  }
  private _rule?: ConditionalFormatRuleObj;
  get rule(): ConditionalFormatRuleObj {
    return (this._rule ??= strict(new ConditionalFormatRuleObj(this.ctx, this)));
  }
  private _format?: ConditionalRangeFormatObj;
  get format(): ConditionalRangeFormatObj {
    return (this._format ??= strict(new ConditionalRangeFormatObj(this.ctx, this)));
  }
}

class ConditionalFormatRuleObj extends ClientObj {
  protected readonly scalars = ["formula"] as const;
  constructor(
    ctx: Ctx,
    private readonly custom: CustomConditionalFormatObj,
  ) {
    super(ctx);
  }
  protected describe(): string {
    return "rule";
  }
  protected resolveIsNull(): boolean {
    return this.custom.model() === null;
  }
  protected scalarValue(): unknown {
    return this.custom.live("load").formula ?? "";
  }
  get formula(): string {
    return this.read("formula");
  }
  set formula(v: string) {
    this.ctx.queue({ on: "rule", set: "formula", value: v }, () => {
      if (typeof v !== "string" || !v.startsWith("=") || v.length < 2) {
        throw new FakeOfficeError("InvalidArgument", `Invalid conditional format formula ${JSON.stringify(v)}`);
      }
      this.custom.live("rule.formula").formula = v;
    });
  }
}

class ConditionalRangeFormatObj extends ClientObj {
  protected readonly scalars = [] as const;
  constructor(
    ctx: Ctx,
    readonly custom: CustomConditionalFormatObj,
  ) {
    super(ctx);
  }
  protected describe(): string {
    return "conditionalRangeFormat";
  }
  protected resolveIsNull(): boolean {
    return this.custom.model() === null;
  }
  protected scalarValue(prop: string): unknown {
    throw new FakeOfficeError("InvalidArgument", `unknown property ${prop}`);
  }
  protected override navigation(prop: string): ClientObj | undefined {
    return prop === "fill" ? this.fill : undefined;
  }
  private _fill?: ConditionalFillObj;
  get fill(): ConditionalFillObj {
    return (this._fill ??= strict(new ConditionalFillObj(this.ctx, this.custom)));
  }
}

class ConditionalFillObj extends ClientObj {
  protected readonly scalars = ["color"] as const;
  constructor(
    ctx: Ctx,
    private readonly custom: CustomConditionalFormatObj,
  ) {
    super(ctx);
  }
  protected describe(): string {
    return "conditionalFill";
  }
  protected resolveIsNull(): boolean {
    return this.custom.model() === null;
  }
  protected scalarValue(): unknown {
    return this.custom.live("load").fill ?? null;
  }
  get color(): string {
    return this.read("color");
  }
  set color(v: string) {
    this.ctx.queue({ on: "conditionalFill", set: "color", value: v }, () => {
      this.custom.live("fill.color").fill = normColor(v);
    });
  }
}

// ---- tables and charts ------------------------------------------------------------------------

abstract class SheetChild extends ClientObj {
  constructor(
    ctx: Ctx,
    readonly ws: WorksheetObj,
  ) {
    super(ctx);
  }
  protected resolveIsNull(): boolean {
    return this.ws.resolve() === null;
  }
}

function targetRect(ws: WorksheetObj, address: unknown, what: string): { sheet: FakeSheet; rect: Rect } {
  if (typeof address === "string") return { sheet: ws.sheet(what), rect: parseAddress(address) };
  if (address instanceof RangeObj) return address.live(what);
  throw new Error(`FakeExcel: ${what} needs an address string or a Range`);
}

const VALID_TABLE_NAME = /^[\p{L}_\\][\p{L}\p{N}_.]*$/u;

class TableCollectionObj extends SheetChild {
  protected readonly scalars = ["count"] as const;
  protected describe(): string {
    return "tables";
  }
  protected scalarValue(): unknown {
    return this.ws.sheet("load").tables.length;
  }
  protected override collectionItems(): ClientObj[] {
    const sheet = this.ws.sheet("load");
    return sheet.tables.map((t) => strict(new TableObj(this.ctx, () => ({ sheet, table: t }))));
  }
  get items(): TableObj[] {
    return this.read("items");
  }
  get count(): number {
    return this.read("count");
  }
  add(address: string | RangeObj, hasHeaders: boolean): TableObj {
    let created: { sheet: FakeSheet; table: FakeTable } | undefined;
    const obj = strict(
      new TableObj(this.ctx, () => {
        if (!created) throw new FakeOfficeError("InvalidObjectPath", "The table is used before it was added.");
        return created;
      }),
    );
    const desc = typeof address === "string" ? address : "range";
    this.ctx.queue({ addTable: desc, hasHeaders }, () => {
      const { sheet, rect } = targetRect(this.ws, address, "tables.add");
      if (sheet.tables.some((t) => rectsIntersect(t.rect, rect))) {
        throw new FakeOfficeError("InvalidOperation", "A table can't overlap another table.");
      }
      const book = this.ctx.book;
      const all = book.sheets.flatMap((s) => s.tables.map((t) => t.name.toLowerCase()));
      let n = 1;
      while (all.includes(`table${n}`)) n++;
      const table: FakeTable = { id: book.nextId++, name: `Table${n}`, rect: { ...rect }, hasHeaders };
      if (hasHeaders) {
        // Excel turns header cells into unique, non-empty text.
        const seen = new Set<string>();
        for (let c = 0; c < rect.cols; c++) {
          const key = cellKey(rect.row, rect.col + c);
          const cell = sheet.cells.get(key) ?? { value: "", numberFormat: GENERAL };
          let text = cell.value === "" ? `${this.ctx.env.blankHeaderPrefix}${c + 1}` : String(cell.value);
          const base = text;
          for (let k = 2; seen.has(text.toLowerCase()); k++) text = `${base}${k}`;
          seen.add(text.toLowerCase());
          cell.value = text;
          cell.formula = undefined;
          sheet.cells.set(key, cell);
        }
      }
      sheet.tables.push(table);
      created = { sheet, table };
    });
    return obj;
  }
}

class TableObj extends ClientObj {
  protected readonly scalars = ["name", "id"] as const;
  constructor(
    ctx: Ctx,
    private readonly locate: () => { sheet: FakeSheet; table: FakeTable },
  ) {
    super(ctx);
  }
  protected describe(): string {
    return "table";
  }
  protected resolveIsNull(): boolean {
    return false;
  }
  live(): { sheet: FakeSheet; table: FakeTable } {
    const l = this.locate();
    if (!l.sheet.tables.includes(l.table)) throw new FakeOfficeError("ItemNotFound", "The table was deleted.");
    return l;
  }
  protected scalarValue(prop: string): unknown {
    const { table } = this.live();
    return prop === "name" ? table.name : String(table.id);
  }
  get name(): string {
    return this.read("name");
  }
  set name(v: string) {
    this.ctx.queue({ on: "table", set: "name", value: v }, () => {
      const { table } = this.live();
      if (!VALID_TABLE_NAME.test(v) || /^[A-Za-z]{1,3}\d+$/.test(v) || /^[rRcC]$/.test(v) || v.length > 255) {
        throw new FakeOfficeError("InvalidArgument", `Invalid table name '${v}'.`);
      }
      const taken = this.ctx.book.sheets.some((s) =>
        s.tables.some((t) => t !== table && t.name.toLowerCase() === v.toLowerCase()),
      );
      if (taken) throw new FakeOfficeError("InvalidArgument", `A table named '${v}' already exists.`);
      table.name = v;
    });
  }
  /** Deletes the table together with its cells. */
  delete(): void {
    this.ctx.queue({ deleteTable: true }, () => {
      const { sheet, table } = this.live();
      sheet.tables.splice(sheet.tables.indexOf(table), 1);
      const { rect } = table;
      for (const key of [...sheet.cells.keys()]) {
        const r = keyRow(key);
        const c = keyCol(key);
        if (r >= rect.row && r < rect.row + rect.rows && c >= rect.col && c < rect.col + rect.cols) sheet.cells.delete(key);
      }
    });
  }
}

const CHART_TYPES = new Set(["Line", "LineMarkers", "ColumnClustered", "BarClustered", "Pie", "XYScatter"]);

class ChartCollectionObj extends SheetChild {
  protected readonly scalars = ["count"] as const;
  protected describe(): string {
    return "charts";
  }
  protected scalarValue(): unknown {
    return this.ws.sheet("load").charts.length;
  }
  protected override collectionItems(): ClientObj[] {
    const sheet = this.ws.sheet("load");
    return sheet.charts.map((ch) => strict(new ChartObj(this.ctx, () => ({ sheet, chart: ch }))));
  }
  get items(): ChartObj[] {
    return this.read("items");
  }
  get count(): number {
    return this.read("count");
  }
  add(type: string, sourceData: RangeObj, seriesBy: string = "Auto"): ChartObj {
    if (!CHART_TYPES.has(type)) throw new Error(`FakeExcel: chart type ${type} is not supported by the fake`);
    if (!["Auto", "Columns", "Rows"].includes(seriesBy)) {
      throw new FakeOfficeError("InvalidArgument", `Invalid seriesBy ${seriesBy}`);
    }
    let created: { sheet: FakeSheet; chart: FakeChart } | undefined;
    const obj = strict(
      new ChartObj(this.ctx, () => {
        if (!created) throw new FakeOfficeError("InvalidObjectPath", "The chart is used before it was added.");
        return created;
      }),
    );
    this.ctx.queue({ addChart: type, seriesBy }, () => {
      const sheet = this.ws.sheet("charts.add");
      const { rect } = targetRect(this.ws, sourceData, "charts.add");
      let n = 1;
      while (sheet.charts.some((c) => c.name === `Chart ${n}`)) n++;
      const chart: FakeChart = {
        id: this.ctx.book.nextId++,
        name: `Chart ${n}`,
        type,
        title: "",
        source: { ...rect },
        seriesBy,
        ...seriesOf(sheet, rect, seriesBy),
      };
      sheet.charts.push(chart);
      created = { sheet, chart };
    });
    return obj;
  }
}

/**
 * How Excel splits a source range into series (by columns): the first column is taken as the
 * categories only when it holds text (or its header cell is blank); a column of numbers — date
 * serials included — becomes one more series and the x axis is 1, 2, 3…
 */
function seriesOf(sheet: FakeSheet, rect: Rect, seriesBy: string): Pick<FakeChart, "series" | "categories"> {
  if (seriesBy === "Rows") return { series: [], categories: null };
  const value = (r: number, c: number): FakeValue => sheet.cells.get(cellKey(r, c))?.value ?? "";
  const header = rect.rows > 1 && typeof value(rect.row, rect.col + Math.min(1, rect.cols - 1)) === "string";
  const dataRow = rect.row + (header ? 1 : 0);
  const rows = rect.rows - (header ? 1 : 0);
  const firstIsText = Array.from({ length: rows }, (_, r) => value(dataRow + r, rect.col)).some((v) => typeof v === "string" && v !== "");
  const categoriesFirst = rect.cols > 1 && (firstIsText || (header && value(rect.row, rect.col) === ""));
  const series: FakeChart["series"] = [];
  for (let c = categoriesFirst ? 1 : 0; c < rect.cols; c++) {
    series.push({
      name: header ? String(value(rect.row, rect.col + c)) : `Series${series.length + 1}`,
      values: { row: dataRow, col: rect.col + c, rows, cols: 1 },
      xValues: categoriesFirst ? { row: dataRow, col: rect.col, rows, cols: 1 } : null,
    });
  }
  return { series, categories: categoriesFirst ? { row: dataRow, col: rect.col, rows, cols: 1 } : null };
}

class ChartSeriesCollectionObj extends ClientObj {
  protected readonly scalars = ["count"] as const;
  constructor(
    ctx: Ctx,
    private readonly chart: ChartObj,
  ) {
    super(ctx);
  }
  protected describe(): string {
    return "series";
  }
  protected resolveIsNull(): boolean {
    return false;
  }
  protected scalarValue(): unknown {
    return this.chart.live().chart.series.length;
  }
  protected override collectionItems(): ClientObj[] {
    return this.chart.live().chart.series.map((_, i) => this.getItemAt(i));
  }
  get items(): ChartSeriesObj[] {
    return this.read("items");
  }
  get count(): number {
    return this.read("count");
  }
  getItemAt(index: number): ChartSeriesObj {
    return strict(new ChartSeriesObj(this.ctx, this.chart, index));
  }
}

class ChartSeriesObj extends ClientObj {
  protected readonly scalars = ["name"] as const;
  constructor(
    ctx: Ctx,
    private readonly chart: ChartObj,
    private readonly index: number,
  ) {
    super(ctx);
  }
  protected describe(): string {
    return `series[${this.index}]`;
  }
  protected resolveIsNull(): boolean {
    return false;
  }
  private model(): FakeChart["series"][number] {
    const s = this.chart.live().chart.series[this.index];
    if (!s) throw new FakeOfficeError("ItemNotFound", `No series at ${this.index}.`);
    return s;
  }
  protected scalarValue(): unknown {
    return this.model().name;
  }
  get name(): string {
    return this.read("name");
  }
  /** ExcelApi 1.7: the x-axis values (categories) of this series. */
  setXAxisValues(sourceData: RangeObj): void {
    this.ctx.queue({ on: this.describe(), setXAxisValues: true }, () => {
      const { rect } = sourceData.live("setXAxisValues");
      this.model().xValues = { ...rect };
      this.chart.live().chart.categories = { ...rect };
    });
  }
  delete(): void {
    this.ctx.queue({ on: this.describe(), delete: true }, () => {
      this.model();
      this.chart.live().chart.series.splice(this.index, 1);
    });
  }
}

class ChartObj extends ClientObj {
  protected readonly scalars = ["name", "id"] as const;
  constructor(
    ctx: Ctx,
    readonly locate: () => { sheet: FakeSheet; chart: FakeChart },
  ) {
    super(ctx);
  }
  protected describe(): string {
    return "chart";
  }
  protected resolveIsNull(): boolean {
    return false;
  }
  live(): { sheet: FakeSheet; chart: FakeChart } {
    const l = this.locate();
    if (!l.sheet.charts.includes(l.chart)) throw new FakeOfficeError("ItemNotFound", "The chart was deleted.");
    return l;
  }
  protected scalarValue(prop: string): unknown {
    const { chart } = this.live();
    return prop === "name" ? chart.name : String(chart.id);
  }
  protected override navigation(prop: string): ClientObj | undefined {
    return prop === "title" ? this.title : undefined;
  }
  get name(): string {
    return this.read("name");
  }
  set name(v: string) {
    this.ctx.queue({ on: "chart", set: "name", value: v }, () => {
      this.live().chart.name = v;
    });
  }
  private _series?: ChartSeriesCollectionObj;
  get series(): ChartSeriesCollectionObj {
    return (this._series ??= strict(new ChartSeriesCollectionObj(this.ctx, this)));
  }
  private _title?: ChartTitleObj;
  get title(): ChartTitleObj {
    return (this._title ??= strict(new ChartTitleObj(this.ctx, this)));
  }
  setPosition(startCell: string, endCell?: string): void {
    this.ctx.queue({ setPosition: [startCell, endCell ?? null] }, () => {
      parseAddress(startCell);
      if (endCell !== undefined) parseAddress(endCell);
      this.live().chart.position = { start: startCell, end: endCell };
    });
  }
  delete(): void {
    this.ctx.queue({ deleteChart: true }, () => {
      const { sheet, chart } = this.live();
      sheet.charts.splice(sheet.charts.indexOf(chart), 1);
    });
  }
}

class ChartTitleObj extends ClientObj {
  protected readonly scalars = ["text"] as const;
  constructor(
    ctx: Ctx,
    private readonly chart: ChartObj,
  ) {
    super(ctx);
  }
  protected describe(): string {
    return "chartTitle";
  }
  protected resolveIsNull(): boolean {
    return false;
  }
  protected scalarValue(): unknown {
    return this.chart.live().chart.title;
  }
  get text(): string {
    return this.read("text");
  }
  set text(v: string) {
    this.ctx.queue({ on: "chartTitle", set: "text", value: v }, () => {
      this.chart.live().chart.title = v;
    });
  }
}

// ---- entry point ------------------------------------------------------------------------------

export type FakeRunFn = typeof Excel.run;

export interface FakeExcel {
  /** Stand-in for the `Excel` namespace: `run` and `createWorkbook` (ExcelApi 1.8). */
  Excel: { run: FakeRunFn; createWorkbook: (base64File?: string) => Promise<void> };
  book: FakeBook;
  stats: FakeStats;
  /**
   * The base64 of every workbook opened with `Excel.createWorkbook`, in order ("" for a blank
   * workbook). The open book is not touched: Excel opens the new one in its own window.
   */
  created: string[];
  /**
   * Called at the start of every Excel.run with its 0-based index, before the batch runs: a test
   * changes the book here as a user sorting or a co-author editing between two runs would.
   */
  beforeRun: ((book: FakeBook, run: number) => void) | null;
  /** Throw from it to make the sync with that 0-based index (counted over all runs) fail. */
  failSync(fn: ((index: number) => void) | null): void;
  /** The user starts editing a cell: runs without `delayForCellEdit` fail, the others wait. */
  startCellEdit(): void;
  /** The user leaves the cell: waiting runs go on. */
  endCellEdit(): void;
}

// One character class and a length check: a grouped repetition overflows V8's regex stack on the
// megabytes of a large workbook's base64.
const BASE64_CHARS = /^[A-Za-z0-9+/]*={0,2}$/;
const isBase64 = (s: string): boolean => s.length % 4 === 0 && BASE64_CHARS.test(s);

/**
 * Checks what Excel would refuse: text that is not base64, or bytes that are not a zip (an .xlsx
 * is a zip; its local file header starts with `PK\x03\x04`).
 */
function checkWorkbookBase64(base64: string): void {
  if (!isBase64(base64)) throw new FakeOfficeError("InvalidArgument", "createWorkbook: the argument is not base64");
  if (!atob(base64.slice(0, 8)).startsWith("PK\x03\x04")) {
    throw new FakeOfficeError("InvalidArgument", "createWorkbook: the file is not an .xlsx (zip) file");
  }
}

/**
 * Creates a fake Excel over `initial` (a fresh one-sheet book when omitted). Pass `Excel.run` to
 * the adapter; inspect `book` with the model helpers and `stats` for round trips and payloads.
 */
export function createFakeExcel(initial?: FakeBook, options: FakeExcelOptions = {}): FakeExcel {
  const book = initial ?? { sheets: [], activeSheetId: 0, nextId: 1 };
  if (book.sheets.length === 0) {
    const sheet = newSheet(book, "Sheet1");
    book.sheets.push(sheet);
    book.activeSheetId = sheet.id;
  }
  const stats: FakeStats = {
    syncs: 0,
    requests: [],
    runs: 0,
    runOptions: [],
    sheetDeletes: 0,
    get maxOkRequestBytes() {
      return Math.max(0, ...this.requests.filter((r) => r.ok).map((r) => r.requestBytes));
    },
    reset() {
      this.syncs = 0;
      this.requests = [];
      this.runs = 0;
      this.runOptions = [];
      this.sheetDeletes = 0;
    },
  };
  const env: Env = {
    maxPayloadBytes: options.maxPayloadBytes ?? 5 * 1024 * 1024,
    maxCells: options.maxCells ?? 5_000_000,
    excelApi: options.excelApi ?? 20,
    largeRequestAsGeneralException: options.largeRequestAsGeneralException === true,
    blankHeaderPrefix: options.blankHeaderPrefix ?? "Column",
    stats,
    deletedThisSync: [],
    failSync: null,
  };

  async function run(...args: unknown[]): Promise<unknown> {
    let runOptions: Record<string, unknown> | undefined;
    let batch: unknown;
    if (typeof args[0] === "function") batch = args[0];
    else if (typeof args[0] === "object" && args[0] !== null && !(args[0] instanceof ClientObj)) {
      runOptions = args[0] as Record<string, unknown>;
      batch = args[1];
    } else {
      throw new Error("FakeExcel: Excel.run(object, batch) / run(context, batch) are not supported by the fake");
    }
    if (typeof batch !== "function") throw new Error("FakeExcel: Excel.run needs a batch function");
    const index = stats.runs;
    stats.runs++;
    stats.runOptions.push(runOptions);
    fake.beforeRun?.(book, index);
    if (editing) {
      if (runOptions?.delayForCellEdit !== true) {
        throw new FakeOfficeError("InvalidOperationInCellEditMode", "Excel is in cell-editing mode.");
      }
      await new Promise<void>((resolve) => waiting.push(resolve));
    }
    const ctx = new Ctx(book, env);
    try {
      const result = await (batch as (c: Ctx) => Promise<unknown>)(ctx);
      if (ctx.ops.length > 0) {
        throw new Error(`FakeExcel: the batch ended with ${ctx.ops.length} queued operation(s) that were never synced`);
      }
      return result;
    } finally {
      ctx.closed = true;
    }
  }

  const created: string[] = [];
  async function createWorkbook(base64File?: string): Promise<void> {
    if (base64File !== undefined && base64File !== null && typeof base64File !== "string") {
      throw new FakeOfficeError("InvalidArgument", "createWorkbook: base64File must be a string");
    }
    const base64 = base64File ?? "";
    if (base64 !== "") checkWorkbookBase64(base64);
    if (options.createWorkbookMaxBytes !== undefined && base64.length > options.createWorkbookMaxBytes) {
      // Excel on the web sends the file in one request; above its cap the call fails without a useful code.
      throw new FakeOfficeError("GeneralException", "An internal error has occurred.");
    }
    created.push(base64);
  }

  let editing = false;
  let waiting: (() => void)[] = [];
  const fake: FakeExcel = {
    Excel: { run: run as unknown as FakeRunFn, createWorkbook },
    book,
    stats,
    created,
    beforeRun: null,
    failSync: (fn) => {
      env.failSync = fn;
    },
    startCellEdit: () => {
      editing = true;
    },
    endCellEdit: () => {
      editing = false;
      const go = waiting;
      waiting = [];
      for (const resolve of go) resolve();
    },
  };
  return fake;
}
