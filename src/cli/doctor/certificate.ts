// The app's certificate, when doctor signs in with it: a certificate that has ended stops the daily job
// signing in, so doctor warns from 30 days before its end (as the daily job's notice does) and fails after.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { daysBetween, formatUkDate, type IsoDate } from "../../domain/iso-date.ts";
import { certificateEndDate } from "../../lib/certificate.ts";
import { londonDate } from "../../lib/clock.ts";
import { describeCliError } from "../errors.ts";
import type { CheckResult } from "./checks.ts";

const CHECK = "app's certificate";

/** How many days before its end doctor starts warning of the certificate. */
export const CERTIFICATE_WARNING_DAYS = 30;

const RENEW = "renew it in Key Vault and upload the new .cer to the Entra app";

/** The finding for a certificate ending at `notAfter`, seen at `now` (days counted in Europe/London). */
export function certificateFinding(notAfter: Date, now: Date): CheckResult {
  const endDay = londonDate(notAfter) as IsoDate;
  const ends = formatUkDate(endDay);
  if (notAfter.getTime() <= now.getTime())
    return {
      check: CHECK,
      ok: false,
      lines: [`the app's certificate ended on ${ends}, so the app cannot sign in: ${RENEW}`],
    };
  const days = daysBetween(londonDate(now) as IsoDate, endDay);
  const when = days === 0 ? "today" : `in ${String(days)} day${days === 1 ? "" : "s"}`;
  const line = `the app's certificate ends on ${ends}, ${when}`;
  if (days > CERTIFICATE_WARNING_DAYS) return { check: CHECK, ok: true, lines: [line] };
  return { check: CHECK, ok: true, lines: [line], warnings: [`${line}: ${RENEW}`] };
}

/** Read the PEM file the app signs in with and check its certificate's end date. */
export function checkCertificate(pemPath: string, now: Date): CheckResult {
  let pem: string;
  try {
    pem = readFileSync(resolve(pemPath), "utf8");
  } catch (error) {
    return { check: CHECK, ok: false, lines: [`cannot read ${pemPath}: ${describeCliError(error)}`] };
  }
  const notAfter = certificateEndDate(pem);
  if (notAfter === null)
    return {
      check: CHECK,
      ok: false,
      lines: [`${pemPath} holds no certificate that can be read: export the PEM again from Key Vault`],
    };
  return certificateFinding(notAfter, now);
}
