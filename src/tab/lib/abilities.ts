// What a person may do, from their site role and the action's SRO post. Coordinators (Owners) do
// everything; SROs (Members) change the actions whose post they hold or cover today; viewers read.
// SharePoint still decides: a 403 from it is shown in words wherever a write is refused.
import type { IsoDate } from "../../domain/iso-date.ts";
import type { SroPost } from "../../domain/types.ts";
import type { SiteRole } from "../../sharepoint/roles.ts";

/** Whether `upn` holds the post, or covers it on `today`. */
export function holdsOrCovers(post: SroPost | null, upn: string, today: IsoDate): boolean {
  if (post === null) return false;
  const me = upn.toLowerCase();
  if (post.holderUpn?.toLowerCase() === me) return true;
  if (post.delegateUpn?.toLowerCase() !== me) return false;
  const started = post.delegateFrom === null || post.delegateFrom <= today;
  const notEnded = post.delegateTo === null || today <= post.delegateTo;
  return started && notEnded;
}

/** Whether the person may post updates, ask to move the date and mark the action complete. */
export function canChangeAction(
  role: SiteRole,
  post: SroPost | null,
  upn: string | null,
  today: IsoDate,
): boolean {
  if (role === "coordinator") return true;
  return role === "sro" && upn !== null && holdsOrCovers(post, upn, today);
}

/** Whether the person runs the period: approve date changes, chase SROs. */
export function canCoordinate(role: SiteRole): boolean {
  return role === "coordinator";
}
