// The manager's digest: their people's late items, grouped by person, each item opening the action in the
// tab. The same card goes to a plan's coordinator for SROs who have no manager, with words that say so.
import type { Reminder, ReminderDigest } from "../../domain/index.ts";
import type { AdaptiveCard } from "./adaptive-card.ts";
import type { CardLinks } from "./deep-links.ts";
import { planDeepLink, tabDeepLink } from "./deep-links.ts";
import type { CardActionView } from "./describe.ts";
import { actionViews } from "./describe.ts";
import { escapeCardText } from "./escape.ts";
import type { CardSection, CardSizeOptions } from "./template.ts";
import { cardTemplate, expandCard, fitCard, plural } from "./template.ts";

/** The team part of a card: people, each with their late actions, then "and N more". Binds `team*` data. */
export const TEAM_SECTION = [
  {
    type: "TextBlock",
    $data: "${teamHeading}",
    text: "${line}",
    weight: "Bolder",
    separator: true,
    spacing: "Large",
    wrap: true,
  },
  {
    type: "Container",
    $data: "${teamPeople}",
    separator: true,
    spacing: "Medium",
    items: [
      { type: "TextBlock", text: "${name}", weight: "Bolder", wrap: true },
      {
        type: "TextBlock",
        $when: "${post != ''}",
        text: "${post}",
        isSubtle: true,
        spacing: "None",
        wrap: true,
      },
      {
        type: "Container",
        $data: "${items}",
        spacing: "Small",
        selectAction: { type: "Action.OpenUrl", title: "Open action ${rawRef}", url: "${openUrl}" },
        items: [
          { type: "TextBlock", text: "${ref} · ${text}", wrap: true },
          {
            type: "TextBlock",
            $data: "${statuses}",
            text: "${text}",
            color: "${color}",
            spacing: "None",
            wrap: true,
          },
          {
            type: "TextBlock",
            text: "${details}",
            isSubtle: true,
            size: "Small",
            spacing: "None",
            wrap: true,
          },
        ],
      },
    ],
  },
  {
    type: "TextBlock",
    $data: "${teamMore}",
    text: "${line}",
    separator: true,
    spacing: "Medium",
    wrap: true,
  },
];

const MANAGER_DIGEST_TEMPLATE = cardTemplate(TEAM_SECTION, "Open the action plan");

/** Options for the manager's digest: card size, and how to show a person's name. */
export interface ManagerDigestOptions extends CardSizeOptions {
  /**
   * A person's display name (the post holder's, as the site has it). A card never shows a UPN: when this
   * gives nothing, the person is named by their post alone.
   */
  displayName?: (upn: string) => string | undefined;
}

/** The team section's data for a digest's escalations; `subheading` titles it inside a combined card. */
export function teamSection(
  reminders: readonly Reminder[],
  links: CardLinks,
  options: ManagerDigestOptions,
  subheading: string | null = null,
): CardSection & { asCoordinator: boolean } {
  const asCoordinator = reminders.every((r) => r.role === "coordinator");
  const views = groupByPerson(actionViews(reminders));
  const total = views.length;
  // The name line and the post line under it; when the name is not known the post is the name line.
  const personOf = (upn: string | null, post: string | null): { name: string; post: string } => {
    const shownPost = post ?? "No SRO post named";
    if (upn === null) return { name: "Nobody (post vacant)", post: shownPost };
    const name = options.displayName?.(upn)?.trim() ?? "";
    if (name === "" || name.includes("@")) return { name: shownPost, post: "" };
    return { name: escapeCardText(name), post: shownPost };
  };
  const intro = asCoordinator
    ? `${plural(total, "action")} more than a month overdue, or with a late update. You receive these as the plan's coordinator because the SRO has no manager in the directory.`
    : `${plural(total, "action")} of people you manage, more than a month overdue or with a late update.`;
  return {
    total,
    late: total > 0,
    intro,
    asCoordinator,
    data: (shown) => {
      const people: { name: string; post: string; items: object[] }[] = [];
      for (const view of views.slice(0, shown)) {
        const { name, post } = personOf(view.sroUpn, view.sroPost);
        let person = people.at(-1);
        if (person?.name !== name || person.post !== post) {
          person = { name, post, items: [] };
          people.push(person);
        }
        person.items.push({
          ...view,
          openUrl: tabDeepLink(links, view.actionId),
          details: `${view.plan} · target date ${view.targetDate} · last update ${view.lastUpdate}`,
        });
      }
      const hidden = total - Math.min(shown, total);
      return {
        teamHeading: subheading === null ? [] : [{ line: subheading }],
        teamPeople: people,
        teamMore:
          hidden > 0
            ? [{ line: `and ${plural(hidden, "more late action")} — open the action plan to see them all` }]
            : [],
      };
    },
  };
}

/**
 * The card for a manager's (or coordinator's) digest of escalations: late items grouped by the person they
 * wait on, within the byte budget however many there are ("and 12 more late actions").
 */
export function buildManagerDigestCard(
  digest: ReminderDigest,
  links: CardLinks,
  options: ManagerDigestOptions = {},
): AdaptiveCard {
  const section = teamSection(digest.reminders, links, options);
  const heading = section.asCoordinator
    ? "Late actions with no manager to escalate to"
    : "Late actions in your team";
  return fitCard(
    section.total,
    (shown) =>
      expandCard(MANAGER_DIGEST_TEMPLATE, {
        heading,
        intro: section.intro,
        ...section.data(shown),
        openAllUrl: escalatedDeepLink(links, digest.reminders),
      }),
    options,
  );
}

/**
 * "Open the action plan": the plan view at the escalated actions (of the plan with most of them, when
 * they span plans), so a coordinator lands on what the card is about rather than on an empty My actions.
 */
export function escalatedDeepLink(links: CardLinks, reminders: readonly Reminder[]): string {
  const byPlan = new Map<string, string[]>();
  for (const r of reminders) {
    const ids = byPlan.get(r.planId) ?? [];
    if (!ids.includes(r.actionId)) ids.push(r.actionId);
    byPlan.set(r.planId, ids);
  }
  const [planId, ids] = [...byPlan].sort((a, b) => b[1].length - a[1].length)[0] ?? [];
  return planId === undefined || ids === undefined ? tabDeepLink(links) : planDeepLink(links, planId, ids);
}

// Each person's actions together, people in the order they first appear (the digest is sorted by action).
function groupByPerson(views: CardActionView[]): CardActionView[] {
  const groups = new Map<string, CardActionView[]>();
  for (const view of views) {
    const key = `${view.sroUpn ?? ""}|${view.sroPost ?? ""}`;
    const group = groups.get(key);
    if (group) group.push(view);
    else groups.set(key, [view]);
  }
  return [...groups.values()].flat();
}
