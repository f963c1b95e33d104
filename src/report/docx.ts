// The committee report as a Word file an officer can edit: real headings and styles, header rows that repeat
// on each page, en-GB throughout, the title in the document properties. Built with the docx library, which
// packs to an ArrayBuffer the same way in Node (the CLI) and in the browser (the tab).
import {
  AlignmentType,
  Document,
  Footer,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  TextRun,
} from "docx";
import type { ISectionOptions } from "docx";
import { formatUkDate } from "../domain/iso-date.ts";
import { REPORT_STYLES, STYLE } from "./docx-parts.ts";
import { appendixSection, headlineSection, reportName, sinceSection, titlePage } from "./docx-sections.ts";
import type { ReportModel, ReportProgress } from "./types.ts";

const A4 = { width: 11906, height: 16838 } as const;
const MARGIN = { top: 1440, right: 1440, bottom: 1440, left: 1440 } as const;

/** The report as the bytes of a .docx file; `onProgress` hears each step. */
export async function writeDocx(model: ReportModel, onProgress: ReportProgress): Promise<Uint8Array> {
  onProgress("Writing the title page");
  const front = titlePage(model);
  onProgress("Writing the headline figures and the status chart");
  const headline = headlineSection(model);
  onProgress("Writing what changed since the last report");
  const since = sinceSection(model);
  onProgress("Writing the Appendix A table");
  const appendix = appendixSection(model);

  const footer = reportFooter(model);
  const portrait: ISectionOptions["properties"] = { page: { size: A4, margin: MARGIN } };
  const document = new Document({
    title: `${model.planTitle}: ${reportName(model)}`,
    subject: `Progress report for ${model.periodTitle}, report date ${formatUkDate(model.reportDate)}`,
    description: `Figures as of ${formatUkDate(model.asOf)}. Produced on ${formatUkDate(model.producedOn)}.`,
    creator: "Action Plan Tracker",
    lastModifiedBy: "Action Plan Tracker",
    styles: REPORT_STYLES,
    sections: [
      { properties: portrait, footers: { default: footer }, children: [...front, ...headline, ...since] },
      {
        properties: {
          page: {
            size: { ...A4, orientation: PageOrientation.LANDSCAPE },
            margin: MARGIN,
          },
        },
        footers: { default: footer },
        children: appendix,
      },
    ],
  });
  onProgress("Packing the Word file");
  return new Uint8Array(await Packer.toArrayBuffer(document));
}

// "Page 3 of 12" under the plan and period, so a printed page can be placed.
function reportFooter(model: ReportModel): Footer {
  return new Footer({
    children: [
      new Paragraph({
        style: STYLE.note,
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun(`${model.planTitle}: ${reportName(model)}. Page `),
          new TextRun({ children: [PageNumber.CURRENT] }),
          new TextRun(" of "),
          new TextRun({ children: [PageNumber.TOTAL_PAGES] }),
        ],
      }),
    ],
  });
}
