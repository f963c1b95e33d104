// Contract: Graph's date filters on a chat's messages, as Learn documents them (chat-list-messages): $filter on
// lastModifiedDateTime (gt, lt) or createdDateTime (lt only), applied only when $orderby names the same
// property; otherwise ignored. Through the real Graph client.
import assert from "node:assert/strict";
import { afterAll, beforeAll, describe, test } from "vitest";
import type { Client } from "@microsoft/microsoft-graph-client";
import { z } from "zod";
import { createGraphClient } from "../../src/notify/graph-client.ts";
import { DIRECTORY, type Person } from "../../src/sandbox/directory.ts";
import { graphFailure } from "../support/graph-failure.ts";
import { openSandbox, type Target } from "../support/targets.ts";

const messageSchema = z.object({ id: z.string() });
const pageSchema = z.object({ value: z.array(messageSchema) });

function holderOf(jobTitle: string): Person {
  const person = DIRECTORY.find((p) => p.jobTitle === jobTitle);
  assert.ok(person, jobTitle);
  return person;
}

describe("Graph chat-message date filters (sandbox)", () => {
  let target: Target;
  let asCoordinator: Client;
  let coordinator: Person;

  const bind = (person: Person) => ({
    "@odata.type": "#microsoft.graph.aadUserConversationMember",
    roles: ["owner"],
    "user@odata.bind": `https://graph.microsoft.com/v1.0/users('${person.id}')`,
  });
  const chatWith = async (person: Person): Promise<string> =>
    z
      .object({ id: z.string() })
      .parse(
        await asCoordinator
          .api("/chats")
          .post({ chatType: "oneOnOne", members: [bind(coordinator), bind(person)] }),
      ).id;

  beforeAll(async () => {
    target = await openSandbox();
    const upn = target.upnOf("owner");
    coordinator = DIRECTORY.find((p) => p.upn === upn) ?? assert.fail("no coordinator");
    asCoordinator = createGraphClient({ baseUrl: target.graphUrl, getToken: () => target.token("owner") });
  });
  afterAll(async () => {
    await target.close();
  });

  test("chat messages filter by date only as Graph documents: on the $orderby's property, createdDateTime with lt", async () => {
    const chatId = await chatWith(holderOf("Deputy CEO"));
    const posted = messageSchema.parse(
      await asCoordinator.api(`/chats/${chatId}/messages`).post({ body: { content: "Filter me." } }),
    );
    const hour = 3_600_000;
    const later = new Date(Date.now() + hour).toISOString();
    const earlier = new Date(Date.now() - hour).toISOString();
    const ids = async (query: string) =>
      pageSchema
        .parse(await asCoordinator.api(`/chats/${chatId}/messages?${query}`).get())
        .value.map((m) => m.id);
    assert.deepEqual(
      await ids(`$orderby=lastModifiedDateTime desc&$filter=lastModifiedDateTime gt ${later}`),
      [],
    );
    assert.deepEqual(
      await ids(`$orderby=lastModifiedDateTime desc&$filter=lastModifiedDateTime gt ${earlier}`),
      [posted.id],
    );
    assert.deepEqual(await ids(`$orderby=createdDateTime desc&$filter=createdDateTime lt ${earlier}`), []);
    // "Otherwise, the $filter query option is ignored": no $orderby, or an $orderby on the other property.
    assert.deepEqual(await ids(`$filter=lastModifiedDateTime gt ${later}`), [posted.id]);
    assert.deepEqual(await ids(`$orderby=createdDateTime desc&$filter=lastModifiedDateTime gt ${later}`), [
      posted.id,
    ]);
    // createdDateTime takes lt only; the reminders' recovery once asked for gt.
    const gt = await graphFailure(
      asCoordinator
        .api(`/chats/${chatId}/messages?$orderby=createdDateTime desc&$filter=createdDateTime gt ${earlier}`)
        .get(),
    );
    assert.equal(gt.statusCode, 400);
    assert.match(gt.message, /createdDateTime supports only the 'lt' operator/);
  });
});
