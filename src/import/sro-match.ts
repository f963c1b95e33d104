// Matching the SRO column to posts: an existing post by title, else a person in the directory by job title
// or name (the post is then created with them as holder), else a vacant post the coordinator can fill.
// Titles are compared as words without filler, so "Acting Director of SIT" is "Acting Director SIT".
import type { ImportPost } from "./plan-shape.ts";
import { normaliseWords } from "./text.ts";
import type { MapContext, SroChoice, SroSuggestion, UnmatchedSro } from "./types.ts";

const FILLER = new Set(["of", "the", "for", "and", "to", "in"]);
const SHORT_FORMS: ReadonlyMap<string, string> = new Map([
  ["ceo", "chief executive"],
  ["chief executive officer", "chief executive"],
  ["chief exec", "chief executive"],
  ["dir", "director"],
  ["asst", "assistant"],
]);
/** A cut-short title must keep this much to be matched by prefix: "Dir" could be anything. */
const MIN_PREFIX = 8;

/** A post title as compared: words, no filler, common short forms spelt out. */
export function postKey(title: string): string {
  const words = normaliseWords(title)
    .split(" ")
    .filter((w) => w !== "" && !FILLER.has(w))
    .map((w) => SHORT_FORMS.get(w) ?? w)
    .join(" ");
  return SHORT_FORMS.get(words) ?? words;
}

type Person = MapContext["people"][number];
type Found =
  | { kind: "post"; title: string; holderUpn: string | null; cutShort: boolean }
  | { kind: "person"; person: Person; title: string; cutShort: boolean };

/** What one SRO text resolved to: the post title actions use, and a warning or error to report, if any. */
export interface SroOutcome {
  post: string;
  warning?: string;
  error?: string;
}

export interface SroResolution {
  outcomes: Map<string, SroOutcome>;
  postsToCreate: ImportPost[];
  unmatched: UnmatchedSro[];
}

class Matcher {
  readonly #posts: { key: string; title: string; holderUpn: string | null }[];
  readonly #people: { key: string; person: Person; byName: boolean }[];

  constructor(readonly context: MapContext) {
    this.#posts = context.posts.map((p) => ({ key: postKey(p.title), ...p }));
    this.#people = context.people.flatMap((person) => [
      ...(person.jobTitle === null ? [] : [{ key: postKey(person.jobTitle), person, byName: false }]),
      { key: postKey(person.displayName), person, byName: true },
    ]);
  }

  /** One post as written: exact words first, then a unique title it is the start of (cut short in its cell). */
  find(text: string): Found | null {
    const key = postKey(text);
    if (key === "") return null;
    for (const prefix of [false, true]) {
      if (prefix && key.length < MIN_PREFIX) return null;
      const hit = (k: string) => (prefix ? k.startsWith(key) && k !== key : k === key);
      const posts = this.#posts.filter((p) => hit(p.key));
      if (posts.length === 1 && posts[0] !== undefined)
        return { kind: "post", ...posts[0], cutShort: prefix };
      if (posts.length > 1) return null;
      const people = [...new Set(this.#people.filter((p) => hit(p.key)).map((p) => p.person))];
      const person = people[0];
      if (people.length === 1 && person !== undefined) {
        const byName = this.#people.some((p) => p.person === person && p.byName && hit(p.key));
        // A person named instead of a post: accountability sits with their post, so use its title.
        const title = prefix || byName ? (person.jobTitle ?? person.displayName) : text;
        return { kind: "person", person, title, cutShort: prefix };
      }
      if (people.length > 1) return null;
    }
    return null;
  }

  /** Up to three posts or people sharing the most words with the text. */
  suggest(text: string): SroSuggestion[] {
    const words = new Set(postKey(text).split(" "));
    const score = (key: string) => {
      const other = key.split(" ");
      const shared = other.filter((w) => words.has(w)).length;
      return shared / Math.max(words.size, other.length);
    };
    const candidates = [
      ...this.#posts.map((p) => ({
        score: score(p.key),
        suggestion: { post: p.title, label: `${p.title} (existing post)` },
      })),
      ...this.#people.map((p) => ({
        score: score(p.key),
        suggestion: {
          upn: p.person.upn,
          label: `${p.person.displayName}${p.person.jobTitle === null ? "" : `, ${p.person.jobTitle}`}`,
        },
      })),
    ];
    const seen = new Set<string>();
    return candidates
      .filter((c) => c.score > 0)
      .sort((a, b) => b.score - a.score)
      .map((c) => c.suggestion)
      .filter((s) => !seen.has(s.label) && seen.add(s.label))
      .slice(0, 3);
  }
}

/**
 * Resolves every distinct SRO text (with the rows it is on) to a post title. The coordinator's sroChoices
 * come first; text naming two posts ("CEO/Monitoring Officer") stays one post, held by whoever holds the
 * first part that resolves; unmatched text becomes a vacant post, listed with suggestions.
 */
export function resolveSros(texts: ReadonlyMap<string, number[]>, context: MapContext): SroResolution {
  const matcher = new Matcher(context);
  const toCreate = new Map<string, ImportPost>();
  const create = (title: string, holderUpn: string | null): string => {
    const key = postKey(title);
    const existing = toCreate.get(key);
    if (existing !== undefined) return existing.title;
    toCreate.set(key, { title, holderUpn });
    return title;
  };
  const outcomes = new Map<string, SroOutcome>();
  const unmatched: UnmatchedSro[] = [];
  const chosen: [string, Extract<SroChoice, { post: string }>][] = [];
  for (const [text, rows] of texts) {
    const choice = context.sroChoices?.[text];
    if (choice !== undefined && "post" in choice) chosen.push([text, choice]);
    else if (choice !== undefined && "upn" in choice) outcomes.set(text, chooseUpn(text, choice.upn));
    else if (choice !== undefined) outcomes.set(text, { post: create(text, null) });
    else outcomes.set(text, matchText(text, rows));
  }
  // A chosen post may be on the site or one this import creates, so these are settled last.
  for (const [text, choice] of chosen) {
    const known =
      context.posts.some((p) => p.title === choice.post) ||
      [...toCreate.values()].some((p) => p.title === choice.post);
    outcomes.set(text, {
      post: choice.post,
      ...(known ? {} : { error: `The post chosen for SRO "${text}", "${choice.post}", is not on the site.` }),
    });
  }
  return { outcomes, postsToCreate: [...toCreate.values()], unmatched };

  function chooseUpn(text: string, upn: string): SroOutcome {
    const inDirectory = context.people.some((p) => p.upn.toLowerCase() === upn.toLowerCase());
    const post = create(text, upn);
    return inDirectory
      ? { post }
      : { post, error: `The person chosen for SRO "${text}", ${upn}, is not in the directory.` };
  }

  function matchText(text: string, rows: number[]): SroOutcome {
    const whole = matcher.find(text);
    if (whole !== null) return settle(text, whole);
    const parts = text
      .split("/")
      .map((p) => p.trim())
      .filter((p) => p !== "");
    if (parts.length > 1) {
      const first = parts.map((p) => matcher.find(p)).find((f) => f !== null);
      if (first !== undefined)
        return { post: create(text, first.kind === "post" ? first.holderUpn : first.person.upn) };
    }
    unmatched.push({ text, rows, suggestions: matcher.suggest(text) });
    return {
      post: create(text, null),
      warning: `SRO "${text}" matches no post on the site or person in the directory, so it will be created as a vacant post unless you choose who holds it.`,
    };
  }

  function settle(text: string, found: Found): SroOutcome {
    const post = found.kind === "post" ? found.title : create(found.title, found.person.upn);
    const warning = found.cutShort ? `SRO "${text}" looks cut short and is read as "${post}".` : undefined;
    return warning === undefined ? { post } : { post, warning };
  }
}
