// One error type for every failure of SharePoint or Graph, carrying what an operator needs to trace it,
// and the one place it is turned into words a council officer understands.

export type RemoteService = "SharePoint" | "Graph";

export class RemoteError extends Error {
  constructor(
    readonly service: RemoteService,
    readonly status: number,
    /** The service's own code, e.g. "-2147024860, Microsoft.SharePoint.SPQueryThrottledException" or "Request_ResourceNotFound". */
    readonly code: string,
    /** The service's own message, kept for logs and for the operator. */
    readonly serviceMessage: string,
    /** The id to quote when asking the service's support (SPRequestGuid / request-id), or the client's own. */
    readonly correlationId: string | null,
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(`${service} ${status} ${code}: ${serviceMessage}`);
    this.name = "RemoteError";
  }

  get isConflict(): boolean {
    return this.status === 412;
  }

  get isThrottled(): boolean {
    return this.status === 429 || this.status === 503;
  }

  /**
   * SharePoint's 403 when the person may but the app may not: the token's SharePoint permission (or the app's
   * Sites.Selected grant on the site) does not reach the operation. SharePoint words it as .NET's own
   * UnauthorizedAccessException; a person lacking the right gets "Access denied." instead.
   */
  get isAppPermissionRefusal(): boolean {
    return (
      this.service === "SharePoint" &&
      this.status === 403 &&
      this.serviceMessage.startsWith("Attempted to perform an unauthorized operation")
    );
  }
}

interface ErrorBody {
  code: string;
  message: string;
}

/** Read the code and message from SharePoint's odata.error / error or Graph's error body. */
export function readErrorBody(text: string): ErrorBody {
  try {
    const json = JSON.parse(text) as Record<string, unknown>;
    const error = (json["odata.error"] ?? json.error) as Record<string, unknown> | string | undefined;
    if (typeof error === "object") {
      const message = error.message;
      const value =
        typeof message === "object" && message !== null ? (message as { value?: unknown }).value : message;
      return {
        code: typeof error.code === "string" ? error.code : "",
        message: typeof value === "string" ? value : "",
      };
    }
    if (typeof json.error_description === "string") {
      return { code: typeof error === "string" ? error : "", message: json.error_description };
    }
  } catch {
    // Not JSON: an HTML error page from a proxy, say. The status says enough.
  }
  return { code: "", message: text.slice(0, 500) };
}

/** Build a RemoteError from a failed fetch Response. */
export async function remoteErrorFrom(
  service: RemoteService,
  response: Response,
  clientRequestId: string | null = null,
): Promise<RemoteError> {
  const text = await response.clone().text();
  const body = readErrorBody(text);
  const retryAfter = Number(response.headers.get("retry-after"));
  const correlation =
    response.headers.get("sprequestguid") ?? response.headers.get("request-id") ?? clientRequestId;
  return new RemoteError(
    service,
    response.status,
    body.code,
    body.message || response.statusText,
    correlation,
    Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null,
  );
}

/** Words for a council officer: what happened and what to do, never a stack or a raw code. */
export function describeForPeople(error: RemoteError): string {
  if (error.status === 401)
    return `Your sign-in to ${error.service === "SharePoint" ? "SharePoint" : "Microsoft 365"} has expired. Please sign in again.`;
  if (error.isAppPermissionRefusal)
    return "Action Plan Tracker has not been given the permission to do this in SharePoint. Ask your Microsoft 365 administrator to check the permissions granted to the app.";
  if (error.status === 403)
    return "You do not have permission to do this. Ask the plan's coordinator if you think you should.";
  if (error.status === 404) return "This item no longer exists. Someone may have deleted it.";
  if (error.status === 412)
    return "Someone else changed this action while you were editing it. Review their change, then try again.";
  if (error.isThrottled) {
    const wait = error.retryAfterSeconds === null ? "a moment" : `${error.retryAfterSeconds} seconds`;
    return `${error.service} is busy. Please try again in ${wait}.`;
  }
  if (error.code.includes("SPQueryThrottledException")) {
    return "This list has grown too large to search that way. Please tell the app's support team.";
  }
  return `${error.service} could not complete the request (error ${error.status}). If it keeps happening, give support this reference: ${error.correlationId ?? "none"}.`;
}
