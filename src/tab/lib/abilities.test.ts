import assert from "node:assert/strict";
import { test } from "vitest";
import { isoDate } from "../../domain/iso-date.ts";
import type { SroPost } from "../../domain/types.ts";
import { canChangeAction, canCoordinate, holdsOrCovers } from "./abilities.ts";

const post: SroPost = {
  id: "1",
  title: "Corporate Director Resources",
  holderUpn: "ann@x.gov.uk",
  delegateUpn: "bob@x.gov.uk",
  delegateFrom: isoDate("2024-05-01"),
  delegateTo: isoDate("2024-05-31"),
};
const today = isoDate("2024-05-10");

test("the holder, and a delegate during their cover, hold the post", () => {
  assert.equal(holdsOrCovers(post, "ANN@x.gov.uk", today), true);
  assert.equal(holdsOrCovers(post, "bob@x.gov.uk", today), true);
  assert.equal(holdsOrCovers(post, "bob@x.gov.uk", isoDate("2024-06-01")), false);
  assert.equal(holdsOrCovers(post, "eve@x.gov.uk", today), false);
  assert.equal(holdsOrCovers(null, "ann@x.gov.uk", today), false);
});

test("coordinators change any action; SROs only theirs; viewers none", () => {
  assert.equal(canChangeAction("coordinator", null, "eve@x.gov.uk", today), true);
  assert.equal(canChangeAction("sro", post, "ann@x.gov.uk", today), true);
  assert.equal(canChangeAction("sro", post, "eve@x.gov.uk", today), false);
  assert.equal(canChangeAction("viewer", post, "ann@x.gov.uk", today), false);
  assert.equal(canChangeAction("none", post, "ann@x.gov.uk", today), false);
  assert.equal(canCoordinate("coordinator"), true);
  assert.equal(canCoordinate("sro"), false);
});
