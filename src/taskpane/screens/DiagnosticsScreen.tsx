/**
 * 設定 › 診断: runs the add-in's capabilities on a temporary sheet (src/workbook/office/diagnose.ts,
 * handed in by the composition root) and shows ✓ / ✗ per capability with host, platform and
 * version, as text to copy for support. Also the notice shown instead of the app on an Excel
 * without ExcelApi 1.9.
 */
import { Button, Field, FluentProvider, MessageBar, MessageBarBody, MessageBarTitle, Textarea, webLightTheme } from "@fluentui/react-components";
import { createContext, useContext, useState } from "react";
import { Section, SimpleTable, SuccessBar } from "../components";
import { M } from "../messages";

/** What the diagnosis returns (the shape of src/workbook/office/diagnose.ts's Diagnosis). */
export interface DiagnosisView {
  host: string;
  platform: string;
  version: string;
  excelApi: string;
  items: { label: string; ok: boolean | null; detail: string }[];
}

export interface Diagnostics {
  run(): Promise<DiagnosisView>;
  text(d: DiagnosisView): string;
}

/** Provided by the App from the composition root; null outside Excel (the preview). */
export const DiagnosticsContext = createContext<Diagnostics | null>(null);

const mark = (ok: boolean | null): string => (ok === true ? "✓" : ok === false ? "✗" : "—");

export function DiagnosticsSection() {
  const diagnostics = useContext(DiagnosticsContext);
  const [result, setResult] = useState<DiagnosisView | null>(null);
  const [running, setRunning] = useState(false);
  const [copied, setCopied] = useState(false);
  const run = async () => {
    if (!diagnostics) return;
    setRunning(true);
    setCopied(false);
    try {
      setResult(await diagnostics.run());
    } finally {
      setRunning(false);
    }
  };
  const text = result && diagnostics ? diagnostics.text(result) : "";
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
    } catch {
      // Without clipboard access the text stays selectable in the box.
      setCopied(false);
    }
  };
  return (
    <Section title={M.diagnostics.heading}>
      <div data-screen="diagnostics" style={{ display: "flex", flexDirection: "column", rowGap: 8 }}>
        <span>{diagnostics ? M.diagnostics.intro : M.diagnostics.unavailable}</span>
        <div>
          <Button appearance="secondary" onClick={run} disabled={!diagnostics || running}>
            {running ? M.diagnostics.running : M.diagnostics.run}
          </Button>
        </div>
        {result && (
          <>
            <SimpleTable
              label={M.diagnostics.heading}
              columns={[{ label: "" }, { label: "機能" }, { label: "結果" }]}
              rows={result.items.map((i) => [mark(i.ok), i.label, i.detail])}
            />
            <Field label={M.diagnostics.resultLabel}>
              <Textarea readOnly value={text} rows={6} data-testid="diagnosis-text" />
            </Field>
            <div>
              <Button onClick={copy}>{M.diagnostics.copy}</Button>
            </div>
            {copied && <SuccessBar>{M.diagnostics.copied}</SuccessBar>}
          </>
        )}
      </div>
    </Section>
  );
}

/** Shown instead of the app when the host lacks ExcelApi 1.9: which Excel works, no commands. */
export function UnsupportedExcel({ excelApi }: { excelApi: string }) {
  return (
    <FluentProvider theme={webLightTheme} style={{ padding: 16, minHeight: "100vh" }}>
      <MessageBar intent="error" layout="multiline" data-testid="unsupported-excel">
        <MessageBarBody>
          <MessageBarTitle>{M.unsupported.title}</MessageBarTitle>
          {M.unsupported.body}
          <br />
          {M.unsupported.version(excelApi)}
        </MessageBarBody>
      </MessageBar>
    </FluentProvider>
  );
}
