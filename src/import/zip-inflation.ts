// What a zip really unpacks to, learnt by inflating every entry and throwing the output away: the sizes a
// zip declares can lie, its deflate streams cannot. The entries are found as JSZip (inside ExcelJS) finds
// them: the central directory's offsets and compressed sizes, the data after each local header's name and
// extra field. So what is counted is what ExcelJS would go on to inflate. The local headers' sizes are not
// read at all: JSZip ignores them, and fflate's streaming Unzip trusts them (a local header claiming an
// empty entry hides a bomb from it).
import { interopDefault } from "./text.ts";

export interface InflationLimits {
  /** Refused once the entries together inflate to more than this many bytes. */
  maxTotalBytes: number;
  /** Refused once an entry inflates to more than this many times its compressed size… */
  maxRatio: number;
  /** …and to more than this many bytes (a small entry of one repeated character is not a bomb). */
  ratioFromBytes: number;
}

/** What `measureInflation` found, with the bytes inflated before it stopped. */
export interface Inflation {
  verdict: "fits" | "too-big" | "damaged";
  inflatedBytes: number;
}

/**
 * Compressed bytes handed to the inflater at a time. Deflate inflates at most 1,032 times its size, so one
 * step yields at most about 8 MB: the most the count can pass a limit by, and the most held at once.
 */
export const INFLATE_STEP_BYTES = 8 * 1024;

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_DIRECTORY = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_END = 0x06064b50;
const ZIP64_EXTRA = 0x0001;
const MAX_16 = 0xffff;
const MAX_32 = 0xffffffff;
const STORED = 0;
const DEFLATED = 8;

interface Entry {
  method: number;
  dataStart: number;
  compressedSize: number;
}

/**
 * Inflates every entry of the zip in `bytes`, counting and discarding the output, and stops as soon as the
 * total or one entry's ratio passes `limits` ("too-big"). "damaged": the zip cannot be walked as JSZip
 * walks it, an entry is encrypted or in a method JSZip does not know, or a deflate stream is broken.
 */
export async function measureInflation(bytes: Uint8Array, limits: InflationLimits): Promise<Inflation> {
  const entries = entriesOf(bytes);
  if (entries === null) return { verdict: "damaged", inflatedBytes: 0 };
  const { Inflate } = interopDefault(await import("fflate"));
  let total = 0;
  for (const entry of entries) {
    const data = bytes.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
    let inflated = 0;
    const tooBig = () =>
      total + inflated > limits.maxTotalBytes ||
      (inflated > limits.ratioFromBytes && inflated > data.length * limits.maxRatio);
    if (entry.method === STORED || data.length === 0) {
      inflated = data.length;
    } else {
      const inflater = new Inflate((chunk) => {
        inflated += chunk.length;
      });
      try {
        for (let at = 0; at < data.length; at += INFLATE_STEP_BYTES) {
          inflater.push(data.subarray(at, at + INFLATE_STEP_BYTES), at + INFLATE_STEP_BYTES >= data.length);
          if (tooBig()) return { verdict: "too-big", inflatedBytes: total + inflated };
        }
      } catch {
        return { verdict: "damaged", inflatedBytes: total + inflated };
      }
    }
    if (tooBig()) return { verdict: "too-big", inflatedBytes: total + inflated };
    total += inflated;
  }
  return { verdict: "fits", inflatedBytes: total };
}

/** The entries as JSZip reads them, or null where JSZip would fail or we cannot follow it. */
function entriesOf(bytes: Uint8Array): Entry[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  // Past 2^53 a number is no longer exact, but no offset in a 20 MB file comes near.
  const u64 = (at: number) => u32(at) + u32(at + 4) * 2 ** 32;
  const has = (at: number, length: number) => at >= 0 && at + length <= bytes.length;
  const isAt = (at: number, signature: number) => has(at, 4) && u32(at) === signature;

  const end = lastIndexOf(bytes, END_OF_DIRECTORY);
  if (end < 0 || !has(end, 22)) return null;
  let directorySize = u32(end + 12);
  let directoryAt = u32(end + 16);
  let directoryEnds = end;
  const zip64 =
    [4, 6, 8, 10].some((at) => u16(end + at) === MAX_16) || [12, 16].some((at) => u32(end + at) === MAX_32);
  if (zip64) {
    const locator = lastIndexOf(bytes, ZIP64_LOCATOR);
    if (locator < 0 || !has(locator, 20)) return null;
    let record = u64(locator + 8);
    if (!isAt(record, ZIP64_END)) record = lastIndexOf(bytes, ZIP64_END);
    if (record < 0 || !has(record, 56)) return null;
    directorySize = u64(record + 40);
    directoryAt = u64(record + 48);
    directoryEnds = end - 20 - 12 - u64(record + 4);
  }
  // Bytes before the zip (a self-extractor's stub): JSZip shifts every offset by them, and so do we.
  const shift = directoryEnds - (directoryAt + directorySize);
  if (shift < 0) return null;

  const entries: Entry[] = [];
  // JSZip reads central headers for as long as they follow one another, whatever count the end record says.
  for (let at = directoryAt + shift; isAt(at, CENTRAL_HEADER) && has(at, 46);) {
    const nameLength = u16(at + 28);
    const extraLength = u16(at + 30);
    const extraAt = at + 46 + nameLength;
    if (!has(extraAt, extraLength)) return null;
    if ((u16(at + 8) & 1) === 1) return null; // encrypted
    const method = u16(at + 10);
    if (method !== STORED && method !== DEFLATED) return null;
    let compressedSize = u32(at + 20);
    let localAt = u32(at + 42);
    if (compressedSize === MAX_32 || localAt === MAX_32) {
      // The zip64 extra holds, in this order, the 64-bit values of the fields whose 32-bit slot is full.
      const values = zip64Extra(view, extraAt, extraLength);
      let next = u32(at + 24) === MAX_32 ? 1 : 0;
      if (compressedSize === MAX_32) compressedSize = values[next++] ?? -1;
      if (localAt === MAX_32) localAt = values[next] ?? -1;
      if (compressedSize < 0 || localAt < 0) return null;
    }
    const local = localAt + shift;
    if (!isAt(local, LOCAL_HEADER) || !has(local, 30)) return null;
    const dataStart = local + 30 + u16(local + 26) + u16(local + 28);
    if (!has(dataStart, compressedSize)) return null;
    entries.push({ method, dataStart, compressedSize });
    at = extraAt + extraLength + u16(at + 32);
  }
  return entries;
}

/** The 64-bit values in a central header's zip64 extra field (the last, as JSZip reads it); [] if none. */
function zip64Extra(view: DataView, at: number, length: number): number[] {
  let values: number[] = [];
  for (let field = at; field + 4 <= at + length; field += 4 + view.getUint16(field + 2, true)) {
    if (view.getUint16(field, true) !== ZIP64_EXTRA) continue;
    const size = Math.min(view.getUint16(field + 2, true), at + length - field - 4);
    values = Array.from({ length: Math.floor(size / 8) }, (_, i) => {
      const value = field + 4 + i * 8;
      return view.getUint32(value, true) + view.getUint32(value + 4, true) * 2 ** 32;
    });
  }
  return values;
}

/** Where the last occurrence of a 4-byte little-endian signature starts, or -1. */
function lastIndexOf(bytes: Uint8Array, signature: number): number {
  const [a, b, c, d] = [
    signature & 0xff,
    (signature >>> 8) & 0xff,
    (signature >>> 16) & 0xff,
    signature >>> 24,
  ];
  for (let at = bytes.length - 4; at >= 0; at--)
    if (bytes[at] === a && bytes[at + 1] === b && bytes[at + 2] === c && bytes[at + 3] === d) return at;
  return -1;
}
