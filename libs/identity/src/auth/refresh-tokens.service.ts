import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { inTransaction } from '@ttm/database';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { refreshRefused } from './auth.errors';
import { RefreshTokenEntity, RevokeReason } from './refresh-token.entity';
import { decideRotation, hashRefreshToken, newRefreshToken, REFRESH_TOKEN_TTL_MS, RotationDecision } from './refresh-token-rules';

export interface IssuedRefreshToken {
  token: string;
  expiresAt: Date;
}

type RotationOutcome =
  | { decision: 'ROTATE'; userId: string; issued: IssuedRefreshToken }
  | { decision: Exclude<RotationDecision, 'ROTATE'> };

/** Rotating refresh tokens: each use replaces the token; a replayed token ends its whole family. */
@Injectable()
export class RefreshTokensService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Starts a new family (a login) or continues one (a rotation). */
  async issue(
    userId: string,
    familyId: string = randomUUID(),
    manager: EntityManager = this.dataSource.manager,
  ): Promise<{ row: RefreshTokenEntity; issued: IssuedRefreshToken }> {
    const token = newRefreshToken();
    const expiresAt = new Date(Date.now() + REFRESH_TOKEN_TTL_MS);
    const row = await manager.save(
      manager.create(RefreshTokenEntity, {
        userId,
        familyId,
        tokenHash: hashRefreshToken(token),
        expiresAt,
        revokedAt: null,
        revokeReason: null,
        replacedById: null,
      }),
    );
    return { row, issued: { token, expiresAt } };
  }

  /**
   * Exchanges a token for its successor. The row is locked, so two concurrent uses of one token
   * cannot both succeed: the second sees a rotated token and ends the family.
   */
  async rotate(token: string): Promise<{ userId: string; issued: IssuedRefreshToken }> {
    const outcome = await inTransaction(this.dataSource, async (manager): Promise<RotationOutcome> => {
      const current = await manager.findOne(RefreshTokenEntity, {
        where: { tokenHash: hashRefreshToken(token) },
        lock: { mode: 'pessimistic_write' },
      });
      if (!current) return { decision: 'UNKNOWN' };
      const decision = decideRotation(current, new Date());
      if (decision === 'REUSED') await this.revokeFamily(manager, current.familyId, RevokeReason.REUSE_DETECTED);
      if (decision !== 'ROTATE') return { decision };
      const { row, issued } = await this.issue(current.userId, current.familyId, manager);
      await manager.update(
        RefreshTokenEntity,
        { id: current.id },
        { revokedAt: new Date(), revokeReason: RevokeReason.ROTATED, replacedById: row.id },
      );
      return { decision: 'ROTATE', userId: current.userId, issued };
    });
    // Refusals are thrown only now, so that a family revoked on reuse stays revoked (committed).
    if (outcome.decision !== 'ROTATE') throw refreshRefused(outcome.decision);
    return { userId: outcome.userId, issued: outcome.issued };
  }

  /** Ends the session (family) the token belongs to; false when the token is unknown. */
  async revokeSessionOf(token: string): Promise<boolean> {
    const current = await this.dataSource.manager.findOneBy(RefreshTokenEntity, { tokenHash: hashRefreshToken(token) });
    if (!current) return false;
    await this.revokeFamily(this.dataSource.manager, current.familyId, RevokeReason.LOGOUT);
    return true;
  }

  /** Ends every session of a user (sign out everywhere, password reset). */
  async revokeAllOf(userId: string, reason: RevokeReason, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.update(RefreshTokenEntity, { userId, revokedAt: IsNull() }, { revokedAt: new Date(), revokeReason: reason });
  }

  private async revokeFamily(manager: EntityManager, familyId: string, reason: RevokeReason): Promise<void> {
    await manager.update(RefreshTokenEntity, { familyId, revokedAt: IsNull() }, { revokedAt: new Date(), revokeReason: reason });
  }
}
