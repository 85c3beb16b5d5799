/** Structural and value rules: headers, required values, 保険者コード, 都道府県, counts, implausible dates and 設定. */
import type { Rule } from "./rule";
import headerMissing from "./header-missing";
import headerDuplicate from "./header-duplicate";
import requiredEmpty from "./required-empty";
import recipientsMissing from "./recipients-missing";
import codeFormat from "./code-format";
import codeLaw from "./code-law";
import codePrefecture from "./code-prefecture";
import codeCheckDigit from "./code-check-digit";
import codeDuplicate from "./code-duplicate";
import prefectureUnknown from "./prefecture-unknown";
import prefectureMismatch from "./prefecture-mismatch";
import numberInvalid from "./number-invalid";
import numberAsText from "./number-as-text";
import dateImplausible from "./date-implausible";
import settingsUnknown from "./settings-unknown";
import settingsInvalid from "./settings-invalid";
import settingsDuplicate from "./settings-duplicate";

export const rules: Rule[] = [
  headerMissing,
  headerDuplicate,
  requiredEmpty,
  recipientsMissing,
  codeFormat,
  codeLaw,
  codePrefecture,
  codeCheckDigit,
  codeDuplicate,
  prefectureUnknown,
  prefectureMismatch,
  numberInvalid,
  numberAsText,
  dateImplausible,
  settingsUnknown,
  settingsInvalid,
  settingsDuplicate,
];
