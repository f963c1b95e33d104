// The fictional tenant the sandbox serves: the London Borough of Northbridge, its people, their posts and the
// manager chain. Graph answers users and managers from here; SharePoint seeds site groups from `siteGroup`;
// plan imports map an SRO post ("Corporate Director Resources") to the person who holds it.
// Every name and number is invented. Phone numbers are in Ofcom's drama ranges (020 7946 0xxx, 07700 900xxx).

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

const TOWN_HALL = "Town Hall, Northbridge Square";
const CIVIC_CENTRE = "Civic Centre, Riverside Road";
const DEPOT = "Marsh Lane Depot";

interface Entry {
  id: string;
  givenName: string;
  surname: string;
  jobTitle: string;
  department: string;
  /** The manager's post (their jobTitle): easier to read and check than a UPN. */
  reportsTo?: string;
  siteGroup: SiteGroup | null;
  officeLocation?: string;
  phone?: string;
  mobile?: string;
  interim?: true;
  /** No Teams licence; see Person.teams. */
  teams?: false;
}

// Order: chief executive's office, then each directorate top-down, then the Mayor's office and the
// people outside the officer structure. Ids were generated once and must never change.
const ENTRIES: readonly Entry[] = [
  // Chief Executive's Office
  {
    id: "be16bd81-e5f1-4c1c-9b23-9c0f924e6571",
    givenName: "Adaeze",
    surname: "Okonkwo",
    jobTitle: "CEO",
    department: "Chief Executive's Office",
    siteGroup: "Members",
    officeLocation: TOWN_HALL,
    phone: "+44 20 7946 0100",
  },
  {
    id: "ca5df85f-f2e8-4e23-b886-8db6b72f1ba5",
    givenName: "Rajesh",
    surname: "Mistry",
    jobTitle: "Deputy CEO",
    department: "Chief Executive's Office",
    reportsTo: "CEO",
    siteGroup: "Members",
    officeLocation: TOWN_HALL,
    phone: "+44 20 7946 0101",
  },
  {
    id: "b1814a5b-f1a9-431a-9d4b-a5858cd71094",
    givenName: "Ben",
    surname: "Okoro",
    jobTitle: "Executive Assistant to the Chief Executive",
    department: "Chief Executive's Office",
    reportsTo: "CEO",
    siteGroup: null,
    officeLocation: TOWN_HALL,
    phone: "+44 20 7946 0102",
  },
  {
    id: "a1ac3503-9fa9-46c2-9362-613cf3dc8503",
    givenName: "Thomas",
    surname: "Hargreaves",
    jobTitle: "Head of Corporate Communications",
    department: "Chief Executive's Office",
    reportsTo: "Deputy CEO",
    siteGroup: "Members",
    officeLocation: TOWN_HALL,
    phone: "+44 20 7946 0103",
    mobile: "+44 7700 900103",
  },

  // Resources
  {
    id: "847f3553-5824-4725-91fc-f93a95703a6e",
    givenName: "Helen",
    surname: "Fairbairn",
    jobTitle: "Corporate Director Resources",
    department: "Resources",
    reportsTo: "CEO",
    siteGroup: "Members",
    officeLocation: TOWN_HALL,
    phone: "+44 20 7946 0200",
  },
  {
    id: "bd78ce58-e727-43c7-940c-71d16e867a26",
    givenName: "Tomasz",
    surname: "Nowak",
    jobTitle: "Acting Director SIT",
    department: "Strategy, Improvement and Transformation",
    reportsTo: "Corporate Director Resources",
    siteGroup: "Members",
    officeLocation: TOWN_HALL,
    phone: "+44 20 7946 0210",
    mobile: "+44 7700 900210",
    interim: true,
  },
  {
    id: "626fd7a7-a659-4cbd-9509-7655c7112ba0",
    givenName: "Grace",
    surname: "Adeyemi",
    jobTitle: "Monitoring Officer",
    department: "Legal and Governance",
    reportsTo: "Corporate Director Resources",
    siteGroup: "Members",
    officeLocation: TOWN_HALL,
    phone: "+44 20 7946 0220",
  },
  {
    id: "c10d3e65-704d-4586-9532-29b85310ca5e",
    givenName: "Owen",
    surname: "Pritchard",
    jobTitle: "Director of Finance",
    department: "Resources",
    reportsTo: "Corporate Director Resources",
    siteGroup: null,
    officeLocation: TOWN_HALL,
    phone: "+44 20 7946 0230",
  },
  {
    id: "9ab51bac-c8c4-4c35-9439-f1ebb137e993",
    givenName: "Mei Lin",
    surname: "Chen",
    jobTitle: "Director of Human Resources",
    department: "Resources",
    reportsTo: "Corporate Director Resources",
    siteGroup: null,
    officeLocation: TOWN_HALL,
    phone: "+44 20 7946 0240",
  },
  // SIT: the coordinating team (site Owners) plus the lead officer for the voluntary sector.
  {
    id: "705d7fe6-892b-46dc-bf4b-48e5ee1538fe",
    givenName: "Ruth",
    surname: "Abernethy",
    jobTitle: "Head of Strategy and Performance",
    department: "Strategy, Improvement and Transformation",
    reportsTo: "Acting Director SIT",
    siteGroup: "Owners",
    officeLocation: TOWN_HALL,
    phone: "+44 20 7946 0211",
  },
  {
    id: "3eeefc06-189e-46f9-a726-94997dd1225c",
    givenName: "Daniel",
    surname: "Osei",
    jobTitle: "Programme Manager (PMO)",
    department: "Strategy, Improvement and Transformation",
    reportsTo: "Head of Strategy and Performance",
    siteGroup: "Owners",
    officeLocation: TOWN_HALL,
    phone: "+44 20 7946 0212",
    mobile: "+44 7700 900212",
  },
  {
    id: "7cccdf72-f7aa-4e9c-83e2-54f9efffa252",
    givenName: "Siobhan",
    surname: "O'Connor",
    jobTitle: "Performance and Improvement Officer",
    department: "Strategy, Improvement and Transformation",
    reportsTo: "Programme Manager (PMO)",
    siteGroup: "Owners",
    officeLocation: TOWN_HALL,
    phone: "+44 20 7946 0213",
  },
  {
    id: "06ba589d-8690-4962-825c-997d52207e1b",
    givenName: "Harpreet",
    surname: "Kaur",
    jobTitle: "Senior Performance Analyst",
    department: "Strategy, Improvement and Transformation",
    reportsTo: "Head of Strategy and Performance",
    siteGroup: "Owners",
    officeLocation: TOWN_HALL,
    phone: "+44 20 7946 0214",
  },
  {
    id: "69166cb4-ba1d-472d-bf15-5ba2c90eea3e",
    givenName: "Laura",
    surname: "Kowalczyk",
    jobTitle: "Business Support Officer",
    department: "Strategy, Improvement and Transformation",
    reportsTo: "Programme Manager (PMO)",
    siteGroup: null,
    officeLocation: TOWN_HALL,
    phone: "+44 20 7946 0215",
  },
  {
    id: "cf791a7f-4307-4136-9853-10cacd25cd1a",
    givenName: "Jamal",
    surname: "Hussain",
    jobTitle: "Head of Partnerships and Voluntary Sector",
    department: "Strategy, Improvement and Transformation",
    reportsTo: "Acting Director SIT",
    siteGroup: "Members",
    officeLocation: CIVIC_CENTRE,
    phone: "+44 20 7946 0216",
  },
  // Legal and Governance
  {
    id: "142712a5-1c64-4cbc-83ff-699a88caa56f",
    givenName: "Eleanor",
    surname: "Pike",
    jobTitle: "Head of Democratic Services",
    department: "Legal and Governance",
    reportsTo: "Monitoring Officer",
    siteGroup: "Members",
    officeLocation: TOWN_HALL,
    phone: "+44 20 7946 0221",
  },
  {
    id: "1803fcf0-f59d-4c62-8ece-a77f4d2e2034",
    givenName: "Marcus",
    surname: "D'Souza",
    jobTitle: "Democratic Services Officer",
    department: "Legal and Governance",
    reportsTo: "Head of Democratic Services",
    siteGroup: null,
    officeLocation: TOWN_HALL,
    phone: "+44 20 7946 0222",
  },
  // Finance and HR
  {
    id: "d72309b1-7305-4f5e-9cca-3c0d30f61e79",
    givenName: "Nkechi",
    surname: "Eze",
    jobTitle: "Head of Procurement",
    department: "Resources",
    reportsTo: "Director of Finance",
    siteGroup: "Members",
    officeLocation: TOWN_HALL,
    phone: "+44 20 7946 0231",
  },
  {
    id: "0f55d4c1-b881-4b1a-a84f-65fa115c3755",
    givenName: "Wei",
    surname: "Zhang",
    jobTitle: "Finance Business Partner",
    department: "Resources",
    reportsTo: "Director of Finance",
    siteGroup: null,
    officeLocation: TOWN_HALL,
    phone: "+44 20 7946 0232",
  },
  {
    id: "21657a50-ec67-4d4d-a53e-546650d2aa3a",
    givenName: "Aisha",
    surname: "Begum",
    jobTitle: "Head of HR Policy and Workforce Development",
    department: "Resources",
    reportsTo: "Director of Human Resources",
    siteGroup: "Members",
    officeLocation: TOWN_HALL,
    phone: "+44 20 7946 0241",
  },

  // Communities
  {
    id: "904130c7-da56-4c5f-81ac-bf19d3409100",
    givenName: "Kwame",
    surname: "Asante",
    jobTitle: "Corporate Director Communities",
    department: "Communities",
    reportsTo: "CEO",
    siteGroup: "Members",
    officeLocation: CIVIC_CENTRE,
    phone: "+44 20 7946 0300",
  },
  {
    id: "156d909b-0920-4c74-bb17-98be7affcbc4",
    givenName: "Imran",
    surname: "Siddiqui",
    jobTitle: "Director of Community Safety",
    department: "Communities",
    reportsTo: "Corporate Director Communities",
    siteGroup: null,
    officeLocation: CIVIC_CENTRE,
    phone: "+44 20 7946 0310",
  },
  {
    id: "f876578f-149d-4570-8b08-45a4df105a1f",
    givenName: "Niamh",
    surname: "Gallagher",
    jobTitle: "Community Safety Manager",
    department: "Communities",
    reportsTo: "Director of Community Safety",
    siteGroup: null,
    officeLocation: CIVIC_CENTRE,
    phone: "+44 20 7946 0311",
  },
  {
    id: "95b140bb-cf56-4a73-b4d1-77267f7abf1d",
    givenName: "Lucy",
    surname: "Whitfield",
    jobTitle: "Director of Leisure and Culture",
    department: "Communities",
    reportsTo: "Corporate Director Communities",
    siteGroup: null,
    officeLocation: CIVIC_CENTRE,
    phone: "+44 20 7946 0320",
  },

  // Health and Social Care
  {
    id: "40c29e30-f620-4300-81ac-369931a79e78",
    givenName: "Priya",
    surname: "Raman",
    jobTitle: "Corporate Director Health and Social Care",
    department: "Health and Social Care",
    reportsTo: "CEO",
    siteGroup: "Members",
    officeLocation: CIVIC_CENTRE,
    phone: "+44 20 7946 0400",
  },
  {
    id: "396bf054-e286-4720-8dcf-a3b2f1f93305",
    givenName: "Samira",
    surname: "Haddad",
    jobTitle: "Director of Public Health",
    department: "Health and Social Care",
    reportsTo: "Corporate Director Health and Social Care",
    siteGroup: null,
    officeLocation: CIVIC_CENTRE,
    phone: "+44 20 7946 0410",
  },
  {
    id: "2de40c43-91a5-4447-af99-41b92258a76e",
    givenName: "Gareth",
    surname: "Llewellyn",
    jobTitle: "Director of Adult Social Care",
    department: "Health and Social Care",
    reportsTo: "Corporate Director Health and Social Care",
    siteGroup: null,
    officeLocation: CIVIC_CENTRE,
    phone: "+44 20 7946 0420",
  },
  {
    id: "dd9998aa-655d-4498-908c-dde793889f9c",
    givenName: "Kofi",
    surname: "Mensah",
    jobTitle: "Senior Social Worker",
    department: "Health and Social Care",
    reportsTo: "Director of Adult Social Care",
    siteGroup: null,
    officeLocation: CIVIC_CENTRE,
    mobile: "+44 7700 900421",
    // Frontline, on a mobile-only licence without Teams.
    teams: false,
  },

  // Housing and Regeneration
  {
    id: "a3ea5114-1ab5-49ea-97b5-82d5a596a7f2",
    givenName: "Declan",
    surname: "Murphy",
    jobTitle: "Corporate Director Housing and Regeneration",
    department: "Housing and Regeneration",
    reportsTo: "CEO",
    siteGroup: "Members",
    officeLocation: TOWN_HALL,
    phone: "+44 20 7946 0500",
  },
  {
    id: "abbf211f-ade9-4a66-b6f8-a265472d3bfb",
    givenName: "Amara",
    surname: "Nwosu",
    jobTitle: "Director of Housing",
    department: "Housing and Regeneration",
    reportsTo: "Corporate Director Housing and Regeneration",
    siteGroup: null,
    officeLocation: TOWN_HALL,
    phone: "+44 20 7946 0510",
  },
  {
    id: "2603d310-4f7d-4f6b-b6f8-6e3f7f7a7481",
    givenName: "Patrick",
    surname: "Doyle",
    jobTitle: "Head of Housing Options",
    department: "Housing and Regeneration",
    reportsTo: "Director of Housing",
    siteGroup: "Members",
    officeLocation: TOWN_HALL,
    phone: "+44 20 7946 0511",
  },
  {
    id: "2fd0352f-3f4e-4594-b8a6-3bf2b5507646",
    givenName: "Chloe",
    surname: "Bennett",
    jobTitle: "Housing Officer",
    department: "Housing and Regeneration",
    reportsTo: "Head of Housing Options",
    siteGroup: null,
    officeLocation: DEPOT,
    // Frontline at the depot, on a licence without Teams.
    teams: false,
  },
  {
    id: "b4ba0e66-950e-403a-bd3e-13ae27bf7468",
    givenName: "Callum",
    surname: "Fraser",
    jobTitle: "Director of Planning and Building Control",
    department: "Housing and Regeneration",
    reportsTo: "Corporate Director Housing and Regeneration",
    siteGroup: null,
    officeLocation: TOWN_HALL,
    phone: "+44 20 7946 0520",
  },

  // Children's Services: the statutory director reports straight to the chief executive.
  {
    id: "100ce79e-5018-44b8-ac49-72d8ba079387",
    givenName: "Fiona",
    surname: "McAllister",
    jobTitle: "Interim Director of Children's Services",
    department: "Children's Services",
    reportsTo: "CEO",
    siteGroup: "Visitors",
    officeLocation: CIVIC_CENTRE,
    phone: "+44 20 7946 0600",
    interim: true,
  },

  // The Mayor's Office. The directly elected Mayor is no officer, so has no manager.
  {
    id: "addfb7c3-e80b-4b4a-bcfb-92e94ba16f61",
    givenName: "Olumide",
    surname: "Adebayo",
    jobTitle: "Mayor",
    department: "Mayor's Office",
    siteGroup: "Visitors",
    officeLocation: TOWN_HALL,
    phone: "+44 20 7946 0700",
  },
  {
    id: "65a1ce93-7d1c-410f-9d71-3a7f9bce1eba",
    givenName: "Hannah",
    surname: "Goldberg",
    jobTitle: "Head of the Mayor's Office",
    department: "Mayor's Office",
    reportsTo: "CEO",
    siteGroup: "Visitors",
    officeLocation: TOWN_HALL,
    phone: "+44 20 7946 0701",
  },
  {
    id: "4585363e-66f9-49c9-a8ae-51351605b206",
    givenName: "Ibrahim",
    surname: "Khalil",
    jobTitle: "Policy Adviser to the Mayor",
    department: "Mayor's Office",
    reportsTo: "Head of the Mayor's Office",
    siteGroup: "Visitors",
    officeLocation: TOWN_HALL,
    phone: "+44 20 7946 0702",
  },

  // Outside the officer structure: board and scrutiny readers with no manager in the directory.
  {
    id: "79161790-6cc2-4430-94fe-9817fe73b0f9",
    givenName: "Janet",
    surname: "Ormerod",
    jobTitle: "Independent Improvement Board Chair",
    department: "Transformation Advisory Board",
    siteGroup: "Visitors",
  },
  {
    id: "bb4dc1c1-cc90-4e7c-8742-ede452f65ba3",
    givenName: "Rosa",
    surname: "Martinez",
    jobTitle: "Chair of Overview and Scrutiny Committee",
    department: "Overview and Scrutiny",
    siteGroup: "Visitors",
    mobile: "+44 7700 900800",
  },
];

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
