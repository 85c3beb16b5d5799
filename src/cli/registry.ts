/** Every CLI command, by name. Each lives in its own file under commands/. */
import type { CliCommand } from "./command";
import validate from "./commands/validate";
import summary from "./commands/summary";
import aggregate from "./commands/aggregate";
import applyRegistrations from "./commands/apply-registrations";
import snapshot from "./commands/snapshot";
import diff from "./commands/diff";
import mask from "./commands/mask";
import applySurvey from "./commands/apply-survey";
import importCommand from "./commands/import";
import report from "./commands/report";
import mailDrafts from "./commands/mail-drafts";
import undoImport from "./commands/undo-import";

export const COMMANDS: CliCommand<unknown>[] = [validate, importCommand, applyRegistrations, applySurvey, undoImport, snapshot, diff, summary, aggregate, mask, report, mailDrafts];
