import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthUser } from '@ttm/auth';
import { inTransaction } from '@ttm/database';
import { DataSource } from 'typeorm';
import { SessionEndReason } from '../sessions/session.entity';
import { SessionsService } from '../sessions/sessions.service';
import { PasswordHasher } from '../users/password-hasher';
import { UsersService } from '../users/users.service';
import { passwordUnchanged, wrongCurrentPassword } from './auth.errors';
import { LoginThrottle } from './login-throttle.service';

/** What a person (or an administrator, for anyone) does to take back control of an account. */
@Injectable()
export class AccountSecurityService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionsService,
    private readonly throttle: LoginThrottle,
  ) {}

  /**
   * Sets a new password and, in the same transaction, ends every other session of the account (a
   * device that knew the old password is signed out); the caller's own session goes on.
   */
  async changePassword(viewer: AuthUser, currentPassword: string, newPassword: string, clientAddress: string): Promise<boolean> {
    const user = await this.users.getById(viewer.id);
    // Guessing the current password with a stolen access token counts as failed sign-ins, under the same limits.
    const attempt = await this.throttle.begin(user.email, clientAddress);
    if (!(await this.hasher.verify(user.passwordHash, currentPassword))) {
      await attempt.failed();
      throw wrongCurrentPassword();
    }
    await attempt.succeeded();
    if (newPassword === currentPassword) throw passwordUnchanged();
    const passwordHash = await this.hasher.hash(newPassword);
    await inTransaction(this.dataSource, async (manager) => {
      await this.users.setPasswordHash(user.id, passwordHash, manager);
      await this.sessions.endAllOf(user.id, SessionEndReason.PASSWORD_CHANGED, { except: viewer.sessionId }, manager);
    });
    return true;
  }

  /** An administrator ends every session of a user; how many were open. */
  async signOutEverywhere(userId: string): Promise<number> {
    const user = await this.users.getById(userId);
    return this.sessions.endAllOf(user.id, SessionEndReason.SIGNED_OUT_BY_ADMIN);
  }
}
