// The host's toolbar: selects for the signed-in person (by role), theme, frame, width and how the tab signs
// in, and the action a deep link or the dialog opens. It reports each change; the host decides what reloads.
import { hostQuerySchema, type HostConfig, type HostQuery } from "../host-config.ts";
import { HOST_FRAMES, HOST_SIGN_INS, HOST_THEMES } from "../protocol.ts";

export type ToolbarChange = "user" | "theme" | "frame" | "width" | "signin" | "action";

const ROLE_LABELS = { sro: "SROs", coordinator: "Coordinators", viewer: "CMT viewers" } as const;
const FRAME_LABELS = {
  personal: "Personal tab (My actions)",
  channel: "Channel tab",
  configure: "Configuration page (channel tab)",
  "deep-link": "Deep link to one action",
  dialog: "Update dialog",
} as const;
const THEME_LABELS = { default: "Default", dark: "Dark", contrast: "High contrast" } as const;
const SIGN_IN_LABELS = {
  naa: "Nested app authentication",
  sso: "Teams SSO only (older Teams)",
} as const;

function labelled(id: string, text: string, control: HTMLElement): HTMLElement {
  const label = document.createElement("label");
  label.htmlFor = id;
  label.textContent = text;
  control.id = id;
  const wrap = document.createElement("span");
  wrap.append(label, control);
  return wrap;
}

function select(options: [string, string][], value: string): HTMLSelectElement {
  const element = document.createElement("select");
  for (const [optionValue, text] of options)
    element.add(new Option(text, optionValue, false, optionValue === value));
  return element;
}

/** Fill `root` with the toolbar; `onChange` gets the new query and what changed. */
export function renderToolbar(
  root: HTMLElement | null,
  config: HostConfig,
  query: HostQuery,
  onChange: (next: HostQuery, change: ToolbarChange) => void,
): void {
  if (root === null) return;
  let current = query;
  const emit = (patch: Partial<HostQuery>, change: ToolbarChange) => {
    current = { ...current, ...patch };
    onChange(current, change);
  };

  const user = document.createElement("select");
  for (const role of ["sro", "coordinator", "viewer"] as const) {
    const group = document.createElement("optgroup");
    group.label = ROLE_LABELS[role];
    for (const person of config.people.filter((p) => p.role === role)) {
      const option = new Option(`${person.displayName} — ${person.post}`, person.upn);
      option.selected = person.upn === (query.user ?? config.defaultUpn);
      group.append(option);
    }
    user.append(group);
  }
  user.addEventListener("change", () => {
    emit({ user: user.value }, "user");
  });

  const theme = select(
    HOST_THEMES.map((t) => [t, THEME_LABELS[t]]),
    query.theme,
  );
  theme.addEventListener("change", () => {
    emit({ theme: hostQuerySchema.shape.theme.parse(theme.value) }, "theme");
  });
  const frame = select(
    HOST_FRAMES.map((f) => [f, FRAME_LABELS[f]]),
    query.frame,
  );
  frame.addEventListener("change", () => {
    emit({ frame: hostQuerySchema.shape.frame.parse(frame.value) }, "frame");
  });
  const width = select(
    [
      ["desktop", "Desktop"],
      ["phone", "Phone (360 px)"],
    ],
    query.width,
  );
  width.addEventListener("change", () => {
    emit({ width: hostQuerySchema.shape.width.parse(width.value) }, "width");
  });
  const signin = select(
    HOST_SIGN_INS.map((s) => [s, SIGN_IN_LABELS[s]]),
    query.signin,
  );
  signin.addEventListener("change", () => {
    emit({ signin: hostQuerySchema.shape.signin.parse(signin.value) }, "signin");
  });
  const action = document.createElement("input");
  action.inputMode = "numeric";
  action.size = 6;
  action.value = query.action ?? config.defaultActionId;
  action.addEventListener("change", () => {
    if (/^[1-9]\d{0,9}$/.test(action.value)) emit({ action: action.value }, "action");
  });

  root.replaceChildren(
    labelled("host-user", "Signed in as", user),
    labelled("host-theme", "Theme", theme),
    labelled("host-frame", "Frame", frame),
    labelled("host-width", "Width", width),
    labelled("host-signin", "Sign-in", signin),
    labelled("host-action", "Action id", action),
  );
}
