// The zod that everything the tab can load imports: zod/mini, whose functions tree-shake. Classic zod's
// chained methods cannot, and would cost ~24 KB gzip of the tab's 200 KB first-screen budget.
// Every refusal a schema does not word itself is put in officer's words (zod-words.ts), in Node and in the
// browser alike, for zod/mini and classic zod (the CLI's) both: they share one configuration, and
// customError outranks the locale classic zod installs when it loads. Import z from here, never "zod/mini".
import { z } from "zod/mini";
import { officerErrorMap, officerPredicate } from "./zod-words.ts";

z.config({ customError: officerErrorMap });

export { z, officerPredicate };
