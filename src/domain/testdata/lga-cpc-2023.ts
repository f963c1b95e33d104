// The LGA Corporate Peer Challenge 2023 plan (progress report as of 9 April 2024) as domain objects, for
// tests only. The source table has no status column, so each action's one update carries the status
// `inferReportedStatus` reads from its text, as the demo loader does.
import seed from "../../../data/lga-cpc-2023-progress-april-2024.json" with { type: "json" };
import type { Action, ProgressUpdate, Recommendation } from "../types.ts";
import { isoDate } from "../iso-date.ts";
import { parseTargetDate } from "../target-date.ts";
import { inferReportedStatus } from "../status.ts";

export const seedPlan = seed;
export const SEED_AS_OF = isoDate(seed.plan.asOf);
const PLAN_ID = "lga-cpc-2023";

/** Every action of the seed file with its recommendation number, in plan order. */
export const seedActions = seed.recommendations.flatMap((r) =>
  r.actions.map((a) => ({
    recommendation: r.number,
    ref: a.ref,
    sro: a.sro,
    targetDate: a.targetDate,
    progressUpdate: a.progressUpdate,
  })),
);

/** The seed plan as recommendations, actions and one progress update per action. */
export function loadSeedPlan(): {
  recommendations: Recommendation[];
  actions: Action[];
  updates: ProgressUpdate[];
} {
  const recommendations = seed.recommendations.map((r) => ({
    id: `R${String(r.number)}`,
    planId: PLAN_ID,
    ref: String(r.number),
    title: r.title,
    description: r.description,
  }));
  const actions = seed.recommendations.flatMap((r) =>
    r.actions.map((a): Action => ({
      id: a.ref,
      planId: PLAN_ID,
      recommendationId: `R${String(r.number)}`,
      ref: a.ref,
      text: a.text,
      sroPost: a.sro,
      targetDate: parseTargetDate(a.targetDate, { referenceDate: SEED_AS_OF }),
      completedOn: null,
    })),
  );
  const updates = seedActions.map((a): ProgressUpdate => ({
    id: `U${a.ref}`,
    actionId: a.ref,
    periodId: null,
    date: SEED_AS_OF,
    text: a.progressUpdate,
    reportedStatus: inferReportedStatus(a.progressUpdate),
    percentComplete: null,
    evidenceUrl: null,
  }));
  return { recommendations, actions, updates };
}
