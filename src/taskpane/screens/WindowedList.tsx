/**
 * A list that draws only the rows in view (fixed row height): a scroll box with a spacer as tall
 * as every row, and the visible rows placed at their offset. Written here rather than added as a
 * package: Fluent UI v9's stable set has no virtualizer, and this is all the 検証 list needs.
 */
import { makeStyles, tokens } from "@fluentui/react-components";
import { useState, type ReactNode } from "react";
import { visibleWindow } from "../findings";

const useStyles = makeStyles({
  box: { overflowY: "auto", position: "relative", border: `1px solid ${tokens.colorNeutralStroke3}`, borderRadius: tokens.borderRadiusSmall },
  rows: { position: "absolute", left: 0, right: 0 },
});

export function WindowedList({ count, rowHeight, maxHeight, renderRow, label }: { count: number; rowHeight: number; maxHeight: number; renderRow: (i: number) => ReactNode; label: string }) {
  const c = useStyles();
  const [scrollTop, setScrollTop] = useState(0);
  const height = Math.min(maxHeight, count * rowHeight);
  const { first, last } = visibleWindow(scrollTop, height, rowHeight, count);
  const rows: ReactNode[] = [];
  for (let i = first; i < last; i++) {
    rows.push(
      <li key={i} style={{ height: rowHeight, listStyle: "none" }} aria-posinset={i + 1} aria-setsize={count}>
        {renderRow(i)}
      </li>,
    );
  }
  return (
    <div className={c.box} style={{ height }} onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)} data-testid="windowed-list" aria-label={label} role="region" tabIndex={0}>
      <div style={{ height: count * rowHeight, position: "relative" }}>
        <ul className={c.rows} style={{ top: first * rowHeight, margin: 0, padding: 0 }}>
          {rows}
        </ul>
      </div>
    </div>
  );
}
