import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { RateLimiterPostgres } from 'rate-limiter-flexible';
import { DataSource } from 'typeorm';
import { clientNetworkOf } from '../common/client-network';
import { postgresRateLimiter } from '../common/postgres-rate-limiter';
import { tooManyFailedLogins } from './auth.errors';

/**
 * The two limits rate-limiter-flexible's guide recommends for a login endpoint ("Login endpoint
 * protection"): consecutive failures of one email from one client address, and all failures of one
 * client address in a day. Neither counts failures of an email from other addresses, so a stranger
 * cannot lock anyone out: the owner signing in from anywhere else is never refused because of them.
 */
export const LOGIN_LIMITS = {
  /** This many failures in a row for one (email, client address) pair block that pair… */
  consecutiveFailuresPerPair: 10,
  /** …for an hour. */
  pairBlockSeconds: 60 * 60,
  /** A pair's failures are remembered this long after its first one unless a success clears them. */
  pairMemorySeconds: 90 * 24 * 60 * 60,
  /** This many failures from one client address (any emails) within a day block the address… */
  failuresPerAddressPerDay: 100,
  /** …for a day. */
  addressBlockSeconds: 24 * 60 * 60,
} as const;

/** Counts failures of one kind of key: at `max` the key is blocked for `blockSeconds`. */
class FailureCounter {
  constructor(
    private readonly limiter: RateLimiterPostgres,
    private readonly max: number,
    private readonly blockSeconds: number,
  ) {}

  /** Seconds until the key may try again; 0 when it is not blocked. */
  async secondsBlocked(key: string): Promise<number> {
    const state = await this.limiter.get(key);
    if (!state || state.consumedPoints < this.max) return 0;
    return Math.max(1, Math.ceil(state.msBeforeNext / 1000));
  }

  async count(key: string): Promise<void> {
    const state = await this.limiter.penalty(key, 1);
    if (state.consumedPoints >= this.max) await this.limiter.block(key, this.blockSeconds);
  }

  async clear(key: string): Promise<void> {
    await this.limiter.delete(key);
  }
}

/**
 * Failed sign-ins, counted in PostgreSQL (identity.login_throttle, rate-limiter-flexible's layout), so
 * counts survive restarts and are shared by every replica. Unknown emails are counted like known ones,
 * so being refused says nothing about which accounts exist. Keys are hashes: the table holds no
 * email or client addresses.
 */
@Injectable()
export class LoginThrottle {
  private readonly byPair: FailureCounter;
  private readonly byAddress: FailureCounter;

  constructor(@InjectDataSource() dataSource: DataSource) {
    const table = 'login_throttle';
    this.byPair = new FailureCounter(
      postgresRateLimiter(dataSource, {
        tableName: table,
        keyPrefix: 'login-fail-email-address',
        points: LOGIN_LIMITS.consecutiveFailuresPerPair,
        duration: LOGIN_LIMITS.pairMemorySeconds,
      }),
      LOGIN_LIMITS.consecutiveFailuresPerPair,
      LOGIN_LIMITS.pairBlockSeconds,
    );
    this.byAddress = new FailureCounter(
      postgresRateLimiter(dataSource, {
        tableName: table,
        keyPrefix: 'login-fail-address-day',
        points: LOGIN_LIMITS.failuresPerAddressPerDay,
        duration: 24 * 60 * 60,
      }),
      LOGIN_LIMITS.failuresPerAddressPerDay,
      LOGIN_LIMITS.addressBlockSeconds,
    );
  }

  /** Refuses with TOO_MANY_REQUESTS (and when to retry) while the pair or the client address is blocked. */
  async assertAllowed(email: string, clientAddress: string): Promise<void> {
    const [pair, address] = await Promise.all([
      this.byPair.secondsBlocked(pairKey(email, clientAddress)),
      this.byAddress.secondsBlocked(addressKey(clientAddress)),
    ]);
    const wait = Math.max(pair, address);
    if (wait > 0) throw tooManyFailedLogins(wait);
  }

  async recordFailure(email: string, clientAddress: string): Promise<void> {
    await Promise.all([this.byPair.count(pairKey(email, clientAddress)), this.byAddress.count(addressKey(clientAddress))]);
  }

  /** A success clears the pair's consecutive failures (the address's daily count stays). */
  async recordSuccess(email: string, clientAddress: string): Promise<void> {
    await this.byPair.clear(pairKey(email, clientAddress));
  }
}

const sha256 = (value: string) => createHash('sha256').update(value, 'utf8').digest('hex');
const pairKey = (email: string, clientAddress: string) => sha256(`${email}\n${clientNetworkOf(clientAddress)}`);
const addressKey = (clientAddress: string) => sha256(clientNetworkOf(clientAddress));
