// ESLint flat config: typescript-eslint and react-hooks recommended rules, and the layer boundaries
// of docs/architecture.md — domain ← commands ← cli / taskpane, adapters chosen only at the
// composition roots (src/cli, src/taskpane/index.tsx, tests). `npm run lint` runs it with
// --max-warnings 0, and `npm test` runs `npm run lint`.
import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

/** An import of one of these folders, from any depth (`../workbook/port`, `../../cli/io` …). */
const folder = (...names) => `(^|/)(${names.join("|")})(/|$)`;

/** Packages no layer below the UI may use: the Excel hosts, the UI and Node's own modules. */
const HOST_PACKAGES = { regex: "^(exceljs|fflate|saxes|react|react-dom|@fluentui/.*|node:.*)(/.*)?$", message: "The domain and the commands are host-independent: no Excel, UI or Node modules here." };

/** The rules per layer: what each folder must not import (see docs/architecture.md). */
export const LAYER_RULES = {
  domain: [
    { regex: folder("workbook", "commands", "taskpane", "cli", "demo", "function-file"), message: "src/domain imports nothing outside the domain (the layers point one way: domain ← commands ← cli / taskpane)." },
    HOST_PACKAGES,
  ],
  commands: [
    { regex: folder("taskpane", "cli", "demo", "function-file"), message: "A command is called by the CLI and the task pane; it never imports them." },
    { regex: "(^|/)workbook/(?!port$)", message: "Commands use the workbook port only; adapters are chosen at the composition roots (CLI main, task pane index, tests)." },
    HOST_PACKAGES,
  ],
  workbook: [
    { regex: folder("commands", "taskpane", "cli", "demo", "function-file"), message: "Adapters implement the port; they never import the layers above it." },
    { regex: "^(react|react-dom|@fluentui/.*)(/.*)?$", message: "Adapters have no UI." },
  ],
  taskpane: [
    { regex: folder("cli", "demo", "function-file"), message: "The task pane does not import the CLI." },
    { regex: "(^|/)workbook/(?!port$)", message: "Only the task pane's composition root (src/taskpane/index.tsx) chooses adapters." },
    { regex: "^(exceljs|node:.*)(/.*)?$", message: "The task pane runs in the browser on Office.js." },
  ],
  screens: [
    { regex: folder("domain", "workbook"), message: "A screen calls a command and renders its result: import from src/commands (which re-exports what screens show), not from src/domain or src/workbook." },
  ],
  cli: [
    { regex: folder("taskpane", "function-file"), message: "The CLI does not import the task pane." },
    { regex: "^(react|react-dom|@fluentui/.*)(/.*)?$", message: "The CLI has no React UI." },
  ],
};

const restrict = (...layers) => ({
  "no-restricted-imports": ["error", { patterns: layers.flatMap((l) => LAYER_RULES[l]) }],
});

/** Office.js globals belong to the Office adapter and the task pane. */
const NO_OFFICE_GLOBALS = {
  "no-restricted-globals": [
    "error",
    { name: "Excel", message: "Office.js belongs to src/workbook/office and src/taskpane." },
    { name: "Office", message: "Office.js belongs to src/workbook/office and src/taskpane." },
  ],
};

export default tseslint.config(
  { ignores: ["dist/", "out/", "coverage/", "node_modules/", ".tmp/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // Unused arguments are allowed when named _x (e.g. an unused signal in a callback).
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
      // Spreadsheet text is full of control characters we must find (XML-illegal ones, NUL).
      "no-control-regex": "off",
      // Japanese text uses the ideographic space (U+3000) on purpose, in strings and patterns alike.
      "no-irregular-whitespace": ["error", { skipStrings: true, skipTemplates: true, skipRegExps: true, skipComments: true }],
    },
  },
  {
    files: ["**/*.{js,mjs,ts,tsx}"],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  { files: ["src/domain/**"], rules: { ...restrict("domain"), ...NO_OFFICE_GLOBALS } },
  { files: ["src/commands/**"], rules: { ...restrict("commands"), ...NO_OFFICE_GLOBALS } },
  { files: ["src/workbook/**"], rules: restrict("workbook") },
  { files: ["src/taskpane/**"], ignores: ["src/taskpane/index.tsx"], rules: restrict("taskpane") },
  {
    files: ["src/taskpane/screens/**"],
    rules: restrict("taskpane", "screens"),
  },
  { files: ["src/cli/**"], rules: restrict("cli") },
);
