import { AuditPage, AuditRecord, auditOrder } from './audit-page';

/** An entry with the service whose log holds it. */
export interface SourcedAuditRecord extends AuditRecord {
  service: string;
}

export interface MergedAuditPage {
  entries: SourcedAuditRecord[];
  hasNextPage: boolean;
  totalCount: number;
}

/**
 * Merges the pages several services answered for the same query (same filter, same `after`, same
 * `first`) into the first `first` entries of the union. Each service gave its own newest `first`
 * entries after the position, so the union's newest `first` are among them; anything left over, or
 * any service with more, means there is a next page, which starts after the last entry kept.
 */
export function mergeAuditPages(pages: readonly { service: string; page: AuditPage }[], first: number): MergedAuditPage {
  const all = pages.flatMap(({ service, page }) => page.entries.map((entry) => ({ ...entry, service })));
  all.sort(auditOrder);
  return {
    entries: all.slice(0, first),
    hasNextPage: all.length > first || pages.some(({ page }) => page.hasMore),
    totalCount: pages.reduce((sum, { page }) => sum + page.totalCount, 0),
  };
}
