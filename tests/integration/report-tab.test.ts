// The committee report page's work, without the page: what it offers when it opens (the plan, its periods
// newest first, the period a coordinator would report on) and the file it makes, on the sandbox demo.
import assert from "node:assert/strict";
import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, test } from "vitest";
import { DEMO_TODAY, seedDemo } from "../../src/sandbox/seed/demo.ts";
import { createSharePoint, dataContext, type DataContext } from "../../src/sharepoint/core/index.ts";
import { loadSetup, makeReport, reportFailure } from "../../src/tab/features/report/use-report.ts";
import { ReportPeriodError } from "../../src/report/periods.ts";
import { openSandbox } from "../support/targets.ts";

describe("the committee report page's data", () => {
  let target: Awaited<ReturnType<typeof openSandbox>>;
  let ctx: DataContext;
  beforeAll(async () => {
    target = await openSandbox({ today: DEMO_TODAY });
    await seedDemo(target.siteUrl, () => target.token("owner"));
    ctx = dataContext(createSharePoint({ siteUrl: target.siteUrl, getToken: () => target.token("owner") }));
  }, 120_000);
  afterAll(async () => {
    await target.close();
  });

  test("opens on the demo plan with its periods newest first and the open one chosen", async () => {
    const setup = await loadSetup(ctx, null);
    assert.match(setup.plan?.title ?? "", /Corporate Peer Challenge/);
    assert.deepEqual(
      setup.periods.map((p) => p.title),
      ["Q1 2024/25 progress report", "April 2024 progress report"],
    );
    assert.equal(setup.defaultPeriodId, setup.periods[0]?.id);
    const missing = await loadSetup(ctx, "999");
    assert.deepEqual(missing, { plan: null, periods: [], defaultPeriodId: null });
  });

  test("makes the Word file of the chosen period, saying each step", async () => {
    const setup = await loadSetup(ctx, null);
    const april = setup.periods.find((p) => p.title.startsWith("April"));
    assert.ok(april);
    const steps: string[] = [];
    const made = await makeReport(
      ctx,
      setup,
      { periodId: april.id, format: "docx", today: DEMO_TODAY },
      (s) => steps.push(s),
    );
    assert.match(made.fileName, /- April 2024 progress report\.docx$/);
    assert.equal(made.mediaType, "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    const xml = strFromU8(unzipSync(made.bytes)["word/document.xml"] ?? new Uint8Array());
    assert.match(xml, /Mayor&apos;s Office|Mayor's Office/);
    assert.deepEqual(steps.slice(0, 3), [
      "Loading the report tools",
      `Reading ${setup.plan?.title ?? ""} from SharePoint`,
      "Working out the figures",
    ]);
    assert.ok(steps.includes("Writing the Appendix A table"));
  });

  test("a period that is not there is refused in words", async () => {
    const setup = await loadSetup(ctx, null);
    const refused = await makeReport(
      ctx,
      setup,
      { periodId: "999", format: "csv", today: DEMO_TODAY },
      () => {
        // No steps are taken.
      },
    ).catch((error: unknown) => error);
    assert.ok(refused instanceof ReportPeriodError);
    assert.equal(reportFailure(refused), "Choose a reporting period to report on.");
    assert.match(reportFailure(new Error("boom")), /^The report could not be made\. /);
  });
});
