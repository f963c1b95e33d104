// Teams app versions as the manifest writes them ("1.10.0"): Teams takes a new version of an app only when
// its version goes up, so the packager and the catalog publisher both compare them, part by part.

/** "1.10.0" > "1.9.3": each of the three parts as a number; negative, zero or positive as a is lower, equal, higher. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < 3; i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** The next patch version: "1.2.3" → "1.2.4", what to suggest when a version must go up. */
export function nextPatch(version: string): string {
  const [major = 0, minor = 0, patch = 0] = version.split(".").map(Number);
  return `${String(major)}.${String(minor)}.${String(patch + 1)}`;
}
