import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AccessTokenClaims, ACCESS_TOKEN_TTL_SECONDS, AuthUser } from '@ttm/auth';
import { unauthenticated } from '@ttm/errors';
import { normalizeEmail } from '../common/email';
import { SessionEndReason } from '../sessions/session.entity';
import { SessionsService } from '../sessions/sessions.service';
import { PasswordHasher } from '../users/password-hasher';
import { RegistrationService } from '../registration/registration.service';
import { PASSWORD_MAX_LENGTH } from '../users/password-policy';
import { UserEntity } from '../users/user.entity';
import { toUser } from '../users/user.model';
import { UsersService } from '../users/users.service';
import { invalidCredentials, logoutNeedsSomething } from './auth.errors';
import { RegisterInput } from './auth.inputs';
import { AuthPayload } from './auth.model';
import { LoginThrottle } from './login-throttle.service';
import { RefreshTokensService, SessionTokens } from './refresh-tokens.service';

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersService,
    private readonly hasher: PasswordHasher,
    private readonly throttle: LoginThrottle,
    private readonly refreshTokens: RefreshTokensService,
    private readonly sessions: SessionsService,
    private readonly jwt: JwtService,
    private readonly registration: RegistrationService,
  ) {}

  /** With e-mail codes required, only the owner of the mailbox gets past the code, so CONFLICT tells nobody else anything. */
  async register(input: RegisterInput): Promise<AuthPayload> {
    await this.registration.assertMailboxProven(input.email, input.emailCode);
    const user = await this.users.create({
      email: input.email,
      passwordHash: await this.hasher.hash(input.password),
      displayName: input.displayName,
      roles: [input.role],
    });
    return this.signIn(user);
  }

  /** passport-local's check: throttled per email and client address (LoginThrottle), one message for every kind of mismatch. */
  async verifyCredentials(rawEmail: string, password: string, clientAddress: string): Promise<UserEntity> {
    const email = normalizeEmail(rawEmail);
    const attempt = await this.throttle.begin(email, clientAddress);
    // No account's password is longer than the policy allows (in UTF-16 units, at most twice that);
    // refusing early keeps huge inputs away from argon2.
    const plausible = password.length <= PASSWORD_MAX_LENGTH * 2;
    const user = plausible ? await this.users.findByEmail(email) : null;
    const matches = user ? await this.hasher.verify(user.passwordHash, password) : await this.hasher.verifyNobody(password);
    if (!user || !matches) {
      await attempt.failed();
      throw invalidCredentials();
    }
    await attempt.succeeded();
    return user;
  }

  /** A new session for the account. */
  async signIn(user: UserEntity): Promise<AuthPayload> {
    return this.payload(user, await this.refreshTokens.startSession(user.id));
  }

  /**
   * The session goes on with a new pair. The user is read after the rotation, so the access token
   * carries the roles and token version of that moment (after a role change: the new ones).
   */
  async refresh(token: string): Promise<AuthPayload> {
    const session = await this.refreshTokens.rotate(token);
    const user = await this.users.findById(session.userId);
    if (!user) throw unauthenticated('Your account no longer exists');
    return this.payload(user, session);
  }

  /** With a refresh token: ends that session. Without: ends every session of the signed-in user. */
  async logout(refreshToken: string | undefined, viewer: AuthUser | null): Promise<boolean> {
    if (refreshToken) {
      const session = await this.refreshTokens.sessionOf(refreshToken);
      if (!session) return false;
      await this.sessions.end(session.sessionId, SessionEndReason.LOGOUT);
      return true;
    }
    if (!viewer) throw logoutNeedsSomething();
    await this.sessions.endAllOf(viewer.id, SessionEndReason.LOGOUT);
    return true;
  }

  private async payload(user: UserEntity, session: SessionTokens): Promise<AuthPayload> {
    const refresh = session.issued;
    const claims: AccessTokenClaims = { sub: user.id, roles: user.roles, typ: 'access', sid: session.sessionId, ver: user.tokenVersion };
    const accessToken = await this.jwt.signAsync(claims);
    return Object.assign(new AuthPayload(), {
      accessToken,
      accessTokenExpiresAt: new Date(Date.now() + ACCESS_TOKEN_TTL_SECONDS * 1000),
      refreshToken: refresh.token,
      refreshTokenExpiresAt: refresh.expiresAt,
      user: toUser(user, { self: true }),
    });
  }
}
