// Types for check-test-prerequisites.mjs (plain JS, so that it runs before anything is built or checked).
export interface Found {
  chromium: string | null;
  chromiumPathSet: string;
  soffice: string | null;
  root: boolean;
  aptGet: boolean;
  sudo: boolean;
}
export type Plan =
  | { action: "ok" }
  | { action: "install"; commands: string[]; missing: string[] }
  | { action: "stop"; message: string };
export const CHROMIUM_NAMES: string[];
export function decide(found: Found): Plan;
export function onPath(names: string[], path?: string): string | null;
export function findChromium(env?: NodeJS.ProcessEnv): string | null;
