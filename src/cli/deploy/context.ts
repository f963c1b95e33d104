// What every step of `actionplan deploy` shares: the `az` it runs, the settings file it reads and writes
// back to (so that a second run resumes where the first stopped), and where it reports.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  readDeploySettings,
  withValues,
  type DeploySettings,
  type WrittenKey,
} from "../../deploy/env-file.ts";
import { AzError, type Az } from "./az.ts";

export interface DeployContext {
  az: Az;
  /** The settings file, as given. */
  file: string;
  /** The project's root (infra/, the built tab). */
  root: string;
  settings: DeploySettings;
  log(line: string): void;
  /** Write values back to the settings file and read it again. */
  save(values: Partial<Record<WrittenKey, string>>): void;
}

/** The context for a settings file; throws DeploySettingsError naming what is missing. */
export function deployContext(
  file: string,
  az: Az,
  root: string,
  log: (line: string) => void,
): DeployContext {
  let text = readFileSync(file, "utf8");
  const ctx: DeployContext = {
    az,
    file,
    root,
    settings: readDeploySettings(text, file),
    log,
    save(values) {
      text = withValues(text, values);
      writeFileSync(file, text);
      ctx.settings = readDeploySettings(text, file);
    },
  };
  return ctx;
}

export function clientIdOf(ctx: DeployContext): string {
  return required(ctx, "AAD_APP_CLIENT_ID");
}

export function required(ctx: DeployContext, key: keyof DeployContext["settings"]): string {
  const value = ctx.settings[key];
  if (typeof value !== "string" || value === "")
    throw new AzError(
      `${key} is not set in ${ctx.file}, though an earlier step writes it: run deploy again from the start.`,
    );
  return value;
}

export function lastSegment(resourceId: string): string {
  return resourceId.split("/").filter(Boolean).pop() ?? resourceId;
}

let scratch: string | null = null;
export function tempFile(name: string, text: string): string {
  scratch ??= mkdtempSync(join(tmpdir(), "actionplan-deploy-"));
  const file = join(scratch, name);
  writeFileSync(file, text, { mode: 0o600 });
  return file;
}
