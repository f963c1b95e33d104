import { describe, expect, test } from "vitest";
import { inflateSync, strToU8, unzipSync, Zip, ZipDeflate, zipSync } from "fflate";
import { ImportFileError, readPlanFile } from "./index.ts";
import { xlsx } from "./testdata/fixtures.ts";
import { BOMB_ENTRY, deflatedZeros, lyingZip, zip64Of } from "./testdata/zips.ts";
import { INFLATE_STEP_BYTES, measureInflation, type InflationLimits } from "./zip-inflation.ts";

const MB = 1024 * 1024;
const LIMITS: InflationLimits = { maxTotalBytes: 100 * MB, maxRatio: 200, ratioFromBytes: MB };
/** The most one step of compressed input can inflate to: deflate's ceiling is 1,032:1. */
const ONE_STEP_OUT = INFLATE_STEP_BYTES * 1032;

const workbook = () =>
  xlsx({
    name: "Plan",
    rows: [
      ["Ref", "Action"],
      ["1.1", "Publish the vision"],
    ],
  });

async function refusal(bytes: Uint8Array): Promise<string> {
  const error: unknown = await readPlanFile(bytes, "plan.xlsx").then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportFileError);
  return (error as ImportFileError).message;
}

describe("the lying zip bomb the tests use", () => {
  test("its deflate stream really is that many MiB of zeros", () => {
    const zeros = inflateSync(deflatedZeros(3));
    expect(zeros.length).toBe(3 * MB);
    expect(zeros.every((b) => b === 0)).toBe(true);
  });

  test("1 GiB of zeros in about 1 MB, which the zip's directory says is 4 KB", async () => {
    const bomb = lyingZip(await workbook());
    expect(bomb.length).toBeLessThan(1.2 * MB);
    const declared: Record<string, number> = {};
    unzipSync(bomb, {
      filter: (file) => {
        declared[file.name] = file.originalSize;
        return false;
      },
    });
    expect(declared[BOMB_ENTRY]).toBe(4096);
  });
});

describe("a workbook is refused as soon as what it inflates to passes the limit", () => {
  test.each([
    ["the directory and the local header both claim 4 KB", false],
    ["the local header claims an empty entry (JSZip still inflates the whole stream)", true],
  ])("%s: refused as a zip bomb", async (_, emptyLocalHeader) => {
    const bomb = lyingZip(await workbook(), { emptyLocalHeader });
    expect(await refusal(bomb)).toBe(
      '"plan.xlsx" unpacks to far more data than a plan holds, so it was refused (it may be a zip bomb).',
    );
  });

  test("inflation stops within one step of the total limit, not at the end of the 1 GiB stream", async () => {
    const bomb = lyingZip(await workbook());
    const limits = { ...LIMITS, maxRatio: Infinity };
    const inflation = await measureInflation(bomb, limits);
    expect(inflation.verdict).toBe("too-big");
    expect(inflation.inflatedBytes).toBeGreaterThan(limits.maxTotalBytes);
    expect(inflation.inflatedBytes).toBeLessThanOrEqual(limits.maxTotalBytes + ONE_STEP_OUT);
  });

  test("64 MiB in one entry, under the total limit, is refused by its real ratio part way through", async () => {
    const honest = await workbook();
    const bomb = lyingZip(honest, { mebibytes: 64 });
    const inflation = await measureInflation(bomb, LIMITS);
    expect(inflation.verdict).toBe("too-big");
    const ratioLimit = deflatedZeros(64).length * LIMITS.maxRatio;
    expect(inflation.inflatedBytes).toBeGreaterThan(ratioLimit);
    expect(inflation.inflatedBytes).toBeLessThanOrEqual(ratioLimit + ONE_STEP_OUT + honest.length * 1032);
    expect(inflation.inflatedBytes).toBeLessThan(32 * MB);
  });

  test("an honest workbook fits, and what is counted is what its entries hold", async () => {
    const bytes = await workbook();
    const held = Object.values(unzipSync(bytes)).reduce((n, data) => n + data.length, 0);
    expect(await measureInflation(bytes, LIMITS)).toEqual({ verdict: "fits", inflatedBytes: held });
    const file = await readPlanFile(bytes, "plan.xlsx");
    expect(file.sheets[0]?.rows[1]).toEqual(["1.1", "Publish the vision"]);
  });

  test("a zip in zip64 form (sizes and offsets in its zip64 records) is measured and read the same", async () => {
    const bytes = await workbook();
    const honest = await measureInflation(bytes, LIMITS);
    expect(await measureInflation(zip64Of(bytes), LIMITS)).toEqual(honest);
    const file = await readPlanFile(zip64Of(bytes), "plan.xlsx");
    expect(file.sheets[0]?.rows[1]).toEqual(["1.1", "Publish the vision"]);
    expect(await refusal(zip64Of(lyingZip(bytes)))).toMatch(/zip bomb/);
  });

  test("bytes before the zip (a self-extractor's stub) shift its offsets, as JSZip reads them", async () => {
    const bytes = await workbook();
    const stubbed = new Uint8Array([...new Uint8Array(100).fill(7), ...bytes]);
    expect(await measureInflation(stubbed, LIMITS)).toEqual(await measureInflation(bytes, LIMITS));
  });

  test("entries written with data descriptors (sizes after the data, as streaming writers do) fit", async () => {
    const parts: Uint8Array[] = [];
    const zip = new Zip((error, chunk) => {
      if (error === null) parts.push(chunk);
    });
    for (const [name, text] of [
      ["xl/workbook.xml", "<workbook/>"],
      ["xl/worksheets/sheet1.xml", "<row/>".repeat(5000)],
    ] as const) {
      const entry = new ZipDeflate(name);
      zip.add(entry);
      entry.push(strToU8(text), true);
    }
    zip.end();
    const bytes = new Uint8Array(parts.flatMap((p) => [...p]));
    expect(bytes[6]! & 8).toBe(8);
    expect(await measureInflation(bytes, LIMITS)).toEqual({ verdict: "fits", inflatedBytes: 11 + 30_000 });
  });

  test("entries stored without compression count at their size", async () => {
    const bytes = zipSync({ "xl/workbook.xml": new Uint8Array(3000) }, { level: 0 });
    expect(await measureInflation(bytes, LIMITS)).toEqual({ verdict: "fits", inflatedBytes: 3000 });
    expect(await measureInflation(bytes, { ...LIMITS, maxTotalBytes: 2999 })).toMatchObject({
      verdict: "too-big",
    });
  });

  test.each([
    ["cut off before its directory", (zip: Uint8Array) => zip.subarray(0, zip.length - 30)],
    ["a broken deflate stream", (zip: Uint8Array) => zip.map((b, i) => (i >= 40 && i < 60 ? 0xff : b))],
  ])("a zip %s is damaged", async (_, spoil) => {
    const zip = spoil(zipSync({ "xl/workbook.xml": new Uint8Array(50_000).fill(65) }));
    expect((await measureInflation(zip, LIMITS)).verdict).toBe("damaged");
  });
});
