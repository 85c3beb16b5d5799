/** 集計's 閲覧停止推移 (SPEC §6): the totals per list as a small inline SVG line chart, and the offices that stay. */
import { Button } from "@fluentui/react-components";
import { useState } from "react";
import { listLabels, trend, trendSteps, type TrendResult } from "../../commands/trend";
import { InfoBar, MoreButton, Section, SimpleTable, SuccessBar, useLimit, useShared } from "../components";
import { fmtCount, fmtDate } from "../format";
import { M } from "../messages";
import { useServices } from "../services";

const R = M.refresh;
const W = 320;
const H = 150;
const PAD = { left: 44, right: 24, top: 10, bottom: 28 };
const SERIES = [
  { key: "資格情報", label: R.qual, color: "#0f6cbd" },
  { key: "医療情報", label: R.med, color: "#c50f1f" },
] as const;

/** A line per series over the lists, y from 0 to the largest total (no library: a few points). */
export function TrendChart({ points }: { points: TrendResult["trend"] }) {
  const max = Math.max(1, ...points.flatMap((p) => [p.資格情報 ?? 0, p.医療情報 ?? 0]));
  const x = (i: number) => PAD.left + (points.length <= 1 ? 0 : (i * (W - PAD.left - PAD.right)) / (points.length - 1));
  const y = (v: number) => PAD.top + (1 - v / max) * (H - PAD.top - PAD.bottom);
  return (
    <svg role="img" aria-label={R.trendChart} width={W} height={H + 16} viewBox={`0 0 ${W} ${H + 16}`} data-testid="trend-chart">
      <line x1={PAD.left} y1={y(0)} x2={W - PAD.right} y2={y(0)} stroke="#888" />
      <line x1={PAD.left} y1={PAD.top} x2={PAD.left} y2={y(0)} stroke="#888" />
      <text x={PAD.left - 4} y={y(max) + 4} fontSize="10" textAnchor="end">{fmtCount(max)}</text>
      <text x={PAD.left - 4} y={y(0) + 4} fontSize="10" textAnchor="end">0</text>
      {points.map((p, i) => (
        <text key={p.sheet} x={x(i)} y={H - 10} fontSize="10" textAnchor={i === points.length - 1 && i > 0 ? "end" : i === 0 ? "start" : "middle"}>{p.date ? fmtDate(p.date).slice(2) : i + 1}</text>
      ))}
      {SERIES.map((s) => {
        const pts = points.map((p, i) => [i, p[s.key]] as const).filter((e): e is readonly [number, number] => e[1] !== null);
        if (pts.length === 0) return null;
        return (
          <g key={s.key}>
            <polyline fill="none" stroke={s.color} strokeWidth="2" points={pts.map(([i, v]) => `${x(i)},${y(v)}`).join(" ")} />
            {pts.map(([i, v]) => <circle key={i} cx={x(i)} cy={y(v)} r="3" fill={s.color} />)}
          </g>
        );
      })}
      {SERIES.map((s, i) => (
        <g key={`legend-${s.key}`}>
          <rect x={PAD.left + i * 90} y={H + 4} width="10" height="10" fill={s.color} />
          <text x={PAD.left + i * 90 + 14} y={H + 13} fontSize="11">{s.label}</text>
        </g>
      ))}
    </svg>
  );
}

export function TrendPanel() {
  const svc = useServices();
  const s = useShared();
  const [result, setResult] = useState<TrendResult | null>(null);
  const [limit, more] = useLimit(30);
  const run = async () => {
    const r = await svc.run(trendSteps(), (port) => trend(port));
    if (r) setResult(r);
  };
  const labels = result ? listLabels(result.trend).map((l) => (/^\d{4}-\d{2}-\d{2}$/u.test(l) ? fmtDate(l).slice(2) : l)) : [];
  return (
    <Section title={R.trendTitle}>
      <InfoBar>{R.trendIntro}</InfoBar>
      <div className={s.row}>
        <Button appearance="primary" disabled={svc.busy} onClick={() => void run()}>
          {R.trendRun}
        </Button>
      </div>
      {result && (
        <>
          <SuccessBar>{R.trendWritten}</SuccessBar>
          <TrendChart points={result.trend} />
          <SimpleTable
            label={R.trendTitle}
            columns={[{ label: R.trendDate }, { label: R.qual, numeric: true }, { label: R.med, numeric: true }]}
            rows={result.trend.map((p) => [p.date ? fmtDate(p.date) : p.sheet, p.資格情報 === null ? "" : fmtCount(p.資格情報), p.医療情報 === null ? "" : fmtCount(p.医療情報)])}
          />
          <div>{R.persistenceTitle}</div>
          <SimpleTable
            label={R.persistenceTitle}
            columns={[{ label: `${M.common.name}（${R.state}）` }, ...labels.map((l) => ({ label: l, numeric: true })), { label: R.months, numeric: true }]}
            // The state goes beside the name: the pane is narrow, and the sheet has it in its own column.
            rows={result.persistence.slice(0, limit).map((p) => [`${p.name || p.code}（${p.state}）`, ...p.counts.map(fmtCount), String(p.months)])}
          />
          <MoreButton hidden={result.persistence.length - limit} onClick={more} />
        </>
      )}
    </Section>
  );
}
