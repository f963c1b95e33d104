// The one configured Microsoft Graph client: bearer auth from a token source, Graph's retry handler
// (which honours Retry-After on 429/503/504), and failures turned into RemoteError.
import {
  Client,
  GraphError,
  HTTPMessageHandler,
  RetryHandler,
  RetryHandlerOptions,
  type Context,
  type Middleware,
} from "@microsoft/microsoft-graph-client";
import { RemoteError } from "../lib/remote-error.ts";

export interface GraphConnection {
  /** Graph's root, e.g. https://graph.microsoft.com or the sandbox's http://localhost:4300/graph */
  baseUrl: string;
  getToken: () => Promise<string>;
  maxRetries?: number;
  /** Told the status of every response from Graph, retries included (for the run's figures of 429s). */
  observe?: (status: number) => void;
}

/** Reports each response's status, sitting after the retry handler so that every retried 429 is seen. */
class ObserveMiddleware implements Middleware {
  private next: Middleware | undefined;

  constructor(private readonly observe: (status: number) => void) {}

  async execute(context: Context): Promise<void> {
    if (this.next === undefined) throw new Error("Graph middleware chain has no next handler.");
    await this.next.execute(context);
    if (context.response !== undefined) this.observe(context.response.status);
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}

/**
 * Adds the token to every request sent to the configured root. The library's own AuthenticationHandler only
 * does so for https Graph hosts, which would leave requests to the local sandbox unauthenticated.
 */
class BearerMiddleware implements Middleware {
  private next: Middleware | undefined;

  constructor(
    private readonly root: string,
    private readonly getToken: () => Promise<string>,
  ) {}

  async execute(context: Context): Promise<void> {
    const url = typeof context.request === "string" ? context.request : context.request.url;
    if (url.startsWith(this.root)) {
      const token = await this.getToken();
      const options = context.options ?? {};
      const headers = new Headers(options.headers);
      headers.set("Authorization", `Bearer ${token}`);
      context.options = { ...options, headers };
    }
    if (this.next === undefined) throw new Error("Graph middleware chain has no next handler.");
    await this.next.execute(context);
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}

/** Create the Graph client for a root and a token source. */
export function createGraphClient(connection: GraphConnection): Client {
  const root = connection.baseUrl.replace(/\/$/, "");
  const auth = new BearerMiddleware(root, connection.getToken);
  const retry = new RetryHandler(new RetryHandlerOptions(1, connection.maxRetries ?? 5));
  const http = new HTTPMessageHandler();
  auth.setNext(retry);
  if (connection.observe === undefined) retry.setNext(http);
  else {
    const observe = new ObserveMiddleware(connection.observe);
    retry.setNext(observe);
    observe.setNext(http);
  }
  return Client.initWithMiddleware({ baseUrl: `${root}/`, defaultVersion: "v1.0", middleware: auth });
}

/** Turn the Graph client's GraphError into RemoteError; anything else passes through unchanged. */
export function toRemoteError(error: unknown): unknown {
  if (error instanceof GraphError) {
    return new RemoteError(
      "Graph",
      error.statusCode,
      error.code ?? "",
      error.message,
      error.requestId ?? null,
    );
  }
  return error;
}

/** Graph wraps every failure of the JS client; turn it into RemoteError (or leave a plain one alone). */
export async function graphCall<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw toRemoteError(error);
  }
}

/**
 * The path to give client.api() for an @odata.nextLink. The client only reads absolute https links, so a
 * link under the configured root (the sandbox serves http) is turned into a path relative to the version.
 */
export function nextLinkPath(connection: Pick<GraphConnection, "baseUrl">, link: string): string {
  const root = `${connection.baseUrl.replace(/\/$/, "")}/v1.0`;
  return link.startsWith(root) ? link.slice(root.length) : link;
}
