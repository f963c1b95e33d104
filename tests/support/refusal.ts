// The error a change was refused with, for the test to look at; fails the test when it was not refused.
import assert from "node:assert/strict";

/** Await `promise`, which must reject, and return what it rejected with. */
export async function refusal(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  assert.fail("it was not refused");
}
