// The zod that everything the tab can load imports: zod/mini, whose functions tree-shake. Classic zod's
// chained methods cannot, and would cost ~24 KB gzip of the tab's 200 KB first-screen budget.
// zod/mini loads no locale (every message would read "Invalid input"), so this gives it classic zod's
// English messages, in Node and in the browser alike. Import z from here, never "zod/mini" directly.
import { z } from "zod/mini";

z.config(z.locales.en());

export { z };
