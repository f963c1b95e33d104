// `actionplan provision`: create or upgrade the app's lists on a SharePoint site (or the sandbox).
import { RemoteError, describeForPeople } from "../../lib/remote-error.ts";
import { createSharePoint } from "../../sharepoint/core/index.ts";
import { provisionSite, type ProvisionReport } from "../../sharepoint/provision/index.ts";
import { tokenSourceFor } from "../auth.ts";
import { type Command, defineCommand, optionsHelp, type OptionSpecs } from "../command.ts";
import { z } from "zod";
import { siteSchema } from "../site.ts";

const specs = {
  site: {
    type: "string",
    value: "URL",
    help: [
      `the site, e.g. https://contoso.sharepoint.com/sites/improvement`,
      `or the sandbox's http://localhost:4300/sites/improvement`,
    ],
  },
  as: {
    type: "string",
    value: "UPN",
    help: [
      `against the sandbox: whom to act as (a site owner); against SharePoint Online: the account`,
      `to sign in with (device code), ignored when signing in as the app with a certificate`,
    ],
  },
  "reminder-sender": {
    type: "string",
    value: "UPN",
    help: [
      `the service account the daily reminder run signs in as (delegated chat messages): it may`,
      `write the Reminder Log; it must be a Member or Visitor of the site to read the plans`,
    ],
    alone: true,
  },
  json: { type: "boolean", help: `print the report as JSON` },
} as const satisfies OptionSpecs;

const help = `Usage: actionplan provision --site <url> [--as <upn>] [--reminder-sender <upn>] [--json]

Creates the lists, columns and indexes Action Plan Tracker needs on a SharePoint site, or upgrades a site
provisioned by an older version. Safe to run again: a site that is up to date is left unchanged. The site's
Owners, Members and Visitors groups are the app's coordinators, SROs and read-only viewers, and SharePoint
itself holds who may write what (run provision again to put back permissions changed by hand):
  Progress Updates, Target Date Changes   SROs add them and edit only their own; everyone reads them
  Plans, Recommendations, Actions,        coordinators (and the app) write; SROs and viewers read
  SRO Posts, Reporting Periods
  Reminder Log                            coordinators and the reminder sender only; nobody else reads it

${optionsHelp(specs)}

Signing in to SharePoint Online reads ACTIONPLAN_TENANT_ID and ACTIONPLAN_CLIENT_ID, and for an app
(no person) ACTIONPLAN_CERT_PATH (PEM with certificate and private key); see the README.`;

function printReport(siteUrl: string, report: ProvisionReport, elapsedMs: number): void {
  const { roles } = report;
  const lines = [`Site ${siteUrl}`];
  if (report.changes.length === 0 && report.problems.length === 0) {
    lines.push(`No changes: the site is already at schema ${String(report.schemaVersion)}.`);
  } else {
    const before = report.siteVersionBefore === null ? "none" : String(report.siteVersionBefore);
    lines.push(
      `Schema ${before} -> ${String(report.schemaVersion)}: ${String(report.changes.length)} change(s)`,
    );
    lines.push(...report.changes.map((c) => `  + ${c}`));
  }
  lines.push(
    `Coordinators: ${roles.coordinators?.title ?? "(none)"}; SROs: ${roles.sros?.title ?? "(none)"}; viewers: ${roles.viewers?.title ?? "(none)"}`,
  );
  if (report.reminderSender !== null) lines.push(`Reminder sender: ${report.reminderSender.title}`);
  if (report.problems.length > 0) lines.push("Problems:", ...report.problems.map((p) => `  ! ${p}`));
  lines.push(`Done in ${(elapsedMs / 1000).toFixed(1)} s.`);
  console.log(lines.join("\n"));
}

export const provisionCommand: Command = defineCommand({
  name: "provision",
  summary: "create or upgrade the app's lists on a SharePoint site",
  help,
  options: specs,
  schema: siteSchema.extend({ "reminder-sender": z.email().optional() }),
  run: async (options) => {
    const sp = createSharePoint({
      siteUrl: options.site,
      getToken: tokenSourceFor(options.site, options.as),
    });
    const started = Date.now();
    try {
      const sender = options["reminder-sender"];
      const report = await provisionSite(
        sp,
        undefined,
        sender === undefined ? {} : { reminderSender: sender },
      );
      if (options.json) console.log(JSON.stringify({ site: options.site, ...report }, null, 2));
      else printReport(options.site, report, Date.now() - started);
      return report.problems.length > 0 ? 1 : 0;
    } catch (error) {
      if (error instanceof RemoteError) {
        // Setting who may write each list is Full Control's: say which permission the sign-in lacks.
        const needs = error.isAppPermissionRefusal
          ? "\n  provision needs the SharePoint permission AllSites.FullControl (delegated), or, signed in as the app, Sites.Selected with `fullcontrol` on this site (README, Deploy to your tenant, step 2)."
          : "";
        console.error(`actionplan provision: ${describeForPeople(error)}${needs}\n  (${error.message})`);
        return 1;
      }
      throw error;
    }
  },
});
