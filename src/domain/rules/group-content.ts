/** Content rules: dates, plans, status, 個人番号, 外字, Payment Fund lists and table layout. */
import type { Rule } from "./rule";
import dateInvalid from "./date-invalid";
import dateFuture from "./date-future";
import planInvalid from "./plan-invalid";
import statusInvalid from "./status-invalid";
import mynumberPresent from "./mynumber-present";
import externalChar from "./external-char";
import pfCodeUnknown from "./pf-code-unknown";
import pfTotalMismatch from "./pf-total-mismatch";
import pfDuplicateRow from "./pf-duplicate-row";
import addressNoMunicipality from "./address-no-municipality";
import addressNoPrefecture from "./address-no-prefecture";
import nameWhitespace from "./name-whitespace";
import blankRow from "./blank-row";
import sheetUnrecognised from "./sheet-unrecognised";

export const rules: Rule[] = [
  dateInvalid,
  dateFuture,
  planInvalid,
  statusInvalid,
  mynumberPresent,
  externalChar,
  pfCodeUnknown,
  pfTotalMismatch,
  pfDuplicateRow,
  addressNoMunicipality,
  addressNoPrefecture,
  nameWhitespace,
  blankRow,
  sheetUnrecognised,
];
