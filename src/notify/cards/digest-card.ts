// The one card a person gets per run. Most people are owed either SRO reminders or escalations, but a
// director can be both an SRO and a manager: they get one card with both parts, not two messages.
import type { ReminderDigest } from "../../domain/index.ts";
import type { AdaptiveCard } from "./adaptive-card.ts";
import type { CardLinks } from "./deep-links.ts";
import { tabDeepLink } from "./deep-links.ts";
import type { ManagerDigestOptions } from "./manager-digest.ts";
import { TEAM_SECTION, buildManagerDigestCard, teamSection } from "./manager-digest.ts";
import { SRO_SECTION, buildSroDigestCard, sroSection } from "./sro-digest.ts";
import { cardTemplate, expandCard, fitCard } from "./template.ts";

const COMBINED_TEMPLATE = cardTemplate([...SRO_SECTION, ...TEAM_SECTION], "Open My actions");

/** The card for any digest: the SRO card, the manager card, or both parts in one card. */
export function buildDigestCard(
  digest: ReminderDigest,
  links: CardLinks,
  options: ManagerDigestOptions = {},
): AdaptiveCard {
  const escalations = digest.reminders.filter((r) => r.kind.startsWith("escalation-"));
  const own = digest.reminders.filter((r) => !r.kind.startsWith("escalation-"));
  if (escalations.length === 0) return buildSroDigestCard(digest, links, options);
  if (own.length === 0) return buildManagerDigestCard(digest, links, options);
  const mine = sroSection(own, links);
  const team = teamSection(escalations, links, options, "Late actions in your team");
  // Each part lists up to `shown` actions, so a long list in one cannot crowd the other out of the card.
  return fitCard(
    Math.max(mine.total, team.total),
    (shown) =>
      expandCard(COMBINED_TEMPLATE, {
        heading: "Action plan: actions needing your attention",
        intro: `${mine.intro} ${team.intro}`,
        ...mine.data(shown),
        ...team.data(shown),
        openAllUrl: tabDeepLink(links),
      }),
    options,
  );
}
