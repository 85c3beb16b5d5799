/**
 * Sheet names as users type them: `マスタ ` (a trailing space) or full-width forms are the same
 * sheet as マスタ. Names are compared after NFKC and trimming, everywhere.
 */
import { nfkc } from "./text";

/** The comparable form of a sheet name. */
export const sheetKey = (name: string): string => nfkc(name).trim();

/** The actual name of the sheet that is `canonical` after NFKC and trimming (the exact name first), or null. */
export function sheetNamed(sheetNames: readonly string[], canonical: string): string | null {
  if (sheetNames.includes(canonical)) return canonical;
  const key = sheetKey(canonical);
  return sheetNames.find((n) => sheetKey(n) === key) ?? null;
}
