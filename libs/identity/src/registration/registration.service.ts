import { Inject, Injectable } from '@nestjs/common';
import { normalizeEmail } from '../common/email';
import { IDENTITY_CONFIG, IdentityConfig } from '../identity.constants';
import { UsersService } from '../users/users.service';
import { emailCodeMissing, emailCodeRefused, emailCodesNotSent } from './registration.errors';
import { RegistrationCodes } from './registration-codes.service';
import { alreadyRegisteredEmail, registrationCodeEmail } from './registration-email';
import { RegistrationMailer } from './registration-mailer.service';
import { RegistrationThrottle } from './registration-throttle.service';

/**
 * Registration that does not reveal which addresses have accounts. When the marketplace sends e-mail
 * (SMTP_URL), registering needs a code e-mailed to the address: asking for one answers the same for every
 * address (a registered one is e-mailed "sign in instead"), and without the mailbox nobody gets further.
 * Without SMTP_URL (the embedded default outside production) registration needs no code.
 */
@Injectable()
export class RegistrationService {
  constructor(
    @Inject(IDENTITY_CONFIG) private readonly config: IdentityConfig,
    private readonly users: UsersService,
    private readonly codes: RegistrationCodes,
    private readonly throttle: RegistrationThrottle,
    private readonly mailer: RegistrationMailer,
  ) {}

  get emailCodeRequired(): boolean {
    return this.config.smtpUrl !== undefined;
  }

  /** Always true, after the same work for a new and a registered address; the e-mail goes out after the answer. */
  async requestCode(rawEmail: string, clientAddress: string): Promise<true> {
    if (!this.emailCodeRequired) throw emailCodesNotSent();
    const email = normalizeEmail(rawEmail);
    await this.throttle.consume(email, clientAddress);
    const registered = await this.users.isRegistered(email);
    const code = await this.codes.issue(email, !registered);
    this.mailer.enqueue(registered ? alreadyRegisteredEmail(email, this.config.publicUrl) : registrationCodeEmail(email, code));
    return true;
  }

  /** register's check, before anything about the address is looked up: the same refusal for every address. */
  async assertMailboxProven(email: string, code: string | null | undefined): Promise<void> {
    if (!this.emailCodeRequired) return;
    if (!code) throw emailCodeMissing();
    if (!(await this.codes.consume(normalizeEmail(email), code))) throw emailCodeRefused();
  }
}
