// The order a plan's recommendations and actions are shown in, everywhere (Plan page, dashboard, My actions,
// reports): the coordinator's order first (SortOrder, ascending), then the rest by their numbers. Pure and
// small, so the first screen can sort without loading the structure editor's writes.

// One collator for every comparison: `localeCompare` with options builds one per call, which is most of the
// cost of sorting a 5,000-action plan.
const REFS = new Intl.Collator("en", { numeric: true, sensitivity: "base" });

/** "2.10" after "2.9", "3a" after "3": numbers compare as numbers, part by part. */
export function compareRefs(a: string, b: string): number {
  return REFS.compare(a, b);
}

/** What ordering needs of a recommendation or an action. */
export interface Ordered {
  ref: string;
  sortOrder?: number;
}

/** Plan order of two recommendations or two actions: set SortOrder first (ascending), then compareRefs. */
export function comparePlanOrder(a: Ordered, b: Ordered): number {
  const x = a.sortOrder;
  const y = b.sortOrder;
  if (x !== undefined && y !== undefined && x !== y) return x - y;
  if (x !== undefined && y === undefined) return -1;
  if (x === undefined && y !== undefined) return 1;
  return compareRefs(a.ref, b.ref);
}

/** Recommendations in plan order (a new array). */
export function sortRecommendations<T extends Ordered>(recommendations: readonly T[]): T[] {
  return [...recommendations].sort(comparePlanOrder);
}

/** Actions, or records holding one (`{ action }`), in plan order (a new array). */
export function sortActions<T extends Ordered | { action: Ordered }>(actions: readonly T[]): T[] {
  const of = (t: T): Ordered => ("action" in t ? t.action : t);
  return [...actions].sort((a, b) => comparePlanOrder(of(a), of(b)));
}
