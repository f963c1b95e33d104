// The Word report's status chart: horizontal bars of the actions by status, each labelled with its status and
// count (colour is never the only signal), drawn as a PNG in plain TypeScript. No canvas and no Node modules,
// so the same code runs in the CLI and in the tab; the words come from a small bitmap font drawn pixel by pixel.
import { zlibSync } from "fflate";
import type { Status } from "../domain/types.ts";

/** One bar of the chart. */
export interface ChartBar {
  status: Status;
  count: number;
}

/** A PNG file and the size it is meant to be shown at (CSS pixels, 96 to the inch). */
export interface ChartImage {
  png: Uint8Array;
  width: number;
  height: number;
}

type Rgb = readonly [number, number, number];

// The tab's dashboard colours (src/tab/features/dashboard/StatusChart.tsx), in Fluent's light theme.
const BAR_COLOURS: Record<Status, Rgb> = {
  "Not started": [0x61, 0x61, 0x61],
  "On target": [0x0f, 0x6c, 0xbd],
  Delayed: [0xea, 0xa3, 0x00],
  Overdue: [0xd1, 0x34, 0x38],
  Completed: [0x10, 0x7c, 0x10],
};
const INK: Rgb = [0x24, 0x24, 0x24];
const TRACK: Rgb = [0xf0, 0xf0, 0xf0];

// 5 × 7 glyphs (rows 7-8 are descenders), for the five statuses and the counts; anything else draws as a gap.
const GLYPHS: Record<string, readonly string[]> = {
  "0": [".###.", "#...#", "#..##", "#.#.#", "##..#", "#...#", ".###."],
  "1": ["..#..", ".##..", "..#..", "..#..", "..#..", "..#..", ".###."],
  "2": [".###.", "#...#", "....#", "...#.", "..#..", ".#...", "#####"],
  "3": ["#####", "...#.", "..#..", "...#.", "....#", "#...#", ".###."],
  "4": ["...#.", "..##.", ".#.#.", "#..#.", "#####", "...#.", "...#."],
  "5": ["#####", "#....", "####.", "....#", "....#", "#...#", ".###."],
  "6": ["..##.", ".#...", "#....", "####.", "#...#", "#...#", ".###."],
  "7": ["#####", "....#", "...#.", "..#..", ".#...", ".#...", ".#..."],
  "8": [".###.", "#...#", "#...#", ".###.", "#...#", "#...#", ".###."],
  "9": [".###.", "#...#", "#...#", ".####", "....#", "...#.", ".##.."],
  C: [".###.", "#...#", "#....", "#....", "#....", "#...#", ".###."],
  D: ["####.", "#...#", "#...#", "#...#", "#...#", "#...#", "####."],
  N: ["#...#", "##..#", "#.#.#", "#.#.#", "#..##", "#...#", "#...#"],
  O: [".###.", "#...#", "#...#", "#...#", "#...#", "#...#", ".###."],
  a: [".....", ".....", ".###.", "....#", ".####", "#...#", ".####"],
  c: [".....", ".....", ".###.", "#....", "#....", "#...#", ".###."],
  d: ["....#", "....#", ".##.#", "#..##", "#...#", "#...#", ".####"],
  e: [".....", ".....", ".###.", "#...#", "#####", "#....", ".###."],
  g: [".....", ".....", ".####", "#...#", "#...#", "#...#", ".####", "....#", ".###."],
  l: [".##..", "..#..", "..#..", "..#..", "..#..", "..#..", ".###."],
  m: [".....", ".....", "##.#.", "#.#.#", "#.#.#", "#...#", "#...#"],
  n: [".....", ".....", "#.##.", "##..#", "#...#", "#...#", "#...#"],
  o: [".....", ".....", ".###.", "#...#", "#...#", "#...#", ".###."],
  p: [".....", ".....", "####.", "#...#", "#...#", "#...#", "####.", "#....", "#...."],
  r: [".....", ".....", "#.##.", "##..#", "#....", "#....", "#...."],
  s: [".....", ".....", ".####", "#....", ".###.", "....#", "####."],
  t: ["..#..", "..#..", "#####", "..#..", "..#..", "..#.#", "...#."],
  u: [".....", ".....", "#...#", "#...#", "#...#", "#..##", ".##.#"],
  v: [".....", ".....", "#...#", "#...#", "#...#", ".#.#.", "..#.."],
  y: [".....", ".....", "#...#", "#...#", "#...#", "#...#", ".####", "....#", ".###."],
};

// The layout in CSS pixels; the bitmap is drawn at twice that so it stays sharp when printed.
const SCALE = 2;
const DOT = 2; // one font pixel, in CSS pixels
const ADVANCE = 6 * DOT;
const WIDTH = 600;
const ROW = 40;
const BAR = 24;
const PAD = 12;
const LABEL = 12 * ADVANCE + PAD;
const COUNT_ROOM = 4 * ADVANCE + PAD;

/** A bitmap being drawn on, in CSS pixels (each one SCALE × SCALE device pixels). */
class Bitmap {
  readonly pixels: Uint8Array;
  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.pixels = new Uint8Array(width * height * 3).fill(0xff);
  }

  fill(x: number, y: number, w: number, h: number, colour: Rgb): void {
    const x0 = Math.max(0, Math.round(x * SCALE));
    const y0 = Math.max(0, Math.round(y * SCALE));
    const x1 = Math.min(this.width, Math.round((x + w) * SCALE));
    const y1 = Math.min(this.height, Math.round((y + h) * SCALE));
    for (let row = y0; row < y1; row++) {
      for (let col = x0; col < x1; col++) this.pixels.set(colour, (row * this.width + col) * 3);
    }
  }

  text(x: number, y: number, words: string, colour: Rgb): void {
    // The words are the statuses and counts, all ASCII, so one UTF-16 unit is one character.
    for (let i = 0; i < words.length; i++) {
      (GLYPHS[words.charAt(i)] ?? []).forEach((line, row) => {
        for (let col = 0; col < line.length; col++) {
          if (line.charAt(col) === "#")
            this.fill(x + i * ADVANCE + col * DOT, y + row * DOT, DOT, DOT, colour);
        }
      });
    }
  }
}

/** The status chart as a PNG: one labelled bar per status, scaled to the largest count. */
export function drawStatusChart(bars: readonly ChartBar[]): ChartImage {
  const height = PAD * 2 + bars.length * ROW;
  const bitmap = new Bitmap(WIDTH * SCALE, height * SCALE);
  const room = WIDTH - LABEL - COUNT_ROOM;
  const largest = Math.max(1, ...bars.map((bar) => bar.count));
  const textTop = (BAR - 7 * DOT) / 2;
  bars.forEach((bar, i) => {
    const top = PAD + i * ROW + (ROW - BAR) / 2;
    bitmap.text(0, top + textTop, bar.status, INK);
    bitmap.fill(LABEL, top, room, BAR, TRACK);
    const length = bar.count === 0 ? 0 : Math.max(DOT, (bar.count / largest) * room);
    bitmap.fill(LABEL, top, length, BAR, BAR_COLOURS[bar.status]);
    bitmap.text(LABEL + length + PAD / 2, top + textTop, String(bar.count), INK);
  });
  bitmap.fill(LABEL - 1, PAD, 1, bars.length * ROW, INK);
  return { png: encodePng(bitmap.width, bitmap.height, bitmap.pixels), width: WIDTH, height };
}

/** An 8-bit RGB PNG of the pixels (rows top to bottom, no filtering: the zlib stream does the work). */
export function encodePng(width: number, height: number, rgb: Uint8Array): Uint8Array {
  const stride = width * 3;
  const raw = new Uint8Array((stride + 1) * height);
  for (let row = 0; row < height; row++) {
    raw[row * (stride + 1)] = 0; // filter type None
    raw.set(rgb.subarray(row * stride, (row + 1) * stride), row * (stride + 1) + 1);
  }
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  header.set([8, 2, 0, 0, 0], 8); // bit depth 8, colour type RGB, deflate, no filter choice, not interlaced
  return concat([
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", zlibSync(raw, { level: 9 })),
    chunk("IEND", new Uint8Array(0)),
  ]);
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** The CRC-32 (ISO 3309, as PNG uses it) of the bytes. */
export function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (CRC_TABLE[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
