/** The rule registry: every rule of SPEC §3, in the order findings are produced. */
import type { Rule } from "./rule";
import { rules as structureRules } from "./group-structure";
import { rules as contentRules } from "./group-content";

export const RULES: readonly Rule[] = [...structureRules, ...contentRules];

export const RULE_IDS: readonly string[] = RULES.map((r) => r.meta.id);
