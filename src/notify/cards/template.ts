// Cards are Adaptive Card templates expanded with the official `adaptivecards-templating` engine: the card's
// structure lives in a template, the data binds into it, and nothing is glued together as JSON text. Data
// values are never evaluated as expressions by the engine (and are escaped besides, see escape.ts).
import { Template } from "adaptivecards-templating";
import type { AdaptiveCard } from "./adaptive-card.ts";
import { CARD_BYTE_BUDGET, CARD_VERSION, asAdaptiveCard, cardByteSize } from "./adaptive-card.ts";

/**
 * A whole card template around sections: a heading, an introduction, the sections' elements, and one
 * button opening the tab. Binds `heading`, `intro` and `openAllUrl`; each section binds its own data.
 */
export function cardTemplate(body: readonly object[], openAllTitle: string): object {
  return {
    type: "AdaptiveCard",
    $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
    version: CARD_VERSION,
    msteams: { width: "Full" },
    body: [
      {
        type: "TextBlock",
        text: "${heading}",
        style: "heading",
        size: "Large",
        weight: "Bolder",
        wrap: true,
      },
      { type: "TextBlock", text: "${intro}", isSubtle: true, spacing: "Small", wrap: true },
      ...body,
    ],
    actions: [{ type: "Action.OpenUrl", title: openAllTitle, url: "${openAllUrl}" }],
  };
}

/** One part of a digest card: how many actions it has, and its template data when `shown` are listed. */
export interface CardSection {
  total: number;
  /** Whether any of its actions is late (the heading says so). */
  late: boolean;
  intro: string;
  data: (shown: number) => object;
}

/** "1 action", "3 actions". */
export function plural(n: number, word: string): string {
  return `${String(n)} ${word}${n === 1 ? "" : "s"}`;
}

// Preparing a template parses every expression in it; do it once per template, not once per card.
const prepared = new WeakMap<object, Template>();

/** The template expanded with `data` as its $root, checked to be a valid Adaptive Card 1.5. */
export function expandCard(template: object, data: object): AdaptiveCard {
  let engine = prepared.get(template);
  if (engine === undefined) {
    engine = new Template(template);
    prepared.set(template, engine);
  }
  const expanded: unknown = engine.expand({ $root: data });
  return asAdaptiveCard(expanded);
}

/** Options shared by the digest cards. */
export interface CardSizeOptions {
  /** At most this many actions are listed; the rest are summarised in one line (default 15). */
  maxItems?: number;
  /** The card's budget in bytes as measured by `cardByteSize` (default CARD_BYTE_BUDGET). */
  maxBytes?: number;
}

/**
 * How many actions a digest card lists before summarising the rest, unless told otherwise. An SRO action
 * takes about 1.1 KB of the budget, so 15 leave room for long wording; and a card longer than that is
 * more scrolling than anyone does on a phone.
 */
export const DEFAULT_MAX_ITEMS = 15;

/**
 * The card listing as many of `total` items as fit: at most `maxItems`, and fewer while the card is over
 * its byte budget (found by halving, so 500 long items cost a handful of expansions, not 500).
 */
export function fitCard(
  total: number,
  build: (shown: number) => AdaptiveCard,
  options: CardSizeOptions,
): AdaptiveCard {
  const budget = options.maxBytes ?? CARD_BYTE_BUDGET;
  const fits = (card: AdaptiveCard) => cardByteSize(card) <= budget;
  let high = Math.min(total, Math.max(0, options.maxItems ?? DEFAULT_MAX_ITEMS));
  const first = build(high);
  if (fits(first)) return first;
  let low = 0; // the largest count known to fit (0 is checked last)
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (fits(build(middle))) low = middle;
    else high = middle;
  }
  const card = build(low);
  if (!fits(card)) throw new RangeError(`Even an empty digest card is over ${String(budget)} bytes`);
  return card;
}
