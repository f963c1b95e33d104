// Plan numbering, in its own small module: My actions (the first screen) sorts by it without loading the
// dashboard's reads.

/** "2.10" after "2.9", "3a" after "3": numbers compare as numbers, part by part. */
export function compareRefs(a: string, b: string): number {
  return a.localeCompare(b, "en", { numeric: true, sensitivity: "base" });
}
