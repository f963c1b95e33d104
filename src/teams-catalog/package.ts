// Reading a Teams app package (the zip `npm run package` writes): its manifest.json, which Teams wants at the
// zip's root, and the manifest id and version the catalog knows the app by. Pure: bytes in, values out.
import { unzipSync } from "fflate";
import { z } from "zod";

/** Why a package's manifest could not be read. */
export type ManifestProblem = "notZip" | "noManifest" | "notJson";

/** The manifest.json at the root of a package, parsed, or why it cannot be had. */
export function manifestOf(
  bytes: Uint8Array,
): { ok: true; manifest: unknown } | { ok: false; problem: ManifestProblem } {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: (file) => file.name === "manifest.json" });
  } catch {
    return { ok: false, problem: "notZip" };
  }
  const entry = files["manifest.json"];
  if (entry === undefined) return { ok: false, problem: "noManifest" };
  try {
    // A UTF-8 byte-order mark is dropped by the decoder; anything not UTF-8 is not a manifest.
    return { ok: true, manifest: JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(entry)) };
  } catch {
    return { ok: false, problem: "notJson" };
  }
}

const identitySchema = z.object({
  id: z.string().trim().min(1),
  version: z.string().regex(/^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/),
  name: z.object({ short: z.string() }).optional(),
});

/** What the catalog knows a package by: its manifest id and version (and the short name, for people). */
export interface PackageIdentity {
  manifestId: string;
  version: string;
  name: string;
}

/** What is wrong with a package, in words that follow "the package …". */
const PROBLEM_WORDS: Record<ManifestProblem | "noIdentity", string> = {
  notZip: "is not a zip file",
  noManifest: "has no manifest.json at its root",
  notJson: "has a manifest.json that is not JSON",
  noIdentity: "has a manifest.json without an id, or without a version written as x.y.z",
};

/** The package's manifest id and version, or what is wrong with it in words. */
export function readPackageIdentity(
  bytes: Uint8Array,
): { ok: true; identity: PackageIdentity } | { ok: false; problem: string } {
  const read = manifestOf(bytes);
  if (!read.ok) return { ok: false, problem: PROBLEM_WORDS[read.problem] };
  const parsed = identitySchema.safeParse(read.manifest);
  if (!parsed.success) return { ok: false, problem: PROBLEM_WORDS.noIdentity };
  const { id, version, name } = parsed.data;
  return { ok: true, identity: { manifestId: id, version, name: name?.short ?? id } };
}
