/** The task pane shell: tabs (one screen per job), the progress bar with キャンセル, and errors. */
import {
  Button,
  Field,
  FluentProvider,
  Input,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Tab,
  TabList,
  Text,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import { useState, type ComponentType } from "react";
import { asOfLabel, readAsOf } from "./format";
import type { ScratchWorkbookFactory, WorkbookPort } from "../workbook/port";
import type { ExcelRun } from "./excel";
import { M } from "./messages";
import { ApplyScreen } from "./screens/ApplyScreen";
import { DiffScreen } from "./screens/DiffScreen";
import { SettingsScreen } from "./screens/SettingsScreen";
import { ShareScreen } from "./screens/ShareScreen";
import { defaultAsOfOf, loadSettings } from "../commands/settings";
import { SnapshotScreen } from "./screens/SnapshotScreen";
import { SummaryScreen } from "./screens/SummaryScreen";
import { ValidateScreen } from "./screens/ValidateScreen";
import { DiagnosticsContext, type Diagnostics } from "./screens/DiagnosticsScreen";
import { ServicesProvider, useLoadOnOpen, useServices, type CreateWorkbook } from "./services";

type ScreenId = keyof typeof M.tabs;

const SCREENS: { id: ScreenId; Component: ComponentType }[] = [
  { id: "validate", Component: ValidateScreen },
  { id: "apply", Component: ApplyScreen },
  { id: "snapshot", Component: SnapshotScreen },
  { id: "diff", Component: DiffScreen },
  { id: "summary", Component: SummaryScreen },
  { id: "share", Component: ShareScreen },
  { id: "settings", Component: SettingsScreen },
];

const useStyles = makeStyles({
  root: { minHeight: "100vh", backgroundColor: tokens.colorNeutralBackground1 },
  header: {
    position: "sticky",
    top: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: "8px 12px 0 12px",
  },
  tabs: { flexWrap: "wrap" },
  status: { display: "flex", flexDirection: "column", rowGap: "4px", padding: "6px 0 8px 0" },
  statusLine: { display: "flex", alignItems: "center", justifyContent: "space-between", columnGap: "8px" },
  body: { padding: "12px", display: "flex", flexDirection: "column", rowGap: "12px" },
  asOfBar: { display: "flex", flexWrap: "wrap", alignItems: "end", columnGap: "8px", rowGap: "2px", paddingBottom: "6px" },
  asOfInput: { width: "8.5em" },
  era: { color: tokens.colorNeutralForeground2, paddingBottom: "6px" },
  code: { display: "block", color: tokens.colorNeutralForeground3, marginTop: "2px" },
  hidden: { display: "none" },
});

function StatusArea() {
  const svc = useServices();
  const c = useStyles();
  const p = svc.progress;
  if (!p) return null;
  return (
    <div className={c.status} role="status" aria-live="polite" data-testid="progress">
      <div className={c.statusLine}>
        <Text size={200}>{svc.cancelling ? M.progress.cancelling : p.label || M.progress.starting}</Text>
        <Button size="small" onClick={svc.cancel} disabled={svc.cancelling}>
          {M.progress.cancel}
        </Button>
      </div>
      <ProgressBar value={p.total > 0 ? Math.min(p.done / p.total, 1) : undefined} thickness="large" aria-label={M.progress.stepOf(p.done, p.total)} />
    </div>
  );
}

/**
 * The pane's one 基準日, above the tabs: typed as 2025/02/04 (any SPEC §1 form is read) and shown with
 * its era, 2025/02/04（令和7年2月4日）, whatever the OS locale (no browser date picker).
 */
function AsOfBar() {
  const c = useStyles();
  const svc = useServices();
  // While the user types, the box holds their text; otherwise it shows the pane's date (a new
  // default from 設定, or a date picked on a screen, shows at once).
  const [editing, setEditing] = useState<string | null>(null);
  const text = editing ?? asOfLabel(svc.asOf).slash;
  const parsed = readAsOf(text);
  const commit = () => {
    if (parsed && parsed !== svc.asOf) svc.setAsOf(parsed);
    if (parsed) setEditing(null);
  };
  return (
    <div className={c.asOfBar} data-testid="as-of-bar">
      <Field label={M.asOfBar.label} validationMessage={parsed ? undefined : M.common.invalidDate} size="small">
        <Input
          className={c.asOfInput}
          size="small"
          value={text}
          aria-label={M.asOfBar.label}
          onChange={(_, d) => setEditing(d.value)}
          onBlur={commit}
          onKeyDown={(e) => e.key === "Enter" && commit()}
        />
      </Field>
      <Text size={200} className={c.era} data-testid="as-of-era">
        {M.asOfBar.era(asOfLabel(svc.asOf).era)}
      </Text>
    </div>
  );
}

/** Errors where the user is: in the sticky header, so they show however far the screen is scrolled. */
function ErrorArea() {
  const svc = useServices();
  const c = useStyles();
  const e = svc.error;
  if (!e) return null;
  return (
    <MessageBar intent={e.intent} data-testid="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{e.title}</MessageBarTitle>
        {e.body}
        {e.code && (
          <Text size={100} className={c.code}>
            {M.errors.codeLabel(e.code)}
          </Text>
        )}
      </MessageBarBody>
      <MessageBarActions>
        <Button size="small" appearance="transparent" onClick={svc.clearError}>
          {M.errors.dismiss}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}

function Shell() {
  const c = useStyles();
  const svc = useServices();
  const [current, setCurrent] = useState<ScreenId>("validate");
  // Screens mount on first visit and then stay mounted, so results survive switching tabs.
  const [visited, setVisited] = useState<Set<ScreenId>>(() => new Set(["validate"]));

  // The default 基準日 lives in the workbook (設定); read it quietly once, without the progress bar.
  useLoadOnOpen(async () => {
    const sheet = await loadSettings(svc.port).catch(() => null);
    const asOf = sheet ? defaultAsOfOf(sheet) : null;
    if (asOf) svc.setDefaultAsOf(asOf);
  });

  return (
    <div className={c.root}>
      <header className={c.header}>
        <AsOfBar />
        <TabList
          className={c.tabs}
          size="small"
          selectedValue={current}
          aria-label={M.tabListLabel}
          onTabSelect={(_, d) => {
            const id = d.value as ScreenId;
            setCurrent(id);
            setVisited((v) => (v.has(id) ? v : new Set([...v, id])));
          }}
        >
          {SCREENS.map(({ id }) => (
            <Tab key={id} value={id}>
              {M.tabs[id]}
            </Tab>
          ))}
        </TabList>
        <StatusArea />
        <ErrorArea />
      </header>
      <main className={c.body}>
        {SCREENS.filter(({ id }) => visited.has(id)).map(({ id, Component }) => (
          <div key={id} className={id === current ? undefined : c.hidden} data-screen={id}>
            <Component />
          </div>
        ))}
      </main>
    </div>
  );
}

export function App({
  port,
  excelRun,
  createWorkbook = null,
  scratch,
  diagnostics = null,
}: {
  port: WorkbookPort;
  /** 設定 › 診断 (from the composition root); null where it cannot run. */
  diagnostics?: Diagnostics | null;
  excelRun: ExcelRun;
  /** Excel.createWorkbook when the host supports ExcelApi 1.8, else null. */
  createWorkbook?: CreateWorkbook | null;
  /** The in-memory workbook commands build copies in (chosen by the composition root). */
  scratch: ScratchWorkbookFactory;
}) {
  return (
    <FluentProvider theme={webLightTheme}>
      <ServicesProvider port={port} excelRun={excelRun} createWorkbook={createWorkbook} scratch={scratch}>
        <DiagnosticsContext.Provider value={diagnostics}>
          <Shell />
        </DiagnosticsContext.Provider>
      </ServicesProvider>
    </FluentProvider>
  );
}

/** Shown instead of the app outside Excel (plain browser, office.js missing, another host). */
export function OutsideOffice({ host }: { host: string | null }) {
  return (
    <FluentProvider theme={webLightTheme} style={{ padding: 16, minHeight: "100vh" }}>
      <MessageBar intent="warning" layout="multiline" data-testid="outside-office">
        <MessageBarBody>
          <MessageBarTitle>{M.outsideOffice.title}</MessageBarTitle>
          {host ? M.outsideOffice.notExcel(host) : M.outsideOffice.body}
        </MessageBarBody>
      </MessageBar>
    </FluentProvider>
  );
}
