// Adaptive Cards for the reminder digests, built from templates, escaped, and kept under Teams' size limit.
export { buildDigestCard } from "./digest-card.ts";
export { buildSroDigestCard } from "./sro-digest.ts";
export { buildManagerDigestCard } from "./manager-digest.ts";
export type { ManagerDigestOptions } from "./manager-digest.ts";
export type { CardSizeOptions } from "./template.ts";
export { DEFAULT_MAX_ITEMS } from "./template.ts";
export type { AdaptiveCard, CardNode } from "./adaptive-card.ts";
export {
  CARD_BYTE_BUDGET,
  CARD_VERSION,
  adaptiveCardProblems,
  asAdaptiveCard,
  cardByteSize,
} from "./adaptive-card.ts";
export type { CardLinks, DialogDimension } from "./deep-links.ts";
export { MAX_DEEP_LINK_LENGTH, planDeepLink, tabDeepLink, updateDialogDeepLink } from "./deep-links.ts";
export { escapeCardText, truncateText } from "./escape.ts";
