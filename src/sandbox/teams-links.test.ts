// Teams deep links in the sandbox's inbox open the local Teams host, as the Teams client opens them: by the
// app's id in the catalog, so a link naming the manifest's id opens nothing, as it would fail in Teams.
import assert from "node:assert/strict";
import { describe, test } from "vitest";
import { planDeepLink, tabDeepLink, updateDialogDeepLink, type CardLinks } from "../notify/cards/index.ts";
import {
  cardLinksOf,
  readNotifySettings,
  SANDBOX_TEAMS_APP_ID,
  SANDBOX_TEAMS_CATALOG_ID,
} from "../notify/reminders/settings.ts";
import { ACTION_PLAN_TEAMS_APP } from "./graph/catalog.ts";
import { localTeamsLink, mapCardUrls } from "./teams-links.ts";

const APP = ACTION_PLAN_TEAMS_APP.id;
const MANIFEST_ID = ACTION_PLAN_TEAMS_APP.externalId;
const LINKS: CardLinks = {
  catalogAppId: APP,
  manifestAppId: MANIFEST_ID,
  myActionsEntityId: "myActions",
  updateFormUrl: "http://localhost:4300/tab/?view=update",
};
const CONTEXT = {
  origin: "http://localhost:4300",
  catalogAppId: APP,
  upn: "helen.fairbairn@northbridge.gov.uk",
};
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
      tabDeepLink({ ...LINKS, catalogAppId: APP.toUpperCase() }, "3"),
      `${HOST}&frame=deep-link&action=3`,
    ],
  ];
  for (const [name, link, expected] of cases) {
    test(name, () => {
      assert.equal(localTeamsLink(link, CONTEXT), expected);
    });
  }

  const unchanged: [string, string][] = [
    [
      "another app's tab",
      tabDeepLink({ ...LINKS, catalogAppId: "0b679baf-40a2-4466-a03f-00ec424817a5" }, "12"),
    ],
    // Teams opens an organisation's app by its catalog id; by its manifest id the link fails there.
    ["this app's tab by its manifest id", tabDeepLink({ ...LINKS, catalogAppId: MANIFEST_ID }, "12")],
    [
      "this app's update dialog by its manifest id",
      updateDialogDeepLink({ ...LINKS, catalogAppId: MANIFEST_ID }, "7", "2.3"),
    ],
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

describe("the notifier's sandbox defaults", () => {
  test("name the sandbox catalog's app, so the cards the sandbox's reminders send open in its host", () => {
    assert.equal(SANDBOX_TEAMS_CATALOG_ID, ACTION_PLAN_TEAMS_APP.id);
    assert.equal(SANDBOX_TEAMS_APP_ID, ACTION_PLAN_TEAMS_APP.externalId);
    const links = cardLinksOf(readNotifySettings("http://localhost:4300/sites/improvement", true, {}));
    assert.equal(localTeamsLink(tabDeepLink(links, "12"), CONTEXT), `${HOST}&frame=deep-link&action=12`);
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
