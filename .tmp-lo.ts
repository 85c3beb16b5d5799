import { copyFileSync } from "node:fs";
import { runCli } from "./src/cli/main";
const f = "/tmp/w11/lo/conv/lo.xlsx";
copyFileSync("/tmp/w11/lo/conv/op-orig.xlsx", f);
for (const args of [["snapshot", f, "--as-of", "2024-12-02"], ["apply-registrations", f], ["snapshot", f, "--as-of", "2024-12-17"], ["diff", f], ["summary", f, "--as-of", "2024-12-17"], ["aggregate", f]]) {
  let err = "";
  const code = await runCli(args, { stdout: () => {}, stderr: (s) => (err += s) });
  console.log(args[0], code, err.trim().split("\n").pop());
}
