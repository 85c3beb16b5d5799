/** Number formats of the generated sheets (Excel format codes; the adapters apply them as given). */
import { DATE_CELL_FORMAT } from "../../domain/dates";
export const COUNT_FORMAT = "#,##0";
export const SHARE_FORMAT = "0.0%";
export const SIGNED_COUNT_FORMAT = "+#,##0;-#,##0;0";
export const SIGNED_SHARE_FORMAT = "+0.0%;-0.0%;0.0%";
export const DATE_FORMAT = DATE_CELL_FORMAT;
