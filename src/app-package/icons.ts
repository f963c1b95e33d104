// The app's two icons, drawn in code so that they can be regenerated without any design tool or download:
// a ring with a tick (an action done). Teams wants a 192×192 full-colour icon and a 32×32 outline icon that
// is white on a transparent background. `npm run icons` writes them to appPackage/.
import { writeFileSync } from "node:fs";
import { encodePng, type RgbaImage } from "./png.ts";

/** The manifest's accentColor, the colour icon's background. */
export const ACCENT = [0x46, 0x47, 0x75] as const;

function distanceToSegment(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** Whether a point (0..1 square) is on the glyph: a ring and a tick, with strokes `weight` wide. */
function onGlyph(x: number, y: number, weight: number): boolean {
  const ring = Math.abs(Math.hypot(x - 0.5, y - 0.5) - 0.38) <= weight / 2;
  const tick =
    distanceToSegment(x, y, 0.32, 0.52, 0.45, 0.65) <= weight / 2 ||
    distanceToSegment(x, y, 0.45, 0.65, 0.69, 0.37) <= weight / 2;
  return ring || tick;
}

/** How much of a pixel the glyph covers, 0..1, by 4×4 supersampling (smooth edges at 32 px). */
function coverage(px: number, py: number, size: number, weight: number): number {
  let hits = 0;
  for (let sy = 0; sy < 4; sy++) {
    for (let sx = 0; sx < 4; sx++) {
      if (onGlyph((px + (sx + 0.5) / 4) / size, (py + (sy + 0.5) / 4) / size, weight)) hits++;
    }
  }
  return hits / 16;
}

/** The 192×192 colour icon: a white glyph on the accent colour, opaque. */
export function colourIcon(size = 192): RgbaImage {
  const pixels = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const c = coverage(x, y, size, 0.08);
      const at = (y * size + x) * 4;
      ACCENT.forEach((channel, i) => (pixels[at + i] = Math.round(channel + (255 - channel) * c)));
      pixels[at + 3] = 255;
    }
  }
  return { width: size, height: size, pixels };
}

/** The 32×32 outline icon: the glyph in white, everything else fully transparent. */
export function outlineIcon(size = 32): RgbaImage {
  const pixels = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const at = (y * size + x) * 4;
      pixels.fill(255, at, at + 3);
      pixels[at + 3] = Math.round(255 * coverage(x, y, size, 0.1));
    }
  }
  return { width: size, height: size, pixels };
}

/** Write both icons into `dir` (the committed ones are made this way). */
export function writeIcons(dir: string): void {
  writeFileSync(`${dir}/color.png`, encodePng(colourIcon()));
  writeFileSync(`${dir}/outline.png`, encodePng(outlineIcon()));
}
