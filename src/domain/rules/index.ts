/** The rule registry: every rule of SPEC §3, in the order findings are produced. */
import type { Rule } from "./rule";
import { rules as structureRules } from "./group-structure";
import { rules as contentRules } from "./group-content";
import { rules as bookRules } from "./group-book";

export const RULES: readonly Rule[] = [...structureRules, ...contentRules, ...bookRules];

export const RULE_IDS: readonly string[] = RULES.map((r) => r.meta.id);

const TITLES = new Map(RULES.map((r) => [r.meta.id, r.meta.title]));

/** The short Japanese name of a rule id (the id itself for an unknown one). */
export const ruleTitle = (id: string): string => TITLES.get(id) ?? id;
