// Task pane entry point: waits for Office, then shows the app, or a notice outside Excel.
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { memoryScratchWorkbook } from "../workbook/memory";
import {
  createOfficeWorkbook,
  createWorkbookWithin,
  diagnoseExcel,
  diagnosisText,
  highestExcelApi,
  WEB_CREATE_WORKBOOK_BYTES,
} from "../workbook/office";
import { UnsupportedExcel, type Diagnostics } from "./screens/DiagnosticsScreen";
import { App, OutsideOffice } from "./App";
import type { CreateWorkbook } from "./services";

function mount(node: React.ReactNode): void {
  const container = document.getElementById("root");
  if (!container) return;
  createRoot(container).render(<StrictMode>{node}</StrictMode>);
}

function start(host: Office.HostType | null): void {
  if (host === null || typeof Excel === "undefined") {
    mount(<OutsideOffice host={null} />);
    return;
  }
  if (String(host) !== "Excel") {
    mount(<OutsideOffice host={String(host)} />);
    return;
  }
  const isSetSupported = (name: string, version: string): boolean => {
    try {
      return Office.context.requirements.isSetSupported(name, version);
    } catch {
      return false;
    }
  };
  // Without ExcelApi 1.9 no command can run: say which Excel works instead of failing later.
  if (!isSetSupported("ExcelApi", "1.9")) {
    mount(<UnsupportedExcel excelApi={highestExcelApi(isSetSupported)} />);
    return;
  }
  const run = Excel.run.bind(Excel) as typeof Excel.run;
  const createWorkbook = createWorkbookIfSupported();
  const diagnostics: Diagnostics = {
    run: () =>
      diagnoseExcel({ run, isSetSupported, diagnostics: officeDiagnostics(), createWorkbookAvailable: createWorkbook !== null }),
    text: diagnosisText,
  };
  mount(
    <App
      port={createOfficeWorkbook(run)}
      excelRun={run}
      createWorkbook={createWorkbook}
      scratch={memoryScratchWorkbook}
      diagnostics={diagnostics}
    />,
  );
}

/** Office.context.diagnostics (host, platform, version) when Office offers it. */
function officeDiagnostics(): { host?: string; platform?: string; version?: string } | null {
  try {
    const d = Office.context.diagnostics;
    return d ? { host: String(d.host), platform: String(d.platform), version: String(d.version) } : null;
  } catch {
    return null;
  }
}

/** Excel.createWorkbook (ExcelApi 1.8) when the host offers it; the 共有 screen explains otherwise. */
function createWorkbookIfSupported(): CreateWorkbook | null {
  let supported: boolean;
  try {
    supported = Office.context.requirements.isSetSupported("ExcelApi", "1.8");
  } catch {
    supported = false;
  }
  if (!supported || typeof Excel.createWorkbook !== "function") return null;
  // Excel on the web sends the file in one request (5 MB cap): checked before, explained after.
  let web: boolean;
  try {
    web = Office.context.platform === Office.PlatformType.OfficeOnline;
  } catch {
    web = false;
  }
  return createWorkbookWithin((base64) => Excel.createWorkbook(base64), web ? WEB_CREATE_WORKBOOK_BYTES : null);
}

if (typeof Office === "undefined") {
  // office.js failed to load (offline, or the page was opened outside Office).
  start(null);
} else {
  Office.onReady((info) => start(info.host ?? null)).catch(() => start(null));
}
