import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync, copyFileSync } from "node:fs";
import { runCli } from "./src/cli/main";
const src = readFileSync("test/save/surgical.test.ts", "utf8");
const script = /String\.raw`([\s\S]*?)`;/.exec(src)![1];
const f = "/tmp/w11/lo/op.xlsx";
execFileSync("/usr/bin/python3", ["-c", script, f, "12130019,12130027,12130035", "0"]);
copyFileSync(f, "/tmp/w11/lo/op-orig.xlsx");
for (const args of [["snapshot", f, "--as-of", "2024-12-02"]]) {
  const code = await runCli(args, { stdout: () => {}, stderr: (s) => process.stderr.write(s) });
  console.log(args[0], code);
}
