import { test } from "vitest";
import assert from "node:assert/strict";
import type { CardLinks } from "./deep-links.ts";
import { MAX_DEEP_LINK_LENGTH, planDeepLink, tabDeepLink, updateDialogDeepLink } from "./deep-links.ts";

const links: CardLinks = {
  catalogAppId: "0f6d5c2e-1111-4a4a-9999-2b2b2b2b2b2b",
  manifestAppId: "9a1e4c7b-2d3f-4b5a-8c6d-7e8f9a0b1c2d",
  myActionsEntityId: "myActions",
  updateFormUrl: "https://actionplan.towerhamlets.example/tab/update.html",
};

test("the tab deep link carries the action as subEntityId in a URI-encoded context", () => {
  assert.equal(
    tabDeepLink(links),
    "https://teams.microsoft.com/l/entity/0f6d5c2e-1111-4a4a-9999-2b2b2b2b2b2b/myActions",
  );
  const link = tabDeepLink(links, "2.3");
  assert.equal(
    link,
    "https://teams.microsoft.com/l/entity/0f6d5c2e-1111-4a4a-9999-2b2b2b2b2b2b/myActions?context=%7B%22subEntityId%22%3A%222.3%22%7D",
  );
  const context = new URL(link).searchParams.get("context") ?? "";
  assert.deepEqual(JSON.parse(context), { subEntityId: "2.3" });
  // An id with characters of its own still round-trips.
  const odd = new URL(tabDeepLink(links, 'A&B "x"/1?')).searchParams.get("context") ?? "";
  assert.deepEqual(JSON.parse(odd), { subEntityId: 'A&B "x"/1?' });
});

test("the dialog deep link opens the update form for the action, sized and titled", () => {
  const link = new URL(updateDialogDeepLink(links, "item-42", "2.3"));
  assert.equal(
    `${link.origin}${link.pathname}`,
    "https://teams.microsoft.com/l/task/0f6d5c2e-1111-4a4a-9999-2b2b2b2b2b2b",
  );
  assert.deepEqual([...link.searchParams.keys()], ["url", "height", "width", "title"]);
  assert.equal(
    link.searchParams.get("url"),
    "https://actionplan.towerhamlets.example/tab/update.html?actionId=item-42",
  );
  assert.equal(link.searchParams.get("height"), "large");
  assert.equal(link.searchParams.get("width"), "medium");
  assert.equal(link.searchParams.get("title"), "Update action 2.3");
  const sized = new URL(
    updateDialogDeepLink({ ...links, dialog: { width: 720, height: "small" } }, "x", "1"),
  );
  assert.equal(sized.searchParams.get("width"), "720");
  assert.equal(sized.searchParams.get("height"), "small");
});

test("the form must be HTTPS (plain http only on this machine), and links stay under Teams' length", () => {
  assert.throws(
    () => updateDialogDeepLink({ ...links, updateFormUrl: "http://intranet.example/update" }, "x", "1"),
    /HTTPS/,
  );
  assert.ok(updateDialogDeepLink({ ...links, updateFormUrl: "http://localhost:4300/tab/update" }, "x", "1"));
  assert.throws(() => tabDeepLink(links, "x".repeat(MAX_DEEP_LINK_LENGTH)), /over Teams/);
});

test("every link addresses the app by its catalog id, as Teams opens an organisation's app, not its manifest id", () => {
  const all = [
    tabDeepLink(links),
    tabDeepLink(links, "12"),
    planDeepLink(links, "3", ["12", "15"]),
    updateDialogDeepLink(links, "12", "2.3"),
  ];
  for (const link of all) {
    assert.equal(new URL(link).pathname.split("/")[3], links.catalogAppId, link);
    assert.ok(!link.includes(links.manifestAppId), link);
  }
});
