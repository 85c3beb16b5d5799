/** 集計: the survey / distribution / class / document tables at an as-of date, and the 閲覧停止 aggregate. */
import { Button, Checkbox, Divider, Field, Input, Text } from "@fluentui/react-components";
import { useState } from "react";
import { aggregate, aggregateSteps, type PrefectureRow, type RemainingRow, type TopOffice, type VendorRow } from "../../commands/aggregate";
import { listCandidateSheets, listCandidateSheetsSteps } from "../../commands/lists";
import { actionText, summary, summarySteps, type SummaryResult } from "../../commands/summary";
import { InfoBar, MoreButton, ScreenIntro, Section, SheetPicker, SimpleTable, StaleBadge, SuccessBar, useLimit, useShared } from "../components";
import { asOfLabel, fmtCount, fmtShare, parseDateList, planText, shortEraDate, shortPlan } from "../format";
import { M } from "../messages";
import { useAsOf, useLoadOnOpen, useReloadOnChange, useResult, useServices } from "../services";
import { TrendPanel } from "./TrendPanel";

const CLASS_ORDER = ["①", "②", "③", "④"];
/** ①–④ first in that order, then offices without a class; within a class the most recipients first. */
const byClassThenRecipients = (a: { class: string | null; recipients: number }, b: { class: string | null; recipients: number }): number => {
  const rank = (c: string | null) => (c === null ? CLASS_ORDER.length : CLASS_ORDER.indexOf(c));
  return rank(a.class) - rank(b.class) || b.recipients - a.recipients;
};

/** What the screen shows of an aggregate run (SPEC §5's JSON). */
interface AggregateView {
  byVendor: VendorRow[];
  byPrefecture: PrefectureRow[];
  top: TopOffice[];
  previous: string | null;
  remaining: RemainingRow[];
}

function SurveyTable({ result }: { result: SummaryResult }) {
  const L = M.summary.survey;
  const cols = result.survey;
  const keys = cols.length > 0 ? Object.keys(cols[0].delayedBy) : [];
  const line = (label: string, pick: (c: (typeof cols)[number]) => number) => [label, ...cols.map((c) => fmtCount(pick(c)))];
  return (
    <SimpleTable
      label={M.summary.surveyTitle}
      columns={[
        { label: M.summary.item },
        ...cols.map((c) => ({ label: c.date === result.asOf ? M.summary.asOfColumn(shortEraDate(c.date)) : shortEraDate(c.date), numeric: true })),
      ]}
      rows={[
        line(L.registered, (c) => c.registered),
        line(L.unregistered, (c) => c.unregistered),
        line(L.unanswered, (c) => c.unanswered),
        line(L.answered, (c) => c.answered),
        line(L.planned, (c) => c.planned),
        line(L.plannedThisYear, (c) => c.plannedThisYear),
        line(L.plannedLater, (c) => c.plannedLater),
        line(L.delayed, (c) => c.delayed),
        ...keys.map((k) => line(L.delayedBy(planText(k)), (c) => c.delayedBy[k] ?? 0)),
      ]}
    />
  );
}

export function SummaryScreen() {
  const svc = useServices();
  const s = useShared();
  const [asOf] = useAsOf();
  const [datesText, setDatesText] = useState("");
  const summaryResult = useResult<SummaryResult>();
  const result = summaryResult.value;
  const [priorityOnly, setPriorityOnly] = useState(false);
  const [classLimit, moreClasses] = useLimit(100);
  const [docLimit, moreDocs] = useLimit(100);
  const [remLimit, moreRem] = useLimit(50);

  const [sheets, setSheets] = useState<string[]>([]);
  const [sheet, setSheet] = useState("");
  const [previous, setPrevious] = useState("");
  const [agg, setAgg] = useState<AggregateView | null>(null);

  const loadSheets = async () => {
    const lists = await svc.run(listCandidateSheetsSteps(), (port) => listCandidateSheets(port, "suspension"));
    if (!lists) return;
    setSheets(lists.sheets);
    setSheet((cur) => (lists.sheets.includes(cur) ? cur : lists.suggested));
    setPrevious((cur) => (lists.sheets.includes(cur) ? cur : ""));
  };
  useLoadOnOpen(loadSheets);
  useReloadOnChange(loadSheets);

  const { dates, bad } = parseDateList(datesText);
  const runSummary = async () => {
    const r = await svc.run(summarySteps(), (port) =>
      summary(port, { asOf: asOf || undefined, dates: dates.length > 0 ? dates : undefined, endAtAsOf: true }),
    );
    if (r) summaryResult.set(r);
  };
  const runAggregate = async () => {
    const r = await svc.run(aggregateSteps(), (port) => aggregate(port, { sheet, previous: previous || undefined }));
    if (r) setAgg({ byVendor: r.byVendor, byPrefecture: r.byPrefecture, top: r.top, previous: r.previous, remaining: r.remaining ?? [] });
  };

  const classes = result ? (priorityOnly ? result.classes.filter((c) => c.priority) : [...result.classes]).sort(byClassThenRecipients) : [];

  return (
    <div className={s.screen}>
      <ScreenIntro title={M.summary.heading}>{M.summary.intro}</ScreenIntro>
      <Field label={M.summary.dates} hint={M.summary.datesHint} validationMessage={bad.length > 0 ? M.summary.datesInvalid(bad[0]) : undefined}>
        <Input value={datesText} onChange={(_, d) => setDatesText(d.value)} placeholder="2024-10-15, 2024-10-29" />
      </Field>
      <div className={s.row}>
        <Button appearance="primary" disabled={svc.busy || bad.length > 0} onClick={() => void runSummary()}>
          {M.summary.run}
        </Button>
      </div>

      {result && (
        <>
          <StaleBadge stale={summaryResult.stale} />
          <SuccessBar>{M.summary.written}</SuccessBar>
          <Text weight="semibold" data-testid="summary-as-of">
            {M.summary.resultFor(`${asOfLabel(result.asOf).slash}（${asOfLabel(result.asOf).era}）`)}
          </Text>
          {result.excludedRows ? <InfoBar>{M.common.excludedRows(result.excludedRows)}</InfoBar> : null}
          <Section title={M.summary.surveyTitle}>
            <SurveyTable result={result} />
          </Section>
          <Section title={M.summary.distributionTitle}>
            <SimpleTable
              label={M.summary.distributionTitle}
              columns={[{ label: M.summary.plan }, { label: M.common.offices, numeric: true }, { label: M.common.share, numeric: true }]}
              rows={[
                ...result.distribution.rows.map((r) => [r.label, fmtCount(r.offices), fmtShare(r.share)]),
                [M.common.total, fmtCount(result.distribution.total), fmtShare(result.distribution.total > 0 ? 1 : 0)],
              ]}
            />
          </Section>
          <Section title={M.summary.classesTitle(result.classes.length)}>
            <div data-testid="class-legend">
              <Text size={200} weight="semibold" block>
                {M.summary.legendTitle}
              </Text>
              {M.summary.legend.map((line) => (
                <Text key={line} size={200} block>
                  {line}
                </Text>
              ))}
            </div>
            <Checkbox checked={priorityOnly} onChange={(_, d) => setPriorityOnly(d.checked === true)} label={M.summary.classesPriorityOnly} />
            <SimpleTable
              label={M.summary.classesTitle(result.classes.length)}
              columns={[
                { label: M.summary.klass },
                { label: M.common.name },
                { label: M.common.recipients, numeric: true },
                { label: M.summary.answer },
                { label: M.summary.currentPlan },
                { label: M.summary.delayed },
              ]}
              rows={classes
                .slice(0, classLimit)
                .map((c) => [c.class ?? "", c.name, fmtCount(c.recipients), shortPlan(c.answer), shortPlan(c.plan), c.delayed ? M.summary.yes : ""])}
            />
            <MoreButton hidden={classes.length - classLimit} onClick={moreClasses} />
          </Section>
          <Section title={M.summary.documentsTitle(result.documents.length)}>
            <SimpleTable
              label={M.summary.documentsTitle(result.documents.length)}
              columns={[{ label: M.common.name }, { label: M.summary.branch }, { label: M.summary.action }]}
              rows={result.documents
                .slice(0, docLimit)
                .map((d) => [d.name, M.summary.branches[d.branch] ?? d.branch, actionText(d)])}
            />
            <MoreButton hidden={result.documents.length - docLimit} onClick={moreDocs} />
          </Section>
        </>
      )}

      <Divider />
      <ScreenIntro title={M.summary.aggregateHeading}>{M.summary.aggregateIntro}</ScreenIntro>
      <SheetPicker label={M.summary.aggregateSheet} sheets={sheets} value={sheet} onChange={setSheet} />
      <SheetPicker
        label={M.summary.previousSheet}
        sheets={sheets.filter((n) => n !== sheet)}
        value={previous}
        onChange={setPrevious}
        allowNone
        noneLabel={M.summary.previousNone}
      />
      <div className={s.row}>
        <Button appearance="secondary" disabled={svc.busy} onClick={() => void loadSheets()}>
          {M.common.reloadSheets}
        </Button>
        <Button appearance="primary" disabled={svc.busy || sheet === ""} onClick={() => void runAggregate()}>
          {M.summary.aggregateRun}
        </Button>
      </div>
      {agg && (
        <>
          <SuccessBar>{M.summary.aggregateWritten}</SuccessBar>
          <Section title={M.summary.byVendor}>
            <SimpleTable
              label={M.summary.byVendor}
              columns={[
                { label: M.summary.vendor },
                { label: M.summary.count, numeric: true },
                { label: M.common.share, numeric: true },
                { label: M.summary.officeShareVendor, numeric: true },
              ]}
              rows={agg.byVendor.map((v) => [v.vendor, fmtCount(v.count), fmtShare(v.share), fmtShare(v.officeShare)])}
            />
          </Section>
          <Section title={M.summary.byPrefecture}>
            <SimpleTable
              label={M.summary.byPrefecture}
              columns={[
                { label: M.summary.prefecture },
                { label: M.summary.count, numeric: true },
                { label: M.common.share, numeric: true },
                { label: M.summary.recipientSharePref, numeric: true },
              ]}
              rows={agg.byPrefecture.map((p) => [p.prefecture, fmtCount(p.count), fmtShare(p.share), fmtShare(p.recipientShare)])}
            />
          </Section>
          <Section title={M.summary.top}>
            <SimpleTable
              label={M.summary.top}
              columns={[{ label: M.common.name }, { label: M.summary.count, numeric: true }, { label: M.common.share, numeric: true }]}
              rows={agg.top.map((o) => [o.name || o.code, fmtCount(o.count), fmtShare(o.share)])}
            />
          </Section>
          {agg.previous && agg.remaining.length > 0 && (
            <Section title={M.summary.remainingTitle(agg.previous)}>
              <SimpleTable
                label={M.summary.remainingTitle(agg.previous)}
                columns={[
                  { label: M.common.name },
                  { label: M.summary.previousCount, numeric: true },
                  { label: M.summary.count, numeric: true },
                  { label: M.summary.remainingRatio, numeric: true },
                ]}
                rows={agg.remaining
                  .slice(0, remLimit)
                  .map((o) => [o.name || o.code, o.previous === null ? "" : fmtCount(o.previous), fmtCount(o.count), o.ratio === null ? "" : fmtShare(o.ratio)])}
              />
              <MoreButton hidden={agg.remaining.length - remLimit} onClick={moreRem} />
            </Section>
          )}
        </>
      )}
      <TrendPanel />
    </div>
  );
}
