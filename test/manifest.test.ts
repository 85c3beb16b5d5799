// Offline checks of the XML add-in manifest (manifest.xml): well-formedness, schema element
// order, https single-origin URLs, icon files and sizes, and resource references.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const MANIFEST_PATH = path.join(ROOT, "manifest.xml");
const xml = readFileSync(MANIFEST_PATH, "utf8");

// ---- preserveOrder tree helpers -------------------------------------------------------------

/** A node of fast-xml-parser's preserveOrder output: { tag: children, ":@"?: attributes }. */
type XmlNode = Record<string, unknown>;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: "",
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
});
const doc = parser.parse(xml) as XmlNode[];

function tagOf(node: XmlNode): string {
  const key = Object.keys(node).find((k) => k !== ":@");
  if (key === undefined) throw new Error("node without tag");
  return key;
}

function isElement(node: XmlNode): boolean {
  const tag = tagOf(node);
  return tag !== "#text" && tag !== "#comment" && !tag.startsWith("?");
}

function childrenOf(node: XmlNode): XmlNode[] {
  const value = node[tagOf(node)];
  return Array.isArray(value) ? (value as XmlNode[]).filter(isElement) : [];
}

function attrsOf(node: XmlNode): Record<string, string> {
  return (node[":@"] as Record<string, string> | undefined) ?? {};
}

function textOf(node: XmlNode): string {
  const value = node[tagOf(node)];
  if (!Array.isArray(value)) return "";
  return (value as XmlNode[])
    .filter((n) => tagOf(n) === "#text")
    .map((n) => String(n["#text"]))
    .join("");
}

function child(node: XmlNode, tag: string): XmlNode {
  const found = childrenOf(node).find((c) => tagOf(c) === tag);
  if (!found) throw new Error(`<${tagOf(node)}> has no <${tag}>`);
  return found;
}

function descendants(node: XmlNode): XmlNode[] {
  return childrenOf(node).flatMap((c) => [c, ...descendants(c)]);
}

function allByTag(node: XmlNode, tag: string): XmlNode[] {
  return descendants(node).filter((n) => tagOf(n) === tag);
}

/** Asserts that `actual` contains no unknown tags and follows the order of `schema`. */
function expectSchemaOrder(actual: string[], schema: readonly string[]): void {
  for (const tag of actual) expect(schema, `unexpected element <${tag}>`).toContain(tag);
  const positions = actual.map((tag) => schema.indexOf(tag));
  const sorted = [...positions].sort((a, b) => a - b);
  expect(positions, `order ${actual.join(", ")}`).toEqual(sorted);
  expect(new Set(actual).size, "duplicate elements").toBe(actual.length);
}

const root = doc.filter(isElement).find((n) => tagOf(n) === "OfficeApp");
if (!root) throw new Error("manifest.xml has no <OfficeApp> root");
const officeApp: XmlNode = root;
const versionOverrides = child(officeApp, "VersionOverrides");
const resources = child(versionOverrides, "Resources");

// Sequence of OfficeApp (appforoffice/1.1 OfficeApp base type) followed by the TaskPaneApp
// extension (Requirements, DefaultSettings, Permissions, Dictionary, VersionOverrides).
const OFFICE_APP_ORDER = [
  "Id",
  "AlternateId",
  "Version",
  "ProviderName",
  "DefaultLocale",
  "DisplayName",
  "Description",
  "IconUrl",
  "HighResolutionIconUrl",
  "SupportUrl",
  "AppDomains",
  "Hosts",
  "Requirements",
  "DefaultSettings",
  "Permissions",
  "Dictionary",
  "VersionOverrides",
] as const;

const REQUIRED_CHILDREN = [
  "Id",
  "Version",
  "ProviderName",
  "DefaultLocale",
  "DisplayName",
  "Description",
  "IconUrl",
  "HighResolutionIconUrl",
  "SupportUrl",
  "Hosts",
  "Requirements",
  "DefaultSettings",
  "Permissions",
  "VersionOverrides",
];

// ---- PNG helper -----------------------------------------------------------------------------

function pngSize(file: string): { width: number; height: number } {
  const buf = readFileSync(file);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (!buf.subarray(0, 8).equals(signature)) throw new Error(`${file} is not a PNG`);
  if (buf.toString("ascii", 12, 16) !== "IHDR") throw new Error(`${file}: first chunk is not IHDR`);
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

/** Maps an https://origin/assets/x.png URL to the repository file assets/x.png. */
function assetFileFor(url: string): string {
  const { pathname } = new URL(url);
  expect(pathname, `${url} is not under /assets/`).toMatch(/^\/assets\/[^/]+\.png$/);
  return path.join(ROOT, pathname.slice(1));
}

// ---- Tests ----------------------------------------------------------------------------------

describe("manifest.xml", () => {
  it("is well-formed XML", () => {
    expect(XMLValidator.validate(xml)).toBe(true);
  });

  it("is a TaskPaneApp in the appforoffice 1.1 namespace", () => {
    const attrs = attrsOf(officeApp);
    expect(attrs["xmlns"]).toBe("http://schemas.microsoft.com/office/appforoffice/1.1");
    expect(attrs["xsi:type"]).toBe("TaskPaneApp");
    expect(attrs["xmlns:bt"]).toBe("http://schemas.microsoft.com/office/officeappbasictypes/1.0");
  });

  it("has the required OfficeApp children in schema order", () => {
    const tags = childrenOf(officeApp).map(tagOf);
    for (const tag of REQUIRED_CHILDREN) expect(tags, `missing <${tag}>`).toContain(tag);
    expectSchemaOrder(tags, OFFICE_APP_ORDER);
  });

  it("has a GUID Id, a four-part Version and ja-JP as default locale", () => {
    expect(textOf(child(officeApp, "Id"))).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
    );
    expect(textOf(child(officeApp, "Version"))).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(textOf(child(officeApp, "DefaultLocale"))).toBe("ja-JP");
    expect(textOf(child(officeApp, "ProviderName")).length).toBeGreaterThan(0);
  });

  it("has Japanese display name and description with en-US overrides", () => {
    const displayName = child(officeApp, "DisplayName");
    expect(attrsOf(displayName)["DefaultValue"]).toBe("オン資トラッカー");
    const nameOverride = childrenOf(displayName).find((n) => attrsOf(n)["Locale"] === "en-US");
    expect(nameOverride && attrsOf(nameOverride)["Value"]).toBe("Onshi Tracker");

    const description = child(officeApp, "Description");
    expect(attrsOf(description)["DefaultValue"]).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    const descOverride = childrenOf(description).find((n) => attrsOf(n)["Locale"] === "en-US");
    expect(descOverride && attrsOf(descOverride)["Value"]).toBeTruthy();
  });

  it("targets Excel (Workbook) with ExcelApi 1.9 and ReadWriteDocument", () => {
    const hosts = childrenOf(child(officeApp, "Hosts"));
    expect(hosts.map((h) => attrsOf(h)["Name"])).toEqual(["Workbook"]);

    const sets = allByTag(child(officeApp, "Requirements"), "Set");
    const excelApi = sets.find((s) => attrsOf(s)["Name"] === "ExcelApi");
    expect(excelApi, "ExcelApi requirement set").toBeDefined();
    expect(attrsOf(excelApi!)["MinVersion"]).toBe("1.9");

    expect(textOf(child(officeApp, "Permissions"))).toBe("ReadWriteDocument");
  });

  it("opens taskpane.html by default", () => {
    const source = child(child(officeApp, "DefaultSettings"), "SourceLocation");
    expect(new URL(attrsOf(source)["DefaultValue"]!).pathname).toBe("/taskpane.html");
  });

  it("uses https for every URL, all on one origin", () => {
    const urls: string[] = [];
    for (const node of [officeApp, ...descendants(officeApp)]) {
      for (const [name, value] of Object.entries(attrsOf(node))) {
        if (name === "xmlns" || name.startsWith("xmlns:")) continue; // namespace names
        if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) urls.push(value);
      }
      const text = textOf(node).trim();
      if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) urls.push(text);
    }
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) expect(new URL(url).protocol, url).toBe("https:");
    const origins = new Set(urls.map((u) => new URL(u).origin));
    expect([...origins]).toEqual(["https://localhost:3000"]);
  });

  it("references icon files that exist with the right pixel size", () => {
    const expectSquare = (url: string, size: number) => {
      const file = assetFileFor(url);
      expect(existsSync(file), `${file} exists`).toBe(true);
      expect(pngSize(file), url).toEqual({ width: size, height: size });
    };
    expectSquare(attrsOf(child(officeApp, "IconUrl"))["DefaultValue"]!, 32);
    expectSquare(attrsOf(child(officeApp, "HighResolutionIconUrl"))["DefaultValue"]!, 64);

    // Ribbon icons: the size attribute of each <bt:Image resid> must match the referenced PNG.
    const imageUrls = new Map(
      childrenOf(child(resources, "bt:Images")).map((n) => [
        attrsOf(n)["id"]!,
        attrsOf(n)["DefaultValue"]!,
      ]),
    );
    const iconRefs = allByTag(versionOverrides, "bt:Image").filter((n) => attrsOf(n)["resid"]);
    expect(iconRefs.length).toBeGreaterThan(0);
    const sizes = new Set<number>();
    for (const ref of iconRefs) {
      const size = Number(attrsOf(ref)["size"]);
      const url = imageUrls.get(attrsOf(ref)["resid"]!);
      expect(url, `image ${attrsOf(ref)["resid"]}`).toBeDefined();
      expectSquare(url!, size);
      sizes.add(size);
    }
    expect([...sizes].sort((a, b) => a - b)).toEqual([16, 32, 80]);
  });

  it("defines every resid referenced by the ribbon, in the right resource kind", () => {
    const defined = {
      image: new Set<string>(),
      url: new Set<string>(),
      short: new Set<string>(),
      long: new Set<string>(),
    };
    const kindOfGroup: Record<string, keyof typeof defined> = {
      "bt:Images": "image",
      "bt:Urls": "url",
      "bt:ShortStrings": "short",
      "bt:LongStrings": "long",
    };
    for (const group of childrenOf(resources)) {
      const kind = kindOfGroup[tagOf(group)];
      expect(kind, `unknown resource group <${tagOf(group)}>`).toBeDefined();
      for (const item of childrenOf(group)) {
        const id = attrsOf(item)["id"]!;
        expect(id.length, `resid ${id} longer than 32 characters`).toBeLessThanOrEqual(32);
        expect(defined[kind!].has(id), `duplicate id ${id}`).toBe(false);
        defined[kind!].add(id);
      }
    }

    // Which resource kind each referencing element expects.
    const kindOfRef: Record<string, keyof typeof defined> = {
      "bt:Image": "image",
      SourceLocation: "url",
      FunctionFile: "url",
      LearnMoreUrl: "url",
      Label: "short",
      Title: "short",
      Description: "long",
    };
    const hosts = child(versionOverrides, "Hosts");
    const refs = descendants(hosts).filter((n) => attrsOf(n)["resid"] !== undefined);
    expect(refs.length).toBeGreaterThan(10);
    const used = new Set<string>();
    for (const ref of refs) {
      const tag = tagOf(ref);
      const resid = attrsOf(ref)["resid"]!;
      const kind = kindOfRef[tag];
      expect(kind, `unexpected resid on <${tag}>`).toBeDefined();
      expect(defined[kind!].has(resid), `<${tag} resid="${resid}"> is not defined`).toBe(true);
      used.add(resid);
    }
    const allDefined = Object.values(defined).flatMap((s) => [...s]);
    expect(allDefined.filter((id) => !used.has(id)), "unused resources").toEqual([]);
  });

  it("gives every ribbon string a ja-JP default and an en-US override", () => {
    for (const groupTag of ["bt:ShortStrings", "bt:LongStrings"]) {
      for (const str of childrenOf(child(resources, groupTag))) {
        const id = attrsOf(str)["id"];
        expect(attrsOf(str)["DefaultValue"], id).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
        const overrides = childrenOf(str).filter((n) => tagOf(n) === "bt:Override");
        expect(overrides.map((n) => attrsOf(n)["Locale"]), id).toEqual(["en-US"]);
        expect(attrsOf(overrides[0]!)["Value"], id).toBeTruthy();
      }
    }
  });

  it("declares a Home-tab button that shows the task pane (template shape)", () => {
    expect(attrsOf(versionOverrides)["xmlns"]).toBe(
      "http://schemas.microsoft.com/office/taskpaneappversionoverrides",
    );
    expect(attrsOf(versionOverrides)["xsi:type"]).toBe("VersionOverridesV1_0");
    expectSchemaOrder(childrenOf(versionOverrides).map(tagOf), [
      "Description",
      "Requirements",
      "Hosts",
      "Resources",
    ]);
    expectSchemaOrder(childrenOf(resources).map(tagOf), [
      "bt:Images",
      "bt:Urls",
      "bt:ShortStrings",
      "bt:LongStrings",
    ]);

    const hosts = childrenOf(child(versionOverrides, "Hosts"));
    expect(hosts.map((h) => attrsOf(h)["xsi:type"])).toEqual(["Workbook"]);
    const desktop = child(hosts[0]!, "DesktopFormFactor");
    expectSchemaOrder(childrenOf(desktop).map(tagOf), [
      "GetStarted",
      "FunctionFile",
      "ExtensionPoint",
    ]);

    const urlOf = (resid: string) => {
      const node = childrenOf(child(resources, "bt:Urls")).find((n) => attrsOf(n)["id"] === resid);
      return node ? new URL(attrsOf(node)["DefaultValue"]!).pathname : undefined;
    };
    expect(urlOf(attrsOf(child(desktop, "FunctionFile"))["resid"]!)).toBe("/function-file.html");

    const extensionPoint = child(desktop, "ExtensionPoint");
    expect(attrsOf(extensionPoint)["xsi:type"]).toBe("PrimaryCommandSurface");
    const tab = child(extensionPoint, "OfficeTab");
    expect(attrsOf(tab)["id"]).toBe("TabHome");
    const group = child(tab, "Group");
    expectSchemaOrder(childrenOf(group).map(tagOf), ["Label", "Icon", "Control"]);
    const button = child(group, "Control");
    expect(attrsOf(button)["xsi:type"]).toBe("Button");
    expectSchemaOrder(childrenOf(button).map(tagOf), ["Label", "Supertip", "Icon", "Action"]);
    const action = child(button, "Action");
    expect(attrsOf(action)["xsi:type"]).toBe("ShowTaskpane");
    expectSchemaOrder(childrenOf(action).map(tagOf), ["TaskpaneId", "SourceLocation", "Title"]);
    expect(textOf(child(action, "TaskpaneId"))).toBe("ButtonId1");
    expect(urlOf(attrsOf(child(action, "SourceLocation"))["resid"]!)).toBe("/taskpane.html");
  });
});
