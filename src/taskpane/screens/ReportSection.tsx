/**
 * 「報告資料 (PowerPoint)」 on the 共有 screen: builds the report deck from the open workbook (read
 * only) and downloads it. The deck writer (pptxgenjs) is loaded with a dynamic import() only when
 * the button is clicked, so the pane's first load does not grow. Hosts whose web view cannot save a
 * download (Excel for Mac and iPad) get a plain message instead of a button that does nothing.
 */
import { Button } from "@fluentui/react-components";
import { useState } from "react";
import { DateField, InfoBar, Section, SuccessBar, useShared } from "../components";
import { M } from "../messages";
import { useAsOf, useServices } from "../services";

const PPTX_MIME = "application/vnd.openxmlformats-officedocument.presentationml.presentation";

/** Excel for Mac and iPad run add-ins in a WKWebView that drops downloads. */
export function downloadsBlocked(): boolean {
  try {
    const platform = String(Office.context?.platform ?? "");
    return platform === "Mac" || platform === "iOS";
  } catch {
    return false;
  }
}

/** Hands the file to the browser as a download (an object URL on a temporary link). */
function download(name: string, bytes: Uint8Array): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: PPTX_MIME }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.style.display = "none";
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function ReportSection() {
  const svc = useServices();
  const s = useShared();
  const [asOf, setAsOf] = useAsOf();
  const [done, setDone] = useState<{ file: string; slides: number; omitted: string[] } | null>(null);
  const blocked = downloadsBlocked();

  const run = async () => {
    setDone(null);
    const r = await svc.run(["build", "list", "read", "build"], async (port, _signal, step) => {
      await step(M.report.loading);
      const { report } = await import(/* webpackChunkName: "report" */ "../../commands/report");
      const deck = await report(port, { asOf: asOf || undefined });
      await step(M.report.building);
      const file = M.report.fileName(deck.asOf);
      download(file, deck.bytes);
      return { file, slides: deck.slides.length, omitted: deck.omitted };
    });
    if (r) setDone(r);
  };

  return (
    <Section title={M.report.heading}>
      <span className={s.muted}>{M.report.intro}</span>
      {blocked ? (
        <InfoBar intent="warning">{M.report.blocked}</InfoBar>
      ) : (
        <>
          <DateField label={M.common.asOf} hint={M.common.asOfHint} value={asOf} onChange={setAsOf} />
          <div className={s.row}>
            <Button appearance="primary" disabled={svc.busy} onClick={() => void run()}>
              {M.report.run}
            </Button>
          </div>
        </>
      )}
      {done && (
        <>
          <SuccessBar>{M.report.downloaded(done.file, done.slides)}</SuccessBar>
          {done.omitted.map((line) => (
            <span key={line} className={s.muted}>
              {M.report.omitted(line)}
            </span>
          ))}
        </>
      )}
    </Section>
  );
}
