// The Teams host's side of teams-js's postMessage protocol, as plain functions of the host's state, so the
// browser page and the unit tests share them. Shapes read from @microsoft/teams-js 2.58.0's own source
// (dist/esm/packages/teams-js/src/internal/communication.js, messageObjects.js, appHelpers.js,
// public/app/app.js, public/authentication.js, public/runtime.js, internal/handlers.js):
//
//   app -> host  { id: number, uuidAsString: string, func: string, args: unknown[], timestamp,
//                  monotonicTimestamp, apiVersionTag, isProxiedFromChild, teamsJsInstanceId }
//   host -> app  a response { id, uuidAsString, args: unknown[] } (matched by uuid, else by id), or an event
//                { func: "themeChange", args: [theme] } that teams-js hands to its registered handler.
//
//   "initialize" args [sdkVersion, latestRuntimeApiVersion, validMessageOrigins?] -> args
//       [frameContext, hostClientType, runtimeConfig (JSON text, apiVersion 4), clientSupportedSDKVersion]
//   "getContext" -> args [the flat legacy context: entityId, subEntityId, locale, theme, frameContext,
//       userPrincipalName, loginHint, userObjectId, tid, hostClientType, channelId, teamId, ...]
//   "authentication.getAuthToken" args [resources, claims, silent, tenantId] -> args [true, token] |
//       [false, reason]
//   "appInitialization.appLoaded" / ".success" / ".failure" / ".expectedFailure", "registerHandler": one
//       way; "success" waits for an answer only when the runtime config has supports.app.notifySuccessResponse,
//       which this host does not claim.
//   The configuration page's save flow ("settings.*") is in ./config-flow.ts.
import { z } from "zod";
import { configAnswer, configEffect, CONFIG_FUNCS, type ChannelTab } from "./config-flow.ts";

export const HOST_THEMES = ["default", "dark", "contrast"] as const;
export type HostTheme = (typeof HOST_THEMES)[number];

export const HOST_FRAMES = ["personal", "channel", "configure", "deep-link", "dialog"] as const;
export type HostFrame = (typeof HOST_FRAMES)[number];

/** The teams-js version whose protocol this host speaks (the one in package.json). */
export const HOST_SDK_VERSION = "2.58.0";

/** The personal tab's and the channel tab's entityIds, as the app manifest will name them. */
export const ENTITY_IDS = { personal: "myActions", channel: "dashboard" } as const;

export interface HostPerson {
  upn: string;
  id: string;
  displayName: string;
}

export interface HostState {
  tenantId: string;
  person: HostPerson;
  theme: HostTheme;
  frame: HostFrame;
  /** The action a deep link or the dialog opens. */
  actionId: string;
  sessionId: string;
  /** The channel tab's settings saved by its configuration page, if any. */
  channelTab?: ChannelTab | null;
  /** The tab's base URL (absolute): a saved contentUrl must be under it. */
  tabBase?: string;
}

/** A request from teams-js in the framed app; anything else posted to the host is ignored. */
export const appRequestSchema = z.object({
  id: z.number().int(),
  uuidAsString: z.string().optional(),
  func: z.string().min(1),
  args: z.array(z.unknown()).default([]),
});
export type AppRequest = z.infer<typeof appRequestSchema>;

/** What the host posts back for a request. */
export interface HostResponse {
  id: number;
  uuidAsString?: string;
  args: unknown[];
}

/** The URL the host frames for a frame kind, relative to the tab's base. */
export function tabPathFor(state: Pick<HostState, "frame" | "actionId">): string {
  if (state.frame === "configure") return "?view=configure";
  return state.frame === "dialog" ? `?view=update&actionId=${encodeURIComponent(state.actionId)}` : "";
}

function frameContextOf(frame: HostFrame): "content" | "task" | "settings" {
  if (frame === "configure") return "settings";
  return frame === "dialog" ? "task" : "content";
}

/** The runtime config the host announces: apiVersion 4 and only the capabilities it answers. */
export function runtimeConfig(): string {
  return JSON.stringify({
    apiVersion: 4,
    hostVersionsInfo: { adaptiveCardSchemaVersion: { majorVersion: 1, minorVersion: 5 } },
    isNAAChannelRecommended: false,
    isLegacyTeams: false,
    // The configuration page's save flow (pages.config.isSupported() reads this).
    supports: { pages: { config: {} } },
  });
}

/** The flat context object Teams sends for getContext (teams-js maps it to app.Context). */
export function legacyContext(state: HostState): Record<string, unknown> {
  const channel =
    state.frame === "channel" || state.frame === "configure"
      ? {
          channelId: "19:improvement-board@thread.tacv2",
          channelName: "Improvement board",
          channelType: "Regular",
          teamId: "19:cmt-team@thread.tacv2",
          teamName: "Corporate Management Team",
          groupId: "5f8d2c1e-0b1a-4c3e-9d7f-2a6b8c9d0e1f",
          teamType: 0,
          userTeamRole: 1,
        }
      : {};
  return {
    entityId:
      state.frame === "channel"
        ? (state.channelTab?.entityId ?? ENTITY_IDS.channel)
        : state.frame === "configure"
          ? ""
          : ENTITY_IDS.personal,
    subEntityId: state.frame === "deep-link" ? state.actionId : undefined,
    locale: "en-GB",
    osLocaleInfo: { platform: "windows", regionalFormat: "en-GB" },
    theme: state.theme,
    frameContext: frameContextOf(state.frame),
    hostClientType: "web",
    hostName: "Teams",
    userPrincipalName: state.person.upn,
    loginHint: state.person.upn,
    userObjectId: state.person.id,
    userDisplayName: state.person.displayName,
    userLicenseType: "Unknown",
    tid: state.tenantId,
    tenantSKU: "enterprise",
    appSessionId: state.sessionId,
    sessionId: state.sessionId,
    isFullScreen: false,
    ...channel,
  };
}

/** Functions the app sends without waiting for an answer; the host notes them and answers nothing. */
export const ONE_WAY_FUNCS = new Set([
  "appInitialization.appLoaded",
  "appInitialization.success",
  "appInitialization.failure",
  "appInitialization.expectedFailure",
  "registerHandler",
]);

/**
 * The answer to a request, or null when the host does not answer it (one-way messages, and functions this
 * host does not implement, which teams-js only sends for capabilities the runtime config claims).
 * `token` is asked for only when the app asks for one.
 */
export async function answer(
  request: AppRequest,
  state: HostState,
  token: () => Promise<string>,
): Promise<HostResponse | null> {
  const reply = (args: unknown[]): HostResponse => ({
    id: request.id,
    ...(request.uuidAsString === undefined ? {} : { uuidAsString: request.uuidAsString }),
    args,
  });
  switch (request.func) {
    case "initialize":
      return reply([frameContextOf(state.frame), "web", runtimeConfig(), HOST_SDK_VERSION]);
    case "getContext":
      return reply([legacyContext(state)]);
    case "authentication.getAuthToken":
      try {
        return reply([true, await token()]);
      } catch {
        return reply([false, "The host could not get a token for the signed-in user."]);
      }
    default: {
      if (!CONFIG_FUNCS.has(request.func)) return null;
      const effect = configEffect(request.func, request.args, state.tabBase ?? "");
      const args = configAnswer(effect, request.func, state.channelTab ?? null);
      return args === null ? null : reply(args);
    }
  }
}

/** The event that tells the app the theme changed. */
export function themeChangeEvent(theme: HostTheme): { func: "themeChange"; args: [HostTheme] } {
  return { func: "themeChange", args: [theme] };
}
