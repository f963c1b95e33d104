// What every part of the plan editor needs from it: the plan as read, the day, and how to report a change
// (a message, where the keyboard goes next, and a fresh read of the plan) or a conflict.
import type { IsoDate } from "../../../../domain/iso-date.ts";
import type { Recommendation } from "../../../../domain/types.ts";
import type { Dashboard } from "../../../../sharepoint/plans/index.ts";
import type { ActionRecord, Versioned } from "../../../../sharepoint/schema/index.ts";

export type EditableRecommendation = Recommendation & Versioned;

export interface EditorEnv {
  dashboard: Dashboard;
  recommendations: readonly EditableRecommendation[];
  /** The plan's top-level actions, which milestones can belong to. */
  topLevel: readonly ActionRecord[];
  today: IsoDate;
  /** A move up or down is being saved (the move buttons wait for it). */
  moving: boolean;
  /** A change was saved: say `message`, put focus on the element with `data-focus-key`, read the plan again. */
  done: (message: string, focusKey: string | null) => void;
  /** Someone else changed what was being saved: read the plan again (forms keep what was typed). */
  conflict: () => void;
  /** Move one of `siblings` a place up or down; `what` names it ("Action 1.2"). */
  move: (
    list: "recommendations" | "actions",
    siblings: readonly string[],
    id: string,
    direction: "up" | "down",
    what: string,
  ) => void;
}

/** Where focus goes after a change: the element carrying `data-focus-key` with this value. */
export function focusKey(kind: string, id: string): string {
  return `${kind}:${id}`;
}
