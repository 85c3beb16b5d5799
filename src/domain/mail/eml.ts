/**
 * Mail drafts as files: an RFC 5322 message in UTF-8 with RFC 2047 encoded-word headers and the
 * header `X-Unsent: 1`, so that Outlook opens it as an unsent draft. Nothing here sends anything.
 */

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/** Base64 of bytes (no Node Buffer: the domain runs in the task pane too). */
export function base64(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < bytes.length; i += 3) {
    const [a, b, c] = [bytes[i], bytes[i + 1], bytes[i + 2]];
    const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out += B64[(n >> 18) & 63] + B64[(n >> 12) & 63] + (b === undefined ? "=" : B64[(n >> 6) & 63]) + (c === undefined ? "=" : B64[n & 63]);
  }
  return out;
}

const utf8 = new TextEncoder();
const isPlainAscii = (s: string): boolean => /^[\x20-\x7e]*$/u.test(s);

/**
 * An RFC 2047 header value: ASCII as is, else `=?UTF-8?B?…?=` words of at most 75 characters,
 * split between characters (never inside one), joined by folding whitespace.
 */
export function encodeHeader(value: string): string {
  if (isPlainAscii(value)) return value;
  const words: string[] = [];
  let chunk = "";
  for (const ch of value) {
    // 45 bytes of UTF-8 → 60 base64 characters, + 12 of `=?UTF-8?B?` and `?=` = 72 ≤ 75.
    if (utf8.encode(chunk + ch).length > 45) {
      words.push(chunk);
      chunk = "";
    }
    chunk += ch;
  }
  if (chunk) words.push(chunk);
  return words.map((w) => `=?UTF-8?B?${base64(utf8.encode(w))}?=`).join("\r\n ");
}

/** Base64 body lines of 76 characters. */
const bodyLines = (text: string): string => (base64(utf8.encode(text)).match(/.{1,76}/gu) ?? []).join("\r\n");

export interface Draft {
  to: string;
  subject: string;
  body: string;
}

/** The .eml text of a draft (CRLF line ends; body text/plain UTF-8 in base64). */
export function emlOf(d: Draft): string {
  const body = d.body.replace(/\r?\n/gu, "\r\n");
  return [
    ...(d.to ? [`To: ${d.to}`] : []),
    `Subject: ${encodeHeader(d.subject)}`,
    "MIME-Version: 1.0",
    "Content-Type: text/plain; charset=UTF-8",
    "Content-Transfer-Encoding: base64",
    "X-Unsent: 1",
    "",
    bodyLines(body),
    "",
  ].join("\r\n");
}

/** A mailto: link with the subject and body (the address may be blank: the user fills it in). */
export function mailtoOf(d: Draft): string {
  return `mailto:${encodeURIComponent(d.to).replace(/%40/gu, "@")}?subject=${encodeURIComponent(d.subject)}&body=${encodeURIComponent(d.body.replace(/\r?\n/gu, "\r\n"))}`;
}
