// The header names councils give their plan columns, mapped to column roles. Headers are compared as
// words (case, punctuation and bracketed notes ignored), so "Target completion date (indicative only)",
// "TARGET DATE" and "Target date:" all read the same. The phrases councils write most are matched whole;
// anything else is read by its words ("Target Date for Completion" is a target date because it says
// "target"), so a wording nobody listed still finds its column.
import { normaliseWords } from "./text.ts";
import type { ColumnRole } from "./types.ts";

/** A header as compared: words only, bracketed notes dropped, "%" kept as the word "percent". */
export function headerKey(header: string): string {
  return normaliseWords(header.replace(/\([^)]*\)/g, " ").replace(/%/g, " percent ")).replace(/\s+/g, " ");
}

// Tried in order, first match wins: "Progress status" is a status before it is a progress update, and
// "Target completion date" a target date before it is a completion date.
const PATTERNS: readonly [ColumnRole, RegExp][] = [
  ["plan", /^((improvement|action|delivery) )?(plan|programme|program|project)( name| title)?$/],
  ["workstream", /^(work ?streams?|strands?)( name| title)?$/],
  ["recommendationTitle", /^(recommendation|priority|priority area|theme|phase|area) (title|name|heading)$/],
  [
    "recommendation",
    /^(recommendations?|recommendation (no|number|ref)|priority( area)?|priorities|themes?|phases?|areas?( of focus)?|objectives?|outcomes?)$/,
  ],
  ["milestone", /^(key )?milestones?$/],
  [
    "action",
    /^((key|agreed|proposed|planned) )?(actions?|activity|activities|tasks?|deliverables?)( description| to be taken| required| planned)?$|^what (we|will) (will )?(we )?do$/,
  ],
  [
    "ref",
    /^(ref|refs|reference|ref no|no|number|id|item|action (no|number|ref|id)|activity (no|number|ref))$/,
  ],
  [
    "completedOn",
    /^(date completed|completed on|completion date actual|actual completion( date)?|date of completion|date closed)$/,
  ],
  [
    "targetDate",
    /^(target( completion| end)?( date)?|deadlines?|due( date| by)?|date due|timescales?|timeframe|by when|completion date|end date|delivery date)$/,
  ],
  [
    "percentComplete",
    /^(percent ?comp(lete|leted|letion)?|percentage complete|complete percent|progress percent)$/,
  ],
  ["status", /^(b?rag( status| rating)?|status|(current|overall|progress|delivery) status|rating)$/],
  [
    "sro",
    /^(senior responsible officers?|sro|sros|lead officers?|lead|leads|owners?|action owner|responsible( officer| person)?|accountable officer|officer)$/,
  ],
  ["progressUpdate", /(^| )(progress|updates?|comments?|commentary|notes|position)( |$)/],
];

const any = (words: ReadonlySet<string>, list: readonly string[]) => list.some((w) => words.has(w));

// Read by words when no phrase matched, in this order: a completion date says it is actual or done before
// a target date says "completion"; a date says what kind it is before the rest are looked at. Words that
// make a header something else (a lead member is a councillor; a target outcome is not a date) rule it out.
const NOT_A_DATE = [
  "outcome",
  "outcomes",
  "audience",
  "measure",
  "measures",
  "success",
  "kpi",
  "indicator",
  "value",
];
const NOT_AN_OFFICER = ["member", "members", "councillor", "councillors", "cabinet", "portfolio"];
const WORD_RULES: readonly [ColumnRole, (words: ReadonlySet<string>) => boolean][] = [
  [
    "completedOn",
    (w) =>
      (w.has("actual") && any(w, ["completion", "completed", "date", "finish"])) ||
      (any(w, ["completed", "closed", "achieved"]) && w.has("date")),
  ],
  [
    "targetDate",
    (w) =>
      !any(w, NOT_A_DATE) &&
      (any(w, ["target", "deadline", "deadlines", "due", "timescale", "timescales", "timeframe"]) ||
        any(w, ["timeline", "timing", "when"]) ||
        (any(w, ["date", "dates"]) &&
          any(w, [
            "completion",
            "complete",
            "delivery",
            "end",
            "finish",
            "expected",
            "milestone",
            "action",
          ]))),
  ],
  ["percentComplete", (w) => any(w, ["percent", "percentage"])],
  ["status", (w) => any(w, ["status", "rag", "brag", "rating"])],
  [
    "sro",
    (w) =>
      !any(w, NOT_AN_OFFICER) &&
      (any(w, ["sro", "sros", "responsible", "accountable", "owner", "owners", "officer", "officers"]) ||
        any(w, ["lead", "leads"])),
  ],
  ["workstream", (w) => any(w, ["workstream", "workstreams", "strand", "strands"])],
  [
    "milestone",
    (w) =>
      any(w, ["milestone", "milestones"]) &&
      !any(w, ["action", "actions", "activity", "activities", "date", "dates", "deadline", "due"]),
  ],
  [
    "action",
    (w) =>
      any(w, ["action", "actions", "activity", "activities", "task", "tasks", "deliverable", "deliverables"]),
  ],
  [
    "recommendation",
    (w) => any(w, ["recommendation", "recommendations", "priority", "theme", "phase", "area"]),
  ],
];

/** The role a header's phrase names ("Target date", "Lead officer"), or null when no phrase matches. */
export function roleOfPhrase(header: string): ColumnRole | null {
  const key = headerKey(header);
  if (key === "") return null;
  for (const [role, pattern] of PATTERNS) if (pattern.test(key)) return role;
  return null;
}

/** The role a header names, by its phrase or else by its words; null when it names none the import knows. */
export function roleOfHeader(header: string): ColumnRole | null {
  const phrase = roleOfPhrase(header);
  if (phrase !== null) return phrase;
  const key = headerKey(header);
  if (key === "") return null;
  const words = new Set(key.split(" "));
  for (const [role, rule] of WORD_RULES) if (rule(words)) return role;
  return null;
}

/** Roles whose later column wins: quarterly comments run left to right, so the rightmost is the latest. */
export const RIGHTMOST_WINS: ReadonlySet<ColumnRole> = new Set(["progressUpdate"]);
