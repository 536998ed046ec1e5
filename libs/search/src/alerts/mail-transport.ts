import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@ttm/config';
import { createTransport, Transporter } from 'nodemailer';
import { APP_CONFIG } from '../index/listing-index.provider';
import type { NotificationEmail } from './notification-email';

/** Sends e-mails through the SMTP server of `SMTP_URL` (nodemailer; one connection per message). */
@Injectable()
export class MailTransport implements OnApplicationShutdown {
  private readonly transporter: Transporter;
  private readonly from: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    if (!config.smtpUrl) throw new Error('MailTransport needs SMTP_URL');
    // Bounded waits: the mailer holds its claimed notifications locked while it sends.
    this.transporter = createTransport({ url: config.smtpUrl, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 });
    this.from = config.mailFrom;
  }

  async send(email: NotificationEmail): Promise<void> {
    await this.transporter.sendMail({ from: this.from, to: email.to, subject: email.subject, text: email.text, html: email.html });
  }

  onApplicationShutdown(): void {
    this.transporter.close();
  }
}
