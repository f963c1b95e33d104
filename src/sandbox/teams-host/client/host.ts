// The local Teams host, in the browser: a toolbar (who is signed in, theme, frame, width, sign-in) and the
// tab in an iframe, answering teams-js over postMessage as Teams does (see ../protocol.ts for the shapes).
import { z } from "zod";
import { hostConfigSchema, hostQuerySchema, type HostConfig, type HostQuery } from "../host-config.ts";
import { saveEvent } from "../config-flow.ts";
import { tokenLifetime } from "../naa.ts";
import { answer, appRequestSchema, tabPathFor, themeChangeEvent, type HostState } from "../protocol.ts";
import { channelTabStore, handleConfigMessage } from "./config-save.ts";
import { renderToolbar, type ToolbarChange } from "./toolbar.ts";

const tokenSchema = z.object({ access_token: z.string() });

function readConfig(): HostConfig {
  const element = document.getElementById("host-config");
  return hostConfigSchema.parse(JSON.parse(element?.textContent ?? "null"));
}

function readQuery(): HostQuery {
  return hostQuerySchema.parse(Object.fromEntries(new URLSearchParams(window.location.search)));
}

function writeQuery(query: HostQuery): void {
  const params = new URLSearchParams();
  params.set("theme", query.theme);
  params.set("frame", query.frame);
  params.set("width", query.width);
  params.set("signin", query.signin);
  if (query.user !== undefined) params.set("user", query.user);
  if (query.action !== undefined) params.set("action", query.action);
  window.history.replaceState(null, "", `${window.location.pathname}?${params.toString()}`);
}

/** A kept token is fetched again when it has less than this left (MSAL renews five minutes early too). */
const RENEW_SECONDS = 10 * 60;

const tokens = new Map<string, Promise<string>>();
/** When each kept token was fetched, by this page's clock (the sandbox's may be set in the past). */
const fetchedAt = new Map<string, number>();

/** Seconds a token fetched by this page has left, or null when it cannot tell. */
function expiresIn(token: string): number | null {
  const at = fetchedAt.get(token);
  const lifetime = tokenLifetime(token);
  return at === undefined || lifetime === null ? null : lifetime - (Date.now() - at) / 1000;
}

/**
 * A token for `upn`: for the scopes MSAL asked for through NAA, or (null) the host's own SSO token, which
 * Teams issues for the app's api:// resource (webApplicationInfo.resource) and SharePoint and Graph refuse.
 */
async function tokenFor(upn: string, asked: string | null): Promise<string> {
  const scope = asked ?? `api://${window.location.host}/${readConfig().clientId}/access_as_user`;
  const key = `${upn} ${scope}`;
  const kept = tokens.get(key);
  if (kept !== undefined) {
    const token = await kept.catch(() => null);
    const left = token === null ? null : expiresIn(token);
    if (token !== null && (left === null || left > RENEW_SECONDS)) return token;
    if (token !== null) fetchedAt.delete(token);
    if (tokens.get(key) === kept) tokens.delete(key);
  }
  let token = tokens.get(key);
  if (token === undefined) {
    const requested = Date.now();
    token = fetch("/sandbox/token", { method: "POST", body: JSON.stringify({ user: upn, scope }) })
      .then(async (response) => {
        const accessToken = tokenSchema.parse(await response.json()).access_token;
        fetchedAt.set(accessToken, requested);
        return accessToken;
      })
      .catch((error: unknown) => {
        tokens.delete(key);
        throw error;
      });
    tokens.set(key, token);
  }
  return token;
}

function start(): void {
  const config = readConfig();
  let query = readQuery();
  const sessionId = crypto.randomUUID();
  const frame = document.getElementById("tab-frame");
  const stage = document.getElementById("stage");
  const log = document.getElementById("host-log");
  const save = document.getElementById("host-save");
  if (
    !(frame instanceof HTMLIFrameElement) ||
    stage === null ||
    log === null ||
    !(save instanceof HTMLButtonElement)
  )
    throw new Error("The host page is missing its frame.");
  const tabBase = new URL(config.tabUrl, window.location.href).toString();
  const channelTab = channelTabStore();

  const state = (): HostState => {
    const person = config.people.find((p) => p.upn === (query.user ?? config.defaultUpn)) ?? config.people[0];
    if (person === undefined) throw new Error("The directory has nobody to sign in as.");
    return {
      tenantId: config.tenantId,
      clientId: config.clientId,
      person,
      signIn: query.signin,
      theme: query.theme,
      frame: query.frame,
      actionId: query.action ?? config.defaultActionId,
      sessionId,
      channelTab: channelTab.saved(),
      tabBase,
    };
  };

  const note = (text: string) => {
    log.textContent = text;
  };

  const load = () => {
    document.body.dataset.appState = "loading";
    const saved = channelTab.saved();
    // As Teams does: a channel tab opens at the contentUrl its configuration page saved.
    frame.src =
      query.frame === "channel" && saved !== null
        ? saved.contentUrl
        : `${config.tabUrl}${tabPathFor(state())}`;
    save.hidden = query.frame !== "configure";
    save.disabled = true;
  };

  const layout = () => {
    document.body.dataset.theme = query.theme;
    stage.dataset.width = query.frame === "dialog" ? "dialog" : query.width;
  };

  window.addEventListener("message", (event: MessageEvent<unknown>) => {
    // Only the framed tab, from our own origin, speaks to the host.
    if (event.source !== frame.contentWindow || event.origin !== window.location.origin) return;
    const parsed = appRequestSchema.safeParse(event.data);
    if (!parsed.success) return;
    const request = parsed.data;
    const current = state();
    if (request.func === "tasks.completeTask" && current.frame === "dialog") {
      // As Teams does: the dialog closes; what it submitted goes to its opener (a card, here: nobody).
      frame.hidden = true;
      document.body.dataset.dialog = "closed";
      note("The dialog closed after the form was submitted.");
      return;
    }
    if (request.func === "appInitialization.success") {
      document.body.dataset.appState = "ready";
      note(`The tab has loaded for ${current.person.displayName}.`);
    }
    handleConfigMessage(request, tabBase, channelTab, {
      setValid: (valid) => {
        save.disabled = !valid;
      },
      saved: () => {
        note("The channel tab has been saved.");
        showChannel();
      },
      failed: (reason) => {
        save.disabled = false;
        note(`The tab was not saved: ${reason}`);
      },
    });
    void answer(request, current, (scope) => tokenFor(current.person.upn, scope), {
      log: note,
      expiresIn,
    }).then((response) => {
      if (response !== null) frame.contentWindow?.postMessage(response, window.location.origin);
    });
  });

  save.addEventListener("click", () => {
    save.disabled = true;
    note("Saving the tab…");
    frame.contentWindow?.postMessage(saveEvent(), window.location.origin);
  });

  const onToolbar = (next: HostQuery, change: ToolbarChange): void => {
    query = next;
    writeQuery(query);
    layout();
    if (change === "theme") {
      // As Teams does: the tab re-themes itself without reloading.
      frame.contentWindow?.postMessage(themeChangeEvent(query.theme), window.location.origin);
      note(`Theme changed to ${query.theme}.`);
    } else if (change !== "width") {
      load();
    }
  };
  const toolbar = (): void => {
    renderToolbar(document.getElementById("toolbar"), config, query, onToolbar);
  };
  const showChannel = (): void => {
    query = { ...query, frame: "channel" };
    writeQuery(query);
    toolbar();
    layout();
    load();
  };

  toolbar();
  layout();
  load();
}

start();
