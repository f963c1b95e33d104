// What an operator sees when a command fails for a reason outside its options: one sentence saying what
// failed, where and what to do, exit 1; the stack trace only with --debug. And `--version`.
import assert from "node:assert/strict";
import { createServer, type Server } from "node:net";
import { afterAll, beforeAll, describe, test } from "vitest";
import { describeCliError } from "../../src/cli/errors.ts";
import { RemoteError } from "../../src/lib/remote-error.ts";
import { actionplanHere as actionplan } from "../support/actionplan-cli.ts";

const COORDINATOR = "siobhan.oconnor@northbridge.gov.uk";
const stackLines = (text: string) => text.split("\n").filter((line) => /^\s+at /.test(line));

/** A port that nothing listens on: one just closed. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  assert.ok(address !== null && typeof address === "object");
  await new Promise((resolve) => server.close(resolve));
  return address.port;
}

describe("CLI errors in words", () => {
  let busy: Server;
  let busyPort: number;

  beforeAll(async () => {
    busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, resolve));
    const address = busy.address();
    assert.ok(address !== null && typeof address === "object");
    busyPort = address.port;
  });
  afterAll(async () => {
    await new Promise((resolve) => busy.close(resolve));
  });

  test("provision with no sandbox running says so in one sentence, exit 1; --debug adds the stack", async () => {
    const port = await closedPort();
    const line = `provision --site http://localhost:${String(port)}/sites/improvement --as ${COORDINATOR}`;
    const run = await actionplan(line);
    assert.equal(run.status, 1);
    assert.equal(
      run.stderr.trim(),
      `actionplan provision: nothing answered at 127.0.0.1:${String(port)} (connection refused): if it is the sandbox, start it with \`npm start\` (or \`actionplan sandbox\`); otherwise check --site.`,
    );
    assert.deepEqual(stackLines(run.stderr), []);
    const debug = await actionplan(`${line} --debug`);
    assert.equal(debug.status, 1);
    assert.ok(stackLines(debug.stderr).length > 0, "--debug shows where it failed");
  });

  test("a sandbox on a port already in use names the port and what to do", async () => {
    const run = await actionplan(`sandbox --port ${String(busyPort)}`);
    assert.equal(run.status, 1);
    assert.equal(
      run.stderr.trim(),
      `actionplan sandbox: port ${String(busyPort)} is already in use: stop the program using it, or choose another with --port.`,
    );
  });

  test("--version prints the package's version", async () => {
    const run = await actionplan("--version");
    assert.equal(run.status, 0);
    assert.match(run.stdout.trim(), /^actionplan \d+\.\d+\.\d+$/);
  });

  test("a refusal from SharePoint or Graph, a sign-in failure and anything else each read as one sentence", () => {
    assert.equal(
      describeCliError(
        new RemoteError(
          "SharePoint",
          403,
          "-2147024891, System.UnauthorizedAccessException",
          "Access denied.",
          "abc-123",
        ),
      ),
      "SharePoint refused the request with HTTP 403: Access denied (request id abc-123).",
    );
    const msal = Object.assign(
      new Error("AADSTS700016: Application with identifier 'x' was not found. Trace ID: 1"),
      {
        name: "ServerError",
      },
    );
    assert.match(
      describeCliError(msal),
      /^signing in failed: AADSTS700016: .* was not found\. Check ACTIONPLAN_TENANT_ID/,
    );
    assert.equal(
      describeCliError(new Error("Something odd\n  at x")),
      "Something odd. Run it again with --debug for the details.",
    );
  });
});
