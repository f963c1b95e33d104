// Date-change notices through the sandbox's Graph, as the tab sends them: a request to the coordinators, a
// decision to the SRO, each a message in their one-on-one chat with the sender, saying what happened and
// linking to the action; nobody is sent a message by themselves.
import assert from "node:assert/strict";
import { afterAll, beforeAll, describe, test } from "vitest";
import { sandboxTokenSource } from "../../src/cli/auth.ts";
import { isoDate, parseTargetDate } from "../../src/domain/index.ts";
import { notifyDateChange, type DateChangeNotice } from "../../src/notify/reminders/browser.ts";
import { COORDINATOR, SENDER } from "./reminders-support.ts";
import { openSandbox } from "../support/targets.ts";

type Target = Awaited<ReturnType<typeof openSandbox>>;

interface Inbox {
  chats: { with: { upn: string }[]; messages: { from: { upn: string } | null; text: string }[] }[];
}

async function messagesFrom(origin: string, upn: string, sender: string): Promise<string[]> {
  const response = await fetch(`${origin}/sandbox/inbox.json?user=${encodeURIComponent(upn)}`);
  const inbox = (await response.json()) as Inbox;
  return inbox.chats
    .filter((c) => c.with.some((w) => w.upn.toLowerCase() === sender))
    .flatMap((c) => c.messages.filter((m) => m.from?.upn.toLowerCase() === sender).map((m) => m.text));
}

describe("date-change notices", () => {
  let target: Target;
  const ref = isoDate("2024-04-09");
  const notice: DateChangeNotice = {
    event: "requested",
    actionId: "7",
    actionRef: "2.3",
    from: parseTargetDate("Sept-24", { referenceDate: ref }),
    to: parseTargetDate("Dec-24", { referenceDate: ref }),
    reason: "Waiting for Cabinet <on 4 June>",
  };
  const send = (as: string, n: DateChangeNotice, recipients: string[]) =>
    notifyDateChange({
      siteUrl: target.siteUrl,
      sandbox: true,
      settings: {},
      getToken: sandboxTokenSource(target.sandbox.url, as, "https://graph.microsoft.com/.default"),
      notice: n,
      recipients,
    });

  beforeAll(async () => {
    target = await openSandbox();
  });
  afterAll(async () => {
    await target.close();
  });

  test("a request reaches each coordinator, not the sender", async () => {
    const result = await send(SENDER, notice, [COORDINATOR, SENDER.toUpperCase()]);
    assert.deepEqual(result, { sent: [COORDINATOR], failed: [] });
    const [text] = await messagesFrom(target.sandbox.url, COORDINATOR, SENDER);
    assert.match(
      text ?? "",
      /^Action 2\.3: the SRO asks to move the target date from 30 September 2024 to 31 December 2024\. Reason: Waiting for Cabinet <on 4 June>/,
    );
    assert.match(text ?? "", /Open action 2\.3/);
  });

  test("a decline reaches the SRO with its reason; an unknown person is reported, not thrown", async () => {
    const declined: DateChangeNotice = { ...notice, event: "declined", reason: "The budget is fixed" };
    const result = await send(COORDINATOR, declined, [SENDER, "nobody@northbridge.gov.uk"]);
    assert.deepEqual(result.sent, [SENDER]);
    assert.deepEqual(
      result.failed.map((f) => f.upn),
      ["nobody@northbridge.gov.uk"],
    );
    const [text] = await messagesFrom(target.sandbox.url, SENDER, COORDINATOR);
    assert.match(
      text ?? "",
      /^Action 2\.3: your request to move the target date from 30 September 2024 to 31 December 2024 was declined\. Reason: The budget is fixed/,
    );
  });
});
