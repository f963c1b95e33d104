import assert from "node:assert/strict";
import { describe, test } from "vitest";
import { isoDate, parseTargetDate } from "../domain/index.ts";
import { noticeHtml, noticeText, type DateChangeNotice } from "./date-change-notice.ts";

const referenceDate = isoDate("2024-04-09");
const notice: DateChangeNotice = {
  event: "requested",
  actionId: "12",
  actionRef: "1.4",
  from: parseTargetDate("Ongoing", { referenceDate }),
  to: parseTargetDate("Dec-24", { referenceDate }),
  reason: "Waiting for <Cabinet> & the Mayor",
};
const links = {
  catalogAppId: "4b2408d1-9194-44e0-99bb-243a591a5d2a",
  manifestAppId: "5c0f3dd7-0b1a-4e16-8bc9-64ac67cdf211",
  myActionsEntityId: "myActions",
  updateFormUrl: "",
};

describe("date-change notices in words", () => {
  test.each([
    [
      "requested",
      "Action 1.4: the SRO asks to move the target date from Ongoing to 31 December 2024. Reason: Waiting for <Cabinet> & the Mayor",
    ],
    [
      "approved",
      "Action 1.4: your request to move the target date from Ongoing to 31 December 2024 was approved.",
    ],
    [
      "declined",
      "Action 1.4: your request to move the target date from Ongoing to 31 December 2024 was declined. Reason: Waiting for <Cabinet> & the Mayor",
    ],
  ] as const)("%s", (event, words) => {
    assert.equal(noticeText({ ...notice, event }), words);
  });

  test("the message escapes the reason and links to the action", () => {
    const html = noticeHtml(notice, links);
    assert.match(html, /Waiting for &lt;Cabinet&gt; &amp; the Mayor/);
    assert.match(
      html,
      /<a href="https:\/\/teams\.microsoft\.com\/l\/entity\/4b2408d1-9194-44e0-99bb-243a591a5d2a\/myActions\?context=[^"]*subEntityId[^"]+">Open action 1\.4<\/a>/,
    );
    assert.ok(!html.includes(links.manifestAppId), "the link addresses the app by its catalog id");
  });
});
