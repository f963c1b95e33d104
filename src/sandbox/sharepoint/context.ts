// What every SharePoint handler is given: the request, the site, who the caller is and the shared services.
import type { SandboxRequest, SandboxResponse } from "../http.ts";
import type { SandboxStore } from "../store.ts";
import type { SpSite, SpUser } from "./model.ts";
import type { Access } from "./roles.ts";
import type { DirectoryEntry } from "./site.ts";

export interface SpContext {
  req: SandboxRequest;
  site: SpSite;
  /** Absolute URL of the site, e.g. http://localhost:4300/sites/improvement */
  siteUrl: string;
  /** Whose permissions the caller holds (roles.ts turns them into SP.PermissionKind checks). */
  access: Access;
  /** The caller as a site user (the "SharePoint App" principal for app-only tokens). */
  user: SpUser;
  store: SandboxStore;
  /** The list view threshold (5,000 in SharePoint Online). */
  threshold: number;
  now: () => Date;
  findPerson: (upnOrLogin: string) => DirectoryEntry | undefined;
}

export type SpHandler = (ctx: SpContext) => SandboxResponse;

/** ISO instant without milliseconds, as SharePoint writes dates. */
export function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** Parse a JSON request body; null when it is not valid JSON or not an object. */
export function parseJsonObject(body: string): Record<string, unknown> | null {
  if (body.trim() === "") return {};
  try {
    const value: unknown = JSON.parse(body);
    if (typeof value !== "object" || value === null || Array.isArray(value)) return null;
    return value as Record<string, unknown>;
  } catch {
    return null;
  }
}

/** The logical method: POST with X-HTTP-Method (MERGE, DELETE, PATCH, PUT) counts as that method. */
export function logicalMethod(req: SandboxRequest): string {
  const override = req.headers["x-http-method"];
  if (req.method === "POST" && override !== undefined && override.trim() !== "")
    return override.trim().toUpperCase();
  return req.method;
}
