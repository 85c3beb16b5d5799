/**
 * 検証: run every rule, then list the findings grouped by rule with the explanation once and the
 * count; a group expands to its cells in a windowed list (only the rows in view are drawn, so
 * 100,000 findings scroll smoothly); filters by severity, sheet, rule and text; values shown as
 * typed with their spaces made visible (␣). Click a cell to select it in Excel.
 */
import { Badge, Button, Checkbox, Field, Input, makeStyles, Select, Text, tokens } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { ruleTitle, validate, validateSteps, type Finding, type Severity, type ValidateResult } from "../../commands/validate";
import { filterChoices, filterFindings, groupByRule, NO_FILTER, type FindingFilter, type RuleGroup } from "../findings";
import { InfoBar, ScreenIntro, Section, StaleBadge, SuccessBar, useShared } from "../components";
import { selectCell } from "../excel";
import { fmtDate, visibleSpaces } from "../format";
import { M } from "../messages";
import { useAsOf, useResult, useServices } from "../services";
import { WindowedList } from "./WindowedList";

const SEVERITIES: Severity[] = ["error", "warning", "info"];
const BADGE_COLOR = { error: "danger", warning: "warning", info: "informative" } as const;
const ROW_HEIGHT = 30;

const useStyles = makeStyles({
  group: { border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium, padding: "4px 8px" },
  groupHead: {
    display: "flex",
    alignItems: "flex-start",
    columnGap: "6px",
    width: "100%",
    border: "none",
    background: "transparent",
    padding: "4px 0",
    cursor: "pointer",
    textAlign: "left",
    font: "inherit",
    color: tokens.colorNeutralForeground1,
  },
  title: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase300 },
  explanation: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, margin: "2px 0 4px 0" },
  item: {
    display: "flex",
    alignItems: "center",
    columnGap: "6px",
    width: "100%",
    height: `${ROW_HEIGHT}px`,
    boxSizing: "border-box",
    textAlign: "left",
    border: "none",
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
    background: "transparent",
    padding: "0 2px",
    cursor: "pointer",
    font: "inherit",
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground1,
    whiteSpace: "nowrap",
    overflow: "hidden",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  cell: { fontWeight: tokens.fontWeightSemibold, fontFamily: tokens.fontFamilyMonospace, flexShrink: 0 },
  value: { color: tokens.colorNeutralForeground2, overflow: "hidden", textOverflow: "ellipsis", fontFamily: tokens.fontFamilyMonospace },
  counts: { display: "flex", flexWrap: "wrap", columnGap: "6px", rowGap: "4px" },
  filters: { display: "flex", flexWrap: "wrap", columnGap: "4px" },
  selects: { display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(130px, 1fr))", gap: "6px" },
});

const addressOf = (f: Finding): string => f.cell || `A${Math.max(1, f.row)}`;

/** The value as typed: spaces visible, dates already as Excel shows them (the command formats them). */
const shownValue = (f: Finding): string => (f.value === null || f.value === "" ? "" : visibleSpaces(String(f.value)));

function FindingRow({ f, onSelect }: { f: Finding; onSelect: (f: Finding) => void }) {
  const c = useStyles();
  const value = shownValue(f);
  return (
    <button
      type="button"
      className={c.item}
      data-cell={addressOf(f)}
      data-sheet={f.sheet}
      title={`${M.validate.selectCell(f.sheet, addressOf(f))}${value ? `\n${M.validate.valueLabel}: ${value}` : ""}`}
      onClick={() => onSelect(f)}
    >
      <span className={c.cell}>{`${f.sheet}!${f.cell || M.validate.row(f.row)}`}</span>
      {value && <span className={c.value} data-testid="finding-value">{value}</span>}
    </button>
  );
}

function Group({ g, onSelect }: { g: RuleGroup; onSelect: (f: Finding) => void }) {
  const c = useStyles();
  const [open, setOpen] = useState(false);
  return (
    <div className={c.group} data-rule={g.rule}>
      <button type="button" className={c.groupHead} aria-expanded={open} onClick={() => setOpen((o) => !o)}>
        <Badge appearance="filled" color={BADGE_COLOR[g.severity]} size="small">
          {M.severity[g.severity]}
        </Badge>
        <span className={c.title}>{M.validate.groupHeading(ruleTitle(g.rule), g.findings.length)}</span>
      </button>
      <div className={c.explanation}>{g.message}</div>
      <Text size={100} block>
        {M.validate.inSheets(g.sheets)}
      </Text>
      {open && (
        <WindowedList
          count={g.findings.length}
          rowHeight={ROW_HEIGHT}
          maxHeight={360}
          label={ruleTitle(g.rule)}
          renderRow={(i) => <FindingRow f={g.findings[i]} onSelect={onSelect} />}
        />
      )}
    </div>
  );
}

export function ValidateScreen() {
  const svc = useServices();
  const s = useShared();
  const c = useStyles();
  const [asOf] = useAsOf();
  const [write, setWrite] = useState(false);
  const result = useResult<ValidateResult & { written: boolean }>();
  const [filter, setFilter] = useState<FindingFilter>(NO_FILTER);

  const issues = result.value?.issues;
  const choices = useMemo(() => filterChoices(issues ?? []), [issues]);
  const shown = useMemo(() => filterFindings(issues ?? [], filter), [issues, filter]);
  const groups = useMemo(() => groupByRule(shown), [shown]);

  const runValidate = async () => {
    const r = await svc.run(validateSteps({ write }), (port) => validate(port, { asOf: asOf || undefined, write }));
    if (r) result.set({ ...r, written: write });
  };

  const onSelect = async (f: Finding) => {
    try {
      await selectCell(svc.excelRun, f.sheet, addressOf(f));
    } catch (e) {
      svc.showError(e, { sheet: f.sheet });
    }
  };

  const r = result.value;
  return (
    <div className={s.screen}>
      <ScreenIntro title={M.validate.heading}>{M.validate.intro}</ScreenIntro>
      <Checkbox checked={write} onChange={(_, d) => setWrite(d.checked === true)} label={M.validate.writeSheet} />
      <div className={s.row}>
        <Button appearance="primary" disabled={svc.busy} onClick={runValidate}>
          {M.validate.run}
        </Button>
      </div>

      {r && (
        <Section title={M.validate.resultTitle(fmtDate(r.asOf))}>
          <StaleBadge stale={result.stale} />
          {r.written && <SuccessBar>{M.validate.written}</SuccessBar>}
          <div className={c.counts} aria-label={M.validate.countsLine(r.counts.error, r.counts.warning, r.counts.info)}>
            {SEVERITIES.map((sev) => (
              <Badge key={sev} appearance={r.counts[sev] > 0 ? "filled" : "outline"} color={BADGE_COLOR[sev]}>
                {M.validate.severityBadge(M.severity[sev], r.counts[sev])}
              </Badge>
            ))}
          </div>
          {r.issues.length === 0 ? (
            <InfoBar>{M.validate.noIssues}</InfoBar>
          ) : (
            <>
              <div role="group" aria-label={M.validate.filter}>
                <Text size={200} weight="semibold" block>
                  {M.validate.filter}
                </Text>
                <div className={c.filters}>
                  {SEVERITIES.map((sev) => (
                    <Checkbox
                      key={sev}
                      checked={filter.severities[sev]}
                      onChange={(_, d) => setFilter((f) => ({ ...f, severities: { ...f.severities, [sev]: d.checked === true } }))}
                      label={M.validate.severityCount(M.severity[sev], r.counts[sev])}
                    />
                  ))}
                </div>
              </div>
              <div className={c.selects}>
                <Field label={M.validate.sheetFilter} size="small">
                  <Select size="small" value={filter.sheet} onChange={(_, d) => setFilter((f) => ({ ...f, sheet: d.value }))}>
                    <option value="">{M.validate.allSheets}</option>
                    {choices.sheets.map((name) => (
                      <option key={name} value={name}>
                        {name}
                      </option>
                    ))}
                  </Select>
                </Field>
                <Field label={M.validate.ruleFilter} size="small">
                  <Select size="small" value={filter.rule} onChange={(_, d) => setFilter((f) => ({ ...f, rule: d.value }))}>
                    <option value="">{M.validate.allRules}</option>
                    {choices.rules.map((id) => (
                      <option key={id} value={id}>
                        {ruleTitle(id)}
                      </option>
                    ))}
                  </Select>
                </Field>
              </div>
              <Field label={M.validate.search} hint={M.validate.searchHint} size="small">
                <Input size="small" type="search" value={filter.text} onChange={(_, d) => setFilter((f) => ({ ...f, text: d.value }))} />
              </Field>
              <Text size={200} data-testid="shown-count">
                {M.validate.shownOf(shown.length, r.issues.length)}
              </Text>
              {groups.length === 0 && <InfoBar>{M.validate.hiddenBySeverity}</InfoBar>}
              {groups.map((g) => (
                <Group key={g.key} g={g} onSelect={(f) => void onSelect(f)} />
              ))}
            </>
          )}
        </Section>
      )}
    </div>
  );
}
