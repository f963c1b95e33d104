// Our own narrow view of where the tab runs: who is signed in, the theme, the locale and which page it is.
// teams-js's context is large and changes between versions; the rest of the tab sees only this.
import { z } from "../../lib/zod.ts";

export const TEAMS_THEMES = ["default", "dark", "contrast"] as const;
export type TeamsTheme = (typeof TEAMS_THEMES)[number];

/** The frame the tab is shown in: a tab's content, its configuration page, or a dialog. */
export type TabFrame = "content" | "settings" | "task" | "other";

export interface TabContext {
  /** False when the page is opened on its own, outside any Teams host. */
  inTeams: boolean;
  /** The signed-in person's UPN (lower case); null outside Teams. */
  upn: string | null;
  displayName: string | null;
  theme: TeamsTheme;
  locale: string;
  frame: TabFrame;
  /** The tab's entityId from the manifest or the channel tab's settings. */
  pageId: string | null;
  /** Set by a deep link: the id of the action to open. */
  subPageId: string | null;
  /** Who Teams is signed in as, for Nested App Authentication: tenant id, Entra object id, login hint. */
  tenantId: string | null;
  userObjectId: string | null;
  loginHint: string | null;
}

/** Teams sends other theme names on some hosts; anything unknown falls back to the light theme. */
export function toTheme(value: unknown): TeamsTheme {
  return z.catch(z.enum(TEAMS_THEMES), "default").parse(value);
}

function toFrame(value: unknown): TabFrame {
  const frame = z.enum(["content", "settings", "task"]).safeParse(value);
  return frame.success ? frame.data : "other";
}

// Only the fields we use, each optional: hosts differ in what they fill in.
const teamsContextSchema = z.object({
  app: z.looseObject({ locale: z.optional(z.string()), theme: z.optional(z.string()) }),
  page: z.looseObject({
    id: z.optional(z.string()),
    frameContext: z.optional(z.string()),
    subPageId: z.optional(z.string()),
  }),
  user: z.optional(
    z.looseObject({
      id: z.optional(z.string()),
      loginHint: z.optional(z.string()),
      userPrincipalName: z.optional(z.string()),
      displayName: z.optional(z.string()),
      tenant: z.optional(z.looseObject({ id: z.optional(z.string()) })),
    }),
  ),
});

// A field of the Teams context, or null when the host left it out or empty.
function nonEmpty(text: string | undefined): string | null {
  return text === undefined || text === "" ? null : text;
}

/** Our context from teams-js's `app.getContext()` result. */
export function fromTeamsContext(context: unknown): TabContext {
  const parsed = teamsContextSchema.parse(context);
  return {
    inTeams: true,
    upn: nonEmpty(parsed.user?.userPrincipalName)?.toLowerCase() ?? null,
    displayName: nonEmpty(parsed.user?.displayName),
    theme: toTheme(parsed.app.theme),
    locale: nonEmpty(parsed.app.locale) ?? "en-GB",
    frame: toFrame(parsed.page.frameContext),
    pageId: nonEmpty(parsed.page.id),
    subPageId: nonEmpty(parsed.page.subPageId),
    tenantId: nonEmpty(parsed.user?.tenant?.id),
    userObjectId: nonEmpty(parsed.user?.id),
    loginHint: nonEmpty(parsed.user?.loginHint) ?? nonEmpty(parsed.user?.userPrincipalName),
  };
}

/** The context of a page opened outside Teams (a browser, or a dialog URL opened directly). */
export function outsideTeams(prefersDark: boolean): TabContext {
  return {
    inTeams: false,
    upn: null,
    displayName: null,
    theme: prefersDark ? "dark" : "default",
    locale: "en-GB",
    frame: "content",
    pageId: null,
    subPageId: null,
    tenantId: null,
    userObjectId: null,
    loginHint: null,
  };
}
