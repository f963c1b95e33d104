// Running `npm run package` (src/app-package/main.ts) in this process as a build pipeline would, with exactly
// the given ACTIONPLAN_ settings and what it prints captured, for the packager's tests and the deployment walk.
import { join } from "node:path";
import { main } from "../../src/app-package/main.ts";

/** Run `fn` with exactly `env` as the ACTIONPLAN_ settings (the other variables as they are). */
export async function withSettings<T>(env: Record<string, string>, fn: () => Promise<T>): Promise<T> {
  const saved = Object.entries(process.env).filter(([name]) => name.startsWith("ACTIONPLAN_"));
  const clear = () => {
    for (const name of Object.keys(process.env).filter((n) => n.startsWith("ACTIONPLAN_")))
      Reflect.deleteProperty(process.env, name);
  };
  clear();
  Object.assign(process.env, env);
  try {
    return await fn();
  } finally {
    clear();
    Object.assign(process.env, Object.fromEntries(saved));
  }
}

/**
 * `npm run package [args]` writing into `out` (the site into `out/site`), with `builtTab` as the built tab
 * (by default a folder that does not exist: no tab built). Resolves to its exit code and what it said.
 */
export async function packageWith(
  env: Record<string, string>,
  out: string,
  builtTab = join(out, "no-tab"),
  args: string[] = [],
): Promise<{ code: number; said: string; out: string }> {
  const said: string[] = [];
  const log = console.log;
  const error = console.error;
  console.log = (...words: unknown[]) => said.push(words.join(" "));
  console.error = (...words: unknown[]) => said.push(words.join(" "));
  try {
    const code = await withSettings(env, () => main(args, out, builtTab, join(out, "site")));
    return { code, said: said.join("\n"), out };
  } finally {
    console.log = log;
    console.error = error;
  }
}
