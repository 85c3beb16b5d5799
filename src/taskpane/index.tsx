// Task pane entry point: waits for Office, then shows the app, or a notice outside Excel.
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { memoryScratchWorkbook } from "../workbook/memory";
import { createOfficeWorkbook, createWorkbookWithin, WEB_CREATE_WORKBOOK_BYTES } from "../workbook/office";
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
  const run = Excel.run.bind(Excel) as typeof Excel.run;
  mount(<App port={createOfficeWorkbook(run)} excelRun={run} createWorkbook={createWorkbookIfSupported()} scratch={memoryScratchWorkbook} />);
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
  let web = false;
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
