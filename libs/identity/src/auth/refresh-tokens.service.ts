import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { inTransaction } from '@ttm/database';
import { DataSource, EntityManager } from 'typeorm';
import { SessionEndReason } from '../sessions/session.entity';
import { SessionsService } from '../sessions/sessions.service';
import { refreshRefused } from './auth.errors';
import { RefreshTokenEntity, RevokeReason } from './refresh-token.entity';
import { decideRotation, hashRefreshToken, newRefreshToken, REFRESH_TOKEN_TTL_MS, RotationDecision } from './refresh-token-rules';

export interface IssuedRefreshToken {
  token: string;
  expiresAt: Date;
}

/** A refresh token just issued, with the session it belongs to. */
export interface SessionTokens {
  userId: string;
  sessionId: string;
  issued: IssuedRefreshToken;
}

type RotationOutcome = ({ decision: 'ROTATE' } & SessionTokens) | { decision: Exclude<RotationDecision, 'ROTATE'> };

/** Rotating refresh tokens: each use replaces the token; a replayed token ends its whole session. */
@Injectable()
export class RefreshTokensService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sessions: SessionsService,
  ) {}

  /** A sign-in: a new session and its first refresh token, together. */
  startSession(userId: string): Promise<SessionTokens> {
    return inTransaction(this.dataSource, async (manager) => {
      const session = await this.sessions.start(userId, manager);
      const { issued } = await this.issue(userId, session.id, manager);
      return { userId, sessionId: session.id, issued };
    });
  }

  private async issue(userId: string, sessionId: string, manager: EntityManager): Promise<{ row: RefreshTokenEntity; issued: IssuedRefreshToken }> {
    const token = newRefreshToken();
    const expiresAt = new Date(Date.now() + REFRESH_TOKEN_TTL_MS);
    const row = await manager.save(
      manager.create(RefreshTokenEntity, {
        userId,
        familyId: sessionId,
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
   * Exchanges a token for its successor in the same session. The row is locked, so two concurrent
   * uses of one token cannot both succeed: the second sees a rotated token and ends the session.
   */
  async rotate(token: string): Promise<SessionTokens> {
    const outcome = await inTransaction(this.dataSource, async (manager): Promise<RotationOutcome> => {
      const current = await manager.findOne(RefreshTokenEntity, {
        where: { tokenHash: hashRefreshToken(token) },
        lock: { mode: 'pessimistic_write' },
      });
      if (!current) return { decision: 'UNKNOWN' };
      const session = await this.sessions.find(current.familyId, manager);
      const decision = decideRotation(current, session, new Date());
      if (decision === 'REUSED') await this.sessions.end(current.familyId, SessionEndReason.REUSE_DETECTED, manager);
      if (decision !== 'ROTATE') return { decision };
      const { row, issued } = await this.issue(current.userId, current.familyId, manager);
      await manager.update(
        RefreshTokenEntity,
        { id: current.id },
        { revokedAt: new Date(), revokeReason: RevokeReason.ROTATED, replacedById: row.id },
      );
      await this.sessions.touch(current.familyId, manager);
      return { decision: 'ROTATE', userId: current.userId, sessionId: current.familyId, issued };
    });
    // Refusals are thrown only now, so that a session ended on reuse stays ended (committed).
    if (outcome.decision !== 'ROTATE') throw refreshRefused(outcome.decision);
    return { userId: outcome.userId, sessionId: outcome.sessionId, issued: outcome.issued };
  }

  /** The session a refresh token belongs to (any of its tokens, used or not); null when unknown. */
  async sessionOf(token: string): Promise<{ sessionId: string; userId: string } | null> {
    const row = await this.dataSource.manager.findOneBy(RefreshTokenEntity, { tokenHash: hashRefreshToken(token) });
    return row ? { sessionId: row.familyId, userId: row.userId } : null;
  }
}
