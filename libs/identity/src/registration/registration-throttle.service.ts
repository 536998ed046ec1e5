import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { DataSource } from 'typeorm';
import { clientNetworkOf } from '../common/client-network';
import { postgresRateLimiter } from '../common/postgres-rate-limiter';
import { sha256Hex } from '../common/sha256';
import { tooManyCodeRequests } from './registration.errors';
import { CODE_REQUEST_LIMITS } from './registration-rules';

/**
 * Limits code requests (each sends an e-mail) per client address and per e-mail address, in
 * identity.registration_throttle. The limits are the same for new and registered addresses.
 */
@Injectable()
export class RegistrationThrottle {
  private readonly byAddress: RateLimiterPostgres;
  private readonly byEmail: RateLimiterPostgres;

  constructor(@InjectDataSource() dataSource: DataSource) {
    const tableName = 'registration_throttle';
    this.byAddress = postgresRateLimiter(dataSource, { tableName, keyPrefix: 'code-request-address', ...CODE_REQUEST_LIMITS.perClientAddress });
    this.byEmail = postgresRateLimiter(dataSource, { tableName, keyPrefix: 'code-request-email', ...CODE_REQUEST_LIMITS.perEmail });
  }

  /** Counts one request; TOO_MANY_REQUESTS (with when to retry) once either limit is used up. */
  async consume(email: string, clientAddress: string): Promise<void> {
    try {
      await this.byAddress.consume(sha256Hex(clientNetworkOf(clientAddress)));
      await this.byEmail.consume(sha256Hex(email));
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) throw tooManyCodeRequests(Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)));
      throw rejection;
    }
  }
}
