import { randomUUID } from 'node:crypto';
import { AuditPage, AuditRecord, auditOrder, decodeAuditCursor, encodeAuditCursor, parseAuditQueryParams } from './audit-page';
import { AuditAction, AuditTargetType } from './audit-vocabulary';
import { mergeAuditPages } from './merge-audit-pages';

function entry(at: string, id: string = randomUUID()): AuditRecord {
  return {
    id,
    at,
    actorId: null,
    action: AuditAction.LISTING_APPROVED,
    targetType: AuditTargetType.NEED,
    targetId: randomUUID(),
    targetLabel: null,
    before: null,
    after: null,
    reason: null,
  };
}

/** What one service's /internal/audit answers: its own entries after the position, newest first. */
function serve(log: AuditRecord[], first: number, after?: AuditRecord): AuditPage {
  const sorted = [...log].sort(auditOrder).filter((candidate) => !after || auditOrder(after, candidate) < 0);
  return { entries: sorted.slice(0, first), hasMore: sorted.length > first, totalCount: log.length };
}

describe('merging audit pages of several services', () => {
  // Three services, with entries interleaved in time and several in the same millisecond across services.
  const minute = (n: number, ms = 0) => new Date(Date.UTC(2026, 0, 8, 9, n, 0, ms)).toISOString();
  const logs: Record<string, AuditRecord[]> = {
    identity: [entry(minute(1)), entry(minute(4)), entry(minute(7)), entry(minute(9, 5)), entry(minute(9, 5))],
    marketplace: [entry(minute(2)), entry(minute(3)), entry(minute(9, 5)), entry(minute(10)), entry(minute(11)), entry(minute(12))],
    search: [entry(minute(5)), entry(minute(9, 5))],
  };
  const everything = Object.values(logs).flat().sort(auditOrder);

  it.each([1, 2, 3, 5, 20])('pages through the union newest first with first = %i, each entry once', (first) => {
    const seen: AuditRecord[] = [];
    let after: AuditRecord | undefined;
    let pages = 0;
    for (;;) {
      const merged = mergeAuditPages(
        Object.entries(logs).map(([service, log]) => ({ service, page: serve(log, first, after) })),
        first,
      );
      pages += 1;
      expect(merged.totalCount).toBe(everything.length);
      expect(merged.entries.length).toBeLessThanOrEqual(first);
      seen.push(...merged.entries);
      if (!merged.hasNextPage) break;
      // The cursor a client gets back names the last entry; decoding it gives the next position.
      const position = decodeAuditCursor(encodeAuditCursor(merged.entries[merged.entries.length - 1]));
      after = { ...entry(position.at.toISOString(), position.id) };
    }
    expect(seen.map((record) => record.id)).toEqual(everything.map((record) => record.id));
    expect(pages).toBe(Math.max(1, Math.ceil(everything.length / first)));
  });

  it('labels each entry with the service whose log holds it', () => {
    const merged = mergeAuditPages([{ service: 'search', page: serve(logs['search'], 10) }], 10);
    expect(merged.entries.map((record) => record.service)).toEqual(['search', 'search']);
  });

  it('orders entries of the same millisecond by id, descending', () => {
    const same = minute(30);
    const [low, high] = ['00000000-0000-4000-8000-000000000001', 'ffffffff-0000-4000-8000-000000000001'];
    expect([entry(same, low), entry(same, high)].sort(auditOrder).map((record) => record.id)).toEqual([high, low]);
  });
});

describe('audit cursors and the internal route query', () => {
  it('refuses a cursor that is not one of ours with BAD_USER_INPUT', () => {
    for (const bad of ['nonsense', Buffer.from(JSON.stringify(['yesterday', randomUUID()])).toString('base64url'), Buffer.from(JSON.stringify([new Date().toISOString(), 'x'])).toString('base64url')]) {
      expect(() => decodeAuditCursor(bad)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
    }
  });

  it('checks first, action, actorId and targetId', () => {
    expect(parseAuditQueryParams({ first: '2', action: 'LISTING_REJECTED' })).toEqual({ first: 2, action: AuditAction.LISTING_REJECTED });
    expect(() => parseAuditQueryParams({ first: '1000' })).toThrow(/first must be a whole number from 1 to 100/);
    expect(() => parseAuditQueryParams({ first: '5', action: 'DROP_TABLE' })).toThrow(/action: must be one of/);
    expect(() => parseAuditQueryParams({ first: '5', actorId: 'me' })).toThrow(/actorId: must be a user id/);
    expect(() => parseAuditQueryParams({ first: '5', targetId: 'x'.repeat(201) })).toThrow(/targetId: must be an id of at most 200/);
  });
});
