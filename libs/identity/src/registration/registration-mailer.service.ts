import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { createTransport, Transporter } from 'nodemailer';
import { IDENTITY_CONFIG, IdentityConfig } from '../identity.constants';
import type { RegistrationEmail } from './registration-email';

/** Messages waiting beyond this are dropped (and logged): the sender of a flood cannot grow memory without bound. */
const MAX_QUEUED = 500;
/** How long shutdown waits for queued messages before closing the connection. */
const SHUTDOWN_WAIT_MS = 5_000;

/**
 * Sends registration e-mails through SMTP_URL (nodemailer) one after another, after the request that
 * queued them has been answered: the answer never waits for the mail server, so its timing is the same
 * whichever e-mail is sent. A failed send is logged; the person can ask for a new code.
 */
@Injectable()
export class RegistrationMailer implements OnApplicationShutdown {
  private readonly logger = new Logger(RegistrationMailer.name);
  private readonly transporter: Transporter | undefined;
  private readonly from: string;
  private queued = 0;
  private drained: Promise<void> = Promise.resolve();

  constructor(@Inject(IDENTITY_CONFIG) config: IdentityConfig) {
    this.from = config.mailFrom;
    this.transporter = config.smtpUrl
      ? createTransport({ url: config.smtpUrl, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 })
      : undefined;
  }

  /** Queues the message and returns at once. */
  enqueue(email: RegistrationEmail): void {
    const transporter = this.transporter;
    if (!transporter) throw new Error('RegistrationMailer needs SMTP_URL');
    if (this.queued >= MAX_QUEUED) {
      this.logger.warn(`registration e-mail dropped: ${MAX_QUEUED} messages are already waiting for the mail server`);
      return;
    }
    this.queued += 1;
    this.drained = this.drained
      .then(() => transporter.sendMail({ from: this.from, to: email.to, subject: email.subject, text: email.text }))
      .then(
        () => undefined,
        (error: unknown) => this.logger.warn(`registration e-mail not sent: ${error instanceof Error ? error.message : String(error)}`),
      )
      .finally(() => {
        this.queued -= 1;
      });
  }

  /** Resolves once every message queued so far has been handed to the mail server (or failed). */
  idle(): Promise<void> {
    return this.drained;
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.race([this.drained, new Promise((resolve) => setTimeout(resolve, SHUTDOWN_WAIT_MS).unref())]);
    this.transporter?.close();
  }
}
