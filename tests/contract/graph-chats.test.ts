// Contract: Teams chats, chat messages with Adaptive Cards, installed apps and activity notifications through
// the real Microsoft Graph client, as the reminder notifier will use them — including Graph's refusals,
// Teams' throttling with Retry-After, durability across a sandbox restart, and the sandbox inbox page.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, test } from "vitest";
import { ResponseType, type Client } from "@microsoft/microsoft-graph-client";
import { JSDOM } from "jsdom";
import { z } from "zod";
import { createGraphClient, nextLinkPath } from "../../src/notify/graph-client.ts";
import { SANDBOX_CLIENT_ID } from "../../src/sandbox/auth.ts";
import { DIRECTORY, type Person } from "../../src/sandbox/directory.ts";
import { ACTION_PLAN_TEAMS_APP } from "../../src/sandbox/graph/catalog.ts";
import { graphFailure } from "../support/graph-failure.ts";
import { sandboxToken } from "../support/sandbox-token.ts";
import { openSandbox, type Target } from "../support/targets.ts";

const CARD_TYPE = "application/vnd.microsoft.card.adaptive";

function holderOf(jobTitle: string): Person {
  const person = DIRECTORY.find((p) => p.jobTitle === jobTitle);
  assert.ok(person, jobTitle);
  return person;
}

function memberBind(person: Person): Record<string, unknown> {
  return {
    "@odata.type": "#microsoft.graph.aadUserConversationMember",
    roles: ["owner"],
    "user@odata.bind": `https://graph.microsoft.com/v1.0/users('${person.id}')`,
  };
}

function oneOnOne(a: Person, b: Person): Record<string, unknown> {
  return { chatType: "oneOnOne", members: [memberBind(a), memberBind(b)] };
}

function card(text: string, version = "1.5"): Record<string, unknown> {
  return {
    type: "AdaptiveCard",
    $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
    version,
    body: [{ type: "TextBlock", text, wrap: true }],
    actions: [
      { type: "Action.OpenUrl", title: "Open action 2.3", url: "https://teams.microsoft.com/l/entity/x" },
    ],
  };
}

function cardMessage(content: unknown, marker = true): Record<string, unknown> {
  return {
    body: {
      contentType: "html",
      content: marker ? '<attachment id="card-1"></attachment>' : "<p>Reminder</p>",
    },
    attachments: [{ id: "card-1", contentType: CARD_TYPE, content }],
  };
}

const chatSchema = z.object({ id: z.string(), chatType: z.literal("oneOnOne") });
const messageSchema = z.object({
  id: z.string(),
  chatId: z.string(),
  body: z.object({ contentType: z.string(), content: z.string() }),
  attachments: z.array(z.object({ id: z.string(), contentType: z.string(), content: z.string().nullable() })),
  from: z.object({ user: z.object({ id: z.string(), displayName: z.string() }) }),
});
const pageSchema = z.object({ value: z.array(messageSchema), "@odata.nextLink": z.string().optional() });

describe("Graph chats, cards and activity notifications (sandbox)", () => {
  let target: Target & { sandbox: NonNullable<Target["sandbox"]> };
  let coordinator: Person;
  let asCoordinator: Client;
  let asCoordinatorNoRetry: Client;
  const client = (getToken: () => Promise<string>, maxRetries?: number): Client =>
    createGraphClient({
      baseUrl: target.graphUrl,
      getToken,
      ...(maxRetries === undefined ? {} : { maxRetries }),
    });
  const asUser = (person: Person): Client =>
    client(() => sandboxToken(target.sandbox.url, { user: person.upn }));
  const chatWith = async (person: Person): Promise<string> =>
    chatSchema.parse(await asCoordinator.api("/chats").post(oneOnOne(coordinator, person))).id;

  beforeAll(async () => {
    target = await openSandbox();
    const upn = target.upnOf("owner");
    coordinator = DIRECTORY.find((p) => p.upn === upn) ?? assert.fail("no coordinator");
    asCoordinator = client(() => target.token("owner"));
    asCoordinatorNoRetry = client(() => target.token("owner"), 0);
  });
  afterAll(async () => {
    await target.close();
  });

  test("creating a one-on-one chat twice returns the same chat, 201 both times", async () => {
    const helen = holderOf("Corporate Director Resources");
    const first = (await asCoordinator
      .api("/chats")
      .responseType(ResponseType.RAW)
      .post(oneOnOne(coordinator, helen))) as Response;
    assert.equal(first.status, 201);
    const created = chatSchema.parse(await first.json());
    const again = (await asCoordinator
      .api("/chats")
      .responseType(ResponseType.RAW)
      .post(oneOnOne(helen, coordinator))) as Response;
    assert.equal(again.status, 201);
    assert.equal(chatSchema.parse(await again.json()).id, created.id);
    const read = chatSchema.parse(await asCoordinator.api(`/chats/${created.id}`).get());
    assert.equal(read.id, created.id);
  });

  test("chat creation refuses what Graph refuses: no members, a 'member' role, a caller outside the chat", async () => {
    const helen = holderOf("Corporate Director Resources");
    const noMembers = await graphFailure(asCoordinator.api("/chats").post({ chatType: "oneOnOne" }));
    assert.equal(noMembers.statusCode, 400);
    assert.equal(noMembers.message, "Chat members cannot be null. (Parameter 'Members')");
    const memberRole = { ...memberBind(helen), roles: ["member"] };
    const role = await graphFailure(
      asCoordinator
        .api("/chats")
        .post({ chatType: "oneOnOne", members: [memberBind(coordinator), memberRole] }),
    );
    assert.equal(role.statusCode, 400);
    assert.match(role.message, /role 'member' is not supported/);
    const outsider = await graphFailure(
      asCoordinator.api("/chats").post(oneOnOne(helen, holderOf("Deputy CEO"))),
    );
    assert.equal(outsider.statusCode, 403);
  });

  test("a person without a Teams licence cannot be in a chat or have the app installed", async () => {
    const noTeams = DIRECTORY.find((p) => p.teams === false) ?? assert.fail("nobody without Teams");
    const chat = await graphFailure(asCoordinator.api("/chats").post(oneOnOne(coordinator, noTeams)));
    assert.equal(chat.statusCode, 403);
    assert.match(chat.message, /license/);
    const install = await graphFailure(
      asCoordinator.api(`/users/${noTeams.id}/teamwork/installedApps`).post({
        "teamsApp@odata.bind": `https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/${ACTION_PLAN_TEAMS_APP.id}`,
      }),
    );
    assert.equal(install.statusCode, 403);
  });

  test("a card message is posted, then read back newest first and paged", async () => {
    const tomasz = holderOf("Acting Director SIT");
    const chatId = await chatWith(tomasz);
    const content = JSON.stringify(card("Action 2.3 is due on 31 May 2024."));
    const posted = messageSchema.parse(
      await asCoordinator.api(`/chats/${chatId}/messages`).post(cardMessage(content)),
    );
    assert.equal(posted.chatId, chatId);
    assert.equal(posted.from.user.id, coordinator.id);
    assert.equal(posted.attachments[0]?.content, content);
    // A second post in the same chat within the second is throttled; the client's RetryHandler waits it out.
    const text = messageSchema.parse(
      await asCoordinator
        .api(`/chats/${chatId}/messages`)
        .post({ body: { content: "Any questions, ask me." } }),
    );
    assert.equal(text.body.contentType, "text");

    const first = pageSchema.parse(await asCoordinator.api(`/chats/${chatId}/messages`).top(1).get());
    assert.deepEqual(
      first.value.map((m) => m.id),
      [text.id],
    );
    assert.ok(first["@odata.nextLink"] !== undefined);
    const second = pageSchema.parse(
      await asUser(tomasz)
        .api(nextLinkPath({ baseUrl: target.graphUrl }, first["@odata.nextLink"]))
        .get(),
    );
    assert.deepEqual(
      second.value.map((m) => m.id),
      [posted.id],
    );
    assert.equal(second["@odata.nextLink"], undefined);
  });

  test("a body that does not reference its attachment is 400", async () => {
    const chatId = await chatWith(holderOf("Monitoring Officer"));
    const error = await graphFailure(
      asCoordinator.api(`/chats/${chatId}/messages`).post(cardMessage(JSON.stringify(card("x")), false)),
    );
    assert.equal(error.statusCode, 400);
    assert.equal(error.code, "BadRequest");
    assert.equal(error.message, "Body does not contain marker for attachment with Id 'card-1'.");
  });

  test("card content that is not a JSON string, not JSON, or version 1.6 is 400", async () => {
    const cases: [Person, unknown, RegExp][] = [
      [holderOf("Corporate Director Communities"), card("an object, not a string"), /Invalid request body/],
      [holderOf("Corporate Director Health and Social Care"), "{not json", /Failed to process content/],
      [
        holderOf("Corporate Director Housing and Regeneration"),
        JSON.stringify(card("x", "1.6")),
        /Failed to process content/,
      ],
    ];
    for (const [person, content, message] of cases) {
      const chatId = await chatWith(person);
      const error = await graphFailure(
        asCoordinator.api(`/chats/${chatId}/messages`).post(cardMessage(content)),
      );
      assert.equal(error.statusCode, 400, String(content));
      assert.match(error.message, message);
    }
  });

  test("a message over Teams' 28 KB limit is refused with 413", async () => {
    const chatId = await chatWith(holderOf("Head of Partnerships and Voluntary Sector"));
    const big = JSON.stringify(card("x".repeat(29 * 1024)));
    const error = await graphFailure(asCoordinator.api(`/chats/${chatId}/messages`).post(cardMessage(big)));
    assert.equal(error.statusCode, 413);
  });

  test("posting with an app-only token is refused as Graph refuses it; so is a sender outside the chat", async () => {
    const eleanor = holderOf("Head of Democratic Services");
    const chatId = await chatWith(eleanor);
    const app = client(() => target.token("app"));
    const appOnly = await graphFailure(
      app.api(`/chats/${chatId}/messages`).post({ body: { content: "hi" } }),
    );
    assert.equal(appOnly.statusCode, 401);
    assert.equal(appOnly.code, "Unauthorized");
    assert.match(appOnly.message, /application-only context only for import purposes/);
    const ceo = asUser(holderOf("CEO"));
    const outsider = await graphFailure(
      ceo.api(`/chats/${chatId}/messages`).post({ body: { content: "hi" } }),
    );
    assert.equal(outsider.statusCode, 403);
  });

  test("an activity notification fails until the app is installed; installing twice is a conflict", async () => {
    const nkechi = holderOf("Head of Procurement");
    const app = client(() => sandboxToken(target.sandbox.url, { app: SANDBOX_CLIENT_ID }));
    const notification = {
      topic: {
        source: "text",
        value: "Action 4.1",
        webUrl: "https://teams.microsoft.com/l/entity/x/actions?context=4.1",
      },
      activityType: "updateDue",
      previewText: { content: "Your update for Q1 2024/25 is due on Friday." },
      templateParameters: [{ name: "action", value: "4.1" }],
    };
    const path = `/users/${nkechi.upn}/teamwork/sendActivityNotification`;
    const refused = await graphFailure(app.api(path).post(notification));
    assert.equal(refused.statusCode, 403);
    assert.equal(refused.code, "Forbidden");
    assert.match(refused.message, /is not authorized to generate custom text notifications/);

    const catalog = z
      .object({ value: z.array(z.object({ id: z.string() })) })
      .parse(
        await app
          .api("/appCatalogs/teamsApps")
          .filter(`externalId eq '${ACTION_PLAN_TEAMS_APP.externalId}'`)
          .get(),
      );
    const appId = catalog.value[0]?.id ?? assert.fail("app not in catalog");
    const install = {
      "teamsApp@odata.bind": `https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/${appId}`,
    };
    const installed = (await app
      .api(`/users/${nkechi.id}/teamwork/installedApps`)
      .responseType(ResponseType.RAW)
      .post(install)) as Response;
    assert.equal(installed.status, 201);
    const listed = z
      .object({ value: z.array(z.object({ id: z.string(), teamsApp: z.object({ id: z.string() }) })) })
      .parse(await app.api(`/users/${nkechi.id}/teamwork/installedApps`).expand("teamsApp").get());
    assert.deepEqual(
      listed.value.map((i) => i.teamsApp.id),
      [appId],
    );

    await app.api(path).post(notification);
    const twice = await graphFailure(app.api(`/users/${nkechi.id}/teamwork/installedApps`).post(install));
    assert.equal(twice.statusCode, 409);

    const inbox = await fetch(`${target.sandbox.url}/sandbox/inbox.json?user=${nkechi.upn}`);
    const feed = z
      .object({ activity: z.array(z.object({ activityType: z.string(), previewText: z.string() })) })
      .parse(await inbox.json());
    assert.deepEqual(
      feed.activity.map((a) => a.activityType),
      ["updateDue"],
    );
  });

  test("over the per-chat limit Graph answers 429 with Retry-After, and the RetryHandler waits and succeeds", async () => {
    const chatId = await chatWith(holderOf("Head of Housing Options"));
    const post = (client: Client, n: number) =>
      client.api(`/chats/${chatId}/messages`).post({ body: { content: `message ${String(n)}` } });
    await post(asCoordinatorNoRetry, 1);
    const throttled = await graphFailure(post(asCoordinatorNoRetry, 2));
    assert.equal(throttled.statusCode, 429);
    assert.equal(throttled.code, "TooManyRequests");
    const retryAfter = Number(throttled.headers?.get("retry-after"));
    assert.ok(retryAfter >= 1 && retryAfter <= 2, `Retry-After ${String(retryAfter)}`);
    const started = Date.now();
    messageSchema.parse(await post(asCoordinator, 3));
    assert.ok(Date.now() - started >= 500, "the retry waited for the window");
  });

  test("the inbox JSON lists the chats and cards a person received", async () => {
    const thomas = holderOf("Head of Corporate Communications");
    const chatId = await chatWith(thomas);
    await asCoordinator
      .api(`/chats/${chatId}/messages`)
      .post(cardMessage(JSON.stringify(card("Digest for Thomas"))));
    const response = await fetch(`${target.sandbox.url}/sandbox/inbox.json?user=${thomas.upn}`);
    assert.equal(response.status, 200);
    const inbox = z
      .object({
        user: z.object({ upn: z.string() }),
        chats: z.array(
          z.object({
            id: z.string(),
            with: z.array(z.object({ upn: z.string() })),
            messages: z.array(
              z.object({ cards: z.array(z.object({ card: z.record(z.string(), z.unknown()) })) }),
            ),
          }),
        ),
      })
      .parse(await response.json());
    assert.equal(inbox.user.upn, thomas.upn);
    const chat = inbox.chats.find((c) => c.id === chatId) ?? assert.fail("chat missing from the inbox");
    assert.deepEqual(
      chat.with.map((p) => p.upn),
      [coordinator.upn],
    );
    assert.equal(
      JSON.stringify(chat.messages[0]?.cards[0]?.card.body),
      JSON.stringify(card("Digest for Thomas").body),
    );
    const missing = await fetch(`${target.sandbox.url}/sandbox/inbox.json?user=nobody@northbridge.gov.uk`);
    assert.equal(missing.status, 404);
  });

  test("the inbox page escapes message text and renders cards with the Adaptive Cards renderer", async () => {
    const owen = holderOf("Director of Finance");
    const chatId = await chatWith(owen);
    const hostile = '<img src=x onerror="alert(1)"> & </script><script>alert(2)</script>';
    await asCoordinator
      .api(`/chats/${chatId}/messages`)
      .post({ body: { contentType: "text", content: hostile } });
    await asCoordinator
      .api(`/chats/${chatId}/messages`)
      .post(cardMessage(JSON.stringify(card(`Card says ${hostile}`))));
    const url = `${target.sandbox.url}/sandbox/inbox?user=${encodeURIComponent(owen.upn)}`;
    const html = await (await fetch(url)).text();
    assert.ok(!html.includes("<img src=x"), "raw markup from a message reached the page");
    assert.ok(!html.includes("<script>alert"), "a script from a message reached the page");
    assert.ok(html.includes("&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp;"));

    // Load it as a browser would, scripts and all, from the sandbox alone.
    const dom = await JSDOM.fromURL(url, {
      runScripts: "dangerously",
      resources: "usable",
      pretendToBeVisual: true,
    });
    if (dom.window.document.readyState !== "complete") {
      await new Promise<void>((resolve) => {
        dom.window.addEventListener("load", () => {
          resolve();
        });
      });
    }
    const document = dom.window.document;
    assert.equal(document.querySelectorAll("h1").length, 1);
    assert.ok(
      document.querySelector('label[for="user"]') !== null && document.querySelector("select#user") !== null,
    );
    assert.equal(document.querySelectorAll("img").length, 0);
    const rendered = document.querySelector(".card .ac-adaptiveCard");
    assert.ok(rendered !== null, document.querySelector(".card")?.textContent ?? "no card container");
    assert.ok(rendered.textContent.includes(`Card says ${hostile}`));
    // The renderer labels its buttons (jsdom has no innerText, which the renderer uses for the visible title).
    const button = rendered.querySelector("button");
    assert.equal(
      button?.getAttribute("aria-label"),
      "Open action 2.3",
      "the card's action is a labelled button",
    );
    dom.window.close();
  });
});

describe("Graph chats survive a sandbox restart", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "actionplan-chats-"));
  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  test("chats, messages and installed apps are there after a restart", async () => {
    const aisha = holderOf("Head of HR Policy and Workforce Development");
    const first = await openSandbox({ dataDir });
    const graph = createGraphClient({ baseUrl: first.graphUrl, getToken: () => first.token("owner") });
    const upn = first.upnOf("owner") ?? "";
    const coordinator = DIRECTORY.find((p) => p.upn === upn) ?? assert.fail("no coordinator");
    const chatId = chatSchema.parse(await graph.api("/chats").post(oneOnOne(coordinator, aisha))).id;
    const sent = messageSchema.parse(
      await graph.api(`/chats/${chatId}/messages`).post(cardMessage(JSON.stringify(card("Kept")))),
    );
    await graph.api(`/users/${aisha.id}/teamwork/installedApps`).post({
      "teamsApp@odata.bind": `https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/${ACTION_PLAN_TEAMS_APP.id}`,
    });
    await first.close();

    const second = await openSandbox({ dataDir });
    try {
      const again = createGraphClient({ baseUrl: second.graphUrl, getToken: () => second.token("owner") });
      const reused = chatSchema.parse(await again.api("/chats").post(oneOnOne(coordinator, aisha)));
      assert.equal(reused.id, chatId);
      const page = pageSchema.parse(await again.api(`/chats/${chatId}/messages`).get());
      assert.deepEqual(
        page.value.map((m) => m.id),
        [sent.id],
      );
      const installs = z
        .object({ value: z.array(z.object({ id: z.string() })) })
        .parse(await again.api(`/users/${aisha.id}/teamwork/installedApps`).get());
      assert.equal(installs.value.length, 1);
    } finally {
      await second.close();
    }
  });
});
