// Zips for the import's tests and bench. A lying zip bomb: a real workbook plus a worksheet of zeros (1 GiB
// unless told) deflated to about 1 MB, whose sizes in the zip's directory claim 4 KB; building it allocates
// neither the zeros nor their deflating, as every MiB after the first is the same deflate block. And a zip
// rewritten in zip64 form, as some tools write every zip. Test-only.
import { Deflate } from "fflate";

const MIB = 1024 * 1024;

/** The worksheet the bomb adds: a name ExcelJS reads like any other entry. */
export const BOMB_ENTRY = "xl/worksheets/sheet9.xml";

export interface LyingZipOptions {
  /** How much the entry really inflates to, in MiB (default 1,024: 1 GiB). */
  mebibytes?: number;
  /** The uncompressed size the directory and the local header claim (default 4 KB). */
  claimedSize?: number;
  /**
   * The local header claims an empty entry (both its sizes 0), as JSZip (which ignores local sizes) still
   * inflates the whole of; a reader trusting the local header would see nothing to inflate.
   */
  emptyLocalHeader?: boolean;
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** One MiB of zeros deflated and sync-flushed: a run of non-final blocks ending on a byte boundary. */
function flushedMebibyte(dictionary?: Uint8Array): Uint8Array {
  const parts: Uint8Array[] = [];
  const deflate = new Deflate({ level: 9, ...(dictionary ? { dictionary } : {}) }, (chunk) => {
    parts.push(chunk);
  });
  deflate.push(new Uint8Array(MIB));
  deflate.flush(true);
  return concat(parts);
}

/**
 * A raw deflate stream of `mebibytes` MiB of zeros. The first MiB stands alone; each later one is deflated
 * against a window of zeros, which is what the window holds by then, so one block serves for all of them.
 */
export function deflatedZeros(mebibytes: number): Uint8Array {
  const first = flushedMebibyte();
  const next = flushedMebibyte(new Uint8Array(32 * 1024));
  const finalEmptyBlock = Uint8Array.of(0x03, 0x00);
  return concat([first, ...Array.from({ length: mebibytes - 1 }, () => next), finalEmptyBlock]);
}

/** `workbook` (a zip with no comment) with one more deflated entry, whose declared sizes lie. */
export function lyingZip(workbook: Uint8Array, options: LyingZipOptions = {}): Uint8Array {
  const { mebibytes = 1024, claimedSize = 4096, emptyLocalHeader = false } = options;
  const data = deflatedZeros(mebibytes);
  const name = new TextEncoder().encode(BOMB_ENTRY);
  const view = new DataView(workbook.buffer, workbook.byteOffset, workbook.byteLength);
  const end = workbook.length - 22;
  if (view.getUint32(end, true) !== 0x06054b50) throw new Error("the workbook's zip has a comment");
  const count = view.getUint16(end + 10, true);
  const directorySize = view.getUint32(end + 12, true);
  const directoryAt = view.getUint32(end + 16, true);

  const local = new Uint8Array(30 + name.length);
  const l = new DataView(local.buffer);
  l.setUint32(0, 0x04034b50, true);
  l.setUint16(4, 20, true);
  l.setUint16(8, 8, true); // deflated
  l.setUint16(12, 0x21, true); // 1 January 1980
  l.setUint32(18, emptyLocalHeader ? 0 : data.length, true);
  l.setUint32(22, emptyLocalHeader ? 0 : claimedSize, true);
  l.setUint16(26, name.length, true);
  local.set(name, 30);

  const central = new Uint8Array(46 + name.length);
  const c = new DataView(central.buffer);
  c.setUint32(0, 0x02014b50, true);
  c.setUint16(4, 20, true);
  c.setUint16(6, 20, true);
  c.setUint16(10, 8, true);
  c.setUint16(14, 0x21, true);
  c.setUint32(20, data.length, true);
  c.setUint32(24, claimedSize, true);
  c.setUint16(28, name.length, true);
  c.setUint32(42, directoryAt, true);
  central.set(name, 46);

  const newDirectoryAt = directoryAt + local.length + data.length;
  const eocd = new Uint8Array(22);
  const e = new DataView(eocd.buffer);
  e.setUint32(0, 0x06054b50, true);
  e.setUint16(8, count + 1, true);
  e.setUint16(10, count + 1, true);
  e.setUint32(12, directorySize + central.length, true);
  e.setUint32(16, newDirectoryAt, true);

  return concat([
    workbook.subarray(0, directoryAt),
    local,
    data,
    workbook.subarray(directoryAt, directoryAt + directorySize),
    central,
    eocd,
  ]);
}

/** `zip` (with no comment) rewritten with zip64 records: every size and offset in the directory is 0xFFFFFFFF. */
export function zip64Of(zip: Uint8Array): Uint8Array {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const end = zip.length - 22;
  const count = view.getUint16(end + 10, true);
  const directoryAt = view.getUint32(end + 16, true);
  const headers: Uint8Array[] = [];
  for (let at = directoryAt, i = 0; i < count; i++) {
    const length = 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true);
    const header = new Uint8Array(length + 28);
    header.set(zip.subarray(at, at + length));
    const h = new DataView(header.buffer);
    const extra = new DataView(header.buffer, length);
    extra.setUint16(0, 0x0001, true);
    extra.setUint16(2, 24, true);
    // In the order the format sets: uncompressed size, compressed size, local header offset.
    [24, 20, 42].forEach((field, n) => {
      extra.setBigUint64(4 + n * 8, BigInt(h.getUint32(field, true)), true);
      h.setUint32(field, 0xffffffff, true);
    });
    h.setUint16(30, h.getUint16(30, true) + 28, true);
    headers.push(header);
    at += length + view.getUint16(at + 32, true);
  }
  const directory = concat(headers);
  const record = new DataView(new ArrayBuffer(56));
  record.setUint32(0, 0x06064b50, true);
  record.setBigUint64(4, 44n, true);
  record.setUint16(12, 45, true);
  record.setUint16(14, 45, true);
  record.setBigUint64(24, BigInt(count), true);
  record.setBigUint64(32, BigInt(count), true);
  record.setBigUint64(40, BigInt(directory.length), true);
  record.setBigUint64(48, BigInt(directoryAt), true);
  const locator = new DataView(new ArrayBuffer(20));
  locator.setUint32(0, 0x07064b50, true);
  locator.setBigUint64(8, BigInt(directoryAt + directory.length), true);
  locator.setUint32(16, 1, true);
  const eocd = new DataView(new ArrayBuffer(22));
  eocd.setUint32(0, 0x06054b50, true);
  eocd.setUint16(8, 0xffff, true);
  eocd.setUint16(10, 0xffff, true);
  eocd.setUint32(12, 0xffffffff, true);
  eocd.setUint32(16, 0xffffffff, true);
  return concat([
    zip.subarray(0, directoryAt),
    directory,
    new Uint8Array(record.buffer),
    new Uint8Array(locator.buffer),
    new Uint8Array(eocd.buffer),
  ]);
}
