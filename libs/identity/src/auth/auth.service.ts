import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AccessTokenClaims, ACCESS_TOKEN_TTL_SECONDS, AuthUser } from '@ttm/auth';
import { unauthenticated } from '@ttm/errors';
import { normalizeEmail } from '../common/email';
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
import { RevokeReason } from './refresh-token.entity';
import { IssuedRefreshToken, RefreshTokensService } from './refresh-tokens.service';

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersService,
    private readonly hasher: PasswordHasher,
    private readonly throttle: LoginThrottle,
    private readonly refreshTokens: RefreshTokensService,
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

  async signIn(user: UserEntity): Promise<AuthPayload> {
    const { issued } = await this.refreshTokens.issue(user.id);
    return this.payload(user, issued);
  }

  async refresh(token: string): Promise<AuthPayload> {
    const { userId, issued } = await this.refreshTokens.rotate(token);
    const user = await this.users.findById(userId);
    if (!user) throw unauthenticated('Your account no longer exists');
    return this.payload(user, issued);
  }

  /** With a refresh token: ends that session. Without: ends every session of the signed-in user. */
  async logout(refreshToken: string | undefined, viewer: AuthUser | null): Promise<boolean> {
    if (refreshToken) return this.refreshTokens.revokeSessionOf(refreshToken);
    if (!viewer) throw logoutNeedsSomething();
    await this.refreshTokens.revokeAllOf(viewer.id, RevokeReason.LOGOUT);
    return true;
  }

  private async payload(user: UserEntity, refresh: IssuedRefreshToken): Promise<AuthPayload> {
    const claims: AccessTokenClaims = { sub: user.id, roles: user.roles, typ: 'access' };
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
