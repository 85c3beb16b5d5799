/**
 * A ZIP reader and writer that copies untouched entries byte for byte.
 *
 * An .xlsx/.xlsm is a ZIP package. To save only what a command changed we need to (a) read the
 * central directory, (b) decompress just the parts we edit, and (c) write a new archive in which
 * every other entry is the very same compressed bytes as before (no inflate/deflate round trip, so a
 * 60 MB list sheet costs a memory copy). fflate does the (de)compression of the few parts we touch;
 * the archive structure itself is the few lines below, because no zip library we considered keeps
 * the raw compressed stream of an entry through a rewrite (see README "How saving works").
 *
 * Supported: stored (0) and deflated (8) entries, data descriptors, UTF-8 names, ZIP64 records on
 * read (sizes and offsets). Written archives use ZIP64 only when they must (never for office books
 * in practice), so the output stays readable by every tool.
 */
import { deflateSync, inflateSync } from "fflate";

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

/** CRC-32 (IEEE 802.3, as ZIP uses it). */
export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export interface ZipItem {
  name: string;
  /** 0 = stored, 8 = deflated. */
  method: number;
  crc: number;
  size: number;
  compressedSize: number;
  /** General purpose flags as read (bit 11 = UTF-8 name). */
  flags: number;
  time: number;
  date: number;
  /** The compressed bytes exactly as they are in the archive. */
  raw: Uint8Array;
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;
const SIG_EOCD64 = 0x06064b50;
const SIG_EOCD64_LOCATOR = 0x07064b50;

export class ZipFormatError extends Error {}

function findEocd(view: DataView): number {
  const min = Math.max(0, view.byteLength - 22 - 0xffff);
  for (let p = view.byteLength - 22; p >= min; p--) {
    if (view.getUint32(p, true) === SIG_EOCD) return p;
  }
  throw new ZipFormatError("no end of central directory");
}

/** Reads the entries of a ZIP archive (in central directory order) without decompressing any. */
export function readZip(data: Uint8Array): ZipItem[] {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const eocd = findEocd(view);
  let count = view.getUint16(eocd + 10, true);
  let cdOffset = view.getUint32(eocd + 16, true);
  const locator = eocd - 20;
  if (locator >= 0 && view.getUint32(locator, true) === SIG_EOCD64_LOCATOR) {
    const e64 = Number(view.getBigUint64(locator + 8, true));
    if (view.getUint32(e64, true) === SIG_EOCD64) {
      count = Number(view.getBigUint64(e64 + 32, true));
      cdOffset = Number(view.getBigUint64(e64 + 48, true));
    }
  }
  const utf8 = new TextDecoder("utf-8");
  const latin = new TextDecoder("latin1");
  const items: ZipItem[] = [];
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (view.getUint32(p, true) !== SIG_CENTRAL) throw new ZipFormatError("bad central directory");
    const flags = view.getUint16(p + 8, true);
    const method = view.getUint16(p + 10, true);
    const time = view.getUint16(p + 12, true);
    const date = view.getUint16(p + 14, true);
    const crc = view.getUint32(p + 16, true);
    let compressedSize = view.getUint32(p + 20, true);
    let size = view.getUint32(p + 24, true);
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    let local = view.getUint32(p + 42, true);
    const nameBytes = data.subarray(p + 46, p + 46 + nameLen);
    const name = (flags & 0x800 ? utf8 : latin).decode(nameBytes);
    // ZIP64 extended information: the fields that overflowed, in this order.
    let e = p + 46 + nameLen;
    const extraEnd = e + extraLen;
    while (e + 4 <= extraEnd) {
      const id = view.getUint16(e, true);
      const len = view.getUint16(e + 2, true);
      if (id === 0x0001) {
        let q = e + 4;
        if (size === 0xffffffff) {
          size = Number(view.getBigUint64(q, true));
          q += 8;
        }
        if (compressedSize === 0xffffffff) {
          compressedSize = Number(view.getBigUint64(q, true));
          q += 8;
        }
        if (local === 0xffffffff) local = Number(view.getBigUint64(q, true));
      }
      e += 4 + len;
    }
    if (view.getUint32(local, true) !== SIG_LOCAL) throw new ZipFormatError(`bad local header for ${name}`);
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    items.push({ name, method, crc, size, compressedSize, flags, time, date, raw: data.subarray(start, start + compressedSize) });
    p = extraEnd + commentLen;
  }
  return items;
}

/** The uncompressed bytes of an entry. */
export function entryData(item: ZipItem): Uint8Array {
  if (item.method === 0) return item.raw;
  if (item.method === 8) return inflateSync(item.raw, { out: new Uint8Array(item.size) });
  throw new ZipFormatError(`unsupported compression method ${item.method} for ${item.name}`);
}

/** DOS date of 1980-01-01 00:00: new parts get a fixed timestamp, so the same input gives the same bytes. */
const FIXED_DATE = (0 << 9) | (1 << 5) | 1;

/** A new entry, deflated here; time/date default to a fixed stamp (deterministic output). */
export function newItem(name: string, data: Uint8Array, stamp?: { time: number; date: number }): ZipItem {
  const raw = data.length < 64 ? data : deflateSync(data, { level: 6 });
  const stored = raw === data;
  return {
    name,
    method: stored ? 0 : 8,
    crc: crc32(data),
    size: data.length,
    compressedSize: raw.length,
    flags: 0x800,
    time: stamp?.time ?? 0,
    date: stamp?.date ?? FIXED_DATE,
    raw,
  };
}

/** A new entry stored uncompressed, with the fixed timestamp (the masked copies' writer). */
export function storedItem(name: string, data: Uint8Array): ZipItem {
  return { name, method: 0, crc: crc32(data), size: data.length, compressedSize: data.length, flags: 0x800, time: 0, date: FIXED_DATE, raw: data };
}

/** Writes the entries (raw bytes as given) into a new archive. */
export function writeZip(items: readonly ZipItem[]): Uint8Array {
  const utf8 = new TextEncoder();
  const names = items.map((it) => utf8.encode(it.name));
  const needs64 = items.length > 0xfffe || items.some((it) => it.size >= 0xffffffff || it.compressedSize >= 0xffffffff);
  const localSize = items.reduce((n, it, i) => n + 30 + names[i].length + it.raw.length, 0);
  if (needs64 || localSize >= 0xffffffff) throw new ZipFormatError("archive too large to rewrite (ZIP64)");
  const centralSize = names.reduce((n, name) => n + 46 + name.length, 0);
  const out = new Uint8Array(localSize + centralSize + 22);
  const view = new DataView(out.buffer);
  const offsets: number[] = [];
  let p = 0;
  items.forEach((it, i) => {
    // Bit 3 (sizes in a trailing data descriptor) is cleared: the local header carries them.
    const flags = (it.flags & ~0x0008 & 0xffff) | (/[^\x00-\x7f]/u.test(it.name) ? 0x800 : it.flags & 0x800);
    offsets.push(p);
    view.setUint32(p, SIG_LOCAL, true);
    view.setUint16(p + 4, 20, true);
    view.setUint16(p + 6, flags, true);
    view.setUint16(p + 8, it.method, true);
    view.setUint16(p + 10, it.time, true);
    view.setUint16(p + 12, it.date, true);
    view.setUint32(p + 14, it.crc, true);
    view.setUint32(p + 18, it.compressedSize, true);
    view.setUint32(p + 22, it.size, true);
    view.setUint16(p + 26, names[i].length, true);
    view.setUint16(p + 28, 0, true);
    out.set(names[i], p + 30);
    out.set(it.raw, p + 30 + names[i].length);
    p += 30 + names[i].length + it.raw.length;
  });
  const centralStart = p;
  items.forEach((it, i) => {
    const flags = (it.flags & ~0x0008 & 0xffff) | (/[^\x00-\x7f]/u.test(it.name) ? 0x800 : it.flags & 0x800);
    view.setUint32(p, SIG_CENTRAL, true);
    view.setUint16(p + 4, 20, true);
    view.setUint16(p + 6, 20, true);
    view.setUint16(p + 8, flags, true);
    view.setUint16(p + 10, it.method, true);
    view.setUint16(p + 12, it.time, true);
    view.setUint16(p + 14, it.date, true);
    view.setUint32(p + 16, it.crc, true);
    view.setUint32(p + 20, it.compressedSize, true);
    view.setUint32(p + 24, it.size, true);
    view.setUint16(p + 28, names[i].length, true);
    view.setUint32(p + 42, offsets[i], true);
    out.set(names[i], p + 46);
    p += 46 + names[i].length;
  });
  view.setUint32(p, SIG_EOCD, true);
  view.setUint16(p + 8, items.length, true);
  view.setUint16(p + 10, items.length, true);
  view.setUint32(p + 12, p - centralStart, true);
  view.setUint32(p + 16, centralStart, true);
  return out;
}
