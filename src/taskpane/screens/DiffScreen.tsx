/** 差分表: compare two saved snapshots and write 期間差分. */
import { Button, Text } from "@fluentui/react-components";
import { useState } from "react";
import { diff, diffSteps, type DiffValue, type PeriodDiff } from "../../commands/diff";
import { listSnapshotDates, listSnapshotDatesSteps } from "../../commands/history";
import { InfoBar, MoreButton, ScreenIntro, Section, SheetPicker, SimpleTable, StaleBadge, SuccessBar, useLimit, useShared } from "../components";
import { fmtDate, fmtValue } from "../format";
import { M } from "../messages";
import { useLoadOnOpen, useReloadOnChange, useResult, useServices } from "../services";
import { FiguresView } from "./Figures";

const cellText = (v: DiffValue): string =>
  v === null ? M.apply.blank : typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v) ? fmtDate(v) : fmtValue(v);

export function DiffScreen() {
  const svc = useServices();
  const s = useShared();
  const [dates, setDates] = useState<string[] | null>(null);
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const diffResult = useResult<PeriodDiff>();
  const result = diffResult.value;
  const [limit, more] = useLimit(100);

  const loadDates = async () => {
    const d = await svc.run(listSnapshotDatesSteps(), (port) => listSnapshotDates(port));
    if (!d) return;
    setDates(d);
    setTo(d[d.length - 1] ?? "");
    setFrom(d[d.length - 2] ?? "");
  };
  useLoadOnOpen(loadDates);
  // A snapshot taken on another screen shows here at once (the book is the state).
  useReloadOnChange(loadDates);

  const generate = async () => {
    const r = await svc.run(diffSteps(), (port) => diff(port, { from, to }));
    if (r) diffResult.set(r);
  };

  const enough = (dates?.length ?? 0) >= 2;
  const same = from !== "" && from === to;
  return (
    <div className={s.screen}>
      <ScreenIntro title={M.diff.heading}>{M.diff.intro}</ScreenIntro>
      {dates && !enough && <InfoBar intent="warning">{M.diff.needTwo}</InfoBar>}
      <div className={s.row}>
        <SheetPicker
          label={M.diff.from}
          sheets={dates ?? []}
          value={from}
          onChange={setFrom}
          placeholder={M.snapshot.datePlaceholder}
          emptyHint={M.snapshot.existingNone}
          display={fmtDate}
        />
        <SheetPicker
          label={M.diff.to}
          sheets={dates ?? []}
          value={to}
          onChange={setTo}
          placeholder={M.snapshot.datePlaceholder}
          emptyHint={M.snapshot.existingNone}
          display={fmtDate}
        />
      </div>
      {same && <InfoBar intent="warning">{M.diff.sameDates}</InfoBar>}
      <div className={s.row}>
        <Button appearance="secondary" disabled={svc.busy} onClick={() => void loadDates()}>
          {M.snapshot.load}
        </Button>
        <Button appearance="primary" disabled={svc.busy || !enough || same || from === "" || to === ""} onClick={() => void generate()}>
          {M.diff.generate}
        </Button>
      </div>
      {result && (
        <>
          <StaleBadge stale={diffResult.stale} />
          <SuccessBar>{M.diff.written}</SuccessBar>
          <Text weight="semibold">{M.diff.title(fmtDate(result.from), fmtDate(result.to))}</Text>
          <FiguresView figures={result} />
          <Section title={M.diff.changesTitle(result.changes.length)}>
            <Text size={200}>{M.diff.addedRemoved(result.added.length, result.removed.length)}</Text>
            {result.changes.length > 0 && (
              <>
                <SimpleTable
                  label={M.diff.changesTitle(result.changes.length)}
                  columns={[{ label: M.common.name }, { label: M.diff.field }, { label: M.diff.fromValue }, { label: M.diff.toValue }]}
                  rows={result.changes.slice(0, limit).map((c) => [c.name || c.code, c.field, cellText(c.from), cellText(c.to)])}
                />
                <MoreButton hidden={result.changes.length - limit} onClick={more} />
              </>
            )}
          </Section>
        </>
      )}
    </div>
  );
}
