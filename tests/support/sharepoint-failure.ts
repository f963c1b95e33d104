// What the SharePoint contract tests expect of a refused request: the data layer's RemoteError, with the
// status (and, when given, the code) SharePoint answers.
import assert from "node:assert/strict";
import { RemoteError } from "../../src/lib/remote-error.ts";

/** The RemoteError `promise` rejects with, after checking its status and code; fails if it succeeds. */
export async function rejectsWith(
  promise: Promise<unknown>,
  status: number,
  code?: RegExp,
): Promise<RemoteError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof RemoteError, `expected a RemoteError, got ${String(error)}`);
    assert.equal(error.status, status, error.message);
    if (code !== undefined) assert.match(error.code, code);
    return error;
  }
  assert.fail(`expected HTTP ${status}, but the request succeeded`);
}
