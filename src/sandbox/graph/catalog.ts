// The tenant's Teams app catalog as the sandbox serves it (GET /appCatalogs/teamsApps): the Action Plan
// Tracker as the council would publish it, and one other organisation app, so that "installed, but not the
// app that is calling" can be tested too. Teams ties an app to its Entra app through the manifest's
// webApplicationInfo.id; activity notifications are allowed only from the Entra app of an installed app.
import { SANDBOX_CLIENT_ID } from "../auth.ts";

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

/** Every app in the sandbox tenant's catalog. */
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

/** The catalog app with this catalog id (GUIDs compare case-insensitively). */
export function catalogApp(id: string): CatalogApp | undefined {
  return TEAMS_APP_CATALOG.find((app) => app.id.toLowerCase() === id.toLowerCase());
}

/** Graph's teamsApp resource for a catalog app. */
export function teamsAppJson(app: CatalogApp): Record<string, unknown> {
  return {
    id: app.id,
    externalId: app.externalId,
    displayName: app.displayName,
    distributionMethod: "organization",
  };
}

/** Graph's teamsAppDefinition resource for a catalog app's published version. */
export function teamsAppDefinitionJson(app: CatalogApp): Record<string, unknown> {
  return {
    id: Buffer.from(`${app.id}##${app.version}##Published`).toString("base64"),
    teamsAppId: app.id,
    azureADAppId: app.azureADAppId,
    displayName: app.displayName,
    version: app.version,
    publishingState: "published",
    shortDescription: app.shortDescription,
    description: app.shortDescription,
    lastModifiedDateTime: null,
    createdBy: null,
  };
}
