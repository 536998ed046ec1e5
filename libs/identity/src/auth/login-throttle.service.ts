import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { RateLimiterPostgres } from 'rate-limiter-flexible';
import { DataSource } from 'typeorm';
import { clientNetworkOf } from '../common/client-network';
import { postgresRateLimiter } from '../common/postgres-rate-limiter';
import { sha256Hex } from '../common/sha256';
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

/** What one counter says about an attempt it has just counted. */
interface Counted {
  /** The attempts counted under the key so far, this one included. */
  consumed: number;
  /** Seconds to wait when the key is over its limit; 0 when this attempt may go ahead. */
  waitSeconds: number;
}

/** Counts attempts under one kind of key; once `max` of them have failed the key is blocked for `blockSeconds`. */
class FailureCounter {
  constructor(
    private readonly limiter: RateLimiterPostgres,
    private readonly max: number,
    private readonly blockSeconds: number,
  ) {}

  /**
   * Counts the attempt before its password is checked, in one atomic upsert, so concurrent attempts cannot
   * all pass a check made before any of them failed: only the first `max` go ahead.
   */
  async enter(key: string): Promise<Counted> {
    const state = await this.limiter.penalty(key, 1);
    if (state.consumedPoints <= this.max) return { consumed: state.consumedPoints, waitSeconds: 0 };
    if (state.msBeforeNext > this.blockSeconds * 1000) {
      // Over the limit but never blocked (the attempt that reached it stopped before blocking): block now.
      await this.limiter.block(key, this.blockSeconds);
      return { consumed: state.consumedPoints, waitSeconds: this.blockSeconds };
    }
    return { consumed: state.consumedPoints, waitSeconds: Math.max(1, Math.ceil(state.msBeforeNext / 1000)) };
  }

  /** A counted attempt failed: the one that reaches `max` blocks the key. */
  async failed(key: string, counted: Counted): Promise<void> {
    if (counted.consumed >= this.max) await this.limiter.block(key, this.blockSeconds);
  }

  /** Takes back an attempt that was counted but is not a failure. */
  async uncount(key: string): Promise<void> {
    await this.limiter.reward(key, 1);
  }

  async clear(key: string): Promise<void> {
    await this.limiter.delete(key);
  }
}

/** A sign-in attempt that the throttle let through: say how it ended. */
export interface LoginAttempt {
  failed(): Promise<void>;
  succeeded(): Promise<void>;
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

  /**
   * Lets an attempt go ahead, or refuses it with TOO_MANY_REQUESTS (and when to retry) while its pair or
   * its client address is blocked. The attempt is counted as a failure until it says it succeeded.
   */
  async begin(email: string, clientAddress: string): Promise<LoginAttempt> {
    const pair = pairKey(email, clientAddress);
    const address = addressKey(clientAddress);
    const pairCount = await this.byPair.enter(pair);
    if (pairCount.waitSeconds > 0) throw tooManyFailedLogins(pairCount.waitSeconds);
    const addressCount = await this.byAddress.enter(address);
    if (addressCount.waitSeconds > 0) {
      await this.byPair.uncount(pair);
      throw tooManyFailedLogins(addressCount.waitSeconds);
    }
    return {
      failed: async () => {
        await Promise.all([this.byPair.failed(pair, pairCount), this.byAddress.failed(address, addressCount)]);
      },
      // A success clears the pair's consecutive failures; the address's daily count keeps only failures.
      succeeded: async () => {
        await Promise.all([this.byPair.clear(pair), this.byAddress.uncount(address)]);
      },
    };
  }
}

const pairKey = (email: string, clientAddress: string) => sha256Hex(`${email}\n${clientNetworkOf(clientAddress)}`);
const addressKey = (clientAddress: string) => sha256Hex(clientNetworkOf(clientAddress));
