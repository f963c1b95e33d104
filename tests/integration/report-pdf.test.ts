// The Word report opens in something other than the library that wrote it: LibreOffice converts the demo
// plan's report to PDF without error, and it runs to several pages (title, figures, changes, Appendix A).
// LibreOffice is installed by .ci/run; on a developer's machine without it the test is skipped, in CI it fails.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, test } from "vitest";
import { writeDocx } from "../../src/report/docx.ts";
import { handModel } from "../../src/report/testdata/hand-model.ts";

const HAS_SOFFICE = spawnSync("sh", ["-c", "command -v soffice"], { encoding: "utf8" }).status === 0;
const IN_CI = Boolean(process.env.CI);

describe("the Word report in LibreOffice", () => {
  const dir = mkdtempSync(join(tmpdir(), "actionplan-report-pdf-"));
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  test.skipIf(!HAS_SOFFICE && !IN_CI)("converts to a PDF of several pages", async () => {
    expect(HAS_SOFFICE, "LibreOffice (soffice) is needed: .ci/run installs libreoffice-writer-nogui").toBe(
      true,
    );
    const docx = join(dir, "demo report.docx");
    writeFileSync(docx, await writeDocx(handModel(), () => undefined));
    // A profile of its own, so a LibreOffice already open on the machine neither blocks nor receives the job.
    const profile = pathToFileURL(join(dir, "profile")).href;
    const result = spawnSync(
      "soffice",
      [`-env:UserInstallation=${profile}`, "--headless", "--convert-to", "pdf", "--outdir", dir, docx],
      { encoding: "utf8", timeout: 120_000 },
    );
    expect(result.status, `soffice failed: ${result.stderr}`).toBe(0);
    const pdf = readFileSync(join(dir, "demo report.pdf"));
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const pages = pdf.toString("latin1").match(/\/Type\s*\/Page(?!s)\b/g) ?? [];
    expect(pages.length).toBeGreaterThanOrEqual(2);
  });
});
