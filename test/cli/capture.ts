/** Runs the CLI in process and captures what it prints: the exit code and both streams. */
import { runCli } from "../../src/cli/main";

export async function cli(args: string[]): Promise<{ exit: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const exit = await runCli(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { exit, stdout, stderr };
}
