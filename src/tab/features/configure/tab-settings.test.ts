import assert from "node:assert/strict";
import { test } from "vitest";
import { channelTabSettings } from "./tab-settings.ts";

test("a channel tab's settings open the chosen view of the chosen plan beside the tab's page", () => {
  const settings = channelTabSettings(
    { id: "1", title: "Corporate Peer Challenge – April 2024 Progress Update Report" },
    "dashboard",
    "https://tab.example.gov.uk/tab/index.html",
  );
  assert.equal(settings.contentUrl, "https://tab.example.gov.uk/tab/?view=dashboard&planId=1");
  assert.equal(settings.websiteUrl, settings.contentUrl);
  assert.equal(settings.entityId, "dashboard-1");
  assert.ok(settings.suggestedDisplayName.length <= 30);
  assert.match(settings.suggestedDisplayName, /^Dashboard: Corporate/);
  assert.equal(
    channelTabSettings({ id: "7", title: "BV" }, "plan", "http://localhost:4300/tab/").contentUrl,
    "http://localhost:4300/tab/?view=plan&planId=7",
  );
});
