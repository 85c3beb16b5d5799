/** Every CLI command, by name. Each lives in its own file under commands/. */
import type { CliCommand } from "./command";
import validate from "./commands/validate";

export const COMMANDS: CliCommand<any>[] = [validate];
