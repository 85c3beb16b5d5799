/** Small building blocks shared by the screens. */
import {
  Badge,
  Button,
  Dropdown,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Option,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from "@fluentui/react-components";
import { useState, type ReactNode } from "react";
import { parseDate } from "../domain/dates";
import { M } from "./messages";

export const useShared = makeStyles({
  screen: { display: "flex", flexDirection: "column", rowGap: "12px" },
  row: { display: "flex", flexWrap: "wrap", columnGap: "8px", rowGap: "8px", alignItems: "end" },
  intro: { color: tokens.colorNeutralForeground2 },
  tableWrap: { overflowX: "auto", maxWidth: "100%" },
  // Size columns to their content (Fluent's default fixed layout splits the width evenly); a table
  // wider than the pane scrolls sideways in its wrapper rather than clipping a cell (320 px panes).
  table: { tableLayout: "auto", width: "max-content", minWidth: "100%" },
  num: { textAlign: "right", whiteSpace: "nowrap" },
  nowrap: { whiteSpace: "nowrap" },
  muted: { color: tokens.colorNeutralForeground3 },
  section: { display: "flex", flexDirection: "column", rowGap: "6px" },
});

export function ScreenIntro({ title, children }: { title: string; children: ReactNode }) {
  const s = useShared();
  return (
    <div className={s.section}>
      <Subtitle2 as="h2">{title}</Subtitle2>
      <Text size={200} className={s.intro}>
        {children}
      </Text>
    </div>
  );
}

export function Section({ title, children }: { title: ReactNode; children: ReactNode }) {
  const s = useShared();
  return (
    <section className={s.section}>
      <Subtitle2 as="h3">{title}</Subtitle2>
      {children}
    </section>
  );
}

export interface Column {
  label: string;
  numeric?: boolean;
}

/** A compact read-only table; cells are already formatted. */
export function SimpleTable({ columns, rows, label }: { columns: Column[]; rows: ReactNode[][]; label: string }) {
  const s = useShared();
  return (
    <div className={s.tableWrap}>
      <Table size="extra-small" aria-label={label} className={s.table}>
        <TableHeader>
          <TableRow>
            {columns.map((c, i) => (
              <TableHeaderCell key={i} className={c.numeric ? s.num : s.nowrap}>
                {c.label}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row, r) => (
            <TableRow key={r}>
              {row.map((cell, c) => (
                <TableCell key={c} className={columns[c]?.numeric ? s.num : undefined}>
                  {cell}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

/** A date input; reports the ISO date (or '' when cleared). */
export function DateField({ label, value, onChange, hint }: { label: string; value: string; onChange: (v: string) => void; hint?: string }) {
  const bad = value !== "" && !parseDate(value).ok;
  return (
    <Field label={label} hint={hint} validationMessage={bad ? M.common.invalidDate : undefined}>
      <Input type="date" value={value} onChange={(_, d) => onChange(d.value)} />
    </Field>
  );
}

/** A chooser (Dropdown) over sheet names or dates. */
export function SheetPicker({
  label,
  sheets,
  value,
  onChange,
  allowNone,
  noneLabel,
  placeholder = M.common.sheetPlaceholder,
  emptyHint = M.common.noSheets,
  display = (v: string) => v,
}: {
  label: string;
  sheets: string[];
  value: string;
  onChange: (v: string) => void;
  allowNone?: boolean;
  noneLabel?: string;
  placeholder?: string;
  emptyHint?: string;
  display?: (v: string) => string;
}) {
  const options = allowNone ? ["", ...sheets] : sheets;
  const text = (v: string) => (v === "" ? (noneLabel ?? M.common.none) : display(v));
  return (
    <Field label={label} hint={sheets.length === 0 ? emptyHint : undefined}>
      <Dropdown
        placeholder={placeholder}
        value={value === "" && !allowNone ? "" : text(value)}
        selectedOptions={[value]}
        onOptionSelect={(_, d) => onChange(d.optionValue ?? "")}
        disabled={sheets.length === 0}
      >
        {options.map((name) => (
          <Option key={name || "__none"} value={name} text={text(name)}>
            {text(name)}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}

/** 「古い結果」: the result was computed before a command changed the book. */
export function StaleBadge({ stale }: { stale: boolean }) {
  if (!stale) return null;
  return (
    <Badge appearance="tint" color="warning" data-testid="stale" title={M.staleHint}>
      {M.stale}
    </Badge>
  );
}

export function SuccessBar({ children }: { children: ReactNode }) {
  return (
    <MessageBar intent="success">
      <MessageBarBody>
        <MessageBarTitle>{M.common.done}</MessageBarTitle>
        {children}
      </MessageBarBody>
    </MessageBar>
  );
}

export function InfoBar({ children, intent = "info" }: { children: ReactNode; intent?: "info" | "warning" }) {
  return (
    <MessageBar intent={intent}>
      <MessageBarBody>{children}</MessageBarBody>
    </MessageBar>
  );
}

/** Shows the first `limit` items and a button for the rest. */
export function useLimit(initial: number): [number, () => void] {
  const [limit, setLimit] = useState(initial);
  return [limit, () => setLimit((l) => l * 4)];
}

export function MoreButton({ hidden, onClick }: { hidden: number; onClick: () => void }) {
  if (hidden <= 0) return null;
  return (
    <Button size="small" appearance="subtle" onClick={onClick}>
      {M.common.more(hidden)}
    </Button>
  );
}
