// Placeholder task pane entry point; the real UI replaces this file.
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, Text, Title2, webLightTheme } from "@fluentui/react-components";

interface AppProps {
  /** The Office host the add-in runs in, or null outside Office (plain browser). */
  host: Office.HostType | null;
}

function App({ host }: AppProps) {
  return (
    <FluentProvider theme={webLightTheme} style={{ padding: 16, minHeight: "100vh" }}>
      <Title2 as="h1" block>
        オン資トラッカー
      </Title2>
      {host === null ? <Text block>Excel でこのアドインを開いてください。</Text> : null}
    </FluentProvider>
  );
}

function render(host: Office.HostType | null): void {
  const container = document.getElementById("root");
  if (!container) return;
  createRoot(container).render(
    <StrictMode>
      <App host={host} />
    </StrictMode>,
  );
}

if (typeof Office === "undefined") {
  // office.js failed to load (offline or opened outside Office).
  render(null);
} else {
  void Office.onReady((info) => render(info.host ?? null));
}
