import { Inject, Injectable, Logger } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  AuditPage,
  AuditQuery,
  auditQueryParams,
  checkAuditFilter,
  decodeAuditCursor,
  encodeAuditCursor,
  mergeAuditPages,
  parseAuditPage,
  readAuditPage,
} from '@ttm/audit';
import { getInternalRoute } from '@ttm/auth';
import { AppConfig, ServiceName } from '@ttm/config';
import { DEFAULT_PAGE_SIZE } from '@ttm/graphql';
import { DataSource } from 'typeorm';
import { AuditLogArgs, AuditLogConnection, toAuditEntry } from './audit-entry.model';

export const AUDIT_LOG_CONFIG = Symbol('AUDIT_LOG_CONFIG');

/** The other services that keep an audit log and serve it on `GET /internal/audit`. */
export const AUDIT_SOURCES: readonly ServiceName[] = ['marketplace', 'search'];

/** How long a page waits for another service's entries before answering without them. */
export const AUDIT_SOURCE_TIMEOUT_MS = 5_000;

type SourceAnswer = { service: ServiceName; page: AuditPage } | { service: ServiceName; failure: string };

/**
 * `auditLog`: identity's own entries merged with the marketplace's and the search service's, read
 * from their internal routes (they never share tables). A service that cannot be reached is named in
 * `incomplete` and the others are answered, instead of the whole log failing.
 */
@Injectable()
export class AuditLogService {
  private readonly logger = new Logger('AuditLog');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jwtService: JwtService,
    @Inject(AUDIT_LOG_CONFIG) private readonly config: AppConfig,
  ) {}

  async page(args: AuditLogArgs): Promise<AuditLogConnection> {
    const first = args.first ?? DEFAULT_PAGE_SIZE;
    const after = args.after ? decodeAuditCursor(args.after) : undefined;
    const query: AuditQuery = { first, ...(after ? { after } : {}), ...checkAuditFilter(args) };
    const [own, ...others] = await Promise.all([readAuditPage(this.dataSource.manager, query), ...AUDIT_SOURCES.map((service) => this.ask(service, query))]);
    const answered = others.flatMap((answer) => ('page' in answer ? [answer] : []));
    const merged = mergeAuditPages([{ service: 'identity', page: own }, ...answered], first);
    const edges = merged.entries.map((entry) => ({ node: toAuditEntry(entry), cursor: encodeAuditCursor(entry) }));
    return {
      edges,
      totalCount: merged.totalCount,
      pageInfo: { hasNextPage: merged.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null },
      incomplete: others.flatMap((answer) => ('failure' in answer ? [answer.service] : [])),
    };
  }

  private async ask(service: ServiceName, query: AuditQuery): Promise<SourceAnswer> {
    try {
      const body = await getInternalRoute<unknown>(this.jwtService, this.config, {
        from: 'identity',
        to: service,
        path: '/internal/audit',
        query: auditQueryParams(query),
        timeoutMs: AUDIT_SOURCE_TIMEOUT_MS,
      });
      return { service, page: parseAuditPage(body) };
    } catch (error) {
      const failure = error instanceof Error ? error.message : String(error);
      this.logger.warn(`the audit log of ${service} could not be read; answering without it: ${failure}`);
      return { service, failure };
    }
  }
}
