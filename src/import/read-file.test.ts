import { describe, expect, test } from "vitest";
import { strToU8, zipSync } from "fflate";
import { ImportFileError, readPlanFile } from "./index.ts";
import { csv, utf8, xlsx } from "./testdata/fixtures.ts";

async function refusal(bytes: Uint8Array, name: string): Promise<string> {
  const error: unknown = await readPlanFile(bytes, name).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportFileError);
  return (error as ImportFileError).message;
}

describe("CSV files", () => {
  test("UTF-8 with a byte-order mark: the BOM is not part of the first header", async () => {
    const file = await readPlanFile(utf8("Ref,Action\n1.1,Publish the vision\n", true), "plan.csv");
    expect(file.kind).toBe("csv");
    expect(file.sheets[0]?.name).toBe("plan");
    expect(file.sheets[0]?.rows).toEqual([
      ["Ref", "Action"],
      ["1.1", "Publish the vision"],
    ]);
  });

  test("Windows-1252 bytes (a 0x92 curly apostrophe, a 0x80 euro sign) decode as Excel wrote them", async () => {
    const bytes = new Uint8Array([
      ...utf8("Ref,Action\n1.1,Mayor"),
      0x92,
      ...utf8("s vision "),
      0x80,
      ...utf8("5m\n"),
    ]);
    const file = await readPlanFile(bytes, "plan.csv");
    expect(file.sheets[0]?.rows[1]).toEqual(["1.1", "Mayor\u2019s vision \u20ac5m"]);
  });

  test("CRLF and LF mixed in one file: every row is kept, and a quoted line break stays in its cell", async () => {
    const text = 'Ref,Action\r\n1.1,"Publish\r\nthe vision"\r\n1.2,Refresh the plan\n1.3,Report\n';
    const file = await readPlanFile(utf8(text), "plan.csv");
    expect(file.sheets[0]?.rows).toEqual([
      ["Ref", "Action"],
      ["1.1", "Publish\nthe vision"],
      ["1.2", "Refresh the plan"],
      ["1.3", "Report"],
    ]);
  });

  test("UTF-16 (Excel's Unicode text) with tabs", async () => {
    const text = "\ufeffRef\tAction\r\n1.1\tCafé review\r\n";
    const bytes = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++)
      new DataView(bytes.buffer).setUint16(i * 2, text.charCodeAt(i), true);
    const file = await readPlanFile(bytes, "plan.txt");
    expect(file.sheets[0]?.rows).toEqual([
      ["Ref", "Action"],
      ["1.1", "Café review"],
    ]);
  });

  test.each([
    ["semicolon", ";"],
    ["tab", "\t"],
    ["comma", ","],
  ])("%s separated, with a quoted cell holding line breaks and the separator", async (_, separator) => {
    const rows = [
      ["Ref", "Action", "Target date"],
      ["1.1", `First line${separator} still the cell\nsecond line`, "May-24"],
      ["1.2", "Plain", "TBC"],
    ];
    const file = await readPlanFile(utf8(csv(rows, separator)), "plan.csv");
    expect(file.sheets[0]?.rows).toEqual(rows);
  });

  test("trailing blank lines are dropped; a 30,000-character cell survives whole", async () => {
    const long = "x".repeat(30_000);
    const file = await readPlanFile(utf8(`Ref,Action\n1.1,${long}\n\n\n`), "plan.csv");
    expect(file.sheets[0]?.rows).toHaveLength(2);
    expect(file.sheets[0]?.rows[1]?.[1]).toHaveLength(30_000);
  });
});

describe("XLSX files", () => {
  test("formulas give their cached result, date cells ISO dates, percentages keep their %", async () => {
    const bytes = await xlsx({
      name: "Appendix A",
      rows: [
        ["Ref", "Action", "Target date", "% complete", "Count"],
        [
          "1.1",
          { richText: [{ text: "Bold " }, { text: "start" }] },
          new Date(Date.UTC(2024, 4, 31)),
          0.5,
          { formula: "1+1", result: 2 },
        ],
        [
          "1.2",
          { formula: 'CONCAT("A","B")', result: "AB" },
          { formula: "TODAY()", result: new Date(Date.UTC(2024, 8, 30)) },
          1,
          { formula: "1/0", result: { error: "#DIV/0!" } },
        ],
      ],
      formats: { D2: "0%", D3: "0%", C2: "dd/mm/yyyy", C3: "dd/mm/yyyy" },
    });
    const file = await readPlanFile(bytes, "plan.xlsx");
    expect(file.kind).toBe("xlsx");
    expect(file.sheets[0]?.name).toBe("Appendix A");
    expect(file.sheets[0]?.rows.slice(1)).toEqual([
      ["1.1", "Bold start", "2024-05-31", "50%", "2"],
      ["1.2", "AB", "2024-09-30", "100%", "#DIV/0!"],
    ]);
  });

  test("a merged cell's value repeats across its range", async () => {
    const bytes = await xlsx({
      name: "Plan",
      rows: [
        ["Recommendation", "Ref", "Action"],
        ["Strategic Vision", "1.1", "Publish"],
        [null, "1.2", "Align"],
        ["Priority area 2: Money"],
      ],
      merges: ["A2:A3", "A4:C4"],
    });
    const rows = (await readPlanFile(bytes, "plan.xlsx")).sheets[0]?.rows;
    expect(rows?.map((r) => r[0])).toEqual([
      "Recommendation",
      "Strategic Vision",
      "Strategic Vision",
      "Priority area 2: Money",
    ]);
    expect(rows?.[3]).toEqual(["Priority area 2: Money", "Priority area 2: Money", "Priority area 2: Money"]);
  });

  test("every worksheet is read, in order, with blank rows kept in place", async () => {
    const bytes = await xlsx(
      { name: "Cover", rows: [["Action plan"]] },
      { name: "Plan", rows: [["Ref", "Action"], [], ["1.1", "Act"]] },
    );
    const file = await readPlanFile(bytes, "plan.xlsx");
    expect(file.sheets.map((s) => s.name)).toEqual(["Cover", "Plan"]);
    expect(file.sheets[1]?.rows).toEqual([["Ref", "Action"], [], ["1.1", "Act"]]);
  });
});

describe("files that are refused, each with a sentence naming the file", () => {
  test("an empty file", async () => {
    expect(await refusal(new Uint8Array(), "plan.csv")).toBe('"plan.csv" is empty.');
    expect(await refusal(utf8("  \n\n", true), "plan.csv")).toMatch(/^"plan\.csv" is empty/);
  });

  test("a Word document renamed .xlsx", async () => {
    const docx = zipSync({
      "[Content_Types].xml": strToU8("<Types/>"),
      "word/document.xml": strToU8("<w:document/>"),
    });
    expect(await refusal(docx, "plan.xlsx")).toBe('"plan.xlsx" is a Word document, not an Excel workbook.');
  });

  test("a PDF", async () => {
    expect(await refusal(utf8("%PDF-1.7\n%âãÏÓ\n1 0 obj"), "plan.xlsx")).toMatch(/^"plan\.xlsx" is a PDF/);
  });

  test("an old .xls (or password-protected) file", async () => {
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]);
    expect(await refusal(ole, "plan.xls")).toMatch(/old-format .*save it as \.xlsx/);
  });

  test("random bytes", async () => {
    let seed = 42;
    const junk = Uint8Array.from(
      { length: 4096 },
      () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % 256,
    );
    expect(await refusal(junk, "plan.csv")).toBe(
      '"plan.csv" is not a spreadsheet or CSV file (it holds binary data).',
    );
  });

  test("a zip bomb: a small file whose entry unpacks a thousandfold", async () => {
    const bomb = zipSync({ "xl/workbook.xml": new Uint8Array(16 * 1024 * 1024) }, { level: 9 });
    expect(bomb.length).toBeLessThan(64 * 1024);
    expect(await refusal(bomb, "plan.xlsx")).toBe(
      '"plan.xlsx" unpacks to far more data than a plan holds, so it was refused (it may be a zip bomb).',
    );
  });

  test("a zip bomb spread over many entries, none large alone, over 100 MB in all", async () => {
    const megabyte = new Uint8Array(1024 * 1024);
    const entries = Object.fromEntries(
      Array.from({ length: 101 }, (_, i) => [`xl/media/image${i}.bin`, megabyte]),
    );
    const bytes = zipSync({ "xl/workbook.xml": strToU8("<workbook/>"), ...entries }, { level: 1 });
    expect(await refusal(bytes, "plan.xlsx")).toMatch(/zip bomb/);
  });

  test("a damaged zip", async () => {
    const good = await xlsx({ name: "Plan", rows: [["Ref", "Action"]] });
    expect(await refusal(good.slice(0, good.length / 2), "plan.xlsx")).toMatch(/is damaged/);
  });

  test("a workbook with no sheets", async () => {
    expect(await refusal(await xlsx(), "plan.xlsx")).toBe('"plan.xlsx" has no sheets.');
  });

  test("a workbook whose sheets are all blank", async () => {
    expect(await refusal(await xlsx({ name: "Plan", rows: [] }), "plan.xlsx")).toMatch(/is empty/);
  });

  test("over 20 MB", async () => {
    expect(await refusal(new Uint8Array(21 * 1024 * 1024).fill(65), "plan.csv")).toMatch(
      /over the 20 MB limit/,
    );
  });

  test("an HTML table saved with an .xls name", async () => {
    expect(await refusal(utf8("<html><body><table><tr><td>1</td></tr></table>"), "export.xls")).toMatch(
      /web page/,
    );
  });
});
