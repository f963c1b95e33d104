// How fast the notifier sends. Graph answers 429 past Teams' limits; rather than lean on retries (each one
// wasting a round trip and a Retry-After wait), sends are spaced to stay just under the limits.
//
// Source: "Microsoft Teams service limits" in Microsoft Graph's throttling guidance,
// https://learn.microsoft.com/graph/throttling-limits#microsoft-teams-service-limits:
// - POST a 1:1 or group chat message: 20 requests per second per app per tenant, 1 per second per app per
//   chat (and one per second per user in a given chat);
// - POST /users/{id}/teamwork/sendActivityNotification: 5 per second per app per tenant;
// - other Teams API calls (POST /chats, installedApps): 30 per second per app per tenant.
// The sandbox enforces the same table (src/sandbox/graph/throttle.ts), which is only a reference here.

/** Teams' documented limits the notifier paces itself under, in requests per second. */
export const TEAMS_LIMITS_PER_SECOND = {
  chatMessagePerApp: 20,
  chatMessagePerChat: 1,
  activityNotificationPerApp: 5,
  otherTeamsCallPerApp: 30,
} as const;

/**
 * Spacing is this much wider than the limit implies: the service's window and our timer never agree to the
 * millisecond, and one 429 costs a whole second of Retry-After, far more than the margin does.
 */
export const PACING_MARGIN = 0.04;

/** The smallest gap between two requests that keeps under `perSecond`, with the margin. */
export function intervalMs(perSecond: number): number {
  return (1000 / perSecond) * (1 + PACING_MARGIN);
}

/** Spaces calls: at most one per `interval` overall, and one per `perKeyInterval` for each key (a chat). */
export class Pacer {
  private nextAt = 0;
  private readonly nextByKey = new Map<string, number>();

  constructor(
    private readonly interval: number,
    private readonly perKeyInterval = 0,
    private readonly now: () => number = () => performance.now(),
    private readonly sleep: (ms: number) => Promise<void> = (ms) =>
      new Promise((resolve) => setTimeout(resolve, ms)),
  ) {}

  /** Wait until a call (about `key`, if given) may go, and book its slot. */
  async take(key?: string): Promise<void> {
    const now = this.now();
    const keyAt = key === undefined ? 0 : (this.nextByKey.get(key) ?? 0);
    const at = Math.max(now, this.nextAt, keyAt);
    this.nextAt = at + this.interval;
    if (key !== undefined) this.nextByKey.set(key, at + this.perKeyInterval);
    if (at > now) await this.sleep(at - now);
  }
}

/** The least time Teams' limits allow for `messages` chat messages: the per-app rate binds first. */
export function chatSendLowerBoundMs(messages: number): number {
  return (Math.max(0, messages - 1) * 1000) / TEAMS_LIMITS_PER_SECOND.chatMessagePerApp;
}
