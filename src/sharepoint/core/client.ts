// The one configured PnPjs root per site and token source: JSON light headers, bearer auth, retry on 429/503
// honouring Retry-After, and failures turned into RemoteError with the request's correlation id.
import { spfi, DefaultHeaders, Telemetry, type SPFI } from "@pnp/sp";
import {
  BrowserFetchWithRetry,
  DefaultParse,
  HttpRequestError,
  ResolveOnData,
  type Queryable,
} from "@pnp/queryable";
import { remoteErrorFrom } from "../../lib/remote-error.ts";
import "@pnp/sp/webs/index.js";
import "@pnp/sp/lists/index.js";
import "@pnp/sp/items/index.js";
import "@pnp/sp/site-users/web.js";
import "@pnp/sp/site-groups/web.js";
import "@pnp/sp/batching.js";
// Fields (only provisioning reads and adds them) are imported by provision.ts, keeping them off the tab.

export type TokenSource = () => Promise<string>;

export interface SharePointConnection {
  siteUrl: string;
  getToken: TokenSource;
  /** Attempts per request, counting the first; SharePoint asks callers to honour Retry-After on 429/503. */
  attempts?: number;
}

/** Adds the bearer token at the auth moment, fetched fresh per request so a token cache can refresh it. */
function BearerFrom(getToken: TokenSource) {
  return (instance: Queryable) => {
    instance.on.auth.replace(async (url, init) => {
      const token = await getToken();
      // PnPjs keeps headers as a plain object throughout its pipeline (its own behaviors spread it the same way).
      init.headers = { ...(init.headers as Record<string, string>), Authorization: `Bearer ${token}` };
      return [url, init];
    });
    return instance;
  };
}

/** Rejects with RemoteError (status, service code, message, correlation id) instead of PnPjs's HttpRequestError. */
function RejectAsRemoteError() {
  return (instance: Queryable) => {
    instance.on.error(function (this: unknown, error: string | Error) {
      // PnPjs's own RejectOnError emits on the queryable's internal reject moment; its typings keep that
      // moment protected, so we name the two members we use.
      const self = this as { emit: Record<symbol, (reason: unknown) => void>; InternalReject: symbol };
      const reject = (reason: unknown) => {
        self.emit[self.InternalReject]?.(reason);
      };
      if (error instanceof HttpRequestError) {
        remoteErrorFrom("SharePoint", error.response).then(reject, () => {
          reject(error);
        });
      } else {
        reject(error);
      }
    });
    return instance;
  };
}

/** What PnPjs's DefaultInit sets up, with our rejection in place of its RejectOnError. */
function Init() {
  return (instance: Queryable) => {
    instance.on.pre((url, init, result) => {
      init.cache = "no-cache";
      return Promise.resolve([url, init, result]);
    });
    instance.using(Telemetry(), RejectAsRemoteError(), ResolveOnData());
    return instance;
  };
}

/** Create the PnPjs root for one site. */
export function createSharePoint(connection: SharePointConnection): SPFI {
  return spfi(connection.siteUrl).using(
    DefaultHeaders(),
    Init(),
    BrowserFetchWithRetry({ retries: connection.attempts ?? 6, interval: 500 }),
    DefaultParse(),
    BearerFrom(connection.getToken),
  );
}
