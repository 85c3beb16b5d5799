/**
 * データ取込's refresh pieces (SPEC §6): 「ファイルから取込」 (a CSV read in the pane with a file
 * picker, written into a new 支払基金_ sheet) and the second list kind, アンケート回答, with the same
 * preview → apply flow as 登録状況.
 */
import { Button, Dropdown, Field, Input, Option } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { applySurvey, applySurveySteps, listSurveySheets, listSurveySheetsSteps, SURVEY_FIELD_LABELS, type ApplySurveyResult } from "../../commands/applySurvey";
import { ImportDateMissing, importFile, importFileSteps, type ImportFileResult } from "../../commands/importFile";
import { InfoBar, MoreButton, Section, SheetPicker, SimpleTable, SuccessBar, useLimit, useShared } from "../components";
import { fmtDate } from "../format";
import { M } from "../messages";
import { useServices } from "../services";

const R = M.refresh;
const shown = (v: string | null): string => (v === null ? M.apply.blank : /^\d{4}-\d{2}-\d{2}$/.test(v) ? fmtDate(v) : v);

function FileImport({ onImported }: { onImported: () => void }) {
  const svc = useServices();
  const s = useShared();
  const [file, setFile] = useState<File | null>(null);
  const [kind, setKind] = useState("");
  const [date, setDate] = useState("");
  const [needDate, setNeedDate] = useState(false);
  const [done, setDone] = useState<ImportFileResult | null>(null);

  const run = async () => {
    if (!file) return;
    setDone(null);
    if (/\.xls[xm]$/iu.test(file.name)) {
      svc.showError(new ImportDateMissing(R.xlsxInPane));
      return;
    }
    // Read here, in the pane: the bytes never leave the machine.
    const bytes = new Uint8Array(await file.arrayBuffer());
    let missing = false;
    const r = await svc.run(importFileSteps(), async (port) => {
      try {
        return await importFile(port, { fileName: file.name, bytes, kind: kind || undefined, date: date || undefined });
      } catch (e) {
        if (e instanceof ImportDateMissing) missing = true;
        throw e;
      }
    });
    setNeedDate(missing);
    if (r) {
      setDone(r);
      onImported();
    }
  };

  return (
    <Section title={R.importTitle}>
      <InfoBar>{R.importIntro}</InfoBar>
      <Field label={R.file}>
        <input
          type="file"
          accept=".csv,.txt,.xlsx"
          data-testid="import-file"
          onChange={(e) => {
            setFile(e.target.files?.[0] ?? null);
            setDone(null);
            setNeedDate(false);
          }}
        />
      </Field>
      <Field label={R.kind}>
        <Dropdown value={kind || R.kindAuto} selectedOptions={[kind]} onOptionSelect={(_, d) => setKind(d.optionValue ?? "")}>
          {["", ...R.kinds].map((k) => (
            <Option key={k || "auto"} value={k} text={k || R.kindAuto}>
              {k || R.kindAuto}
            </Option>
          ))}
        </Dropdown>
      </Field>
      {needDate && <InfoBar intent="warning">{R.dateNeeded}</InfoBar>}
      <Field label={R.date}>
        <Input type="date" value={date} onChange={(_, d) => setDate(d.value)} />
      </Field>
      <div className={s.row}>
        <Button appearance="primary" disabled={svc.busy || !file} onClick={() => void run()}>
          {R.run}
        </Button>
      </div>
      {done && (
        <SuccessBar>
          {R.imported(done.sheet, done.rows, done.encoding, fmtDate(done.date))} {R.checked(done.counts.error, done.counts.warning, done.counts.info)}
        </SuccessBar>
      )}
    </Section>
  );
}

/**
 * Loads once the screen's own loading is done: the shell runs one command at a time (a second run
 * is refused), and this panel mounts inside データ取込, whose 登録状況 list loads on open too. A
 * refused or failed load is retried when the shell is idle again, at most three times.
 */
function useLoadWhenIdle(load: () => Promise<boolean>, busy: boolean): void {
  const [initial] = useState(() => load);
  const [ready, setReady] = useState(false);
  const [tries, setTries] = useState(0);
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    const t = setTimeout(() => setReady(true), 50);
    return () => clearTimeout(t);
  }, []);
  useEffect(() => {
    if (!ready || loaded || busy || tries >= 3) return;
    const t = setTimeout(() => {
      setTries((n) => n + 1);
      void initial().then((ok) => ok && setLoaded(true));
    }, 0);
    return () => clearTimeout(t);
  }, [ready, loaded, busy, tries, initial]);
}

function SurveyApply() {
  const svc = useServices();
  const s = useShared();
  const [sheets, setSheets] = useState<string[]>([]);
  const [sheet, setSheet] = useState("");
  const [preview, setPreview] = useState<ApplySurveyResult | null>(null);
  const [applied, setApplied] = useState<ApplySurveyResult | null>(null);
  const [limit, more] = useLimit(100);

  const load = async (): Promise<boolean> => {
    const lists = await svc.run(listSurveySheetsSteps(), (port) => listSurveySheets(port));
    if (!lists) return false;
    setSheets(lists.sheets);
    setSheet((cur) => (lists.sheets.includes(cur) ? cur : lists.suggested));
    return true;
  };
  useLoadWhenIdle(load, svc.busy);

  const runPreview = async () => {
    setApplied(null);
    const p = await svc.run(applySurveySteps({ dryRun: true }), (port) => applySurvey(port, { sheet, dryRun: true }));
    setPreview(p ?? null);
  };
  const runApply = async () => {
    const r = await svc.run(applySurveySteps(), (port) => applySurvey(port, { sheet }));
    if (r) {
      setApplied(r);
      setPreview(null);
    }
  };

  return (
    <Section title={R.surveyTitle}>
      <InfoBar>{R.surveyIntro}</InfoBar>
      <SheetPicker label={R.surveySheet} sheets={sheets} value={sheet} onChange={(v) => (setSheet(v), setPreview(null), setApplied(null))} />
      <div className={s.row}>
        <Button appearance="secondary" disabled={svc.busy} onClick={() => void load()}>
          {R.surveyReload}
        </Button>
        <Button appearance="primary" disabled={svc.busy || sheet === ""} onClick={() => void runPreview()} data-testid="survey-preview">
          {R.surveyPreview}
        </Button>
      </div>
      {preview && preview.sheet === sheet && (
        <>
          <div>{R.surveyPreviewTitle(preview.changed.length)}</div>
          {preview.changed.length === 0 ? (
            <InfoBar>{R.surveyNoChanges}</InfoBar>
          ) : (
            <>
              <SimpleTable
                label={R.surveyTitle}
                columns={[{ label: M.common.name }, { label: R.field }, { label: M.apply.old }, { label: M.apply.new }]}
                rows={preview.changed.slice(0, limit).map((c) => [c.name || c.code, SURVEY_FIELD_LABELS[c.field], shown(c.old), shown(c.new)])}
              />
              <MoreButton hidden={preview.changed.length - limit} onClick={more} />
            </>
          )}
          {preview.ambiguous.length > 0 && <InfoBar intent="warning">{R.ambiguous(preview.ambiguous.map((a) => `${a.row}行目 ${a.name}`))}</InfoBar>}
          {preview.unmatched.length > 0 && <InfoBar intent="warning">{R.unmatched(preview.unmatched.map((u) => `${u.row}行目 ${u.name}`))}</InfoBar>}
          {preview.older.length > 0 && <InfoBar>{R.older(preview.older.length)}</InfoBar>}
          <div className={s.row}>
            <Button appearance="primary" disabled={svc.busy || preview.changed.length === 0} onClick={() => void runApply()} data-testid="survey-apply">
              {R.surveyApply}
            </Button>
          </div>
        </>
      )}
      {applied && <SuccessBar>{applied.changed.length > 0 ? R.surveyApplied(applied.changed.length) : R.surveyNoChanges}</SuccessBar>}
    </Section>
  );
}

/** Both pieces; an import reloads the survey lists (the new sheet may be one). */
export function RefreshPanels() {
  const [version, setVersion] = useState(0);
  return (
    <>
      <FileImport onImported={() => setVersion((v) => v + 1)} />
      {/* Remounted after an import, so that it lists the new sheet. */}
      <SurveyApply key={version} />
    </>
  );
}
