import { RevocationListPage, REVOCATIONS_PATH } from '@ttm/auth';
import type { FeedEvent, FeedPage, ListingDocument, MatchOutcome, MatchOutcomesPage, SnapshotPage, UserContact, UserContactsPage } from '@ttm/events';
import { MATCH_OUTCOMES_PATH } from '@ttm/events';
import { serveInternalRoutes } from '@ttm/testing';

/**
 * The other services' internal routes the search service calls, served by one small HTTP server in a
 * test: the marketplace's `/internal/snapshot` and `/internal/feed` (the snapshot is history; a test
 * appends the feed events a publication would produce), the identity service's `/internal/users` and
 * `/internal/revocations` (nothing revoked) and the brokerage's `/internal/match-outcomes` (a test appends
 * outcomes; `outcomesStatus` other than 200 makes the route fail).
 * Like the real routes it answers only service tokens signed with the test's JWT secret.
 */
export interface InternalRoutesServer {
  /** `http://127.0.0.1:<port>/graphql`, for MARKETPLACE_URL, IDENTITY_URL and BROKERAGE_URL. */
  serviceUrl: string;
  events: FeedEvent[];
  /** The brokerage's decided matches, in feed order (their `cursor`s increasing). */
  outcomes: MatchOutcome[];
  outcomesStatus: number;
  /** Who `/internal/users` knows, by id. */
  users: Map<string, UserContact>;
  headSeq(): string;
  close(): Promise<void>;
}

export async function startInternalRoutes(options: { snapshot: ListingDocument[]; historyHead: number; jwtSecret: string }): Promise<InternalRoutesServer> {
  const events: FeedEvent[] = [];
  const users = new Map<string, UserContact>();
  const outcomes: MatchOutcome[] = [];
  const brokerage = { outcomesStatus: 200 };
  const headSeq = () => String(events.at(-1)?.seq ?? options.historyHead);

  const routes = await serveInternalRoutes(options.jwtSecret, (requestUrl) => {
    const params = requestUrl.searchParams;
    switch (requestUrl.pathname) {
      case '/internal/snapshot':
        return { status: 200, body: { documents: options.snapshot, nextAfter: null, headSeq: String(options.historyHead) } satisfies SnapshotPage };
      case '/internal/feed': {
        const after = BigInt(params.get('after') ?? '0');
        const limit = Number(params.get('limit') ?? '500');
        return { status: 200, body: { events: events.filter((event) => BigInt(event.seq) > after).slice(0, limit), headSeq: headSeq() } satisfies FeedPage };
      }
      case '/internal/users': {
        const ids = (params.get('ids') ?? '').split(',');
        return { status: 200, body: { users: ids.flatMap((id) => users.get(id) ?? []) } satisfies UserContactsPage };
      }
      case MATCH_OUTCOMES_PATH: {
        if (brokerage.outcomesStatus !== 200) return { status: brokerage.outcomesStatus, body: { message: 'brokerage unavailable' } };
        const after = BigInt(params.get('after') || '0');
        const limit = Number(params.get('limit') ?? '200');
        const rest = outcomes.filter((outcome) => BigInt(outcome.cursor) > after);
        const page = rest.slice(0, limit);
        return { status: 200, body: { outcomes: page, nextAfter: page.at(-1)?.cursor ?? (params.get('after') || '0'), hasMore: rest.length > limit } satisfies MatchOutcomesPage };
      }
      case REVOCATIONS_PATH:
        return { status: 200, body: { sessions: [], users: [] } satisfies RevocationListPage };
      default:
        return undefined;
    }
  });
  return Object.assign(brokerage, { ...routes, events, users, outcomes, headSeq });
}
