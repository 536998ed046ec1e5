import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { REVOCATION_RETENTION_SECONDS, RevocationListPage } from '@ttm/auth';
import { DataSource, EntityManager, IsNull, Not } from 'typeorm';
import { IDENTITY_SCHEMA } from '../identity.constants';
import { SessionEndReason, SessionEntity } from './session.entity';

/**
 * Sessions (one per sign-in) and the revocations of access tokens. Every change here is the
 * revocation itself — a session's `revoked_at`, a user's `token_version` — so it commits in the same
 * transaction as whatever caused it, and identity's revocation list is read straight from these rows.
 */
@Injectable()
export class SessionsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  start(userId: string, manager: EntityManager = this.dataSource.manager): Promise<SessionEntity> {
    return manager.save(manager.create(SessionEntity, { userId, revokedAt: null, revokeReason: null }));
  }

  find(id: string, manager: EntityManager = this.dataSource.manager): Promise<SessionEntity | null> {
    return manager.findOneBy(SessionEntity, { id });
  }

  async touch(id: string, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.update(SessionEntity, { id }, { lastUsedAt: () => 'now()' });
  }

  /** Ends one session; false when it had already ended. */
  async end(id: string, reason: SessionEndReason, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    const result = await manager.update(SessionEntity, { id, revokedAt: IsNull() }, { revokedAt: () => 'now()', revokeReason: reason });
    return (result.affected ?? 0) > 0;
  }

  /** Ends every open session of a user, or every one but `except`; how many were open. */
  async endAllOf(
    userId: string,
    reason: SessionEndReason,
    options: { except?: string } = {},
    manager: EntityManager = this.dataSource.manager,
  ): Promise<number> {
    const result = await manager.update(
      SessionEntity,
      { userId, revokedAt: IsNull(), ...(options.except ? { id: Not(options.except) } : {}) },
      { revokedAt: () => 'now()', revokeReason: reason },
    );
    return result.affected ?? 0;
  }

  /**
   * Refuses every access token of the user issued so far (a role change), while the sessions go on:
   * the next refresh issues a token with the current roles and the new version.
   */
  async cutOffAccessTokens(userId: string, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.query(
      `UPDATE ${IDENTITY_SCHEMA}.users SET token_version = token_version + 1, token_version_changed_at = now() WHERE id = $1`,
      [userId],
    );
  }

  /** The revocation list the other services follow: what changed within REVOCATION_RETENTION_SECONDS. */
  async recentRevocations(): Promise<RevocationListPage> {
    const [sessions, users] = await Promise.all([
      this.dataSource.query<{ id: string }[]>(
        `SELECT id FROM ${IDENTITY_SCHEMA}.sessions WHERE revoked_at > now() - make_interval(secs => $1)`,
        [REVOCATION_RETENTION_SECONDS],
      ),
      this.dataSource.query<{ id: string; token_version: number }[]>(
        `SELECT id, token_version FROM ${IDENTITY_SCHEMA}.users WHERE token_version_changed_at > now() - make_interval(secs => $1)`,
        [REVOCATION_RETENTION_SECONDS],
      ),
    ]);
    return { sessions: sessions.map((row) => row.id), users: users.map((row) => ({ id: row.id, tokenVersion: row.token_version })) };
  }
}
