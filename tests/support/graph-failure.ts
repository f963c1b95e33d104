// What the Graph contract tests expect of a refused request: the Graph client's own error, to read its
// status and code from.
import assert from "node:assert/strict";
import { GraphError } from "@microsoft/microsoft-graph-client";

/** The GraphError `promise` rejects with; fails the test if it resolves or rejects with anything else. */
export async function graphFailure(promise: Promise<unknown>): Promise<GraphError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof GraphError, String(error));
    return error;
  }
  assert.fail("expected Graph to refuse the request");
}
