// The host page's HTML: toolbar, a stage sized like Teams' content area (or a phone, or a dialog), and the
// tab's iframe. The host's script and its configuration are added by the route.
import { scriptJson } from "../inbox-page.ts";
import type { HostConfig } from "./host-config.ts";

const STYLE = `
  :root { color-scheme: light; font-family: "Segoe UI", system-ui, sans-serif; }
  body { margin: 0; background: #ebebeb; color: #242424; }
  body[data-theme="dark"] { background: #1f1f1f; color: #fff; color-scheme: dark; }
  body[data-theme="contrast"] { background: #000; color: #fff; color-scheme: dark; }
  header { display: flex; flex-wrap: wrap; gap: 12px 20px; align-items: center; padding: 8px 16px;
    background: #464775; color: #fff; }
  header h1 { font-size: 16px; margin: 0 16px 0 0; }
  #toolbar { display: flex; flex-wrap: wrap; gap: 8px 16px; }
  #toolbar label { margin-right: 6px; }
  #host-log { padding: 4px 16px; font-size: 13px; min-height: 1.5em; display: block; }
  #stage { margin: 0 auto; height: calc(100vh - 100px); }
  #stage[data-width="desktop"] { width: 100%; }
  #stage[data-width="phone"] { width: 360px; }
  #stage[data-width="dialog"] { width: 600px; max-width: 100%; height: 640px; margin-top: 16px;
    box-shadow: 0 8px 32px rgba(0,0,0,.3); }
  #tab-frame { border: 0; width: 100%; height: 100%; display: block; }
`;

/** The whole host page. */
export function hostPage(config: HostConfig): string {
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Local Teams host — Action Plan Tracker</title>
<style>${STYLE}</style>
</head>
<body data-app-state="loading">
<header><h1>Local Teams host</h1><div id="toolbar"></div><button id="host-save" type="button" hidden disabled>Save</button></header>
<output id="host-log" aria-live="polite"></output>
<div id="stage"><iframe id="tab-frame" title="Action Plan Tracker"></iframe></div>
<script type="application/json" id="host-config">${scriptJson(config)}</script>
<script type="module" src="/teams/host.js"></script>
</body>
</html>`;
}
