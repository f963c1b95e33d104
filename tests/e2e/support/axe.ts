// Run axe in a frame and return its violations as one line each (empty when there are none).
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Frame } from "playwright-core";
import { z } from "zod";

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

const resultSchema = z.object({
  passes: z.number(),
  violations: z.array(
    z.object({
      id: z.string(),
      help: z.string(),
      nodes: z.array(z.object({ target: z.array(z.unknown()) })),
    }),
  ),
});

/**
 * Wait for running CSS transitions and animations (a menu fading out, a dialog fading in) to end, so
 * axe measures the colours a user sees once the screen is still, not a half-transparent frame.
 */
async function settle(tab: Frame): Promise<void> {
  await tab.evaluate(async () => {
    const running = document.getAnimations().filter((a) => a.playState === "running");
    const ended = Promise.allSettled(running.map((a) => a.finished));
    await Promise.race([ended, new Promise((resolve) => setTimeout(resolve, 2_000))]);
  });
}

/** WCAG 2.1 A/AA and best-practice violations in `tab`, and how many rules passed. */
export async function axeViolations(tab: Frame): Promise<{ passes: number; violations: string[] }> {
  await settle(tab);
  await tab.addScriptTag({ content: AXE_SOURCE });
  const raw = await tab.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (context: object, o: object) => Promise<{ violations: unknown; passes: unknown[] }> };
      }
    ).axe;
    // Tabster's focus-redirect elements (`<i data-tabster-dummy aria-hidden tabindex=0>`, which Fluent's arrow
    // navigation adds around a grid or a toolbar) are focusable and hidden on purpose: focus landing on one is
    // moved on at once, and hiding them stops screen readers announcing them (microsoft/tabster#288). They hold
    // no content, so they are left out of the scan rather than reported as aria-hidden-focus.
    const result = await axe.run(
      { exclude: [["[data-tabster-dummy]"]] },
      {
        runOnly: {
          type: "tag",
          values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"],
        },
      },
    );
    return { violations: result.violations, passes: result.passes.length };
  });
  const result = resultSchema.parse(raw);
  return {
    passes: result.passes,
    violations: result.violations.map(
      (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => JSON.stringify(n.target)).join(", ")})`,
    ),
  };
}

/**
 * axe once the page is still: Fluent's buttons fade their colours over 0.1 s (a button coming back from
 * disabled does), and a scan mid-fade measures colours that are never at rest on screen.
 */
export async function settledViolations(tab: Frame): Promise<{ passes: number; violations: string[] }> {
  await tab.waitForFunction(() =>
    document
      .getAnimations()
      .every((a) => a.playState !== "running" || a.effect?.getTiming().iterations === Infinity),
  );
  return axeViolations(tab);
}
