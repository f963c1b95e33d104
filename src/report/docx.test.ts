import { unzlibSync } from "fflate";
import { describe, expect, test } from "vitest";
import { crc32, drawStatusChart } from "./chart.ts";
import { writeDocx } from "./docx.ts";
import { readDocx, type DocxParts } from "./testdata/docx-xml.ts";
import { HOSTILE_TEXTS, handModel } from "./testdata/hand-model.ts";
import type { ReportModel } from "./types.ts";

async function written(model: ReportModel): Promise<DocxParts> {
  return readDocx(await writeDocx(model, () => undefined));
}

// Word shows CR, LF and CRLF alike as a line break, which is how the file keeps them.
const asLines = (text: string) => text.replace(/\r\n|\r/g, "\n");

/** The accessibility checker's offline rules, and the properties an officer sees in File > Info. */
function expectAccessible(doc: DocxParts, model: ReportModel): void {
  const headings = doc.paragraphs.filter((p) => p.style !== null && /^(Title|Heading\d)$/.test(p.style));
  expect(headings[0]?.style).toBe("Title");
  let level = 0;
  for (const h of headings.slice(1)) {
    const next = Number(h.style?.slice("Heading".length));
    expect(next, `"${h.text}" skips a heading level`).toBeLessThanOrEqual(level + 1);
    level = next;
  }
  expect(doc.tables.length).toBeGreaterThan(0);
  for (const table of doc.tables) {
    expect(table.rows[0]?.header).toBe(true);
    expect(table.rows.slice(1).some((row) => row.header)).toBe(false);
  }
  const drawings = [...doc.document.matchAll(/<w:drawing>[\s\S]*?<\/w:drawing>/g)];
  expect(drawings).toHaveLength(1);
  for (const [drawing] of drawings) {
    expect(/<wp:docPr [^>]*descr="([^"]+)"/.exec(drawing)?.[1]).toBe(model.chartAltText);
  }
  // Every paragraph outside a table says something, holds the chart, or carries a section break (landscape).
  const empty = doc.paragraphs.filter((p) => p.text.trim() === "" && !/<w:drawing>|<w:sectPr>/.test(p.xml));
  expect(empty.map((p) => p.xml)).toEqual([]);
  expect(doc.files["word/styles.xml"]).toMatch(/<w:docDefaults>[\s\S]*<w:lang w:val="en-GB"/);
  expect(doc.files["docProps/core.xml"]).toContain(
    `<dc:title>${model.planTitle}: ${model.periodTitle}</dc:title>`,
  );
  expect(doc.files["docProps/core.xml"]).toContain("<dc:creator>Action Plan Tracker</dc:creator>");
  // Nothing from an update becomes a link or a field Word would evaluate.
  expect(/<w:hyperlink|<w:fldSimple|<w:instrText|<w:fldChar/.exec(doc.document)).toBeNull();
  expect(doc.files["word/_rels/document.xml.rels"]).not.toContain('TargetMode="External"');
}

describe("the Word report", () => {
  test("passes the offline accessibility rules, with and without a previous report", async () => {
    for (const model of [handModel(), handModel({ previous: false })])
      expectAccessible(await written(model), model);
  });

  test("reads in order: title page, headline figures and chart, since the last report, Appendix A", async () => {
    const model = handModel();
    const doc = await written(model);
    const headings = doc.paragraphs.filter((p) => p.style?.startsWith("Heading")).map((p) => p.text);
    expect(headings.slice(0, 8)).toEqual([
      "Headline figures",
      "Actions by status",
      "Since the last report",
      "Actions completed",
      "Newly overdue",
      "Target dates moved",
      "No update received",
      "Appendix A: progress on each action",
    ]);
    expect(headings.slice(8)).toEqual(model.appendix.map((g) => `Recommendation ${g.ref}: ${g.title}`));
    const title = doc.paragraphs.slice(0, 6).map((p) => p.text);
    expect(title).toEqual([
      "Corporate Peer Challenge – April 2024 Progress Update Report",
      "Q1 2024/25 progress report",
      "Report date: 18 June 2024",
      "Figures as of: 18 June 2024",
      "Compared with the previous report: April 2024 progress report (figures as of 9 April 2024)",
      "Produced on 18 June 2024 by Action Plan Tracker",
    ]);
    // Each level-1 heading starts a page; the appendix is its own landscape section.
    for (const p of doc.paragraphs.filter((p) => p.style === "Heading1").slice(0, 2))
      expect(p.xml).toContain("<w:pageBreakBefore/>");
    expect(doc.document.includes('<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>')).toBe(true);
  });

  test("the headline and status tables give now and at the previous report", async () => {
    const doc = await written(handModel());
    const [headline, status] = doc.tables;
    expect(headline?.rows.map((r) => r.cells)).toEqual([
      ["Figure", "Now", "At April 2024 progress report"],
      ["Actions complete", "14 of 64", "10 of 64"],
      ["% of actions complete", "21%", "15%"],
      ["Recommendations fully complete", "3 of 18", "3 of 18"],
      ["Overdue", "4", "2"],
    ]);
    expect(status?.rows.map((r) => r.cells)).toEqual([
      ["Status", "Actions now", "At April 2024 progress report"],
      ["Not started", "10", "14"],
      ["On target", "30", "30"],
      ["Delayed", "6", "8"],
      ["Overdue", "4", "2"],
      ["Completed", "14", "10"],
    ]);
    const first = await written(handModel({ previous: false }));
    expect(first.tables[0]?.rows[0]?.cells).toEqual(["Figure", "Now"]);
    expect(first.allText).toContain("This is the first report on this plan");
  });

  test("since the last report lists dates moved with old → new, reason and approver, and posts with no update", async () => {
    const model = handModel();
    const doc = await written(model);
    const moved = doc.tables.find((t) => t.rows[0]?.cells.includes("Old date"));
    const action = model.appendix[0]!.rows[0]!;
    expect(moved?.rows[1]?.cells).toEqual([
      action.ref,
      action.text,
      "May-24",
      "Sept-24",
      HOSTILE_TEXTS[0],
      "Sam O'Neill\non 2 May 2024",
    ]);
    const missing = doc.tables.find(
      (t) => t.rows[0]?.cells[0] === "SRO post" && t.rows[0].cells[1] === "Held by",
    );
    expect(missing?.rows[1]?.cells).toEqual([
      "Acting Director SIT",
      "Vacant",
      `${action.ref} ${action.text}`,
    ]);
  });

  test("Appendix A holds every demo action's text, SRO, target date and update exactly", async () => {
    const model = handModel();
    const doc = await written(model);
    const appendix = doc.tables.filter(
      (t) => t.rows[0]?.cells.join("|") === "No.|Action|SRO|Target date|Progress update|Completed",
    );
    expect(appendix).toHaveLength(model.appendix.length);
    model.appendix.forEach((group, i) => {
      const rows = appendix[i]!.rows.slice(1).map((r) => r.cells);
      expect(rows).toHaveLength(group.rows.length);
      group.rows.forEach((row, j) => {
        const [ref, text, sro, target, update] = rows[j]!;
        expect(ref).toBe(row.ref);
        expect(text).toBe(
          row.milestoneOf === null ? row.text : `Milestone of ${row.milestoneOf}\n${row.text}`,
        );
        expect(sro).toBe([row.sroPost, row.sro].filter((s) => s !== null).join("\n"));
        expect(target).toBe(row.targetDateText);
        const dated = row.updateDate === null ? [] : ["Update of 9 April 2024"];
        expect(update).toBe(
          [...(row.progressUpdate === null ? [] : [asLines(row.progressUpdate)]), ...dated].join("\n"),
        );
      });
    });
    expect(doc.allText).toContain("SIT is supporting the Mayor's Office and the Mayor");
    const withdrawn = appendix[1]!.rows.at(-1)!.cells;
    expect(withdrawn[5]).toBe("Withdrawn on 1 May 2024\nMerged into 2.1");
  });

  test("update text that looks like a formula, HTML or a link is literal text", async () => {
    const doc = await written(handModel());
    const milestone = doc.tables.flatMap((t) => t.rows).find((r) => r.cells[1]?.startsWith("Milestone of"));
    expect(milestone?.cells[4]).toBe(`${asLines(HOSTILE_TEXTS.join("\n"))}\nUpdate of 9 April 2024`);
    expect(milestone?.cells[5]).toBe("20 May 2024");
    // Escaped in the XML (a failure here would print the whole document, so these compare booleans).
    expect(doc.document.includes("&lt;script&gt;alert(1)&lt;/script&gt;")).toBe(true);
    expect(/<script|<b>/.test(doc.document)).toBe(false);
    expect(doc.document.includes('<w:tab/><w:t xml:space="preserve">Tab</w:t>')).toBe(true);
  });

  test("reports each step", async () => {
    const steps: string[] = [];
    await writeDocx(handModel(), (step) => steps.push(step));
    expect(steps).toEqual([
      "Writing the title page",
      "Writing the headline figures and the status chart",
      "Writing what changed since the last report",
      "Writing the Appendix A table",
      "Packing the Word file",
    ]);
  });
});

describe("the status chart", () => {
  test("is a valid PNG, twice its display size, with a bar of each status's colour", () => {
    const chart = drawStatusChart([
      { status: "Not started", count: 0 },
      { status: "Completed", count: 18 },
    ]);
    const png = chart.png;
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const view = new DataView(png.buffer, png.byteOffset);
    let at = 8;
    const chunks: { type: string; data: Uint8Array }[] = [];
    while (at < png.length) {
      const length = view.getUint32(at);
      const type = String.fromCharCode(...png.subarray(at + 4, at + 8));
      expect(view.getUint32(at + 8 + length)).toBe(crc32(png.subarray(at + 4, at + 8 + length)));
      chunks.push({ type, data: png.subarray(at + 8, at + 8 + length) });
      at += 12 + length;
    }
    expect(chunks.map((c) => c.type)).toEqual(["IHDR", "IDAT", "IEND"]);
    const header = new DataView(chunks[0]!.data.buffer, chunks[0]!.data.byteOffset);
    expect([header.getUint32(0), header.getUint32(4)]).toEqual([chart.width * 2, chart.height * 2]);
    const raw = unzlibSync(chunks[1]!.data);
    const stride = chart.width * 2 * 3 + 1;
    expect(raw.length).toBe(stride * chart.height * 2);
    // The Completed bar's middle row, just right of the axis, is the dashboard's green.
    const row = (12 + 40 + 20) * 2;
    const x = (156 + 10) * 2;
    expect([...raw.subarray(row * stride + 1 + x * 3, row * stride + 4 + x * 3)]).toEqual([0x10, 0x7c, 0x10]);
  });

  test("CRC-32 matches the standard check value", () => {
    expect(crc32(new TextEncoder().encode("123456789"))).toBe(0xcbf43926);
  });
});
