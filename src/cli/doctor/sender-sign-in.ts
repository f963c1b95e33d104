// Whether the reminder sender (chat cards) can still sign in: the daily job renews the service account's sign-in
// from the MSAL cache Key Vault keeps on every run and records the outcome (notify/reminders/sender-sign-in.ts).
// A renewal Entra ID refused (InteractionRequired: a password reset, revoked sessions, a sign-in frequency
// policy) stops every chat card until someone signs in again: a failure. Entra ID also refuses a refresh token
// left unused for 90 days (https://learn.microsoft.com/entra/identity-platform/refresh-tokens), so a last
// renewal more than 60 days old is a warning while there is still time.
import { addDays, daysBetween, formatUkDate, type IsoDate } from "../../domain/iso-date.ts";
import { londonDate } from "../../lib/clock.ts";
import { readSenderSignIn, type SenderSignIn } from "../../notify/reminders/sender-sign-in.ts";
import type { DataContext } from "../../sharepoint/core/index.ts";
import { describeCliError } from "../errors.ts";
import type { CheckResult } from "./checks.ts";

const CHECK = "reminder sender's sign-in";

/** Days after which an unrenewed sign-in is worth a warning. */
export const SENDER_SIGN_IN_WARNING_DAYS = 60;
/** Days of disuse after which Entra ID refuses a refresh token. */
export const REFRESH_TOKEN_IDLE_DAYS = 90;

/** Where the repeated sign-in goes: the site, and the Key Vault secret the daily job reads. */
export interface SignInStep {
  site: string;
  /** The vault's name, or a placeholder when doctor does not know it. */
  vault: string;
  secret: string;
}

/** The README's step 7 for `sender`, as one instruction. */
export function signInAgain(sender: string, step: SignInStep): string {
  return `on a trusted device run \`ACTIONPLAN_TOKEN_CACHE=sender-cache.json npx actionplan reminders --site ${step.site} --as ${sender} --dry-run\`, then \`az keyvault secret set --vault-name ${step.vault} -n ${step.secret} -f sender-cache.json\``;
}

/** The step from the daily job's own settings where doctor has them (ACTIONPLAN_KEY_VAULT_URL and the secret). */
export function signInStepFor(site: string, env: NodeJS.ProcessEnv = process.env): SignInStep {
  let vault = "<vault>";
  try {
    if (env.ACTIONPLAN_KEY_VAULT_URL)
      vault = new URL(env.ACTIONPLAN_KEY_VAULT_URL).hostname.split(".")[0] ?? vault;
  } catch {
    // Not an address: the placeholder stands.
  }
  return { site, vault, secret: env.ACTIONPLAN_SENDER_CACHE_SECRET || "actionplan-sender-cache" };
}

const WHEN = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "long",
  timeStyle: "short",
  timeZone: "Europe/London",
});

/** The finding for the recorded sign-in (null: none yet) on `today` (Europe/London). */
export function senderSignInFinding(
  record: SenderSignIn | null,
  today: IsoDate,
  step: SignInStep,
): CheckResult {
  if (record === null || (record.failure === null && record.lastSucceededAt === null))
    return {
      check: CHECK,
      ok: true,
      lines: ["no renewal of the reminder sender's sign-in is recorded in the Reminder Runs list yet"],
      warnings: [
        "the daily job records the sender's sign-in each time it runs with the chat channel; if it has run since it was deployed, check its ACTIONPLAN_CHANNEL is chat",
      ],
    };
  const { sender } = record;
  if (record.failure !== null) {
    const tried = formatUkDate(londonDate(new Date(record.triedAt)) as IsoDate);
    const last =
      record.lastSucceededAt === null
        ? ""
        : `; it last renewed on ${formatUkDate(londonDate(new Date(record.lastSucceededAt)) as IsoDate)}`;
    return {
      check: CHECK,
      ok: false,
      lines: [
        `the daily job could not renew ${sender}'s sign-in on ${tried} (${record.failure}), so no chat cards are sent${last}: ${signInAgain(sender, step)} (the next run records it)`,
      ],
    };
  }
  const succeeded = new Date(record.lastSucceededAt ?? record.triedAt);
  const day = londonDate(succeeded) as IsoDate;
  const line = `${sender} last signed in (renewed by the daily job) on ${WHEN.format(succeeded)} (UK time)`;
  const age = daysBetween(day, today);
  if (age <= SENDER_SIGN_IN_WARNING_DAYS) return { check: CHECK, ok: true, lines: [line] };
  const refused = formatUkDate(addDays(day, REFRESH_TOKEN_IDLE_DAYS));
  return {
    check: CHECK,
    ok: true,
    lines: [line],
    warnings: [
      `${sender}'s sign-in has not been renewed for ${String(age)} days, and Entra ID refuses it once unused for ${String(REFRESH_TOKEN_IDLE_DAYS)} (from ${refused}): check the daily job still runs with ACTIONPLAN_CHANNEL=chat, or ${signInAgain(sender, step)}`,
    ],
  };
}

/** Read the Reminder Runs list and say whether the reminder sender's sign-in still renews. */
export async function checkSenderSignIn(
  ctx: DataContext,
  today: IsoDate,
  step: SignInStep,
): Promise<CheckResult> {
  try {
    return senderSignInFinding(await readSenderSignIn(ctx), today, step);
  } catch (error) {
    return {
      check: CHECK,
      ok: false,
      lines: [`cannot read the Reminder Runs list: ${describeCliError(error)}`],
    };
  }
}
