/**
 * 設定: show and edit the 設定 sheet (項目 | 値) through the 設定 use case (src/commands/settings),
 * which reads it with the engine's own parser and writes each changed value back to its cell.
 */
import { Button, Checkbox, Field, Input, Text } from "@fluentui/react-components";
import { useState } from "react";
import { InfoBar, ScreenIntro, SuccessBar, useShared } from "../components";
import { M } from "../messages";
import { useLoadOnOpen, useServices } from "../services";
import { DiagnosticsSection } from "./DiagnosticsScreen";
import {
  checkSetting,
  defaultAsOfOf,
  disabledRuleIds,
  ruleChoices,
  toggleDisabledRule,
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

const RULE_CHOICES = ruleChoices();

/** 無効ルール as a checklist of the rules by their Japanese titles (the id in small print). */
function DisabledRules({ value, onChange, error }: { value: string; onChange: (v: string) => void; error: string | null }) {
  const off = new Set(disabledRuleIds(value));
  return (
    <Field label={M.settingsRules.title} hint={M.settingsRules.hint} validationMessage={error ?? undefined}>
      <div role="group" aria-label={M.settings.items.disabledRules} data-testid="disabled-rules">
        {RULE_CHOICES.map((r) => (
          <Checkbox
            key={r.id}
            checked={off.has(r.id)}
            onChange={(_, d) => onChange(toggleDisabledRule(value, r.id, d.checked === true))}
            label={
              <>
                {r.title}{" "}
                <Text size={100} font="monospace">
                  {r.id}
                </Text>
              </>
            }
          />
        ))}
      </div>
    </Field>
  );
}

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
    if (done.saved) {
      const asOf = defaultAsOfOf(done.sheet);
      svc.setDefaultAsOf(asOf);
      // A 既定_基準日 just saved is what the user wants the pane on now.
      if (asOf && asOf !== sheet.values.asOfDefault) svc.setAsOf(asOf);
    }
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
        SETTING_KEYS.map((key) => key === "disabledRules" ? (
          <DisabledRules
            key={key}
            value={values[key]}
            error={errors[key]}
            onChange={(v) => {
              setValues((old) => ({ ...old, [key]: v }));
              setMessage(null);
            }}
          />
        ) : (
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
      {/* The outcome is scrolled into view: the form is longer than the pane (issue 13, defect 8). */}
      <div ref={(el) => void (message && el?.scrollIntoView({ block: "nearest" }))} data-testid="settings-message">
        {message === "saved" && <SuccessBar>{M.settings.saved}</SuccessBar>}
        {message === "unchanged" && <InfoBar>{M.settings.unchanged}</InfoBar>}
        {message === "invalid" && <InfoBar intent="warning">{M.settings.fixFirst}</InfoBar>}
      </div>
      <DiagnosticsSection />
    </div>
  );
}
