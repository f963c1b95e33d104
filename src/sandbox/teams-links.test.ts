// Teams deep links in the sandbox's inbox open the local Teams host, as the Teams client opens them.
import assert from "node:assert/strict";
import { describe, test } from "vitest";
import { planDeepLink, tabDeepLink, updateDialogDeepLink, type CardLinks } from "../notify/cards/index.ts";
import { ACTION_PLAN_TEAMS_APP } from "./graph/catalog.ts";
import { localTeamsLink, mapCardUrls } from "./teams-links.ts";

const APP = ACTION_PLAN_TEAMS_APP.externalId;
const LINKS: CardLinks = {
  appId: APP,
  myActionsEntityId: "myActions",
  updateFormUrl: "http://localhost:4300/tab/?view=update",
};
const CONTEXT = { origin: "http://localhost:4300", appId: APP, upn: "helen.fairbairn@northbridge.gov.uk" };
const HOST = "http://localhost:4300/teams?user=helen.fairbairn%40northbridge.gov.uk";

describe("localTeamsLink", () => {
  const cases: [string, string, string][] = [
    ["a tab link at one action", tabDeepLink(LINKS, "12"), `${HOST}&frame=deep-link&action=12`],
    ["a tab link with no action", tabDeepLink(LINKS), `${HOST}&frame=personal`],
    [
      "an escalation card's plan at its actions",
      planDeepLink(LINKS, "1", ["12", "15"]),
      `${HOST}&frame=deep-link&action=plan%3A1%3A12%2C15`,
    ],
    ["the update dialog", updateDialogDeepLink(LINKS, "7", "2.3"), `${HOST}&frame=dialog&action=7`],
    [
      "the app id in capitals",
      tabDeepLink({ ...LINKS, appId: APP.toUpperCase() }, "3"),
      `${HOST}&frame=deep-link&action=3`,
    ],
  ];
  for (const [name, link, expected] of cases) {
    test(name, () => {
      assert.equal(localTeamsLink(link, CONTEXT), expected);
    });
  }

  const unchanged: [string, string][] = [
    ["another app's tab", tabDeepLink({ ...LINKS, appId: "3f460a95-60a8-45fe-a963-b59be605c0fe" }, "12")],
    ["a web page", "https://www.northbridge.gov.uk/improvement"],
    ["a chat deep link", "https://teams.microsoft.com/l/chat/0/0?users=a@b.c"],
    ["plain http to teams", `http://teams.microsoft.com/l/entity/${APP}/myActions`],
    ["not a URL", "javascript:alert(1)"],
    ["a dialog link whose form names no action", `https://teams.microsoft.com/l/task/${APP}?url=x`],
  ];
  for (const [name, link] of unchanged) {
    test(`leaves ${name} alone`, () => {
      assert.equal(localTeamsLink(link, CONTEXT), link);
    });
  }

  test("a sub-entity that is not an action id opens the personal tab, not a made-up action", () => {
    const link = `https://teams.microsoft.com/l/entity/${APP}/myActions?context=${encodeURIComponent('{"subEntityId":"1&frame=x"}')}`;
    assert.equal(localTeamsLink(link, CONTEXT), `${HOST}&frame=personal`);
  });
});

describe("mapCardUrls", () => {
  test("maps every Action.OpenUrl, nested ones too, and nothing else", () => {
    const card = {
      type: "AdaptiveCard",
      selectAction: { type: "Action.OpenUrl", url: "a" },
      body: [{ type: "TextBlock", text: "a", url: "a" }],
      actions: [
        { type: "Action.OpenUrl", title: "Open", url: "a" },
        { type: "Action.ShowCard", card: { actions: [{ type: "Action.OpenUrl", url: "a" }] } },
      ],
    };
    const mapped = JSON.stringify(mapCardUrls(card, (url) => `${url}!`));
    assert.equal((mapped.match(/"a!"/g) ?? []).length, 3);
    assert.match(mapped, /"TextBlock","text":"a","url":"a"/);
    assert.equal(card.actions[0]?.url, "a", "the original card is not changed");
  });
});
