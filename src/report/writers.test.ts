// The Excel and CSV writers, read back as an officer's spreadsheet would read them: the demo rows exact,
// dates as dates, and text that looks like a formula, HTML or a link kept as text.
import { describe, expect, test } from "vitest";
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { unzipSync, strFromU8 } from "fflate";
import { seedActions } from "../domain/testdata/lga-cpc-2023.ts";
import { ACTION_COLUMNS } from "./columns.ts";
import { csvDate, writeCsv } from "./csv.ts";
import { writeTableXlsx, writeXlsx } from "./xlsx.ts";
import { handModel, HOSTILE_TEXTS } from "./testdata/hand-model.ts";
import type { ReportModel } from "./types.ts";
import { isoDate } from "../domain/iso-date.ts";

/** The hand model with each hostile text as the start of one row's update, and one update of each. */
function hostileModel(): ReportModel {
  const model = handModel();
  const rows = model.rows.map((row, i) =>
    i < HOSTILE_TEXTS.length ? { ...row, progressUpdate: HOSTILE_TEXTS[i] ?? null } : row,
  );
  const updates = HOSTILE_TEXTS.map((text, i) => ({
    actionRef: rows[i]?.ref ?? "",
    actionText: rows[i]?.text ?? "",
    date: isoDate("2024-05-01"),
    status: null,
    percentComplete: i * 10,
    text,
    evidenceUrl: "https://example.org/evidence",
    author: "Sam O'Neill",
  }));
  return { ...model, rows, updates };
}

const neutralised = (text: string): string => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

async function readCsv(model: ReportModel): Promise<{ raw: string; rows: string[][] }> {
  const bytes = await writeCsv(model, () => undefined);
  const raw = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
  const parsed = Papa.parse<string[]>(raw.slice(1), { skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return { raw, rows: parsed.data };
}

async function readXlsx(model: ReportModel): Promise<{ workbook: ExcelJS.Workbook; bytes: Uint8Array }> {
  const bytes = await writeXlsx(model, () => undefined);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.slice().buffer);
  return { workbook, bytes };
}

describe("the CSV", () => {
  test("opens in Excel as UTF-8 (byte-order mark, CRLF) with the header and one row per action and milestone", async () => {
    const model = handModel();
    const { raw, rows } = await readCsv(model);
    expect(raw.charCodeAt(0)).toBe(0xfeff);
    expect(raw.slice(1).split("\r\n")[0]).toBe(ACTION_COLUMNS.map((c) => `"${c.header}"`).join(","));
    expect(rows.slice(1)).toHaveLength(model.rows.length);
    const byRef = new Map(rows.slice(1).map((r) => [r[2], r]));
    for (const action of seedActions) {
      const row = byRef.get(action.ref);
      expect(row?.[4], action.ref).toBeDefined();
      const seed = seedActions.find((a) => a.ref === action.ref);
      expect(row?.[11]).toBe(
        seed?.progressUpdate.trim() === "" ? "" : neutralised(seed?.progressUpdate ?? ""),
      );
      expect(row?.[7]).toBe(neutralised(action.targetDate ?? ""));
    }
    expect(rows.flat().join("\n")).toContain("Mayor's Office");
  });

  test("every cell that begins with =, +, -, @, tab or CR gets a leading quote; HTML and links stay as text", async () => {
    const { rows } = await readCsv(hostileModel());
    const updates = rows.slice(1, 1 + HOSTILE_TEXTS.length).map((r) => r[11]);
    expect(updates).toEqual([
      `'=HYPERLINK("http://evil.example","x")`,
      "'+1+1",
      "'-2",
      "'@SUM(A1)",
      "'\tTab",
      "'\rCR",
      "<script>alert(1)</script>",
      "<b>bold</b>",
      "javascript:alert(1)",
      "https://example.org/page",
    ]);
  });

  test("a formula followed by more lines is still neutralised", async () => {
    const { rows } = await readCsv(handModel());
    const milestone = rows.slice(1).find((r) => r[3] !== "" && r[11]?.includes("HYPERLINK"));
    expect(milestone?.[11]).toBe(`'${HOSTILE_TEXTS.join("\n")}`);
  });

  test("dates are day/month/year for Excel in the UK", async () => {
    expect(csvDate(isoDate("2024-05-20"))).toBe("20/05/2024");
    const { rows } = await readCsv(handModel());
    expect(rows.slice(1).find((r) => r[3] !== "")?.[13]).toBe("20/05/2024");
  });
});

describe("the Excel workbook", () => {
  test("has Summary, Actions and Updates, with the title in its properties", async () => {
    const model = handModel();
    const { workbook, bytes } = await readXlsx(model);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["Summary", "Actions", "Updates"]);
    const core = strFromU8(unzipSync(bytes)["docProps/core.xml"] ?? new Uint8Array());
    expect(core).toContain(`<dc:title>${model.planTitle}: ${model.periodTitle}</dc:title>`);
    const summary = workbook.getWorksheet("Summary");
    const cells: string[] = [];
    summary?.eachRow((row) => {
      row.eachCell((cell) => cells.push(cell.text));
    });
    for (const figure of model.headline) {
      expect(cells).toContain(figure.label);
      expect(cells).toContain(figure.now);
    }
    expect(cells).toContain("At April 2024 progress report");
  });

  test("the Actions sheet: header frozen and filtered, every demo row exact, dates as dates", async () => {
    const model = handModel();
    const { workbook } = await readXlsx(model);
    const sheet = workbook.getWorksheet("Actions");
    expect(sheet?.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sheet?.autoFilter).toBeDefined();
    expect(sheet?.getColumn(5).width).toBe(60);
    expect(sheet?.rowCount).toBe(model.rows.length + 1);
    const refs = new Map<string, ExcelJS.Row>();
    sheet?.eachRow((row, n) => {
      if (n > 1) refs.set(row.getCell(3).text, row);
    });
    for (const action of seedActions) {
      const row = refs.get(action.ref);
      expect(row?.getCell(8).value, action.ref).toBe(action.targetDate ?? "");
      expect(row?.getCell(12).value ?? "").toBe(
        action.progressUpdate.trim() === "" ? "" : action.progressUpdate,
      );
    }
    const milestone = [...refs.values()].find((r) => r.getCell(4).value !== null);
    const completed = milestone?.getCell(14);
    expect(completed?.value).toEqual(new Date(Date.UTC(2024, 4, 20)));
    expect(completed?.numFmt).toBe("d mmm yyyy");
  });

  test("text that looks like a formula, HTML or a link is a plain string, never a formula or hyperlink", async () => {
    const { workbook, bytes } = await readXlsx(hostileModel());
    for (const name of ["Actions", "Updates"]) {
      const sheet = workbook.getWorksheet(name);
      const column = name === "Actions" ? 12 : 6;
      HOSTILE_TEXTS.forEach((text, i) => {
        const cell = sheet?.getRow(i + 2).getCell(column);
        expect(cell?.type).toBe(ExcelJS.ValueType.String);
        // Excel breaks lines in a cell with a line feed; a carriage return is written as one.
        expect(cell?.value).toBe(text.replace(/\r/g, "\n"));
      });
    }
    const files = unzipSync(bytes);
    const sheets = Object.keys(files).filter((f) => f.startsWith("xl/worksheets/sheet"));
    for (const file of sheets) {
      const xml = strFromU8(files[file] ?? new Uint8Array());
      expect(xml).not.toContain("<f>");
      expect(xml).not.toContain("<hyperlink");
    }
  });
});

describe("a table as its own workbook (the plan table's Export to Excel)", () => {
  test("one sheet of the columns given, dates as dates, hostile text as text, the title on the workbook", async () => {
    type Row = { ref: string; text: string; due: ReturnType<typeof isoDate> | null; percent: number | null };
    const rows: Row[] = HOSTILE_TEXTS.map((text, i) => ({
      ref: `1.${String(i + 1)}`,
      text,
      due: i === 0 ? null : isoDate("2024-05-31"),
      percent: i * 10,
    }));
    const bytes = await writeTableXlsx<Row>({
      title: "Northbridge's plan",
      sheetName: "Actions: 10/06/2024 [all]",
      producedOn: isoDate("2024-06-10"),
      columns: [
        { header: "No.", width: 8, kind: "text", value: (r) => r.ref },
        { header: "Action", width: 60, kind: "text", value: (r) => r.text },
        { header: "Target date", width: 14, kind: "date", value: (r) => r.due },
        { header: "% complete", width: 10, kind: "number", value: (r) => r.percent },
      ],
      rows,
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes.slice().buffer);
    expect(workbook.title).toBe("Northbridge's plan");
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["Actions  10 06 2024  all "]);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual([undefined, "No.", "Action", "Target date", "% complete"]);
    expect(sheet.rowCount).toBe(rows.length + 1);
    expect(sheet.getCell("A2").value).toBe("1.1");
    expect(sheet.getCell("B2").value).toBe('=HYPERLINK("http://evil.example","x")');
    expect(sheet.getCell("B2").formula).toBeUndefined();
    expect(sheet.getCell("C2").value).toBeNull();
    expect(sheet.getCell("C3").value).toEqual(new Date(Date.UTC(2024, 4, 31)));
    expect(sheet.getCell("D3").value).toBe(10);
    expect(sheet.autoFilter).toBeDefined();
  });
});
