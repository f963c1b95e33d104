// What the CLI says when a command fails for a reason other than its options: one sentence in words (what
// failed, where, what to do), never a stack trace unless --debug is given.
import { RemoteError } from "../lib/remote-error.ts";

interface SystemError {
  code?: unknown;
  address?: unknown;
  port?: unknown;
  hostname?: unknown;
}

/** The Node system error behind `error` (fetch puts it in `cause`), if any. */
function systemCause(error: unknown): (Error & SystemError) | null {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++)
    if (typeof (e as SystemError).code === "string") return e;
  return null;
}

const where = (e: SystemError): string =>
  [e.address ?? e.hostname, e.port].filter((p) => typeof p === "string" || typeof p === "number").join(":");

/** One sentence for `error`, which a command did not handle. */
export function describeCliError(error: unknown): string {
  if (error instanceof RemoteError) {
    const asked = error.correlationId === null ? "" : ` (request id ${error.correlationId})`;
    return `${error.service} refused the request with HTTP ${String(error.status)}: ${error.serviceMessage.replace(/\.$/, "")}${asked}.`;
  }
  const cause = systemCause(error);
  switch (cause?.code) {
    case "ECONNREFUSED":
      return `nothing answered at ${where(cause) || "the address given"} (connection refused): if it is the sandbox, start it with \`npm start\` (or \`actionplan sandbox\`); otherwise check --site.`;
    case "ENOTFOUND":
      return `the server ${where(cause) || "named"} could not be found: check the address given with --site.`;
    case "EADDRINUSE":
      return `port ${typeof cause.port === "number" ? String(cause.port) : where(cause)} is already in use: stop the program using it, or choose another with --port.`;
    case "ETIMEDOUT":
    case "UND_ERR_CONNECT_TIMEOUT":
      return `the server at ${where(cause) || "the address given"} did not answer in time: check the network, then run the command again.`;
    case "EACCES":
      return `permission was refused (${cause.message}): choose a port above 1024 or a folder you can write to.`;
    default:
      break;
  }
  const name = error instanceof Error ? error.name : "";
  const message = (error instanceof Error ? error.message : String(error)).split("\n")[0] ?? "";
  // MSAL's errors (ClientAuthError, ServerError, InteractionRequiredAuthError) carry Entra's AADSTS text.
  if (/AuthError|ServerError/.test(name) || /AADSTS\d+/.test(message))
    return `signing in failed: ${message.replace(/\s+Trace ID:.*$/i, "").replace(/\.$/, "")}. Check ACTIONPLAN_TENANT_ID, ACTIONPLAN_CLIENT_ID and the app's consented permissions.`;
  return `${message.replace(/\.$/, "")}. Run it again with --debug for the details.`;
}
