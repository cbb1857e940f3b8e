import { AppError } from "@/lib/errors";
import type { FeedSource, LiveFeedName } from "./feed-names";
import { pullScope } from "./pull-scope";
import { FEEDS, type FeedEnv } from "./registry";

/** What a live pull is asked for: a window, and a country or networks. */
export type PullRequest = { since: Date; until: Date; country?: string; asns?: readonly number[] };

/** A live pull ready to run (lib/server/ingest/run-pull.ts): its feed's wiring applied to the request. */
export type PullPlan = {
  feed: LiveFeedName;
  source: FeedSource;
  /** The window, and the country and networks when given (an empty list is none). */
  request: { since: Date; until: Date; country?: string; asns?: number[] };
  /** The request's canonical name, under which its cursor is saved (pullScope). */
  scope: string;
  baseUrl: string;
  token?: string;
};

/**
 * Everything a live pull needs, worked out before it touches the network or
 * the database, the same way for the command line and the scheduler: the
 * feed's API address and token from the environment (lib/ingest/registry.ts)
 * and the request's scope. A window that does not run forwards is a
 * VALIDATION error; a missing token is a FEED error that says which setting
 * to give.
 */
export function planPull(feed: LiveFeedName, request: PullRequest, env: FeedEnv): PullPlan {
  const { pull, source } = FEEDS[feed];
  if (!(request.since.getTime() < request.until.getTime())) throw new AppError("VALIDATION", `A ${feed} pull's window must end after it starts.`);
  const token = pull.token?.from(env);
  if (pull.token && !token) throw new AppError("FEED", pull.token.missing);
  const country = request.country;
  const asns = [...(request.asns ?? [])];
  const scoped = { since: request.since, until: request.until, ...(country ? { country } : {}), ...(asns.length > 0 ? { asns } : {}) };
  return { feed, source, request: scoped, scope: pullScope(scoped), baseUrl: pull.baseUrl(env), ...(token ? { token } : {}) };
}
