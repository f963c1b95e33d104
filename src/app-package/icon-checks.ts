// What Teams asks of the two icons (Microsoft Learn, "App icons for Teams"): a 192×192 full-colour PNG, and
// a 32×32 outline PNG that is white on a transparent background. Checked before packaging, because Teams
// only says "invalid icon" after the upload.
import { decodePng, pngHeader } from "./png.ts";

/** Problems with the colour icon; empty when it is fine. */
export function colourIconProblems(file: Buffer): string[] {
  const { width, height } = pngHeader(file);
  return width === 192 && height === 192
    ? []
    : [`color.png is ${String(width)}×${String(height)}; Teams needs 192×192`];
}

/** Problems with the outline icon; empty when it is white on transparent at 32×32. */
export function outlineIconProblems(file: Buffer): string[] {
  const { width, height, colourType } = pngHeader(file);
  if (width !== 32 || height !== 32)
    return [`outline.png is ${String(width)}×${String(height)}; Teams needs 32×32`];
  if (colourType !== 6) return ["outline.png has no alpha channel; Teams needs a transparent background"];
  const { pixels } = decodePng(file);
  let transparent = 0;
  let coloured = 0;
  for (let at = 0; at < pixels.length; at += 4) {
    if (pixels[at + 3] === 0) transparent++;
    else if (pixels[at] !== 255 || pixels[at + 1] !== 255 || pixels[at + 2] !== 255) coloured++;
  }
  const problems: string[] = [];
  if (transparent === 0) problems.push("outline.png has no transparent pixels");
  if (coloured > 0) problems.push(`outline.png has ${String(coloured)} pixels that are not white`);
  return problems;
}
