import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { JWT_SECRET } from '@ttm/auth';
import { inTransaction } from '@ttm/database';
import { randomBytes } from 'node:crypto';
import { DataSource, LessThan } from 'typeorm';
import { RegistrationCodeEntity } from './registration-code.entity';
import { codeHash, codeState, emailHash, newRegistrationCode, REGISTRATION_CODE, sameHash } from './registration-rules';

/** Codes are kept this long after they expire, then deleted by the next request. */
const EXPIRED_CODES_KEPT_MS = 24 * 60 * 60 * 1000;

/** The stored side of e-mailed registration codes: one open code per address, hashed, limited in time and tries, single use. */
@Injectable()
export class RegistrationCodes {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(JWT_SECRET) private readonly secret: string,
  ) {}

  /**
   * Stores a new code for the address, replacing any earlier one, and returns it to be e-mailed. With
   * `deliverable` false (the address already has an account) the stored code is one nobody can know, so
   * both cases write the same row in the same time and no code can ever prove an existing address.
   */
  async issue(email: string, deliverable: boolean): Promise<string> {
    const code = newRegistrationCode();
    const stored = deliverable ? code : randomBytes(32).toString('hex');
    const now = Date.now();
    const repository = this.dataSource.getRepository(RegistrationCodeEntity);
    await repository.upsert(
      {
        emailHash: emailHash(email),
        codeHash: codeHash(this.secret, email, stored),
        attempts: 0,
        expiresAt: new Date(now + REGISTRATION_CODE.ttlSeconds * 1000),
        createdAt: new Date(now),
      },
      ['emailHash'],
    );
    await repository.delete({ expiresAt: LessThan(new Date(now - EXPIRED_CODES_KEPT_MS)) });
    return code;
  }

  /**
   * Uses the address's code: true (and the code is gone) when it matches an open code; false otherwise,
   * counting a wrong entry against an open code. The row is locked, so a code is used at most once.
   */
  consume(email: string, code: string): Promise<boolean> {
    return inTransaction(this.dataSource, async (manager) => {
      const repository = manager.getRepository(RegistrationCodeEntity);
      const key = emailHash(email);
      const row = await repository.findOne({ where: { emailHash: key }, lock: { mode: 'pessimistic_write' } });
      if (!row || codeState(row, new Date()) !== 'OPEN') return false;
      if (!sameHash(row.codeHash, codeHash(this.secret, email, code))) {
        await repository.increment({ emailHash: key }, 'attempts', 1);
        return false;
      }
      await repository.delete({ emailHash: key });
      return true;
    });
  }
}
