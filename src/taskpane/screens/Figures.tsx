/** The seed's 「資格情報未登録福祉事務所の状況」 figures, shared by スナップショット and 差分表. */
import { Text } from "@fluentui/react-components";
import type { ShareCounts, SnapshotFigures } from "../../commands/snapshot";
import { InfoBar, MoreButton, Section, SimpleTable, useLimit, useShared } from "../components";
import { fmtCount, fmtDate, fmtShare, fmtSignedCount, fmtSignedShare } from "../format";
import { M } from "../messages";

export function FiguresView({ figures }: { figures: SnapshotFigures }) {
  const s = useShared();
  const [limit, more] = useLimit(50);
  const total = { offices: figures.total.offices, recipients: figures.total.recipients, officeShare: 1, recipientShare: 1 };
  // Metrics down, categories across: four narrow columns fit the task pane's width.
  const metrics = (sets: ShareCounts[], count: (v: number) => string, share: (v: number) => string) => [
    [M.common.offices, ...sets.map((v) => count(v.offices))],
    [M.common.recipients, ...sets.map((v) => count(v.recipients))],
    [M.common.officeShare, ...sets.map((v) => share(v.officeShare))],
    [M.common.recipientShare, ...sets.map((v) => share(v.recipientShare))],
  ];
  return (
    <Section title={M.snapshot.resultTitle(fmtDate(figures.asOf))}>
      <SimpleTable
        label={M.snapshot.resultTitle(fmtDate(figures.asOf))}
        columns={[{ label: "" }, { label: M.snapshot.unregistered, numeric: true }, { label: M.snapshot.registered, numeric: true }, { label: M.snapshot.total, numeric: true }]}
        rows={metrics([figures.unregistered, figures.registered, total], fmtCount, fmtShare)}
      />
      {figures.excludedRows ? (
        <Text size={200} className={s.muted}>
          {M.common.excludedRows(figures.excludedRows)}
        </Text>
      ) : null}
      {figures.delta && figures.previous ? (
        <>
          <Text weight="semibold" size={200}>
            {M.snapshot.previous(fmtDate(figures.previous))}
          </Text>
          <SimpleTable
            label={M.snapshot.previous(fmtDate(figures.previous))}
            columns={[{ label: "" }, { label: M.snapshot.unregistered, numeric: true }, { label: M.snapshot.registered, numeric: true }]}
            rows={metrics([figures.delta.unregistered, figures.delta.registered], fmtSignedCount, fmtSignedShare)}
          />
        </>
      ) : (
        <Text size={200} className={s.muted}>
          {M.snapshot.firstSnapshot}
        </Text>
      )}
      <Text weight="semibold" size={200}>
        {M.snapshot.largeTitle(figures.large.threshold)}
      </Text>
      <Text size={200}>{M.snapshot.largeLine(figures.large.offices, figures.large.recipients, fmtShare(figures.large.shareOfUnregistered))}</Text>
      {figures.previous && (
        <>
          <Text weight="semibold" size={200}>
            {M.snapshot.newlyTitle}
          </Text>
          {figures.newlyRegistered.length === 0 ? (
            <InfoBar>{M.snapshot.newlyNone}</InfoBar>
          ) : (
            <>
              <SimpleTable
                label={M.snapshot.newlyTitle}
                columns={[{ label: M.common.name }, { label: M.snapshot.startDate }, { label: M.common.recipients, numeric: true }]}
                rows={figures.newlyRegistered.slice(0, limit).map((o) => [o.name, fmtDate(o.startDate), fmtCount(o.recipients)])}
              />
              <MoreButton hidden={figures.newlyRegistered.length - limit} onClick={more} />
            </>
          )}
        </>
      )}
    </Section>
  );
}
