// SRO text as plans write it, matched to posts on the site and people in the directory.
import { describe, expect, test } from "vitest";
import { detectMapping, formatProblem, mapSheet, type MapContext, type MappedPlan } from "./index.ts";
import { context } from "./testdata/fixtures.ts";

function withSros(sros: string[], overrides: Partial<MapContext> = {}): MappedPlan {
  const rows = sros.map((sro, i) => ["1", `1.${i + 1}`, `Action ${i + 1}`, sro]);
  const sheet = {
    name: "Plan",
    rows: [["Recommendation", "Ref", "Action", "Senior Responsible Officer"], ...rows],
  };
  // No target dates here: confirmed, as a coordinator would, so that only the SROs are under test.
  return mapSheet(sheet, detectMapping(sheet), context({ confirmed: true, ...overrides }));
}

const sroPosts = (mapped: MappedPlan) =>
  mapped.plan.recommendations.flatMap((r) => r.actions.map((a) => a.sroPost));

describe("SRO matching", () => {
  test("an existing post matches whatever the case, spacing, punctuation or filler words", () => {
    const posts = [{ title: "Acting Director SIT", holderUpn: "amara.okafor@northbridge.gov.uk" }];
    const mapped = withSros(["acting director sit", "Acting Director of SIT", "Acting  Director, SIT.", ""], {
      posts,
    });
    expect(sroPosts(mapped)).toEqual([
      "Acting Director SIT",
      "Acting Director SIT",
      "Acting Director SIT",
      null,
    ]);
    expect(mapped.plan.posts).toEqual([]);
    expect(mapped.unmatchedSros).toEqual([]);
  });

  test("a post not yet on the site but held by someone in the directory is created with them as holder", () => {
    const mapped = withSros(["Corporate Director of Resources", "corporate director resources"]);
    expect(mapped.plan.posts).toEqual([
      { title: "Corporate Director of Resources", holderUpn: "david.chen@northbridge.gov.uk" },
    ]);
    expect(sroPosts(mapped)).toEqual(["Corporate Director of Resources", "Corporate Director of Resources"]);
    expect(mapped.counts.postsToCreate).toBe(1);
  });

  test('"CEO/Monitoring Officer" is one post, held by the holder of the first post it names', () => {
    const mapped = withSros(["CEO/Monitoring Officer", "Monitoring Officer"]);
    expect(mapped.plan.posts).toEqual([
      { title: "CEO/Monitoring Officer", holderUpn: "helen.ward@northbridge.gov.uk" },
      { title: "Monitoring Officer", holderUpn: "sam.patel@northbridge.gov.uk" },
    ]);
    expect(sroPosts(mapped)).toEqual(["CEO/Monitoring Officer", "Monitoring Officer"]);
  });

  test("a title cut short at the edge of its cell matches the one post it begins, with a warning", () => {
    const mapped = withSros(["Corporate Director Resou", "Corporate Director Housing and Reg"]);
    expect(mapped.plan.posts).toEqual([
      { title: "Corporate Director Resources", holderUpn: "david.chen@northbridge.gov.uk" },
      { title: "Corporate Director Housing and Regeneration", holderUpn: "ruth.bell@northbridge.gov.uk" },
    ]);
    expect(mapped.problems.map(formatProblem)).toContain(
      'Sheet "Plan", row 2, column D (Senior Responsible Officer): SRO "Corporate Director Resou" looks cut short and is read as "Corporate Director Resources".',
    );
  });

  test("a prefix shared by several posts is not a match", () => {
    const mapped = withSros(["Corporate Director"]);
    expect(mapped.unmatchedSros.map((u) => u.text)).toEqual(["Corporate Director"]);
  });

  test("a person named instead of a post gets their post", () => {
    const mapped = withSros(["Tom Reid"]);
    expect(mapped.plan.posts).toEqual([
      { title: "Head of Democratic Services", holderUpn: "tom.reid@northbridge.gov.uk" },
    ]);
  });

  test("unmatched text is listed with its rows and suggestions, and created as a vacant post with a warning", () => {
    const mapped = withSros([
      "Director of Public Health",
      "Head of Democratic Svcs",
      "Director of Public Health",
    ]);
    expect(mapped.unmatchedSros).toEqual([
      { text: "Director of Public Health", rows: [2, 4], suggestions: expect.any(Array) },
      {
        text: "Head of Democratic Svcs",
        rows: [3],
        suggestions: [{ upn: "tom.reid@northbridge.gov.uk", label: "Tom Reid, Head of Democratic Services" }],
      },
    ]);
    expect(mapped.plan.posts).toContainEqual({ title: "Director of Public Health", holderUpn: null });
    expect(mapped.canWrite).toBe(true);
    expect(mapped.problems.filter((p) => p.severity === "warning").map((p) => p.row)).toEqual([2, 3]);
  });

  test("the coordinator's choices are honoured: an existing post, a person, a vacant post", () => {
    const posts = [{ title: "Director of Public Health", holderUpn: null }];
    const mapped = withSros(["DPH", "Head of Democratic Svcs", "Head of Widgets"], {
      posts,
      sroChoices: {
        DPH: { post: "Director of Public Health" },
        "Head of Democratic Svcs": { upn: "tom.reid@northbridge.gov.uk" },
        "Head of Widgets": { create: true },
      },
    });
    expect(sroPosts(mapped)).toEqual([
      "Director of Public Health",
      "Head of Democratic Svcs",
      "Head of Widgets",
    ]);
    expect(mapped.plan.posts).toEqual([
      { title: "Head of Democratic Svcs", holderUpn: "tom.reid@northbridge.gov.uk" },
      { title: "Head of Widgets", holderUpn: null },
    ]);
    expect(mapped.unmatchedSros).toEqual([]);
    expect(mapped.problems).toEqual([]);
  });

  test("a choice naming a post that does not exist, or a person not in the directory, is an error", () => {
    const mapped = withSros(["DPH", "Head of Widgets"], {
      sroChoices: {
        DPH: { post: "Director of Pubic Health" },
        "Head of Widgets": { upn: "nobody@example.org" },
      },
    });
    expect(mapped.problems.filter((p) => p.severity === "error").map((p) => [p.row, p.message])).toEqual([
      [2, 'The post chosen for SRO "DPH", "Director of Pubic Health", is not on the site.'],
      [3, 'The person chosen for SRO "Head of Widgets", nobody@example.org, is not in the directory.'],
    ]);
    expect(mapped.canWrite).toBe(false);
  });
});
