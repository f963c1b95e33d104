// The Adaptive Card shape we send, a structural check of it, and its size on the wire. The check is ours
// rather than the `adaptivecards` parser's so that the job can refuse a broken card before Graph does, and
// so that it also catches what a parser accepts silently: a template expression left unexpanded.
import { isSafeLink, LOCAL_HTTP } from "../../lib/safe-link.ts";

/** An Adaptive Card as sent in a chat message attachment (version 1.5 or lower, as Teams accepts). */
export interface AdaptiveCard {
  type: "AdaptiveCard";
  $schema?: string;
  version: string;
  body: CardNode[];
  actions?: CardNode[];
  msteams?: { width?: "Full" };
}

/** An element, column, inline or action of a card: a `type` and its properties. */
export interface CardNode {
  type: string;
  [property: string]: unknown;
}

/** Element types of Adaptive Cards 1.5 (Table came in 1.5; Input.* and ActionSet earlier). */
export const ELEMENT_TYPES_1_5 = new Set([
  "TextBlock",
  "Image",
  "Media",
  "RichTextBlock",
  "Container",
  "ColumnSet",
  "FactSet",
  "ImageSet",
  "ActionSet",
  "Table",
  "Input.Text",
  "Input.Number",
  "Input.Date",
  "Input.Time",
  "Input.Toggle",
  "Input.ChoiceSet",
]);

/** Action types of Adaptive Cards 1.5 (Action.Execute came in 1.4). */
export const ACTION_TYPES_1_5 = new Set([
  "Action.OpenUrl",
  "Action.Submit",
  "Action.ShowCard",
  "Action.ToggleVisibility",
  "Action.Execute",
]);

/** The highest card version Teams renders in chat, and the one the cards are written for. */
export const CARD_VERSION = "1.5";

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** What is wrong with a value as an Adaptive Card of version 1.5 or lower; empty when nothing is. */
export function adaptiveCardProblems(card: unknown): string[] {
  const problems: string[] = [];
  if (!isRecord(card)) return ["the card is not an object"];
  if (card.type !== "AdaptiveCard") problems.push('type is not "AdaptiveCard"');
  const version = typeof card.version === "string" ? /^(\d+)\.(\d+)$/.exec(card.version) : null;
  if (!version || Number(version[1]) !== 1 || Number(version[2]) > 5) {
    problems.push(`version ${JSON.stringify(card.version)} is not 1.0-1.5`);
  }
  checkChildren(card.body, "body", problems);
  if (card.actions !== undefined) checkList(card.actions, "actions", problems, checkAction);
  const text = JSON.stringify(card);
  if (text.includes("${")) problems.push("a template expression was left unexpanded");
  return problems;
}

type Check = (value: unknown, path: string, problems: string[]) => void;

// Runs `check` on each entry of a list property, or reports that it is not a list.
function checkList(list: unknown, path: string, problems: string[], check: Check): void {
  if (!Array.isArray(list)) {
    problems.push(`${path} is not an array`);
    return;
  }
  for (const [i, value] of list.entries()) check(value, `${path}[${String(i)}]`, problems);
}

function checkChildren(items: unknown, path: string, problems: string[]): void {
  checkList(items, path, problems, checkElement);
}

function checkElement(element: unknown, path: string, problems: string[]): void {
  if (!isRecord(element) || typeof element.type !== "string") {
    problems.push(`${path} has no type`);
    return;
  }
  const { type } = element;
  if (!ELEMENT_TYPES_1_5.has(type))
    problems.push(`${path}: "${type}" is not an element of Adaptive Cards 1.5`);
  if (type === "TextBlock" && typeof element.text !== "string")
    problems.push(`${path}: TextBlock without text`);
  if (type === "FactSet") checkList(element.facts, `${path}.facts`, problems, checkFact);
  if (type === "ActionSet") checkList(element.actions, `${path}.actions`, problems, checkAction);
  if (type === "Container") checkChildren(element.items, `${path}.items`, problems);
  if (type === "ColumnSet") checkList(element.columns ?? [], `${path}.columns`, problems, checkColumn);
  if (element.selectAction !== undefined) checkAction(element.selectAction, `${path}.selectAction`, problems);
}

function checkColumn(column: unknown, path: string, problems: string[]): void {
  if (!isRecord(column) || (column.type !== undefined && column.type !== "Column")) {
    problems.push(`${path} is not a Column`);
  } else checkChildren(column.items ?? [], `${path}.items`, problems);
}

function checkFact(fact: unknown, path: string, problems: string[]): void {
  if (!isRecord(fact) || typeof fact.title !== "string" || typeof fact.value !== "string") {
    problems.push(`${path}: a fact needs a title and a value, both text`);
  }
}

function checkAction(action: unknown, path: string, problems: string[]): void {
  if (!isRecord(action) || typeof action.type !== "string" || !ACTION_TYPES_1_5.has(action.type)) {
    problems.push(`${path} is not an action of Adaptive Cards 1.5`);
    return;
  }
  // The same rule as every link the app renders (src/lib/safe-link.ts): https, or http to a local sandbox.
  const url = action.url;
  if (action.type === "Action.OpenUrl" && (typeof url !== "string" || !isSafeLink(url, LOCAL_HTTP))) {
    problems.push(`${path}: Action.OpenUrl needs an https url (http only to the local sandbox)`);
  }
}

/** The value as an AdaptiveCard, or a TypeError listing what is wrong with it. */
export function asAdaptiveCard(value: unknown): AdaptiveCard {
  const problems = adaptiveCardProblems(value);
  if (problems.length > 0) throw new TypeError(`Not a valid Adaptive Card 1.5: ${problems.join("; ")}`);
  return value as AdaptiveCard;
}

/**
 * Bytes the card takes in a Graph chat message: the attachment's `content` is the card as a JSON string,
 * itself escaped once more inside the request body, in UTF-8. Teams refuses a message over about 28 KB
 * ("Request Entity too large"), so this is the figure to keep under the budget.
 */
export function cardByteSize(card: AdaptiveCard): number {
  return new TextEncoder().encode(JSON.stringify(JSON.stringify(card))).length;
}

/** Teams' message limit is about 28 KB in all; the card gets 24,000 bytes, leaving room for the message. */
export const CARD_BYTE_BUDGET = 24_000;
