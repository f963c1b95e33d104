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
//       [frameContext, hostClientType, clientSupportedSDKVersion, runtimeConfig (JSON text, apiVersion 4)],
//       real Teams' order: appHelpers.js tries JSON.parse on the third, takes it as the SDK version when it is
//       not JSON ("2.58.0" is not) and applies the fourth as the runtime config; communication.js `E` hands
//       the fourth to tryPolyfillWithNestedAppAuthBridge, which installs window.nestedAppAuthBridge only
//       when that JSON has supports.nestedAppAuth (and the tab's parent is the top window, as here).
//   "getContext" -> args [the flat legacy context: entityId, subEntityId, locale, theme, frameContext,
//       userPrincipalName, loginHint, userObjectId, tid, hostClientType, channelId, teamId, ...]
//   "authentication.getAuthToken" args [resources, claims, silent, tenantId] -> args [true, token] |
//       [false, reason]
//   "appInitialization.appLoaded" / ".success" / ".failure" / ".expectedFailure", "registerHandler": one
//       way; "success" waits for an answer only when the runtime config has supports.app.notifySuccessResponse,
//       which this host does not claim.
//   "nestedAppAuth.execute" (Nested App Authentication, `naa` sign-in only): see ./naa.ts.
//   The configuration page's save flow ("settings.*") is in ./config-flow.ts.
import { z } from "zod";
import { configAnswer, configEffect, CONFIG_FUNCS, type ChannelTab } from "./config-flow.ts";
import { NAA_FUNC, naaLogLine, naaResponse, parseNaaRequest, type NaaOptions } from "./naa.ts";

export const HOST_THEMES = ["default", "dark", "contrast"] as const;
export type HostTheme = (typeof HOST_THEMES)[number];

export const HOST_FRAMES = ["personal", "channel", "configure", "deep-link", "dialog"] as const;
export type HostFrame = (typeof HOST_FRAMES)[number];

/**
 * How the host signs the tab in: `naa`, as current Teams clients do (NAA recommended and supported, and
 * getAuthToken still answered), or `sso`, as older Teams did (getAuthToken only).
 */
export const HOST_SIGN_INS = ["naa", "sso"] as const;
export type HostSignIn = (typeof HOST_SIGN_INS)[number];

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
  /** The Entra app the tab must sign in as through NAA (the sandbox's SANDBOX_CLIENT_ID). */
  clientId: string;
  person: HostPerson;
  signIn: HostSignIn;
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
  /** nestedAppAuth.execute's payload: the JSON text of MSAL's request. */
  data: z.unknown().optional(),
});
export type AppRequest = z.infer<typeof appRequestSchema>;

/** What the host posts back for a request. */
export interface HostResponse {
  id: number;
  uuidAsString?: string;
  args: unknown[];
}

/** What `answer` may need besides the request and the state: NAA's clock and token expiry, and a log. */
export interface AnswerOptions extends NaaOptions {
  /** A line for the host's log (never a token). */
  log?: (line: string) => void;
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
export function runtimeConfig(signIn: HostSignIn): string {
  const naa = signIn === "naa";
  return JSON.stringify({
    apiVersion: 4,
    hostVersionsInfo: { adaptiveCardSchemaVersion: { majorVersion: 1, minorVersion: 5 } },
    // nestedAppAuth.isNAAChannelRecommended() reads this (public/nestedAppAuth.js).
    isNAAChannelRecommended: naa,
    isLegacyTeams: false,
    supports: {
      // The configuration page's save flow (pages.config.isSupported() reads this).
      pages: { config: {} },
      // The update form's dialog closes itself once saved (dialog.url.submit -> "tasks.completeTask").
      dialog: { url: {} },
      // The bridge polyfill's condition (internal/nestedAppAuthUtils.js).
      ...(naa ? { nestedAppAuth: {} } : {}),
    },
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

/**
 * The answer to a request, or null when the host does not answer it (one-way messages, and functions this
 * host does not implement, which teams-js only sends for capabilities the runtime config claims).
 * `token` is asked for only when the app asks for one.
 */
export async function answer(
  request: AppRequest,
  state: HostState,
  token: (scope: string | null) => Promise<string>,
  options: AnswerOptions = {},
): Promise<HostResponse | null> {
  const reply = (args: unknown[]) => replyTo(request, args);
  switch (request.func) {
    case "initialize":
      return reply([frameContextOf(state.frame), "web", HOST_SDK_VERSION, runtimeConfig(state.signIn)]);
    case "getContext":
      return reply([legacyContext(state)]);
    case "authentication.getAuthToken":
      try {
        // The host's own SSO token, issued for the app's api:// resource as Teams issues it.
        return reply([true, await token(null)]);
      } catch {
        return reply([false, "The host could not get a token for the signed-in user."]);
      }
    case NAA_FUNC:
      return answerNaa(request, state, token, options);
    default: {
      if (!CONFIG_FUNCS.has(request.func)) return null;
      const effect = configEffect(request.func, request.args, state.tabBase ?? "");
      const args = configAnswer(effect, request.func, state.channelTab ?? null);
      return args === null ? null : reply(args);
    }
  }
}

/**
 * A nestedAppAuth.execute request: answered only when the host offers NAA and the payload is MSAL's, as a
 * message whose args[1] is the response's JSON text (communication.js `D` reads exactly that; args[0] is
 * null, and the id/uuid echo the request's, which teams-js's ordinary handler `Y` finds no callback for).
 */
async function answerNaa(
  request: AppRequest,
  state: HostState,
  token: (scope: string | null) => Promise<string>,
  options: AnswerOptions,
): Promise<HostResponse | null> {
  if (state.signIn !== "naa") return null;
  const naaRequest = parseNaaRequest(request.data);
  if (naaRequest === null) return null;
  const response = await naaResponse(
    naaRequest,
    {
      tenantId: state.tenantId,
      clientId: state.clientId,
      person: state.person,
      sdkVersion: HOST_SDK_VERSION,
    },
    token,
    options,
  );
  options.log?.(naaLogLine(naaRequest, response));
  return replyTo(request, [null, JSON.stringify(response)]);
}

/** The host's message for a request: its id, and its uuid when it sent one, with `args`. */
function replyTo(request: AppRequest, args: unknown[]): HostResponse {
  return {
    id: request.id,
    ...(request.uuidAsString === undefined ? {} : { uuidAsString: request.uuidAsString }),
    args,
  };
}

/** The event that tells the app the theme changed. */
export function themeChangeEvent(theme: HostTheme): { func: "themeChange"; args: [HostTheme] } {
  return { func: "themeChange", args: [theme] };
}
