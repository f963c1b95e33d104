// The SRO's digest: one card listing every action they are reminded about in this run, each with its
// target date, how late it is, its last update, and two buttons: open the action in the tab, or post the
// update in a Teams dialog.
import type { Reminder, ReminderDigest } from "../../domain/index.ts";
import type { AdaptiveCard } from "./adaptive-card.ts";
import type { CardLinks } from "./deep-links.ts";
import { tabDeepLink, updateDialogDeepLink } from "./deep-links.ts";
import { actionViews } from "./describe.ts";
import type { CardSizeOptions, CardSection } from "./template.ts";
import { cardTemplate, expandCard, fitCard, plural } from "./template.ts";

/** The SRO part of a card: one container per action, then the "and N more" line. Binds `sro*` data. */
export const SRO_SECTION = [
  {
    type: "Container",
    $data: "${sroActions}",
    separator: true,
    spacing: "Medium",
    items: [
      { type: "TextBlock", text: "${ref} · ${text}", weight: "Bolder", wrap: true },
      {
        type: "TextBlock",
        $data: "${covering}",
        text: "${line}",
        isSubtle: true,
        size: "Small",
        spacing: "None",
        wrap: true,
      },
      {
        type: "TextBlock",
        $data: "${statuses}",
        text: "${text}",
        color: "${color}",
        spacing: "Small",
        wrap: true,
      },
      {
        type: "FactSet",
        spacing: "Small",
        facts: [
          // The plan is named in the introduction when all actions share one (the usual case), so each
          // action names it only when they do not: it keeps more actions within the byte budget.
          { $when: "${$root.sroManyPlans}", title: "Plan", value: "${plan}" },
          { title: "Target date", value: "${targetDate}" },
          { title: "Last update", value: "${lastUpdate}" },
        ],
      },
      {
        type: "ActionSet",
        actions: [
          // Each button names its action, so a screen reader's list of buttons says which is which.
          { type: "Action.OpenUrl", title: "Open action ${rawRef}", url: "${openUrl}" },
          {
            type: "Action.OpenUrl",
            title: "Post update on ${rawRef}",
            url: "${updateUrl}",
            style: "positive",
          },
        ],
      },
    ],
  },
  { type: "TextBlock", $data: "${sroMore}", text: "${line}", separator: true, spacing: "Medium", wrap: true },
];

const SRO_DIGEST_TEMPLATE = cardTemplate(SRO_SECTION, "Open My actions");

/** The SRO section's data for a digest's SRO reminders: how many actions, and the data showing `shown`. */
export function sroSection(reminders: readonly Reminder[], links: CardLinks): CardSection {
  const views = actionViews(reminders).map((view) => ({
    ...view,
    covering: view.covering === null ? [] : [{ line: view.covering }],
    openUrl: tabDeepLink(links, view.actionId),
    updateUrl: updateDialogDeepLink(links, view.actionId, view.rawRef),
  }));
  const plans = [...new Set(views.map((v) => v.plan))];
  const total = views.length;
  const intro = `${total === 1 ? "One action" : `${String(total)} actions`} ${
    plans.length === 1 ? `of the ${plans[0] ?? ""} plan ` : ""
  }${total === 1 ? "needs" : "need"} your attention.`;
  return {
    total,
    late: views.some((v) => v.statuses.some((s) => s.color === "Attention")),
    intro,
    data: (shown) => {
      const hidden = total - Math.min(shown, total);
      return {
        sroActions: views.slice(0, shown),
        sroManyPlans: plans.length > 1,
        sroMore:
          hidden > 0
            ? [{ line: `and ${plural(hidden, "more action")} — open My actions to see them all` }]
            : [],
      };
    },
  };
}

/**
 * The card for one SRO's (or covering delegate's) digest. Lists up to `maxItems` actions and stays within
 * the byte budget however many there are, summarising the rest ("and 37 more actions — open My actions").
 */
export function buildSroDigestCard(
  digest: ReminderDigest,
  links: CardLinks,
  options: CardSizeOptions = {},
): AdaptiveCard {
  const section = sroSection(digest.reminders, links);
  const heading = section.late ? "Action plan: actions needing your attention" : "Action plan reminders";
  return fitCard(
    section.total,
    (shown) =>
      expandCard(SRO_DIGEST_TEMPLATE, {
        heading,
        intro: section.intro,
        ...section.data(shown),
        openAllUrl: tabDeepLink(links),
      }),
    options,
  );
}
