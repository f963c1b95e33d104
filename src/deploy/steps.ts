// The README's "Deploy to your tenant" path as data: each numbered step with the role it needs (as Microsoft
// documents it), its hands-on time, what to check after it and the error seen when it went wrong. The
// README's table is held to this list by tests/integration/deploy-steps.test.ts, and `actionplan deploy`
// names the same roles when Azure or Microsoft 365 refuses it.

export interface DeployStep {
  /** Its number in the README. */
  n: number;
  title: string;
  /** Who can do it. */
  role: string;
  /** Minutes of hands-on work (waiting for `deploy` to run is not counted). */
  minutes: number;
  /** What to check after it. */
  check: string;
  /** The error seen when it went wrong, and its fix. */
  whenWrong: string;
}

export const ROLES = {
  siteAdmin: "SharePoint Administrator",
  appDeveloper: "Application Developer (or any user, when 'Users can register applications' is on)",
  consent: "Privileged Role Administrator or Global Administrator",
  groupOwner: "Owner of the resource group (the Bicep assigns roles)",
  teamsAdmin: "Teams Administrator",
  siteOwner: "an Owner of the site",
  userAdmin: "User Administrator",
} as const;

export const DEPLOY_STEPS: readonly DeployStep[] = [
  {
    n: 1,
    title: "The SharePoint site and the reminder service account",
    role: `${ROLES.siteAdmin}; ${ROLES.userAdmin} for the service account`,
    minutes: 5,
    check: "the site opens; the service account can sign in to Teams",
    whenWrong: "'Access denied' creating a site: ask a SharePoint Administrator",
  },
  {
    n: 2,
    title: "The settings file (env/.env.dev)",
    role: "none",
    minutes: 5,
    check: "`npm run deploy -- --env env/.env.dev --check` says the settings are complete",
    whenWrong: "deploy names each setting that is missing or malformed, and the file",
  },
  {
    n: 3,
    title: "`npm run deploy -- --env env/.env.dev`",
    role: `${ROLES.groupOwner}; ${ROLES.appDeveloper}; ${ROLES.teamsAdmin} to publish the app (or --review); ${ROLES.siteOwner}`,
    minutes: 5,
    check: "it ends 'Deployed.' and lists what is left for others",
    whenWrong: "it stops at the first refusal with the role that is missing; run it again once granted",
  },
  {
    n: 4,
    title: "Admin consent",
    role: ROLES.consent,
    minutes: 2,
    check: "run deploy again: its consent step passes",
    whenWrong: "'Need admin approval' or AADSTS65001: consent was not granted, or by a role that cannot",
  },
  {
    n: 5,
    title: "The app's site grant (Sites.Selected)",
    role: ROLES.siteAdmin,
    minutes: 3,
    check: "`actionplan doctor --app` passes 'app's site grant'",
    whenWrong:
      "403 from SharePoint in the daily run: the grant is missing or too small (doctor prints the calls)",
  },
  {
    n: 6,
    title: "The reminder service account signs in once (chat only)",
    role: "the service account; Key Vault Secrets Officer (deploy gives it to whoever deploys)",
    minutes: 3,
    check: "`az keyvault secret show` finds actionplan-sender-cache",
    whenWrong: "AADSTS50097 or a device-code block: use ACTIONPLAN_SIGN_IN=browser on a compliant device",
  },
  {
    n: 7,
    title: "Teams admin centre: allow and pin the app",
    role: ROLES.teamsAdmin,
    minutes: 5,
    check: "an SRO sees 'My actions' in their Teams app bar",
    whenWrong: "'This app isn't available' in Teams: the permission policy does not allow it",
  },
  {
    n: 8,
    title: "Check it: `actionplan doctor`",
    role: ROLES.siteOwner,
    minutes: 2,
    check: "'Every check passed.'",
    whenWrong: "each failed check says what to fix",
  },
];

/** The hands-on minutes of the whole path. */
export function totalMinutes(steps: readonly DeployStep[] = DEPLOY_STEPS): number {
  return steps.reduce((sum, step) => sum + step.minutes, 0);
}

/** The README's table of the steps (Markdown). */
export function stepsTable(steps: readonly DeployStep[] = DEPLOY_STEPS): string {
  const rows = steps.map(
    (s) =>
      `| ${String(s.n)} | ${s.title} | ${s.role} | ${String(s.minutes)} min | ${s.check} | ${s.whenWrong} |`,
  );
  return [
    "| step | what | role it needs | hands-on | check after it | when it went wrong |",
    "| ---- | ---- | ------------- | -------- | -------------- | ------------------ |",
    ...rows,
  ].join("\n");
}
