/**
 * How every rule module is written (see the comment at the top of src/domain/rules/rule.ts): one
 * module per rule id, messages only in meta.messages, cells walked with the loops of cells.ts.
 * Checked on the source, so a rule merged in the old style fails here with its name.
 */
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { RULES } from "../../src/domain/rules";

const DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../src/domain/rules");
// Helpers beside the rules: the rule contract, the shared loops, the registry, the 設定 problems reader.
const NOT_RULES = new Set(["rule.ts", "cells.ts", "index.ts", "settings-problems.ts"]);
const modules = readdirSync(DIR).filter((f) => f.endsWith(".ts") && !NOT_RULES.has(f) && !f.startsWith("group-"));
const source = (file: string) => readFileSync(path.join(DIR, file), "utf8");

/** Rules that walk the whole grid or the table's blank rows, not a field's cells. */
const OWN_LOOPS = new Set(["mynumber-present.ts", "blank-row.ts"]);

describe("rule modules", () => {
  it("one module per registered rule, named after its id", () => {
    expect(modules.map((f) => f.replace(/\.ts$/, "")).sort()).toEqual(RULES.map((r) => r.meta.id).sort());
  });

  it.each(modules)("%s builds no message itself", (file) => {
    const text = source(file);
    expect(text).not.toMatch(/\bmessage\s*:/);
    expect(text).toMatch(/messages:\s*\{/);
  });

  it.each(modules.filter((f) => !OWN_LOOPS.has(f)))("%s walks rows with the shared loops", (file) => {
    const text = source(file);
    expect(text).not.toMatch(/for \(const \w+ of table\.rows\)|table\.rows\.forEach|i < (table\.)?rows\.length/);
    expect(text).not.toMatch(/fieldIndex\.get\(/);
  });
});

describe("registered rules", () => {
  it.each(RULES.map((r) => [r.meta.id, r] as const))("%s declares Japanese messages with simple ids", (_, rule) => {
    const ids = Object.keys(rule.meta.messages);
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) {
      expect(id).toMatch(/^[a-z][A-Za-z0-9]*$/);
      expect(rule.meta.messages[id]).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/u);
    }
  });
});
