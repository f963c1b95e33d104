// A closed period's figures are stored as JSON in the period's Snapshot column; this is the schema that
// reads them back, so a hand-edited or truncated snapshot is reported instead of shown as wrong figures.
import { z } from "../../lib/zod.ts";
import { STATUSES, toIsoDate, type IsoDate, type PlanFigures } from "../../domain/index.ts";

const isoDate = z.pipe(
  z.string(),
  z.transform((text: string, ctx): IsoDate => {
    const date = toIsoDate(text);
    if (date === null) {
      ctx.issues.push({ code: "custom", message: `not a date: ${text}`, input: text });
      return z.NEVER;
    }
    return date;
  }),
);
const count = z.int().check(z.minimum(0));

const figures = z.object({
  asOf: isoDate,
  actionsTotal: count,
  actionsCompleted: count,
  percentComplete: z.number(),
  byStatus: z.record(z.enum(STATUSES), count),
  recommendationsComplete: z.object({ complete: count, total: count, text: z.string() }),
  overdue: count,
  delayed: count,
  dueNext30Days: count,
  noTargetDate: count,
  milestones: z.object({ total: count, completed: count, overdue: count, delayed: count }),
  withdrawn: z.optional(count),
  updates: z.nullable(
    z.object({ periodId: z.string(), periodTitle: z.string(), received: count, due: count }),
  ),
  forecast: z.array(z.object({ monthEnd: isoDate, percentComplete: z.number() })),
  slippage: z.object({ actionsMoved: count, totalDaysMoved: z.int(), awaitingDecision: count }),
});

/** Read a stored snapshot; throws with the problems when it is not a PlanFigures. */
export function parseSnapshot(json: string): PlanFigures {
  return figures.parse(JSON.parse(json));
}

/** The JSON stored for a snapshot. */
export function snapshotJson(value: PlanFigures): string {
  return JSON.stringify(value);
}
