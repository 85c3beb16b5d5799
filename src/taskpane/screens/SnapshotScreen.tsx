/**
 * スナップショット: freeze マスタ at the pane's 基準日. Retaking a date that already has a snapshot
 * first asks the command what would change (a dry run): nothing → said, and nothing written; some
 * rows → the question 「… を置き換えますか？ 変わる行: N」 before anything is written (SPEC §4).
 */
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { useState } from "react";
import { listSnapshotDates, listSnapshotDatesSteps } from "../../commands/history";
import { snapshot, snapshotSteps, type SnapshotResult } from "../../commands/snapshot";
import { InfoBar, ScreenIntro, SheetPicker, StaleBadge, SuccessBar, useShared } from "../components";
import { asOfLabel, fmtDate } from "../format";
import { M } from "../messages";
import { useAsOf, useLoadOnOpen, useReloadOnChange, useResult, useServices } from "../services";
import { FiguresView } from "./Figures";

export function SnapshotScreen() {
  const svc = useServices();
  const s = useShared();
  const [asOf, setAsOf] = useAsOf();
  const [dates, setDates] = useState<string[] | null>(null);
  const figures = useResult<SnapshotResult>();
  const [question, setQuestion] = useState<{ asOf: string; rows: number } | null>(null);

  const loadDates = async () => {
    const d = await svc.run(listSnapshotDatesSteps(), (port) => listSnapshotDates(port));
    if (d) setDates(d);
  };
  useLoadOnOpen(loadDates);
  useReloadOnChange(loadDates);

  const take = async (replace: boolean) => {
    setQuestion(null);
    const date = asOf;
    if (!replace) {
      // Ask the command first: a retake that would change frozen rows is a question, never a silent overwrite.
      const preview = await svc.run(snapshotSteps({ dryRun: true }), (port) => snapshot(port, { asOf: date, dryRun: true }));
      if (!preview) return;
      if (preview.retake.status === "replace") {
        setQuestion({ asOf: preview.asOf, rows: preview.retake.changedRows });
        return;
      }
      if (preview.retake.status === "unchanged") {
        figures.set(preview);
        return;
      }
    }
    const r = await svc.run(snapshotSteps(), (port) => snapshot(port, { asOf: date, replace }));
    if (r) figures.set(r);
  };

  const result = figures.value;
  return (
    <div className={s.screen}>
      <ScreenIntro title={M.snapshot.heading}>{M.snapshot.intro}</ScreenIntro>
      <div className={s.row}>
        <Button appearance="primary" disabled={svc.busy} onClick={() => void take(false)}>
          {M.snapshot.take}
        </Button>
      </div>
      {question && (
        <MessageBar intent="warning" layout="multiline" data-testid="replace-question">
          <MessageBarBody>
            <MessageBarTitle>{M.snapshot.replaceQuestion(asOfLabel(question.asOf).slash, question.rows)}</MessageBarTitle>
            {M.snapshot.replaceBody}
          </MessageBarBody>
          <MessageBarActions>
            <Button size="small" appearance="primary" onClick={() => void take(true)}>
              {M.snapshot.replace}
            </Button>
            <Button size="small" onClick={() => setQuestion(null)}>
              {M.snapshot.keep}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      <SheetPicker
        label={M.snapshot.pickExisting}
        sheets={dates ?? []}
        value={dates?.includes(asOf) ? asOf : ""}
        onChange={(d) => d && setAsOf(d)}
        placeholder={M.snapshot.datePlaceholder}
        emptyHint={M.snapshot.existingNone}
        display={fmtDate}
      />
      {result && (
        <>
          <StaleBadge stale={figures.stale} />
          {result.retake.status === "unchanged" ? (
            <InfoBar>{M.snapshot.unchanged(asOfLabel(result.asOf).slash)}</InfoBar>
          ) : result.retake.status === "replace" ? (
            <SuccessBar>{M.snapshot.replaced(asOfLabel(result.asOf).slash, result.retake.changedRows)}</SuccessBar>
          ) : (
            <SuccessBar>{M.snapshot.resultTitle(fmtDate(result.asOf))}</SuccessBar>
          )}
          <FiguresView figures={result} />
        </>
      )}
    </div>
  );
}
