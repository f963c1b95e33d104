// Tokens kept in memory and renewed shortly before they expire, whatever issues them. Never logged, never
// put in a URL or in storage. Kept apart from teams-js so it is unit-tested in Node.
import { z } from "../../lib/zod.ts";

export type TokenSource = () => Promise<string>;

/** The tab cannot get a token here (outside Teams, or the host refused); the message is for people. */
export class SignInError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SignInError";
  }
}

// Renew a little before expiry so a request never leaves with a token that lapses on the way.
const RENEW_BEFORE_MS = 5 * 60 * 1000;
// A token whose expiry cannot be read is used for this long.
const UNKNOWN_LIFETIME_MS = 5 * 60 * 1000;

const jwtClaims = z.object({ exp: z.number() });

/** When a JWT expires (ms since the epoch), or null when it is not a JWT we can read. */
export function tokenExpiry(token: string): number | null {
  const payload = token.split(".")[1];
  if (payload === undefined) return null;
  try {
    const json = atob(payload.replace(/-/g, "+").replace(/_/g, "/"));
    const claims = jwtClaims.safeParse(JSON.parse(json));
    return claims.success ? claims.data.exp * 1000 : null;
  } catch {
    return null;
  }
}

/** A token source that asks `fetchToken` once and again only when the token is about to expire. */
export function cachedTokenSource(fetchToken: () => Promise<string>, now = () => Date.now()): TokenSource {
  let cached: { token: string; renewAt: number } | null = null;
  let pending: Promise<string> | null = null;
  return () => {
    if (cached !== null && now() < cached.renewAt) return Promise.resolve(cached.token);
    pending ??= fetchToken()
      .then((token) => {
        const expiry = tokenExpiry(token);
        cached = {
          token,
          renewAt: expiry === null ? now() + UNKNOWN_LIFETIME_MS : expiry - RENEW_BEFORE_MS,
        };
        return token;
      })
      .finally(() => {
        pending = null;
      });
    return pending;
  };
}
