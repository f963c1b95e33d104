// The tenant's Teams app catalog as the sandbox serves it (/appCatalogs/teamsApps): the Action Plan Tracker
// as the council would publish it, and one other organisation app, so that "installed, but not the app that
// is calling" can be tested too. Teams ties an app to its Entra app through the manifest's
// webApplicationInfo.id; activity notifications are allowed only from the Entra app of an installed app.
// Each sandbox keeps its own catalog: these two apps to start with, then what is published to it (an app, or
// a new version of one, each its own named document in the sandbox store, so a restart keeps them).
import { SANDBOX_CLIENT_ID } from "../auth.ts";
import type { SandboxStore } from "../store.ts";

/** A Teams app in the catalog with its one published definition (teamsApp + teamsAppDefinition in Graph). */
export interface CatalogApp {
  /** The catalog id Graph generates when the app is published: what installedApps binds to. */
  id: string;
  /** The manifest's own id (teamsApp.externalId). */
  externalId: string;
  displayName: string;
  version: string;
  /** The manifest's webApplicationInfo.id: the Entra app whose tokens act as this Teams app. */
  azureADAppId: string;
  shortDescription: string;
}

/**
 * The Action Plan Tracker. Its Entra app is the one the sandbox stamps on delegated tokens (the tab's own
 * registration), so app-only tokens issued for SANDBOX_CLIENT_ID send its activity notifications.
 */
export const ACTION_PLAN_TEAMS_APP: CatalogApp = {
  id: "4b2408d1-9194-44e0-99bb-243a591a5d2a",
  externalId: "5c0f3dd7-0b1a-4e16-8bc9-64ac67cdf211",
  displayName: "Action Plan Tracker",
  version: "1.0.0",
  azureADAppId: SANDBOX_CLIENT_ID,
  shortDescription: "Track improvement plan actions, updates and reminders.",
};

/** The apps every sandbox's catalog starts with. */
export const TEAMS_APP_CATALOG: readonly CatalogApp[] = [
  ACTION_PLAN_TEAMS_APP,
  {
    id: "0b679baf-40a2-4466-a03f-00ec424817a5",
    externalId: "3f460a95-60a8-45fe-a963-b59be605c0fe",
    displayName: "Northbridge Staff Directory",
    version: "2.3.0",
    azureADAppId: "9d1b2c6e-3a4f-4e0b-8c7d-1f2e3a4b5c6d",
    shortDescription: "Find colleagues across the council.",
  },
];

/** The seed app with this catalog id (GUIDs compare case-insensitively). */
export function catalogApp(id: string): CatalogApp | undefined {
  return TEAMS_APP_CATALOG.find((app) => app.id.toLowerCase() === id.toLowerCase());
}

/** Graph's teamsApp resource for a catalog app. */
export function teamsAppJson(
  app: Pick<CatalogApp, "id" | "externalId" | "displayName">,
): Record<string, unknown> {
  return {
    id: app.id,
    externalId: app.externalId,
    displayName: app.displayName,
    distributionMethod: "organization",
  };
}

/** Graph's teamsAppDefinition resource for a catalog app's published version. */
export function teamsAppDefinitionJson(app: CatalogApp): Record<string, unknown> {
  return definitionJson(app.id, {
    version: app.version,
    displayName: app.displayName,
    azureADAppId: app.azureADAppId,
    shortDescription: app.shortDescription,
    description: app.shortDescription,
    publishingState: "published",
    lastModifiedDateTime: null,
    createdBy: null,
  });
}

/** A version's state: waiting for an administrator's review, published, or rejected by one. */
export type PublishingState = "submitted" | "published" | "rejected";

/** One version of an app (a teamsAppDefinition), as the manifest uploaded gave it. */
export interface DefinitionRecord {
  version: string;
  displayName: string;
  /** The manifest's webApplicationInfo.id, or null when it has none. */
  azureADAppId: string | null;
  shortDescription: string;
  description: string;
  publishingState: PublishingState;
  lastModifiedDateTime: string | null;
  /** The Entra object id of the person who uploaded it (null for the seed). */
  createdBy: string | null;
}

/** An app in the catalog with every version uploaded, oldest first. */
export interface CatalogRecord {
  id: string;
  externalId: string;
  definitions: DefinitionRecord[];
}

/** Graph's teamsAppDefinition for one version; its id decodes to "<app id>##<version>##<State>", as Graph's do. */
export function definitionJson(appId: string, definition: DefinitionRecord): Record<string, unknown> {
  const state = definition.publishingState;
  return {
    id: Buffer.from(
      `${appId}##${definition.version}##${state[0]?.toUpperCase() ?? ""}${state.slice(1)}`,
    ).toString("base64"),
    teamsAppId: appId,
    azureADAppId: definition.azureADAppId,
    displayName: definition.displayName,
    version: definition.version,
    publishingState: state,
    shortDescription: definition.shortDescription,
    description: definition.description,
    lastModifiedDateTime: definition.lastModifiedDateTime,
    createdBy:
      definition.createdBy === null
        ? null
        : { user: { id: definition.createdBy, displayName: null, userIdentityType: "aadUser" } },
  };
}

/** The newest version of an app, published or not: whose name the catalog shows. */
export function latestDefinition(record: CatalogRecord): DefinitionRecord | undefined {
  return record.definitions.at(-1);
}

/**
 * What installs and notifications see of an app: its newest published version. Undefined when no version is
 * published yet (an app waiting for review cannot be installed).
 */
export function publishedApp(record: CatalogRecord): CatalogApp | undefined {
  const published = record.definitions.filter((d) => d.publishingState === "published").at(-1);
  if (published === undefined) return undefined;
  return {
    id: record.id,
    externalId: record.externalId,
    displayName: published.displayName,
    version: published.version,
    azureADAppId: published.azureADAppId ?? "",
    shortDescription: published.shortDescription,
  };
}

const CATALOG = "graph.catalog/";

function seedRecord(app: CatalogApp): CatalogRecord {
  return {
    id: app.id,
    externalId: app.externalId,
    definitions: [
      {
        version: app.version,
        displayName: app.displayName,
        azureADAppId: app.azureADAppId,
        shortDescription: app.shortDescription,
        description: app.shortDescription,
        publishingState: "published",
        lastModifiedDateTime: null,
        createdBy: null,
      },
    ],
  };
}

/** One sandbox's catalog: the seed apps, then what was published to it, written through to the store. */
export class TeamsCatalog {
  private readonly apps = new Map<string, CatalogRecord>();

  constructor(private readonly store: SandboxStore) {
    for (const app of TEAMS_APP_CATALOG) this.apps.set(app.id.toLowerCase(), seedRecord(app));
    // Documents were validated when written by this module; the store hands them back as plain JSON.
    for (const [name, value] of Object.entries(store.documents)) {
      if (name.startsWith(CATALOG)) this.apps.set(name.slice(CATALOG.length), value as CatalogRecord);
    }
  }

  /** Every app, seed apps first, then in the order they were published. */
  all(): CatalogRecord[] {
    return [...this.apps.values()];
  }

  /** The app with this catalog id (GUIDs compare case-insensitively). */
  record(id: string): CatalogRecord | undefined {
    return this.apps.get(id.toLowerCase());
  }

  /** The app whose manifest id is this one: each manifest id is in the catalog at most once. */
  byExternalId(externalId: string): CatalogRecord | undefined {
    return this.all().find((r) => r.externalId.toLowerCase() === externalId.toLowerCase());
  }

  /** The installable view of an app (its newest published version), as installs and notifications see it. */
  app(id: string): CatalogApp | undefined {
    const record = this.record(id);
    return record === undefined ? undefined : publishedApp(record);
  }

  /** Keep a new app, or an app with a new version (durably, before the answer goes out). */
  save(record: CatalogRecord): void {
    const key = record.id.toLowerCase();
    this.apps.set(key, record);
    this.store.saveDocument(`${CATALOG}${key}`, record);
  }
}
