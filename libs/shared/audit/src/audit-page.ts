import { badInput } from '@ttm/errors';
import { decodeCursor, encodeCursor, MAX_PAGE_SIZE } from '@ttm/graphql';
import { isUUID } from 'class-validator';
import { AuditSnapshot } from './audit-entry.entity';
import { AuditAction, AuditTargetType, isAuditAction, isAuditTargetType } from './audit-vocabulary';

/** An audit entry as services pass it to each other (`GET /internal/audit`): `at` is an ISO 8601 instant. */
export interface AuditRecord {
  id: string;
  at: string;
  actorId: string | null;
  action: AuditAction;
  targetType: AuditTargetType;
  targetId: string;
  targetLabel: string | null;
  before: AuditSnapshot | null;
  after: AuditSnapshot | null;
  reason: string | null;
}

/** One service's entries, newest first, after the asked position. */
export interface AuditPage {
  entries: AuditRecord[];
  /** More entries follow the last one. */
  hasMore: boolean;
  /** Entries matching the filter, whatever the position. */
  totalCount: number;
}

/** Where a page starts: strictly after (older than) this entry. */
export interface AuditPosition {
  at: Date;
  id: string;
}

export interface AuditFilter {
  action?: AuditAction;
  actorId?: string;
  targetId?: string;
}

export interface AuditQuery extends AuditFilter {
  first: number;
  after?: AuditPosition;
}

export const MAX_TARGET_ID_LENGTH = 200;

/**
 * Newest first; entries of the same millisecond by id, descending. Ids are UUIDs unique across
 * services, so this is one total order over every service's log: the merge and the cursor rely on it.
 */
export function auditOrder(a: Pick<AuditRecord, 'at' | 'id'>, b: Pick<AuditRecord, 'at' | 'id'>): number {
  const byTime = Date.parse(b.at) - Date.parse(a.at);
  if (byTime !== 0) return byTime;
  const [x, y] = [a.id.toLowerCase(), b.id.toLowerCase()];
  return x === y ? 0 : x < y ? 1 : -1;
}

export function encodeAuditCursor(entry: Pick<AuditRecord, 'at' | 'id'>): string {
  return encodeCursor({ sortValue: new Date(entry.at).toISOString(), id: entry.id.toLowerCase() });
}

const badCursor = () => badInput('The `after` cursor is not valid: pass the endCursor of a previous page unchanged', { field: 'after' });

/** The position an `after` cursor names; BAD_USER_INPUT for anything that is not one of ours. */
export function decodeAuditCursor(after: string): AuditPosition {
  const cursor = decodeCursor(after);
  const at = typeof cursor.sortValue === 'string' ? new Date(cursor.sortValue) : new Date(Number.NaN);
  if (Number.isNaN(at.getTime()) || !isUUID(cursor.id)) throw badCursor();
  return { at, id: cursor.id.toLowerCase() };
}

/** Checks a filter as the GraphQL arguments and the internal route both take it; BAD_USER_INPUT names the field. */
export function checkAuditFilter(filter: { action?: unknown; actorId?: unknown; targetId?: unknown }): AuditFilter {
  const checked: AuditFilter = {};
  if (filter.action !== undefined && filter.action !== null && filter.action !== '') {
    if (!isAuditAction(filter.action)) {
      throw badInput(`action: must be one of ${Object.values(AuditAction).join(', ')}`, { field: 'action' });
    }
    checked.action = filter.action;
  }
  if (filter.actorId !== undefined && filter.actorId !== null && filter.actorId !== '') {
    if (typeof filter.actorId !== 'string' || !isUUID(filter.actorId)) throw badInput('actorId: must be a user id (a UUID)', { field: 'actorId' });
    checked.actorId = filter.actorId.toLowerCase();
  }
  if (filter.targetId !== undefined && filter.targetId !== null && filter.targetId !== '') {
    if (typeof filter.targetId !== 'string' || filter.targetId.length > MAX_TARGET_ID_LENGTH) {
      throw badInput(`targetId: must be an id of at most ${MAX_TARGET_ID_LENGTH} characters`, { field: 'targetId' });
    }
    // Ids that are UUIDs are stored in lower case.
    checked.targetId = isUUID(filter.targetId) ? filter.targetId.toLowerCase() : filter.targetId;
  }
  return checked;
}

/** The query string of `GET /internal/audit` for a query. */
export function auditQueryParams(query: AuditQuery): Record<string, string> {
  const params: Record<string, string> = { first: String(query.first) };
  if (query.after) params['after'] = encodeAuditCursor({ at: query.after.at.toISOString(), id: query.after.id });
  if (query.action) params['action'] = query.action;
  if (query.actorId) params['actorId'] = query.actorId;
  if (query.targetId) params['targetId'] = query.targetId;
  return params;
}

/** The query `GET /internal/audit` was sent; BAD_USER_INPUT (the route answers 400) when malformed. */
export function parseAuditQueryParams(params: Record<string, string | undefined>): AuditQuery {
  const raw = params['first'] ?? '';
  const first = Number(raw);
  if (!/^\d+$/.test(raw) || first < 1 || first > MAX_PAGE_SIZE) {
    throw badInput(`first must be a whole number from 1 to ${MAX_PAGE_SIZE}`, { field: 'first' });
  }
  const after = params['after'] ? decodeAuditCursor(params['after']) : undefined;
  return { first, ...(after ? { after } : {}), ...checkAuditFilter(params) };
}

const isSnapshot = (value: unknown): value is AuditSnapshot | null =>
  value === null || (typeof value === 'object' && !Array.isArray(value));
const isNullableString = (value: unknown): value is string | null => value === null || typeof value === 'string';

function isAuditRecord(value: unknown): value is AuditRecord {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Record<string, unknown>;
  return (
    typeof entry['id'] === 'string' &&
    isUUID(entry['id']) &&
    typeof entry['at'] === 'string' &&
    !Number.isNaN(Date.parse(entry['at'])) &&
    (entry['actorId'] === null || (typeof entry['actorId'] === 'string' && isUUID(entry['actorId']))) &&
    isAuditAction(entry['action']) &&
    isAuditTargetType(entry['targetType']) &&
    typeof entry['targetId'] === 'string' &&
    isNullableString(entry['targetLabel']) &&
    isSnapshot(entry['before']) &&
    isSnapshot(entry['after']) &&
    isNullableString(entry['reason'])
  );
}

/** Checks a page another service answered before it is trusted; an Error says what was wrong. */
export function parseAuditPage(body: unknown): AuditPage {
  const page = body as Partial<AuditPage> | null;
  if (!page || !Array.isArray(page.entries) || typeof page.hasMore !== 'boolean' || typeof page.totalCount !== 'number') {
    throw new Error('an audit page needs entries, hasMore and totalCount');
  }
  const bad = page.entries.findIndex((entry) => !isAuditRecord(entry));
  if (bad >= 0) throw new Error(`audit entry ${bad} of the page is malformed: ${JSON.stringify(page.entries[bad])}`);
  return { entries: page.entries, hasMore: page.hasMore, totalCount: page.totalCount };
}
