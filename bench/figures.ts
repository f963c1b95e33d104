// What every benchmark reports: a figure with its unit, its target when the issue sets one, and the
// conditions it was measured under, so a number is never read without its context.

export interface Figure {
  name: string;
  value: number;
  unit: string;
  /** The target, e.g. { op: "<", value: 10, unit: "s" }, if it set one. */
  target?: { op: "<" | "<=" | ">="; value: number };
  conditions: Record<string, string | number>;
}

export function meets(figure: Figure): boolean | null {
  if (figure.target === undefined) return null;
  const { op, value } = figure.target;
  return op === "<" ? figure.value < value : op === "<=" ? figure.value <= value : figure.value >= value;
}

export function seconds(ms: number): number {
  return Math.round(ms) / 1000;
}

/**
 * How a benchmark runs: at the sizes its issue set, or `quick` (npm run bench -- --quick, which npm test
 * runs) at small sizes through the same code, to show that the bench still runs to the end.
 */
export interface BenchOptions {
  quick: boolean;
}

/** A count as figures' names write it: 5000 -> "5,000". */
export function counted(n: number): string {
  return n.toLocaleString("en-GB");
}
