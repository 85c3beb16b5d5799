/** 支払基金データ取込: choose a pasted 登録状況 list, preview the master changes, then apply them. */
import { Button } from "@fluentui/react-components";
import { useState } from "react";
import { applyRegistrations, applyRegistrationsSteps, type ApplyRegistrationsResult } from "../../commands/applyRegistrations";
import { listCandidateSheets, listCandidateSheetsSteps } from "../../commands/lists";
import { InfoBar, MoreButton, ScreenIntro, Section, SheetPicker, SimpleTable, SuccessBar, useLimit, useShared } from "../components";
import { fmtDate } from "../format";
import { M } from "../messages";
import { useLoadOnOpen, useServices } from "../services";
import { RefreshPanels } from "./RefreshPanels";

const shown = (v: string | null): string => (v === null ? M.apply.blank : /^\d{4}-\d{2}-\d{2}$/.test(v) ? fmtDate(v) : v);

export function ApplyScreen() {
  const svc = useServices();
  const s = useShared();
  const [sheets, setSheets] = useState<string[]>([]);
  const [sheet, setSheet] = useState("");
  const [preview, setPreview] = useState<ApplyRegistrationsResult | null>(null);
  const [applied, setApplied] = useState<ApplyRegistrationsResult | null>(null);
  const [limit, more] = useLimit(200);

  const loadSheets = async () => {
    const lists = await svc.run(listCandidateSheetsSteps(), (port) => listCandidateSheets(port, "registration"));
    if (!lists) return;
    setSheets(lists.sheets);
    setSheet((current) => (lists.sheets.includes(current) ? current : lists.suggested));
  };
  useLoadOnOpen(loadSheets);

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
          {preview.unknownCodes.length > 0 && (
            <InfoBar intent="warning">
              {M.apply.unknownLine(preview.unknownCodes.length, preview.unknownCodes.slice(0, 50), preview.unknownCodes.length - 50)}
            </InfoBar>
          )}
          <div className={s.row}>
            <Button appearance="primary" disabled={svc.busy || preview.changed.length === 0} onClick={() => void runApply()}>
              {M.apply.apply}
            </Button>
          </div>
        </Section>
      )}

      {applied && <SuccessBar>{applied.changed.length > 0 ? M.apply.applied(applied.changed.length) : M.apply.appliedNone}</SuccessBar>}
      <RefreshPanels />
    </div>
  );
}
