// SharePoint's answer to a second item with a unique column's value is told apart from other failures:
// it means another run has that reminder (or the lease), not that something broke.
import assert from "node:assert/strict";
import { test } from "vitest";
import { RemoteError } from "../../lib/remote-error.ts";
import { isDuplicateRefusal } from "./lease-item.ts";

const refusal = (status: number, code: string, message: string) =>
  new RemoteError("SharePoint", status, code, message, null);

test("a duplicate refused by a unique column is recognised by SharePoint's exception type or its words", () => {
  assert.ok(
    isDuplicateRefusal(
      refusal(
        409,
        "-2130575169, Microsoft.SharePoint.SPDuplicateValuesFoundException",
        "The list item could not be added or updated because duplicate values were found in the following field(s) in the list: [ReminderKey].",
      ),
    ),
  );
  assert.ok(
    isDuplicateRefusal(refusal(500, "", "… because duplicate values were found in one or more fields …")),
  );
});

test("other refusals are not duplicates: a conflict, a throttle, Graph", () => {
  assert.equal(
    isDuplicateRefusal(
      refusal(
        412,
        "-1, Microsoft.SharePoint.Client.ClientServiceException",
        "The request ETag value does not match",
      ),
    ),
    false,
  );
  assert.equal(isDuplicateRefusal(refusal(429, "", "Too many requests")), false);
  assert.equal(
    isDuplicateRefusal(new RemoteError("Graph", 409, "Conflict", "duplicate values were found", null)),
    false,
  );
  assert.equal(isDuplicateRefusal(new Error("SPDuplicateValuesFoundException")), false);
});
