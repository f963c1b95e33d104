// The fictional tenant the sandbox serves: the London Borough of Northbridge, its people, their posts and the
// manager chain. Graph answers users and managers from here; SharePoint seeds site groups from `siteGroup`;
// plan imports map an SRO post ("Corporate Director Resources") to the person who holds it.
// Every name and number is invented. Phone numbers are in Ofcom's drama ranges (020 7946 0xxx, 07700 900xxx).

import { ENTRIES, type Entry } from "./directory-people.ts";

/** The SharePoint groups of the plan site /sites/improvement. */
export type SiteGroup = "Owners" | "Members" | "Visitors";

/** One person in the directory, shaped after the Graph user properties the app reads. */
export interface Person {
  /** Entra object id: fixed forever, because SharePoint items and chats refer to it. */
  readonly id: string;
  readonly upn: string;
  readonly displayName: string;
  readonly givenName: string;
  readonly surname: string;
  /** Equal to the UPN, as in most councils. */
  readonly mail: string;
  /** The post held, spelled as the plans spell it, so an SRO column resolves to a holder. */
  readonly jobTitle: string;
  readonly department: string;
  readonly officeLocation?: string;
  readonly businessPhones: readonly string[];
  readonly mobilePhone?: string;
  /** Undefined at the top of the chain and for people outside it (the Mayor, the board chair). */
  readonly managerUpn?: string;
  /** Owners = coordinators (SIT/PMO), Members = SROs and lead officers, Visitors = read-only, null = no access. */
  readonly siteGroup: SiteGroup | null;
  /** Acting or interim post holders: reminders still go to them, reports may say "interim". */
  readonly interim?: boolean;
  /**
   * False for people without a Microsoft Teams licence (frontline staff on mobile-only plans): the Graph
   * emulator refuses chats with them and app installs for them, as Teams does, so the notifier's "recipient
   * without Teams is reported and skipped" path can be exercised. Absent means a normal Teams user.
   */
  readonly teams?: false;
}

/** The tenant every token, UPN and site URL in the sandbox belongs to. */
export const TENANT = {
  id: "d9f402a7-eead-4510-8a6e-c4eaeb37eece",
  domain: "northbridge.gov.uk",
  name: "northbridge",
} as const;

/** Lower case, accents and apostrophes dropped: "Siobhan O'Connor" -> "siobhan.oconnor". */
function upnFor(givenName: string, surname: string): string {
  const part = (s: string): string =>
    s
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/['\u2019]/g, "")
      .replace(/\s+/g, "");
  return `${part(givenName)}.${part(surname)}@${TENANT.domain}`;
}

function buildDirectory(entries: readonly Entry[]): Person[] {
  const upnByPost = new Map(entries.map((e) => [e.jobTitle, upnFor(e.givenName, e.surname)]));
  return entries.map((e) => {
    const upn = upnFor(e.givenName, e.surname);
    let managerUpn: string | undefined;
    if (e.reportsTo !== undefined) {
      managerUpn = upnByPost.get(e.reportsTo);
      // Fail at import: a typo here would otherwise surface as a missing manager far from the cause.
      if (managerUpn === undefined) throw new Error(`${upn} reports to unknown post "${e.reportsTo}"`);
    }
    return {
      id: e.id,
      upn,
      displayName: `${e.givenName} ${e.surname}`,
      givenName: e.givenName,
      surname: e.surname,
      mail: upn,
      jobTitle: e.jobTitle,
      department: e.department,
      businessPhones: e.phone === undefined ? [] : [e.phone],
      siteGroup: e.siteGroup,
      ...(e.officeLocation === undefined ? {} : { officeLocation: e.officeLocation }),
      ...(e.mobile === undefined ? {} : { mobilePhone: e.mobile }),
      ...(managerUpn === undefined ? {} : { managerUpn }),
      ...(e.interim === undefined ? {} : { interim: true }),
      ...(e.teams === undefined ? {} : { teams: false }),
    };
  });
}

/** Everyone in the tenant, in a fixed order. */
export const DIRECTORY: readonly Person[] = buildDirectory(ENTRIES);

const byUpn = new Map(DIRECTORY.map((p) => [p.upn.toLowerCase(), p]));
const byId = new Map(DIRECTORY.map((p) => [p.id.toLowerCase(), p]));
const byPost = new Map(DIRECTORY.map((p) => [normalisePost(p.jobTitle), p]));

// Post names the plans use that are not anyone's exact job title.
// "Acting Director" (action 8.2, the VCS Strategy and Compact refresh) names no directorate. The only acting
// director the plan names is the Acting Director SIT, and voluntary-sector partnership work sits in SIT here
// (the Head of Partnerships and Voluntary Sector reports to that post), so the bare title resolves to it.
const POST_ALIASES: ReadonlyMap<string, string> = new Map([["acting director", "Acting Director SIT"]]);

function normalisePost(post: string): string {
  return post.trim().replace(/\s+/g, " ").toLowerCase();
}

/** Case-insensitive, as Entra matches UPNs. */
export function personByUpn(upn: string): Person | undefined {
  return byUpn.get(upn.toLowerCase());
}

/** By Entra object id (GUIDs compare case-insensitively). */
export function personById(id: string): Person | undefined {
  return byId.get(id.toLowerCase());
}

/** Graph's `/users/{id | userPrincipalName}` lookup. */
export function personByIdOrUpn(key: string): Person | undefined {
  return personById(key) ?? personByUpn(key);
}

/** The person's line manager, if any. */
export function managerOf(person: Person): Person | undefined {
  return person.managerUpn === undefined ? undefined : personByUpn(person.managerUpn);
}

/** The people who report directly to this person, in directory order. */
export function directReports(person: Person): Person[] {
  const upn = person.upn.toLowerCase();
  return DIRECTORY.filter((p) => p.managerUpn?.toLowerCase() === upn);
}

/** The holder of one post as a plan writes it (case and spacing ignored; "Acting Director" is an alias). */
export function personByPost(post: string): Person | undefined {
  const key = normalisePost(post);
  const alias = POST_ALIASES.get(key);
  return byPost.get(alias === undefined ? key : normalisePost(alias));
}

/**
 * The holders of an SRO cell, which may name several posts joined by "/" ("CEO/Monitoring Officer"), in the
 * order written and without repeats. Unknown posts are left out; an empty cell gives [].
 */
export function postHolders(postText: string): Person[] {
  const holders: Person[] = [];
  for (const part of postText.split("/")) {
    if (part.trim() === "") continue;
    const holder = personByPost(part);
    if (holder !== undefined && !holders.includes(holder)) holders.push(holder);
  }
  return holders;
}
