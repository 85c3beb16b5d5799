/**
 * The Excel hosts the simulation can pretend to be: their requirement sets (from Microsoft's
 * "Excel JavaScript API requirement sets" table) and their limits.
 * - Excel 2021 (volume-licensed perpetual, Windows): ExcelApi up to 1.14; no payload cap documented,
 *   the 5,000,000-cell read limit applies.
 * - Microsoft 365 on Windows (Version 2509+) and Mac (16.100+): up to ExcelApi 1.20.
 * - Excel on the web: up to ExcelApi 1.20, 5 MB per request and per response; some builds report a
 *   too-large request as GeneralException; createWorkbook carries its base64 in one request.
 * - "excel-1.9": the oldest host the add-in accepts (ExcelApi 1.9, no merged-area API).
 */
import type { FakeExcelOptions } from "./host";

export type PlatformName = "excel2021" | "m365" | "mac" | "web" | "excel-1.9" | "excel2019";

export interface Platform {
  label: string;
  /** Highest ExcelApi minor version (1.x). */
  excelApi: number;
  host: FakeExcelOptions;
  /** The request budget the adapter should aim for on this host. */
  payloadBudgetBytes: number;
  isSetSupported: (name: string, version: string) => boolean;
}

const MB = 1024 * 1024;

const supports =
  (minor: number) =>
  (name: string, version: string): boolean => {
    if (name !== "ExcelApi") return false;
    const m = /^1\.(\d+)$/.exec(version);
    return m !== null && Number(m[1]) <= minor;
  };

function platform(label: string, excelApi: number, host: Omit<FakeExcelOptions, "excelApi">, payloadBudgetBytes = 2 * MB): Platform {
  return { label, excelApi, host: { ...host, excelApi }, payloadBudgetBytes, isSetSupported: supports(excelApi) };
}

export const PLATFORMS: Record<PlatformName, Platform> = {
  excel2019: platform("Excel 2019", 8, { maxPayloadBytes: Infinity }),
  "excel-1.9": platform("ExcelApi 1.9", 9, { maxPayloadBytes: Infinity }),
  excel2021: platform("Excel 2021", 14, { maxPayloadBytes: Infinity }),
  m365: platform("Microsoft 365 (Windows)", 20, { maxPayloadBytes: Infinity }),
  mac: platform("Microsoft 365 (Mac)", 20, { maxPayloadBytes: Infinity }),
  web: platform("Excel on the web", 20, {
    maxPayloadBytes: 5 * MB,
    largeRequestAsGeneralException: true,
    createWorkbookMaxBytes: 5 * MB,
  }),
};
