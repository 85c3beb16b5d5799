/**
 * 共有: makes a masked copy for sharing and opens it as a new workbook. The open workbook is only
 * read (one listSheets, one readSheets); masking runs on an in-memory copy, the copy is written as a
 * values-only .xlsx in the browser and handed to Excel.createWorkbook. Nothing goes over the network.
 */
import { Button, Checkbox, Field } from "@fluentui/react-components";
import { useState } from "react";
import { FREE_TEXT_HEADERS, MASKED_FIELD_LABELS, type MaskResult } from "../../commands/mask";
import { maskedBookName, maskedCopy, maskedCopySteps } from "../../commands/maskCopy";
import { InfoBar, ScreenIntro, Section, SimpleTable, SuccessBar, useShared } from "../components";
import { workbookName } from "../excel";
import { M } from "../messages";
import { useServices } from "../services";
import { ReportSection } from "./ReportSection";

interface Done extends MaskResult {
  title: string;
  hashCodesAsked: boolean;
}

export function ShareScreen() {
  const svc = useServices();
  const s = useShared();
  const [hashCodes, setHashCodes] = useState(false);
  const [blankFreeText, setBlankFreeText] = useState(false);
  const [done, setDone] = useState<Done | null>(null);
  const create = svc.createWorkbook;

  const run = async () => {
    if (!create) return;
    setDone(null);
    const r = await svc.run([...maskedCopySteps(), "open"], async (port, _signal, step) => {
      const name = await workbookName(svc.excelRun);
      const copy = await maskedCopy(port, { scratch: svc.scratch, hashCodes, blankFreeText, afterRead: () => step(M.share.building) });
      // The last point where キャンセル stops it; from here the copy is Excel's.
      await step(M.share.opening);
      await create(copy.bytes);
      return { ...copy, title: name ? maskedBookName(name) : M.share.titleUnknown, hashCodesAsked: hashCodes };
    });
    if (r) {
      setDone({
        masked: r.masked,
        removedMyNumbers: r.removedMyNumbers,
        hashedCodes: r.hashedCodes,
        ...(r.blankedFreeText !== undefined ? { blankedFreeText: r.blankedFreeText } : {}),
        sheets: r.sheets,
        title: r.title,
        hashCodesAsked: r.hashCodesAsked,
      });
    }
  };

  const rows = done
    ? [
        [M.share.masked, M.share.counted(done.masked)],
        [M.share.removedMyNumbers, M.share.counted(done.removedMyNumbers)],
        ...(done.hashCodesAsked ? [[M.share.hashedCodes, M.share.counted(done.hashedCodes)]] : []),
        ...(done.blankedFreeText !== undefined ? [[M.share.blankedFreeText, M.share.counted(done.blankedFreeText)]] : []),
      ]
    : [];

  return (
    <div className={s.screen}>
      <ScreenIntro title={M.share.heading}>{M.share.intro}</ScreenIntro>
      <InfoBar>{M.share.valuesOnly}</InfoBar>
      {!create && <InfoBar intent="warning">{M.share.unsupported}</InfoBar>}
      <Section title={M.share.whatTitle}>
        <ul data-testid="mask-list" style={{ margin: 0, paddingLeft: "1.2em" }}>
          <li>{M.share.whatMasked([...MASKED_FIELD_LABELS])}</li>
          <li>{M.share.whatRemoved}</li>
          <li>{M.share.whatKept}</li>
        </ul>
      </Section>
      <Field hint={M.share.blankFreeTextHint}>
        <Checkbox checked={blankFreeText} onChange={(_, d) => setBlankFreeText(d.checked === true)} label={M.share.blankFreeText([...FREE_TEXT_HEADERS])} />
      </Field>
      <Field hint={M.share.hashCodesHint}>
        <Checkbox checked={hashCodes} onChange={(_, d) => setHashCodes(d.checked === true)} label={M.share.hashCodes} />
      </Field>
      <div className={s.row}>
        <Button appearance="primary" disabled={svc.busy || !create} onClick={() => void run()}>
          {M.share.run}
        </Button>
      </div>
      {done && (
        <>
          <SuccessBar>{M.share.opened(done.title)}</SuccessBar>
          <Section title={M.share.resultTitle}>
            <SimpleTable
              label={M.share.resultTitle}
              columns={[{ label: M.share.item }, { label: M.share.count, numeric: true }]}
              rows={rows}
            />
            <span className={s.muted}>{done.sheets.length > 0 ? M.share.sheetsLine(done.sheets) : M.share.nothingMasked}</span>
            <span className={s.muted}>{M.share.check}</span>
          </Section>
        </>
      )}
      <ReportSection />
    </div>
  );
}
