// Tokens for the sandbox. They are JWTs (so they look and travel like Entra ID's), signed with HS256 by a
// secret kept in the sandbox's data folder, so a token stays valid across restarts but cannot be forged.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import type { Caller } from "./http.ts";

/** Entra ID's access tokens last between 60 and 90 minutes; the sandbox's last 90 minutes. */
export const TOKEN_LIFETIME_SECONDS = 90 * 60;

const claimsSchema = z.object({
  idtyp: z.enum(["user", "app"]),
  upn: z.string().optional(),
  appid: z.string(),
  tid: z.string(),
  iat: z.number(),
  exp: z.number(),
});
type Claims = z.infer<typeof claimsSchema>;

export type TokenCheck =
  { ok: true; caller: Caller } | { ok: false; reason: "missing" | "invalid" | "expired" };

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

  /** Issue a delegated token for a person or an app-only token for a client id. */
  issue(subject: Caller): { access_token: string; token_type: "Bearer"; expires_in: number } {
    const iat = Math.floor(this.now() / 1000);
    const claims: Claims =
      subject.kind === "user"
        ? {
            idtyp: "user",
            upn: subject.upn,
            appid: SANDBOX_CLIENT_ID,
            tid: this.tenantId,
            iat,
            exp: iat + TOKEN_LIFETIME_SECONDS,
          }
        : { idtyp: "app", appid: subject.appId, tid: this.tenantId, iat, exp: iat + TOKEN_LIFETIME_SECONDS };
    const header = base64url(JSON.stringify({ typ: "JWT", alg: "HS256" }));
    const payload = base64url(JSON.stringify(claims));
    const signature = this.sign(`${header}.${payload}`);
    return {
      access_token: `${header}.${payload}.${signature}`,
      token_type: "Bearer",
      expires_in: TOKEN_LIFETIME_SECONDS,
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
    if (claims.exp * 1000 <= this.now()) return { ok: false, reason: "expired" };
    if (claims.idtyp === "user") {
      if (claims.upn === undefined) return { ok: false, reason: "invalid" };
      return { ok: true, caller: { kind: "user", upn: claims.upn } };
    }
    return { ok: true, caller: { kind: "app", appId: claims.appid } };
  }

  private sign(input: string): string {
    return createHmac("sha256", this.secret).update(input).digest("base64url");
  }
}
