import { test } from "vitest";
import assert from "node:assert/strict";
import {
  DIRECTORY,
  TENANT,
  directReports,
  managerOf,
  personById,
  personByIdOrUpn,
  personByPost,
  personByUpn,
  postHolders,
} from "./directory.ts";
import type { Person } from "./directory.ts";

// Every distinct `sro` value in shared/data/lga-cpc-2023-progress-april-2024.json (April 2024 progress report),
// copied here so the test does not depend on a file outside the repository.
const SRO_POSTS = [
  "Acting Director SIT",
  "Corporate Director Resources",
  "Corporate Director Communities",
  "Corporate Director Health and Social Care",
  "Corporate Director Housing and Regeneration",
  "CEO",
  "Deputy CEO",
  "CEO/Monitoring Officer",
  "Head of Democratic Services/ CEO",
  "Corporate Director Resources / Acting Director SIT",
  "Acting Director",
];

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function holder(post: string): Person {
  const person = personByPost(post);
  assert.ok(person, `no holder for ${post}`);
  return person;
}

test("the directory has about forty people", () => {
  assert.ok(DIRECTORY.length >= 35 && DIRECTORY.length <= 45, `${DIRECTORY.length} people`);
});

test("ids are unique GUIDs and differ from the tenant id", () => {
  const ids = DIRECTORY.map((p) => p.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const id of ids) assert.match(id, GUID);
  assert.match(TENANT.id, GUID);
  assert.ok(!ids.includes(TENANT.id));
});

test("UPNs are unique, lower case, in the tenant's domain, and equal to mail", () => {
  const upns = DIRECTORY.map((p) => p.upn);
  assert.equal(new Set(upns).size, upns.length);
  for (const p of DIRECTORY) {
    assert.match(p.upn, /^[a-z-]+\.[a-z-]+@northbridge\.gov\.uk$/);
    assert.equal(p.mail, p.upn);
    assert.equal(p.displayName, `${p.givenName} ${p.surname}`);
  }
});

test("every manager exists and the chain has no cycles", () => {
  for (const p of DIRECTORY) {
    if (p.managerUpn !== undefined) assert.ok(personByUpn(p.managerUpn), `${p.upn}: manager missing`);
    const seen = new Set<string>([p.id]);
    for (let m = managerOf(p); m !== undefined; m = managerOf(m)) {
      assert.ok(!seen.has(m.id), `cycle through ${m.upn}`);
      seen.add(m.id);
    }
  }
});

test("the chain runs CEO -> corporate directors -> directors -> heads of service", () => {
  const ceo = holder("CEO");
  assert.equal(managerOf(ceo), undefined);
  assert.equal(managerOf(holder("Corporate Director Resources")), ceo);
  assert.equal(managerOf(holder("Acting Director SIT")), holder("Corporate Director Resources"));
  assert.equal(managerOf(holder("Head of Strategy and Performance")), holder("Acting Director SIT"));
});

test("someone besides the CEO has no manager", () => {
  const topless = DIRECTORY.filter((p) => p.managerUpn === undefined).map((p) => p.jobTitle);
  assert.ok(topless.includes("CEO"));
  assert.ok(topless.includes("Independent Improvement Board Chair"));
  assert.ok(topless.length >= 2);
});

test("every SRO post in the plan has a holder, compound posts one per part in order", () => {
  for (const post of SRO_POSTS) {
    const parts = post.split("/").map((s) => s.trim());
    const holders = postHolders(post);
    assert.equal(holders.length, parts.length, post);
    holders.forEach((h, i) => {
      assert.equal(h, personByPost(parts[i] ?? ""), `${post}: part ${i}`);
    });
  }
  assert.deepEqual(
    postHolders("Head of Democratic Services/ CEO").map((p) => p.jobTitle),
    ["Head of Democratic Services", "CEO"],
  );
  assert.deepEqual(
    postHolders("CEO/Monitoring Officer").map((p) => p.jobTitle),
    ["CEO", "Monitoring Officer"],
  );
});

test("bare 'Acting Director' resolves to the Acting Director SIT", () => {
  assert.equal(personByPost("Acting Director"), holder("Acting Director SIT"));
});

test("post lookup ignores case and spacing; unknown or empty posts give nothing", () => {
  assert.equal(personByPost("  corporate director   RESOURCES "), holder("Corporate Director Resources"));
  assert.equal(personByPost("Director of Magic"), undefined);
  assert.deepEqual(postHolders(""), []);
  assert.deepEqual(postHolders("Director of Magic / CEO"), [holder("CEO")]);
  assert.deepEqual(postHolders("CEO / CEO"), [holder("CEO")]);
});

test("posts are held by one person each", () => {
  const titles = DIRECTORY.map((p) => p.jobTitle.toLowerCase());
  assert.equal(new Set(titles).size, titles.length);
});

test("acting and interim holders are marked", () => {
  assert.equal(holder("Acting Director SIT").interim, true);
  assert.equal(holder("Interim Director of Children's Services").interim, true);
  assert.equal(holder("CEO").interim, undefined);
});

test("each site group has members, with SIT coordinators as Owners", () => {
  for (const group of ["Owners", "Members", "Visitors"] as const) {
    assert.ok(
      DIRECTORY.some((p) => p.siteGroup === group),
      group,
    );
  }
  assert.ok(DIRECTORY.some((p) => p.siteGroup === null));
  for (const post of [
    "Head of Strategy and Performance",
    "Programme Manager (PMO)",
    "Performance and Improvement Officer",
  ]) {
    assert.equal(holder(post).siteGroup, "Owners", post);
  }
  for (const post of SRO_POSTS.flatMap((s) => s.split("/"))) {
    assert.equal(holder(post.trim()).siteGroup, "Members", post);
  }
});

test("the Mayor and the board chair only read", () => {
  const mayor = holder("Mayor");
  assert.equal(mayor.siteGroup, "Visitors");
  assert.equal(mayor.department, "Mayor's Office");
  assert.equal(holder("Independent Improvement Board Chair").siteGroup, "Visitors");
});

test("names with apostrophes keep them in the display name and drop them from the UPN", () => {
  const siobhan = personByUpn("siobhan.oconnor@northbridge.gov.uk");
  assert.ok(siobhan);
  assert.equal(siobhan.displayName, "Siobhan O'Connor");
  assert.equal(siobhan.surname, "O'Connor");
});

test("lookups by UPN and id are case-insensitive", () => {
  const ceo = holder("CEO");
  assert.equal(personByUpn(ceo.upn.toUpperCase()), ceo);
  assert.equal(personById(ceo.id.toUpperCase()), ceo);
  assert.equal(personByIdOrUpn(ceo.id), ceo);
  assert.equal(personByIdOrUpn(ceo.upn), ceo);
  assert.equal(personByIdOrUpn("nobody@northbridge.gov.uk"), undefined);
});

test("direct reports mirror managers", () => {
  for (const p of DIRECTORY) {
    for (const report of directReports(p)) assert.equal(managerOf(report), p);
  }
  const reportCount = DIRECTORY.reduce((n, p) => n + directReports(p).length, 0);
  assert.equal(reportCount, DIRECTORY.filter((p) => p.managerUpn !== undefined).length);
  assert.deepEqual(
    directReports(holder("Head of Strategy and Performance")).map((p) => p.jobTitle),
    ["Programme Manager (PMO)", "Senior Performance Analyst"],
  );
});
