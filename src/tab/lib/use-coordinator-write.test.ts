import assert from "node:assert/strict";
import { test } from "vitest";
import { RemoteError } from "../../lib/remote-error.ts";
import { describeCoordinatorError } from "./use-coordinator-write.ts";

test("SharePoint refusing a Member's change is said in words, naming who may make it", () => {
  const refused = new RemoteError(
    "SharePoint",
    403,
    "System.UnauthorizedAccessException",
    "Access denied.",
    "c1",
    null,
  );
  assert.equal(
    describeCoordinatorError(refused, "withdraw or reinstate actions"),
    "Only the plan's coordinators (site Owners) can withdraw or reinstate actions. SharePoint refused this change for your account: ask a coordinator to make it, or to add you to the site's Owners.",
  );
  const busy = new RemoteError("SharePoint", 503, "", "Busy", "c2", 5);
  assert.doesNotMatch(describeCoordinatorError(busy, "move actions"), /Only the plan's coordinators/);
});
