// The permissions each Graph endpoint the app calls accepts, from its Learn page: the least privileged first,
// then the higher ones that also grant it. A scoped token (scp for a person, roles for an app) without one of
// them is answered 403 Authorization_RequestDenied, as Graph answers; the sandbox's test token (asked for with
// no scope) is not checked.
import type { SandboxRequest, SandboxResponse } from "../http.ts";
import { graphError } from "./errors.ts";

export interface GraphPermissionRow {
  method: "GET" | "POST";
  /** The path after /v1.0, `{id}` for any one segment. */
  path: string;
  /** Delegated permissions that allow it (least privileged first); empty when a person cannot call it. */
  delegated: readonly string[];
  /** Application permissions that allow it; empty when an app cannot call it. */
  application: readonly string[];
  learn: string;
}

const LEARN = "https://learn.microsoft.com/graph/api";

export const GRAPH_PERMISSIONS: readonly GraphPermissionRow[] = [
  {
    method: "GET",
    path: "/me",
    delegated: ["User.Read", "User.ReadBasic.All", "User.Read.All"],
    application: [],
    learn: `${LEARN}/user-get`,
  },
  {
    method: "GET",
    path: "/users",
    delegated: ["User.ReadBasic.All", "User.Read.All"],
    application: ["User.ReadBasic.All", "User.Read.All"],
    learn: `${LEARN}/user-list`,
  },
  {
    method: "GET",
    path: "/users/{id}",
    delegated: ["User.ReadBasic.All", "User.Read.All"],
    application: ["User.ReadBasic.All", "User.Read.All"],
    learn: `${LEARN}/user-get`,
  },
  {
    method: "GET",
    path: "/users/{id}/manager",
    delegated: ["User.Read.All"],
    application: ["User.Read.All"],
    learn: `${LEARN}/user-list-manager`,
  },
  {
    method: "POST",
    path: "/chats",
    delegated: ["Chat.Create", "Chat.ReadWrite"],
    application: ["Chat.Create", "Chat.ReadWrite.All"],
    learn: `${LEARN}/chat-post`,
  },
  {
    method: "GET",
    path: "/chats/{id}",
    delegated: ["Chat.ReadBasic", "Chat.Read", "Chat.ReadWrite"],
    application: ["Chat.ReadBasic.All", "Chat.Read.All", "Chat.ReadWrite.All"],
    learn: `${LEARN}/chat-get`,
  },
  {
    method: "GET",
    path: "/chats/{id}/messages",
    delegated: ["Chat.Read", "Chat.ReadWrite"],
    application: ["ChatMessage.Read.Chat", "Chat.Read.All", "Chat.ReadWrite.All"],
    learn: `${LEARN}/chat-list-messages`,
  },
  {
    method: "POST",
    path: "/chats/{id}/messages",
    delegated: ["ChatMessage.Send", "Chat.ReadWrite"],
    application: [],
    learn: `${LEARN}/chat-post-messages`,
  },
  {
    method: "GET",
    path: "/appCatalogs/teamsApps",
    delegated: ["AppCatalog.Submit", "AppCatalog.Read.All", "AppCatalog.ReadWrite.All"],
    application: ["AppCatalog.Read.All", "AppCatalog.ReadWrite.All"],
    learn: `${LEARN}/appcatalogs-list-teamsapps`,
  },
  {
    method: "POST",
    path: "/appCatalogs/teamsApps",
    delegated: ["AppCatalog.Submit", "AppCatalog.ReadWrite.All", "Directory.ReadWrite.All"],
    application: [],
    learn: `${LEARN}/teamsapp-publish`,
  },
  {
    method: "POST",
    path: "/appCatalogs/teamsApps/{id}/appDefinitions",
    delegated: ["AppCatalog.Submit", "AppCatalog.ReadWrite.All", "Directory.ReadWrite.All"],
    application: [],
    learn: `${LEARN}/teamsapp-update`,
  },
  {
    method: "GET",
    path: "/users/{id}/teamwork/installedApps",
    delegated: ["TeamsAppInstallation.ReadForUser", "TeamsAppInstallation.ReadWriteForUser"],
    application: ["TeamsAppInstallation.ReadForUser.All", "TeamsAppInstallation.ReadWriteForUser.All"],
    learn: `${LEARN}/userteamwork-list-installedapps`,
  },
  {
    method: "POST",
    path: "/users/{id}/teamwork/installedApps",
    delegated: ["TeamsAppInstallation.ReadWriteSelfForUser", "TeamsAppInstallation.ReadWriteForUser"],
    application: [
      "TeamsAppInstallation.ReadWriteSelfForUser.All",
      "TeamsAppInstallation.ReadWriteForUser.All",
    ],
    learn: `${LEARN}/userteamwork-post-installedapps`,
  },
  {
    method: "POST",
    path: "/users/{id}/teamwork/sendActivityNotification",
    delegated: ["TeamsActivity.Send"],
    application: ["TeamsActivity.Send"],
    learn: `${LEARN}/userteamwork-sendactivitynotification`,
  },
];

export function rowFor(method: string, path: string): GraphPermissionRow | undefined {
  const parts = path.split("/").filter(Boolean);
  return GRAPH_PERMISSIONS.find((row) => {
    if (row.method !== method) return false;
    const pattern = row.path.split("/").filter(Boolean);
    return (
      pattern.length === parts.length &&
      pattern.every((p, i) => p === "{id}" || p.toLowerCase() === parts[i]?.toLowerCase())
    );
  });
}

/**
 * Graph's 403 when the token's permissions (`scp` split, or `roles`; null for the sandbox's unchecked test
 * token) include none of those the endpoint accepts; null when it may go on (or the endpoint is not listed).
 */
export function graphPermissionRefusal(
  req: SandboxRequest,
  path: string,
  granted: { kind: "delegated" | "application"; permissions: readonly string[] } | null,
): SandboxResponse | null {
  if (granted === null) return null;
  const row = rowFor(req.method, path.replace(/\/+$/, "") || "/");
  if (row === undefined) return null;
  const accepted = granted.kind === "delegated" ? row.delegated : row.application;
  // No permission of this kind allows it at all (an app posting a chat message): the endpoint itself answers,
  // as Graph does, with its own refusal.
  if (accepted.length === 0) return null;
  if (accepted.some((p) => granted.permissions.includes(p))) return null;
  return graphError(
    403,
    "Authorization_RequestDenied",
    "Insufficient privileges to complete the operation.",
    req,
  );
}
