/** 支払基金データ取込: choose a pasted 登録状況 list, preview the master changes, then apply them. */
import { Button } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { applyRegistrations, newestRegistrationSheet, type ApplyRegistrationsResult } from "../../commands/applyRegistrations";
import { CommandError, readWorkbook, requireMaster } from "../../commands/context";
import { registrationChanges, type RegistrationChange } from "../../domain/registrations";
import { detectPaymentFundKind, readTable } from "../../domain/schema/table";
import { PAYMENT_FUND_PREFIX, paymentFundKindFromName } from "../../domain/schema/fields";
import type { WorkbookPort } from "../../workbook/port";
import { InfoBar, MoreButton, ScreenIntro, Section, SheetPicker, SimpleTable, SuccessBar, useLimit, useShared } from "../components";
import { fmtDate } from "../format";
import { M } from "../messages";
import { useServices } from "../services";

export interface RegistrationPreview {
  sheet: string;
  changes: (RegistrationChange & { name: string })[];
  unknownCodes: string[];
}

/** `支払基金_…` sheets that announce (or look like) a 登録状況 list. */
export const registrationSheets = (names: readonly string[]): string[] =>
  names.filter((n) => n.startsWith(PAYMENT_FUND_PREFIX) && paymentFundKindFromName(n) !== "pf-suspension" && paymentFundKindFromName(n) !== "pf-errors");

/** The changes applying `sheet` would make, computed without writing anything. */
export async function previewRegistrations(port: WorkbookPort, sheet: string): Promise<RegistrationPreview> {
  const ctx = await readWorkbook(port, [sheet]);
  const master = requireMaster(ctx);
  const grid = ctx.grids.get(sheet);
  if (!grid) throw new CommandError(M.apply.notRegistrationSheet);
  const kind = paymentFundKindFromName(sheet) ?? detectPaymentFundKind(grid);
  const table = kind === "pf-registration" ? readTable(grid, "pf-registration") : null;
  if (!table || table.missingColumns.length > 0) throw new CommandError(M.apply.notRegistrationSheet);
  const { changes, unknownCodes } = registrationChanges(table, master);
  const names = new Map(master.offices.map((o) => [o.code, o.name]));
  return { sheet, changes: changes.map((c) => ({ ...c, name: names.get(c.code) ?? "" })), unknownCodes };
}

const shown = (v: string | null): string => (v === null ? M.apply.blank : /^\d{4}-\d{2}-\d{2}$/.test(v) ? fmtDate(v) : v);

export function ApplyScreen() {
  const svc = useServices();
  const s = useShared();
  const [sheets, setSheets] = useState<string[]>([]);
  const [sheet, setSheet] = useState("");
  const [preview, setPreview] = useState<RegistrationPreview | null>(null);
  const [applied, setApplied] = useState<ApplyRegistrationsResult | null>(null);
  const [limit, more] = useLimit(200);

  const loadSheets = async () => {
    const names = await svc.run(1, (port) => port.listSheets());
    if (!names) return;
    const lists = registrationSheets(names);
    setSheets(lists);
    setSheet((current) => (lists.includes(current) ? current : (newestRegistrationSheet(lists) ?? lists[0] ?? "")));
  };
  useEffect(() => {
    void loadSheets();
    // Load once when the screen opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const runPreview = async () => {
    setApplied(null);
    const p = await svc.run(2, (port) => previewRegistrations(port, sheet));
    setPreview(p ?? null);
  };

  const runApply = async () => {
    const r = await svc.run(3, (port) => applyRegistrations(port, { sheet }));
    if (r) {
      setApplied(r);
      setPreview(null);
    }
  };

  return (
    <div className={s.screen}>
      <ScreenIntro title={M.apply.heading}>{M.apply.intro}</ScreenIntro>
      <SheetPicker
        label={M.apply.sheet}
        sheets={sheets}
        value={sheet}
        onChange={(v) => {
          setSheet(v);
          setPreview(null);
          setApplied(null);
        }}
      />
      <div className={s.row}>
        <Button appearance="secondary" disabled={svc.busy} onClick={() => void loadSheets()}>
          {M.common.reloadSheets}
        </Button>
        <Button appearance="primary" disabled={svc.busy || sheet === ""} onClick={() => void runPreview()}>
          {M.apply.preview}
        </Button>
      </div>

      {preview && preview.sheet === sheet && (
        <Section title={M.apply.previewTitle(preview.changes.length)}>
          {preview.changes.length === 0 ? (
            <InfoBar>{M.apply.noChanges}</InfoBar>
          ) : (
            <>
              <SimpleTable
                label={M.apply.previewTitle(preview.changes.length)}
                columns={[{ label: M.common.code }, { label: M.common.name }, { label: M.apply.old }, { label: M.apply.new }]}
                rows={preview.changes.slice(0, limit).map((c) => [c.code, c.name, shown(c.old), shown(c.new)])}
              />
              <MoreButton hidden={preview.changes.length - limit} onClick={more} />
            </>
          )}
          {preview.unknownCodes.length > 0 && (
            <InfoBar intent="warning">
              {M.apply.unknownLine(preview.unknownCodes.length, preview.unknownCodes.slice(0, 50), preview.unknownCodes.length - 50)}
            </InfoBar>
          )}
          <div className={s.row}>
            <Button appearance="primary" disabled={svc.busy || preview.changes.length === 0} onClick={() => void runApply()}>
              {M.apply.apply}
            </Button>
          </div>
        </Section>
      )}

      {applied && <SuccessBar>{applied.changed.length > 0 ? M.apply.applied(applied.changed.length) : M.apply.appliedNone}</SuccessBar>}
    </div>
  );
}
