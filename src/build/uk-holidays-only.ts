// A Vite plugin that gives the tab date-holidays' rules for the United Kingdom alone. The reminder rules count
// England's working days with date-holidays; the tab needs them only for "Chase now" (a lazy chunk), where
// the library's data for every country (400 KB raw, ~90 KB gzip) would ride along unused. The CLI and the
// scheduled run in Node keep the full package; the rules for GB are the same object either way.
import { createRequire } from "node:module";
import type { Plugin } from "vite";
import { z } from "zod";

const TARGET = /[\\/]date-holidays[\\/]src[\\/]data\.js$/;

// The package ships no types for its data module; only its shape at the top is relied on.
const holidayDataSchema = z.looseObject({ holidays: z.record(z.string(), z.unknown()) });
export type HolidayData = z.infer<typeof holidayDataSchema>;

/** date-holidays' own data, as the package gives it to Node. */
export function holidayData(): HolidayData {
  const module = z.object({ data: z.unknown() }).parse(createRequire(import.meta.url)("date-holidays/data"));
  return holidayDataSchema.parse(module.data);
}

/** date-holidays' data with only the countries given (the shared holiday names are kept). */
export function onlyCountries(all: HolidayData, countries: readonly string[]): HolidayData {
  const holidays = Object.fromEntries(
    countries.map((country) => {
      const rules = all.holidays[country];
      if (rules === undefined) throw new Error(`date-holidays has no rules for ${country}.`);
      return [country, rules];
    }),
  );
  return { ...all, holidays };
}

/** The Vite plugin: date-holidays' data module replaced by the United Kingdom's rules. */
export function ukHolidaysOnly(): Plugin {
  return {
    name: "date-holidays-uk-only",
    enforce: "pre",
    transform(_code, id) {
      if (!TARGET.test(id.split("?")[0] ?? id)) return null;
      const trimmed = onlyCountries(holidayData(), ["GB"]);
      return { code: `export const data = ${JSON.stringify(trimmed)};\n`, map: null };
    },
  };
}
