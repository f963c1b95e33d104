// Tokens for the sandbox. They are JWTs (so they look and travel like Entra ID's), signed with HS256 by a
// secret kept in the sandbox's data folder, so a token stays valid across restarts but cannot be forged.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import type { Caller, TokenGrant } from "./http.ts";

/** Entra ID's access tokens last between 60 and 90 minutes; the sandbox's last 90 minutes. */
export const TOKEN_LIFETIME_SECONDS = 90 * 60;

const claimsSchema = z.object({
  idtyp: z.enum(["user", "app"]),
  /** Who the token is for: one resource, as Entra issues; a list only for the sandbox's test tokens. */
  aud: z.union([z.string(), z.array(z.string())]),
  upn: z.string().optional(),
  appid: z.string(),
  tid: z.string(),
  /** Delegated permissions, space-separated (user tokens). */
  scp: z.string().optional(),
  /** Application permissions (app-only tokens). */
  roles: z.array(z.string()).optional(),
  iat: z.number(),
  /** Not before: Entra sets it to the time of issue; a token used before it is refused. */
  nbf: z.number().optional(),
  exp: z.number(),
});
type Claims = z.infer<typeof claimsSchema>;

/**
 * Why a token is refused: none sent, not one the sandbox signed, past its `exp`, before its `nbf`, or issued
 * by another tenant (the sandbox is one tenant's SharePoint and Graph).
 */
export type TokenRefusal = "missing" | "invalid" | "expired" | "notYetValid" | "otherTenant";

export type TokenCheck =
  | {
      ok: true;
      caller: Caller;
      audiences: readonly string[];
      /** What the token grants (scp, or roles); null for the sandbox's test token, which is not checked. */
      granted: TokenGrant | null;
    }
  | { ok: false; reason: TokenRefusal };

/** Graph's audience, as in the tokens Entra issues for https://graph.microsoft.com/.default. */
export const GRAPH_AUDIENCE = "https://graph.microsoft.com";

/** The first-party client id the sandbox stamps on delegated tokens it issues (the Teams tab's own app). */
export const SANDBOX_CLIENT_ID = "5e3ce6c0-2b1f-4285-8d4b-75ee78787346";

function base64url(data: string | Buffer): string {
  return Buffer.from(data).toString("base64url");
}

export class TokenAuthority {
  private readonly secret: Buffer;

  constructor(
    dataDir: string,
    private readonly tenantId: string,
    private readonly now: () => number = () => Date.now(),
  ) {
    mkdirSync(dataDir, { recursive: true });
    const path = join(dataDir, "token-secret");
    if (!existsSync(path)) writeFileSync(path, randomBytes(32).toString("hex"), { mode: 0o600 });
    this.secret = Buffer.from(readFileSync(path, "utf8").trim(), "hex");
  }

  /**
   * Issue a delegated token for a person or an app-only token for a client id, for `audience` (one resource;
   * the sandbox's test tokens, asked for with no scope, name both SharePoint and Graph).
   */
  issue(
    subject: Caller,
    audience: string | readonly string[],
    scopes: readonly string[] = [],
  ): { access_token: string; token_type: "Bearer"; expires_in: number; scope: string } {
    const iat = Math.floor(this.now() / 1000);
    const aud = typeof audience === "string" ? audience : [...audience];
    const claims: Claims =
      subject.kind === "user"
        ? {
            idtyp: "user",
            aud,
            upn: subject.upn,
            appid: SANDBOX_CLIENT_ID,
            tid: this.tenantId,
            scp: scopes.join(" "),
            iat,
            nbf: iat,
            exp: iat + TOKEN_LIFETIME_SECONDS,
          }
        : {
            idtyp: "app",
            aud,
            appid: subject.appId,
            tid: this.tenantId,
            roles: [...scopes],
            iat,
            nbf: iat,
            exp: iat + TOKEN_LIFETIME_SECONDS,
          };
    const header = base64url(JSON.stringify({ typ: "JWT", alg: "HS256" }));
    const payload = base64url(JSON.stringify(claims));
    const signature = this.sign(`${header}.${payload}`);
    return {
      access_token: `${header}.${payload}.${signature}`,
      token_type: "Bearer",
      expires_in: TOKEN_LIFETIME_SECONDS,
      scope: scopes.join(" "),
    };
  }

  /** Read the caller from an Authorization header value. */
  verify(authorization: string | undefined): TokenCheck {
    if (authorization === undefined || authorization.trim() === "") return { ok: false, reason: "missing" };
    const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    const token = match?.[1];
    if (token === undefined) return { ok: false, reason: "invalid" };
    const [header, payload, signature] = token.split(".");
    if (header === undefined || payload === undefined || signature === undefined)
      return { ok: false, reason: "invalid" };
    const expected = Buffer.from(this.sign(`${header}.${payload}`));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given))
      return { ok: false, reason: "invalid" };
    let claims: Claims;
    try {
      claims = claimsSchema.parse(JSON.parse(Buffer.from(payload, "base64url").toString("utf8")));
    } catch {
      return { ok: false, reason: "invalid" };
    }
    // The tenant first: SharePoint and Graph check who issued a token before whether it is in date.
    if (claims.tid !== this.tenantId) return { ok: false, reason: "otherTenant" };
    if (claims.nbf !== undefined && claims.nbf * 1000 > this.now())
      return { ok: false, reason: "notYetValid" };
    if (claims.exp * 1000 <= this.now()) return { ok: false, reason: "expired" };
    const audiences = typeof claims.aud === "string" ? [claims.aud] : claims.aud;
    const scoped = typeof claims.aud === "string";
    if (claims.idtyp === "user") {
      if (claims.upn === undefined) return { ok: false, reason: "invalid" };
      const permissions = (claims.scp ?? "").split(" ").filter(Boolean);
      return {
        ok: true,
        caller: { kind: "user", upn: claims.upn },
        audiences,
        granted: scoped ? { kind: "delegated", permissions, appId: claims.appid } : null,
      };
    }
    return {
      ok: true,
      caller: { kind: "app", appId: claims.appid },
      audiences,
      granted: scoped ? { kind: "application", permissions: claims.roles ?? [], appId: claims.appid } : null,
    };
  }

  private sign(input: string): string {
    return createHmac("sha256", this.secret).update(input).digest("base64url");
  }
}
