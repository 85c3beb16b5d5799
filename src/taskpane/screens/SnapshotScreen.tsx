/** スナップショット: freeze マスタ at a 基準日 (take), or take a saved 基準日 again (rebuild). */
import { Button } from "@fluentui/react-components";
import { useState } from "react";
import { listSnapshotDates, listSnapshotDatesSteps } from "../../commands/history";
import { snapshot, snapshotSteps, type SnapshotFigures } from "../../commands/snapshot";
import { DateField, ScreenIntro, SheetPicker, SuccessBar, useShared } from "../components";
import { fmtDate } from "../format";
import { M } from "../messages";
import { useAsOf, useLoadOnOpen, useServices } from "../services";
import { FiguresView } from "./Figures";

export function SnapshotScreen() {
  const svc = useServices();
  const s = useShared();
  const [asOf, setAsOf] = useAsOf();
  const [dates, setDates] = useState<string[] | null>(null);
  const [rebuildDate, setRebuildDate] = useState("");
  const [figures, setFigures] = useState<SnapshotFigures | null>(null);

  const loadDates = async () => {
    const d = await svc.run(listSnapshotDatesSteps(), (port) => listSnapshotDates(port));
    if (d) {
      setDates(d);
      setRebuildDate((cur) => (d.includes(cur) ? cur : (d[d.length - 1] ?? "")));
    }
  };
  useLoadOnOpen(loadDates);

  const take = async (date: string) => {
    const r = await svc.run(snapshotSteps(), (port) => snapshot(port, { asOf: date || undefined }));
    if (r) {
      setFigures(r);
      setDates((d) => [...new Set([...(d ?? []), r.asOf])].sort());
      setRebuildDate((cur) => cur || r.asOf);
    }
  };

  return (
    <div className={s.screen}>
      <ScreenIntro title={M.snapshot.heading}>{M.snapshot.intro}</ScreenIntro>
      <div className={s.row}>
        <DateField label={M.common.asOf} hint={M.common.asOfHint} value={asOf} onChange={setAsOf} />
      </div>
      <div className={s.row}>
        <Button appearance="primary" disabled={svc.busy} onClick={() => void take(asOf)}>
          {M.snapshot.take}
        </Button>
      </div>
      <SheetPicker
        label={M.snapshot.existing}
        sheets={dates ?? []}
        value={rebuildDate}
        onChange={setRebuildDate}
        placeholder={M.snapshot.datePlaceholder}
        emptyHint={M.snapshot.existingNone}
        display={fmtDate}
      />
      <div className={s.row}>
        <Button appearance="secondary" disabled={svc.busy || rebuildDate === ""} onClick={() => void take(rebuildDate)}>
          {M.snapshot.rebuild}
        </Button>
      </div>
      {figures && (
        <>
          <SuccessBar>{M.snapshot.resultTitle(fmtDate(figures.asOf))}</SuccessBar>
          <FiguresView figures={figures} />
        </>
      )}
    </div>
  );
}
