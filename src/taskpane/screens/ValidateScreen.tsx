/** 検証: run every rule, list the findings by sheet and severity, click one to select its cell. */
import { Badge, Button, Checkbox, makeStyles, mergeClasses, Text, tokens } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { ruleTitle, validate, validateSteps, type Finding, type Severity, type ValidateResult } from "../../commands/validate";
import { groupFindings } from "../findings";
import { DateField, InfoBar, ScreenIntro, Section, SuccessBar, useShared } from "../components";
import { selectCell } from "../excel";
import { fmtDate } from "../format";
import { M } from "../messages";
import { useAsOf, useServices } from "../services";

const SEVERITIES: Severity[] = ["error", "warning", "info"];
const BADGE_COLOR = { error: "danger", warning: "warning", info: "informative" } as const;

const useStyles = makeStyles({
  sheet: { border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium, padding: "4px 8px" },
  summary: { cursor: "pointer", fontWeight: tokens.fontWeightSemibold, padding: "4px 0" },
  sevHead: { display: "flex", alignItems: "center", columnGap: "6px", marginTop: "6px" },
  ruleHead: { margin: "6px 0 2px 0", fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase200 },
  list: { listStyle: "none", margin: 0, padding: 0 },
  item: {
    display: "block",
    width: "100%",
    textAlign: "left",
    border: "none",
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
    background: "transparent",
    padding: "4px 2px",
    cursor: "pointer",
    font: "inherit",
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground1,
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  cell: { fontWeight: tokens.fontWeightSemibold, marginRight: "6px", fontFamily: tokens.fontFamilyMonospace },
  value: { display: "block", color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
  counts: { display: "flex", flexWrap: "wrap", columnGap: "6px", rowGap: "4px" },
  filters: { display: "flex", flexWrap: "wrap", columnGap: "4px" },
  more: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, padding: "2px" },
});

const ruleLabel = ruleTitle;
const addressOf = (f: Finding): string => f.cell || `A${Math.max(1, f.row)}`;

export function ValidateScreen() {
  const svc = useServices();
  const s = useShared();
  const c = useStyles();
  const [asOf, setAsOf] = useAsOf();
  const [write, setWrite] = useState(false);
  const [result, setResult] = useState<(ValidateResult & { written: boolean }) | null>(null);
  const [visible, setVisible] = useState<Record<Severity, boolean>>({ error: true, warning: true, info: true });

  const groups = useMemo(() => (result ? groupFindings(result.issues) : []), [result]);

  const runValidate = async () => {
    const r = await svc.run(validateSteps({ write }), (port) => validate(port, { asOf: asOf || undefined, write }));
    if (r) setResult({ ...r, written: write });
  };

  const onSelect = async (f: Finding) => {
    try {
      await selectCell(svc.excelRun, f.sheet, addressOf(f));
    } catch (e) {
      svc.showError(e);
    }
  };

  const filtered = groups
    .map((g) => ({ ...g, severities: g.severities.filter((sev) => visible[sev.severity]) }))
    .filter((g) => g.severities.length > 0);

  return (
    <div className={s.screen}>
      <ScreenIntro title={M.validate.heading}>{M.validate.intro}</ScreenIntro>
      <div className={s.row}>
        <DateField label={M.common.asOf} hint={M.common.asOfHint} value={asOf} onChange={setAsOf} />
      </div>
      <Checkbox checked={write} onChange={(_, d) => setWrite(d.checked === true)} label={M.validate.writeSheet} />
      <div className={s.row}>
        <Button appearance="primary" disabled={svc.busy} onClick={runValidate}>
          {M.validate.run}
        </Button>
      </div>

      {result && (
        <Section title={M.validate.resultTitle(fmtDate(result.asOf))}>
          {result.written && <SuccessBar>{M.validate.written}</SuccessBar>}
          <div className={c.counts} aria-label={M.validate.countsLine(result.counts.error, result.counts.warning, result.counts.info)}>
            {SEVERITIES.map((sev) => (
              <Badge key={sev} appearance={result.counts[sev] > 0 ? "filled" : "outline"} color={BADGE_COLOR[sev]}>
                {M.validate.severityBadge(M.severity[sev], result.counts[sev])}
              </Badge>
            ))}
          </div>
          {result.issues.length === 0 ? (
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
                      checked={visible[sev]}
                      onChange={(_, d) => setVisible((v) => ({ ...v, [sev]: d.checked === true }))}
                      label={M.validate.severityCount(M.severity[sev], result.counts[sev])}
                    />
                  ))}
                </div>
              </div>
              {filtered.length === 0 && <InfoBar>{M.validate.hiddenBySeverity}</InfoBar>}
              {filtered.map((g) => (
                <details key={g.sheet} open className={c.sheet} data-sheet={g.sheet}>
                  <summary className={c.summary}>{M.validate.sheetHeading(g.sheet, g.total)}</summary>
                  {g.severities.map((sev) => (
                    <div key={sev.severity}>
                      <div className={c.sevHead}>
                        <Badge appearance="filled" color={BADGE_COLOR[sev.severity]} size="small" />
                        <Text weight="semibold" size={200}>
                          {M.validate.severityCount(M.severity[sev.severity], sev.total)}
                        </Text>
                      </div>
                      {sev.rules.map((rg) => (
                        <div key={rg.rule} data-rule={rg.rule}>
                          <div className={c.ruleHead}>{M.validate.ruleHeading(ruleLabel(rg.rule), rg.total)}</div>
                          <ul className={c.list}>
                            {rg.shown.map((f, i) => (
                              <li key={i}>
                                <button
                                  type="button"
                                  className={c.item}
                                  data-cell={addressOf(f)}
                                  title={M.validate.selectCell(f.sheet, addressOf(f))}
                                  onClick={() => void onSelect(f)}
                                >
                                  <span className={c.cell}>{f.cell || M.validate.row(f.row)}</span>
                                  {f.message}
                                  {f.value !== null && f.value !== "" && (
                                    <span className={mergeClasses(c.value)}>{`${M.validate.valueLabel}: ${String(f.value)}`}</span>
                                  )}
                                </button>
                              </li>
                            ))}
                          </ul>
                          {rg.total > rg.shown.length && <div className={c.more}>{M.common.more(rg.total - rg.shown.length)}</div>}
                        </div>
                      ))}
                    </div>
                  ))}
                </details>
              ))}
            </>
          )}
        </Section>
      )}
    </div>
  );
}
