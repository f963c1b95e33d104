// The HTML of /sandbox/inbox and the small browser script that renders its cards. Every piece of text put
// into the page goes through escapeHtml; card JSON travels in inert application/json blocks with `<`, `>`
// and `&` escaped, and the Adaptive Cards renderer writes card text as text, never as markup.
import type { Person } from "./directory.ts";
import type { InboxActivity, InboxChat, InboxMessage, InboxView } from "./inbox-view.ts";

/** Escape text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/** JSON that is safe inside a <script type="application/json"> block, whatever strings it holds. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

const WHEN = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "medium",
  timeStyle: "short",
  timeZone: "Europe/London",
});

function time(iso: string): string {
  return `<time datetime="${escapeHtml(iso)}">${escapeHtml(WHEN.format(new Date(iso)))}</time>`;
}

function safeHref(url: string | null): string | null {
  return url !== null && /^https?:\/\//i.test(url) ? escapeHtml(url) : null;
}

const STYLE = `
  :root { color-scheme: light; font-family: "Segoe UI", system-ui, sans-serif; line-height: 1.45; }
  body { margin: 0; background: #f5f5f5; color: #242424; }
  header { background: #464775; color: #fff; padding: 0.75rem 1.5rem; }
  header p { margin: 0 0 0.5rem; font-weight: 600; }
  header label { margin-right: 0.5rem; }
  select, button { font: inherit; padding: 0.3rem 0.5rem; }
  button { background: #fff; color: #464775; border: 2px solid #fff; border-radius: 4px; cursor: pointer; }
  main { max-width: 60rem; margin: 0 auto; padding: 1rem 1.5rem 3rem; }
  :focus-visible { outline: 3px solid #e6a700; outline-offset: 2px; }
  .skip { position: absolute; left: -999px; } .skip:focus { left: 1rem; top: 1rem; background: #fff; color: #000; padding: 0.5rem; z-index: 1; }
  .chat, .feed { background: #fff; border-radius: 8px; padding: 0.5rem 1rem 1rem; margin: 1rem 0; box-shadow: 0 1px 2px rgba(0,0,0,.15); }
  ol { list-style: none; padding: 0; }
  .message { border-top: 1px solid #e0e0e0; padding: 0.75rem 0; }
  .message h4, .feed h3 { margin: 0 0 0.25rem; font-size: 1rem; }
  .message time, .feed time { font-weight: 400; color: #616161; margin-left: 0.5rem; }
  .text { white-space: pre-wrap; margin: 0.25rem 0; }
  .card { max-width: 36rem; border: 1px solid #e0e0e0; border-radius: 6px; margin: 0.5rem 0; overflow: hidden; }
  .note { background: #fff4ce; padding: 0.5rem 1rem; border-radius: 4px; }
  .muted { color: #616161; }
`;

/** The whole inbox page: the person picker, then the chosen person's chats and activity feed. */
export function renderInboxPage(people: readonly Person[], view: InboxView | null, notice?: string): string {
  const chosen = view?.user.upn.toLowerCase();
  const options = people
    .map((p) => {
      const selected = p.upn.toLowerCase() === chosen ? " selected" : "";
      return `<option value="${escapeHtml(p.upn)}"${selected}>${escapeHtml(`${p.displayName} — ${p.jobTitle}`)}</option>`;
    })
    .join("");
  const title = view === null ? "Teams inbox" : `Teams inbox of ${view.user.displayName}`;
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · Action Plan Tracker sandbox</title>
<style>${STYLE}</style>
</head>
<body>
<a class="skip" href="#main">Skip to the inbox</a>
<header>
<p>Action Plan Tracker sandbox · what people receive in Microsoft Teams</p>
<form method="get" action="/sandbox/inbox">
<label for="user">Show the inbox of</label>
<select id="user" name="user"><option value="">Choose a person…</option>${options}</select>
<button type="submit">Show inbox</button>
</form>
</header>
<main id="main" tabindex="-1">
<h1>${escapeHtml(title)}</h1>
${notice === undefined ? "" : `<p class="note" role="alert">${escapeHtml(notice)}</p>`}
${view === null ? `<p>Choose a person above to see their chats, the cards they received and their activity feed.</p>` : renderView(view)}
<p id="card-status" class="muted" role="status" aria-live="polite"></p>
</main>
<script src="/sandbox/assets/adaptivecards.js"></script>
<script src="/sandbox/assets/inbox.js"></script>
</body>
</html>
`;
}

function renderView(view: InboxView): string {
  const who = `<p class="muted">${escapeHtml(view.user.jobTitle)} · ${escapeHtml(view.user.upn)}</p>`;
  const licence = view.user.teams
    ? ""
    : `<p class="note" role="note">${escapeHtml(view.user.displayName)} has no Microsoft Teams licence: Graph refuses chats with them and app installs for them.</p>`;
  const chats =
    view.chats.length === 0
      ? `<p>No chats yet.</p>`
      : view.chats.map((chat, i) => renderChat(chat, i)).join("\n");
  return `${who}${licence}
<section aria-labelledby="chats-heading">
<h2 id="chats-heading">Chats (${String(view.chats.length)})</h2>
${chats}
</section>
<section class="feed" aria-labelledby="feed-heading">
<h2 id="feed-heading">Activity feed (${String(view.activity.length)})</h2>
${view.activity.length === 0 ? "<p>No notifications yet.</p>" : `<ol>${view.activity.map(renderActivity).join("")}</ol>`}
</section>`;
}

function renderChat(chat: InboxChat, index: number): string {
  const other = chat.with.map((p) => p.displayName).join(", ") || "themselves";
  const count = chat.messages.length === 1 ? "1 message" : `${String(chat.messages.length)} messages`;
  const messages = chat.messages.map((m, j) => renderMessage(m, `m${String(index)}-${String(j)}`)).join("");
  return `<section class="chat" aria-labelledby="chat-${String(index)}">
<h3 id="chat-${String(index)}">Chat with ${escapeHtml(other)}</h3>
<p class="muted">${count}, newest first</p>
<ol>${messages}</ol>
</section>`;
}

function renderMessage(message: InboxMessage, key: string): string {
  const sender = message.from?.displayName ?? "Unknown sender";
  const text = message.text === "" ? "" : `<p class="text">${escapeHtml(message.text)}</p>`;
  const cards = message.cards
    .map((c, k) => {
      const id = `card-${key}-${String(k)}`;
      return `<div class="card" role="group" aria-label="Card from ${escapeHtml(sender)}" data-card="${id}"><noscript><p>This card needs JavaScript to be shown.</p></noscript></div><script type="application/json" id="${id}">${scriptJson(c.card)}</script>`;
    })
    .join("");
  const others = message.attachments.filter((a) => !message.cards.some((c) => c.attachmentId === a.id));
  const other =
    others.length === 0
      ? ""
      : `<p class="muted">Other attachments: ${escapeHtml(others.map((a) => a.contentType).join(", "))}</p>`;
  return `<li class="message"><article aria-labelledby="${key}"><h4 id="${key}">${escapeHtml(sender)} ${time(message.createdDateTime)}</h4>${text}${cards}${other}</article></li>`;
}

function renderActivity(activity: InboxActivity): string {
  const href = safeHref(activity.topic.webUrl);
  const topic =
    href === null
      ? escapeHtml(activity.topic.value)
      : `<a href="${href}">${escapeHtml(activity.topic.value)}</a>`;
  const parameters =
    activity.templateParameters.length === 0
      ? ""
      : `<p class="muted">${escapeHtml(activity.templateParameters.map((p) => `${p.name}: ${p.value}`).join(" · "))}</p>`;
  return `<li class="message"><article><h3>${escapeHtml(activity.actor)} · ${escapeHtml(activity.activityType)} ${time(activity.createdDateTime)}</h3><p class="text">${escapeHtml(activity.previewText.slice(0, 150))}</p><p>Topic: ${topic}</p>${parameters}</article></li>`;
}

/**
 * Renders each card with the Adaptive Cards renderer. Cards sent through Graph have no bot behind them, so
 * only Action.OpenUrl does anything: links into the sandbox (Teams deep links the inbox turned into the local
 * Teams host) open in place, other http and https links in a new tab; other actions say so. Text blocks
 * get the markdown subset Teams shows (bold, italic, http(s) links, line breaks), applied to text that is
 * HTML-escaped first, so nothing in a card can become markup of its own.
 */
export const INBOX_SCRIPT = `(function () {
  "use strict";
  var status = document.getElementById("card-status");
  var say = function (text) { if (status) status.textContent = text; };
  var AC = window.AdaptiveCards;
  if (!AC) { say("The Adaptive Cards renderer did not load, so cards are not shown."); return; }
  var escape = function (text) {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;").replace(/'/g, "&#39;");
  };
  AC.AdaptiveCard.onProcessMarkdown = function (text, result) {
    result.outputHtml = escape(text)
      .replace(/\\[([^\\]]+)\\]\\((https?:\\/\\/[^\\s)]+)\\)/g, '<a href="$2" target="_blank" rel="noopener">$1</a>')
      .replace(/\\*\\*([^*]+)\\*\\*/g, "<strong>$1</strong>")
      .replace(/(^|[\\s(])_([^_]+)_(?=[\\s).,;:!?]|$)/g, "$1<em>$2</em>")
      .replace(/\\r?\\n/g, "<br>");
    result.didProcess = true;
  };
  var nodes = document.querySelectorAll("[data-card]");
  Array.prototype.forEach.call(nodes, function (node) {
    var data = document.getElementById(node.getAttribute("data-card"));
    try {
      var card = new AC.AdaptiveCard();
      card.onExecuteAction = function (action) {
        var url = action && action.url;
        if (typeof url === "string" && url.indexOf(window.location.origin + "/") === 0) {
          // A deep link the sandbox turned into its Teams host: opened in place, as Teams opens its own.
          window.location.assign(url);
        } else if (typeof url === "string" && /^https?:\\/\\//i.test(url)) {
          window.open(url, "_blank", "noopener");
        } else {
          say("This button would need a bot; cards sent through Graph can only open links.");
        }
      };
      card.parse(JSON.parse(data.textContent));
      var rendered = card.render();
      node.replaceChildren(rendered || document.createTextNode("This card has nothing to show."));
    } catch (error) {
      node.textContent = "This card could not be shown: " + (error && error.message ? error.message : String(error));
    }
  });
})();
`;
