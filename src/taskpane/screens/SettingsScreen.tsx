/**
 * 設定: show and edit the 設定 sheet (項目 | 値) through the 設定 use case (src/commands/settings),
 * which reads it with the engine's own parser and writes each changed value back to its cell.
 */
import { Button, Field, Input } from "@fluentui/react-components";
import { useState } from "react";
import { InfoBar, ScreenIntro, SuccessBar, useShared } from "../components";
import { M } from "../messages";
import { useLoadOnOpen, useServices } from "../services";
import { DiagnosticsSection } from "./DiagnosticsScreen";
import {
  checkSetting,
  defaultAsOfOf,
  emptyValues,
  itemName,
  loadSettings,
  loadSettingsSteps,
  saveSettings,
  saveSettingsSteps,
  SETTING_KEYS,
  type SettingKey,
  type SettingsSheet,
} from "../../commands/settings";

export function SettingsScreen() {
  const svc = useServices();
  const s = useShared();
  const [sheet, setSheet] = useState<SettingsSheet | null>(null);
  const [values, setValues] = useState<Record<SettingKey, string>>(emptyValues);
  const [message, setMessage] = useState<"saved" | "unchanged" | "invalid" | null>(null);

  const load = async () => {
    const r = await svc.run(loadSettingsSteps(), (port) => loadSettings(port));
    if (r) {
      setSheet(r);
      setValues(r.values);
      setMessage(null);
    }
  };
  useLoadOnOpen(load);

  const errors = Object.fromEntries(SETTING_KEYS.map((k) => [k, checkSetting(k, values[k])])) as Record<SettingKey, string | null>;
  const hasErrors = SETTING_KEYS.some((k) => errors[k] !== null);

  const save = async () => {
    if (!sheet) return;
    if (hasErrors) {
      setMessage("invalid");
      return;
    }
    const done = await svc.run(saveSettingsSteps(), (port) => saveSettings(port, values, sheet));
    if (!done) return;
    setSheet(done.sheet);
    setValues(done.sheet.values);
    setMessage(done.saved ? "saved" : "unchanged");
    if (done.saved) svc.setDefaultAsOf(defaultAsOfOf(done.sheet));
  };

  return (
    <div className={s.screen}>
      <ScreenIntro title={M.settings.heading}>{M.settings.intro}</ScreenIntro>
      {sheet && !sheet.exists && <InfoBar>{M.settings.noSheet}</InfoBar>}
      {sheet && sheet.issues.length > 0 && (
        <InfoBar intent="warning">
          {M.settings.issuesTitle(sheet.issues.length)}
          {sheet.issues.map((f) => (
            <div key={`${f.cell}-${f.rule}`}>{M.settings.issueLine(f.cell, f.message)}</div>
          ))}
        </InfoBar>
      )}
      {sheet &&
        SETTING_KEYS.map((key) => (
          <Field
            key={key}
            label={itemName(key)}
            hint={M.settings.defaultHint(M.settings.defaults[key])}
            validationMessage={errors[key] ?? undefined}
          >
            <Input
              type={key === "asOfDefault" ? "date" : "text"}
              value={values[key]}
              onChange={(_, d) => {
                setValues((v) => ({ ...v, [key]: d.value }));
                setMessage(null);
              }}
              aria-label={M.settings.items[key]}
            />
          </Field>
        ))}
      <div className={s.row}>
        <Button appearance="secondary" disabled={svc.busy} onClick={() => void load()}>
          {M.settings.load}
        </Button>
        <Button appearance="primary" disabled={svc.busy || sheet === null} onClick={() => void save()}>
          {M.settings.save}
        </Button>
      </div>
      {message === "saved" && <SuccessBar>{M.settings.saved}</SuccessBar>}
      {message === "unchanged" && <InfoBar>{M.settings.unchanged}</InfoBar>}
      {message === "invalid" && <InfoBar intent="warning">{M.settings.fixFirst}</InfoBar>}
      <DiagnosticsSection />
    </div>
  );
}
