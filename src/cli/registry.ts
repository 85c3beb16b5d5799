/** Every CLI command, by name. Each lives in its own file under commands/. */
import type { CliCommand } from "./command";
import validate from "./commands/validate";
import summary from "./commands/summary";
import aggregate from "./commands/aggregate";
import applyRegistrations from "./commands/apply-registrations";
import snapshot from "./commands/snapshot";
import diff from "./commands/diff";
import mask from "./commands/mask";
import undoImport from "./commands/undo-import";

export const COMMANDS: CliCommand<unknown>[] = [validate, applyRegistrations, snapshot, diff, summary, aggregate, mask, undoImport];
