// A command of sub-commands: each sub-command's --help is its own, also one level further down
// (`actionplan plan rec add --help`), and an unknown word is refused with the list.
import assert from "node:assert/strict";
import { afterEach, test, vi } from "vitest";
import { dispatcher } from "./admin.ts";
import type { Command } from "./command.ts";

const leaf = (name: string): Command => ({
  name,
  summary: `${name} something`,
  help: `Usage: ${name} help`,
  run: (argv) => Promise.resolve(argv.length),
});

function printed(): { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(console, "log").mockImplementation((text: string) => out.push(text));
  vi.spyOn(console, "error").mockImplementation((text: string) => err.push(text));
  return { out, err };
}

afterEach(() => {
  vi.restoreAllMocks();
});

const rec = dispatcher({
  name: "plan rec",
  summary: "recs",
  intro: "Recommendations.",
  subcommands: () => [leaf("add")],
});
const plan = dispatcher({
  name: "plan",
  summary: "plans",
  intro: "Plans.",
  subcommands: () => [leaf("create"), { ...rec, name: "rec" }],
});

test("a sub-command's --help is its own, one level down too; arguments pass through", async () => {
  const { out } = printed();
  assert.equal(await plan.run(["create", "--title", "x", "--help"]), 0);
  assert.equal(out.pop(), "Usage: create help");
  assert.equal(await plan.run(["rec", "add", "--help"]), 0);
  assert.equal(out.pop(), "Usage: add help");
  assert.equal(await plan.run(["rec", "--help"]), 0);
  assert.match(out.pop() ?? "", /^Usage: actionplan plan rec <add> \[options\]\n\nRecommendations\./);
  assert.equal(await plan.run(["create", "--title", "x"]), 2, "create ran with its two arguments");
  assert.equal(plan.handlesHelp, true);
});

test("no sub-command prints the list (exit 2); an unknown one is refused with it", async () => {
  const { out, err } = printed();
  assert.equal(await plan.run([]), 2);
  assert.match(out.pop() ?? "", /Sub-commands:\n {2}create {2}create something\n {2}rec {5}recs/);
  assert.equal(await plan.run(["delete"]), 2);
  assert.match(err.pop() ?? "", /^actionplan plan: no sub-command 'delete'\./);
});
