import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Revocation, RevocationCheck, TokenSession } from '@ttm/auth';
import { DataSource } from 'typeorm';
import { isUuid } from '../common/uuid';
import { IDENTITY_SCHEMA } from '../identity.constants';

/**
 * Identity's own revocation check: it reads the session and the user's token version for every
 * token, so a revocation counts here from the moment it commits (the other services follow the list,
 * within a second). A session or user that does not exist counts as ended.
 */
@Injectable()
export class SessionRevocations implements RevocationCheck {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async revocationOf(token: TokenSession): Promise<Revocation | null> {
    if (!isUuid(token.sub) || !isUuid(token.sid)) return Revocation.SESSION_ENDED;
    const [row] = await this.dataSource.query<{ token_version: number; session_user_id: string | null; revoked: boolean | null }[]>(
      `SELECT u.token_version, s.user_id AS session_user_id, s.revoked_at IS NOT NULL AS revoked
       FROM ${IDENTITY_SCHEMA}.users u LEFT JOIN ${IDENTITY_SCHEMA}.sessions s ON s.id = $2
       WHERE u.id = $1`,
      [token.sub, token.sid],
    );
    if (!row || row.session_user_id !== token.sub || row.revoked) return Revocation.SESSION_ENDED;
    return token.ver < row.token_version ? Revocation.ROLES_CHANGED : null;
  }
}
