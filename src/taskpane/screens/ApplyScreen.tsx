/**
 * 支払基金データ取込: choose a pasted 登録状況 list, preview the master changes, then apply them;
 * 「直前の取込を元に戻す」 gives back the logged old values (preview first, then undo).
 */
import { Button, Text } from "@fluentui/react-components";
import { useState } from "react";
import { applyRegistrations, applyRegistrationsSteps, type ApplyRegistrationsResult } from "../../commands/applyRegistrations";
import { listCandidateSheets, listCandidateSheetsSteps } from "../../commands/lists";
import { undoImport, undoImportSteps, type UndoImportResult } from "../../commands/undoImport";
import { InfoBar, MoreButton, ScreenIntro, Section, SheetPicker, SimpleTable, StaleBadge, SuccessBar, useLimit, useShared } from "../components";
import { fmtDate } from "../format";
import { M } from "../messages";
import { useLoadOnOpen, useReloadOnChange, useResult, useServices } from "../services";
import { RefreshPanels } from "./RefreshPanels";

const shown = (v: string | null): string => (v === null ? M.apply.blank : /^\d{4}-\d{2}-\d{2}$/.test(v) ? fmtDate(v) : v);
/** A logged cell value (a date object, text, a number or blank) as the sheet shows it. */
const cellShown = (v: unknown): string =>
  v === null || v === undefined || v === "" ? M.apply.blank : typeof v === "object" && "date" in (v as object) ? fmtDate((v as { date: string }).date) : String(v);

export function ApplyScreen() {
  const svc = useServices();
  const s = useShared();
  const [sheets, setSheets] = useState<string[]>([]);
  const [sheet, setSheet] = useState("");
  const [preview, setPreview] = useState<ApplyRegistrationsResult | null>(null);
  const undoPreview = useResult<UndoImportResult>();
  const [undone, setUndone] = useState<UndoImportResult | null>(null);
  const [applied, setApplied] = useState<ApplyRegistrationsResult | null>(null);
  const [limit, more] = useLimit(200);

  const loadSheets = async () => {
    const lists = await svc.run(listCandidateSheetsSteps(), (port) => listCandidateSheets(port, "registration"));
    if (!lists) return;
    setSheets(lists.sheets);
    setSheet((current) => (lists.sheets.includes(current) ? current : lists.suggested));
  };
  useLoadOnOpen(loadSheets);
  useReloadOnChange(loadSheets);

  const runUndoPreview = async () => {
    setUndone(null);
    const p = await svc.run(undoImportSteps({ dryRun: true }), (port) => undoImport(port, { dryRun: true }));
    undoPreview.set(p ?? null);
  };
  const runUndo = async () => {
    const r = await svc.run(undoImportSteps(), (port) => undoImport(port));
    if (r) {
      setUndone(r);
      undoPreview.set(null);
      setApplied(null);
    }
  };

  const runPreview = async () => {
    setApplied(null);
    // The same function as マスタに反映, without the write: it refuses exactly when applying would.
    const p = await svc.run(applyRegistrationsSteps({ dryRun: true }), (port) => applyRegistrations(port, { sheet, dryRun: true }));
    setPreview(p ?? null);
  };

  const runApply = async () => {
    const r = await svc.run(applyRegistrationsSteps(), (port) => applyRegistrations(port, { sheet }));
    if (r) {
      setApplied(r);
      setUndone(null);
      setPreview(null);
    }
  };

  return (
    <div className={s.screen}>
      <ScreenIntro title={M.apply.heading}>{M.apply.intro}</ScreenIntro>
      <SheetPicker
        label={M.apply.sheet}
        sheets={sheets}
        value={sheet}
        onChange={(v) => {
          setSheet(v);
          setPreview(null);
          setApplied(null);
        }}
      />
      <div className={s.row}>
        <Button appearance="secondary" disabled={svc.busy} onClick={() => void loadSheets()}>
          {M.common.reloadSheets}
        </Button>
        <Button appearance="primary" disabled={svc.busy || sheet === ""} onClick={() => void runPreview()}>
          {M.apply.preview}
        </Button>
      </div>

      {preview && preview.sheet === sheet && (
        <Section title={M.apply.previewTitle(preview.changed.length)}>
          {preview.changed.length === 0 ? (
            <InfoBar>{M.apply.noChanges}</InfoBar>
          ) : (
            <>
              <SimpleTable
                label={M.apply.previewTitle(preview.changed.length)}
                columns={[{ label: M.common.code }, { label: M.common.name }, { label: M.apply.old }, { label: M.apply.new }]}
                rows={preview.changed.slice(0, limit).map((c) => [c.code, preview.names?.[c.code] ?? "", shown(c.old), shown(c.new)])}
              />
              <MoreButton hidden={preview.changed.length - limit} onClick={more} />
            </>
          )}
          {preview.changed.some((c) => c.formula !== undefined) && (
            <InfoBar intent="warning">
              {`${M.apply.formula}（${preview.changed.filter((c) => c.formula !== undefined).map((c) => `${preview.names?.[c.code] || c.code}: ${c.formula}`).join("、")}）。${M.apply.formulaHint}`}
            </InfoBar>
          )}
          {preview.unknownCodes.length > 0 && (
            <>
              <InfoBar intent="warning">{`${M.apply.unknownTitle(preview.unknownCodes.length)}。${M.apply.unknownHint}`}</InfoBar>
              <SimpleTable
                label={M.apply.unknownTitle(preview.unknownCodes.length)}
                columns={[{ label: M.common.code }, { label: M.apply.listName }]}
                rows={preview.unknownCodes.slice(0, limit).map((c) => [c, preview.unknownNames?.[c] ?? ""])}
              />
            </>
          )}
          <div className={s.row}>
            <Button appearance="primary" disabled={svc.busy || preview.changed.length === 0} onClick={() => void runApply()}>
              {M.apply.apply}
            </Button>
          </div>
        </Section>
      )}

      {applied && <SuccessBar>{applied.changed.length > 0 ? M.apply.applied(applied.changed.length) : M.apply.appliedNone}</SuccessBar>}

      <Section title={M.apply.undoTitle}>
        <div className={s.intro}>{M.apply.undoIntro}</div>
        <div className={s.row}>
          <Button appearance="secondary" disabled={svc.busy} onClick={() => void runUndoPreview()}>
            {M.apply.undoCheck}
          </Button>
        </div>
        {undoPreview.value && (
          <div data-testid="undo-preview" className={s.section}>
            <StaleBadge stale={undoPreview.stale} />
            <Text weight="semibold" size={200}>
              {M.apply.undoPreview(undoPreview.value.operation, undoPreview.value.when, undoPreview.value.restored.length)}
            </Text>
            <SimpleTable
              label={M.apply.undoTitle}
              columns={[{ label: M.apply.cell }, { label: M.common.name }, { label: M.apply.current }, { label: M.apply.restored }]}
              rows={undoPreview.value.restored.slice(0, limit).map((u) => [u.cell, u.name || u.code, cellShown(u.from), cellShown(u.to)])}
            />
            {undoPreview.value.skipped.length > 0 && (
              <InfoBar intent="warning">{`${M.apply.skipped}: ${undoPreview.value.skipped.map((k) => `${k.cell} ${k.reason}`).join(" ")}`}</InfoBar>
            )}
            <div className={s.row}>
              <Button appearance="primary" disabled={svc.busy || undoPreview.stale || undoPreview.value.restored.length === 0} onClick={() => void runUndo()}>
                {M.apply.undoRun}
              </Button>
            </div>
          </div>
        )}
        {undone && <SuccessBar>{M.apply.undone(undone.restored.length)}</SuccessBar>}
      </Section>

      <RefreshPanels />
    </div>
  );
}
