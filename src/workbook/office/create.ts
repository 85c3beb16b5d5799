/**
 * Opening a new workbook from an .xlsx (`Excel.createWorkbook`, ExcelApi 1.8). Excel on the web
 * sends the base64 in one request, so above its 5 MB request cap the call fails — on some builds
 * with nothing more than GeneralException. The size is checked first and a failure is explained in
 * plain Japanese, never shown as 「予期しないエラー」.
 */
import { bytesToBase64 } from "../xlsx-writer";
import { HostError } from "./values";

/** What the base64 may weigh on Excel on the web: its 5 MB request cap less the request's envelope. */
export const WEB_CREATE_WORKBOOK_BYTES = 5 * 1024 * 1024 - 64 * 1024;

const mb = (n: number): string => (n / 1024 / 1024).toFixed(1);

export const tooLargeMessage = (bytes: number, cap: number): string =>
  `マスクしたコピー（${mb(bytes)} MB）は Excel on the web で新しいブックとして開ける大きさ（${mb(cap)} MB）を超えています。デスクトップ版 Excel で実行するか、CLI（onshi mask）でコピーを作ってください。`;

/**
 * A `createWorkbook(bytes)` for the task pane: `maxBase64Bytes` is the host's cap (null: none known).
 * `create` is Excel.createWorkbook.
 */
export function createWorkbookWithin(
  create: (base64: string) => Promise<unknown>,
  maxBase64Bytes: number | null,
): (xlsx: Uint8Array) => Promise<void> {
  return async (xlsx) => {
    const base64 = bytesToBase64(xlsx);
    if (maxBase64Bytes !== null && base64.length > maxBase64Bytes) throw new HostError(tooLargeMessage(base64.length, maxBase64Bytes));
    try {
      await create(base64);
    } catch (e) {
      const code = (e as { code?: unknown })?.code;
      if (code === "GeneralException" || code === "RequestPayloadSizeLimitExceeded") {
        throw new HostError(
          `Excel が新しいブックを開けませんでした（${String(code)}）。コピーが大きすぎるか、Excel の設定（拡張機能の制限など）で新しいブックを開けない可能性があります。CLI（onshi mask）でコピーを作ってください。`,
        );
      }
      throw e;
    }
  };
}
