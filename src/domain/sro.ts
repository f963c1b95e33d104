// Accountability sits with an SRO post; reminders go to a person. This is the one rule joining the two.
import type { SroPost } from "./types.ts";
import type { IsoDate } from "./iso-date.ts";

/** Whether the post's delegate covers it on `today` (cover dates inclusive; no end date = open-ended). */
export function isDelegateCovering(post: SroPost, today: IsoDate): boolean {
  if (post.delegateUpn === null || post.delegateFrom === null) return false;
  return post.delegateFrom <= today && (post.delegateTo === null || today <= post.delegateTo);
}

/**
 * Who reminders for the post go to on `today`: the delegate while their cover runs, else the holder. A vacant
 * post falls back to its delegate even outside the cover dates, since someone must be asked; null if nobody.
 */
export function reminderRecipient(post: SroPost, today: IsoDate): string | null {
  if (isDelegateCovering(post, today)) return post.delegateUpn;
  return post.holderUpn ?? post.delegateUpn;
}
