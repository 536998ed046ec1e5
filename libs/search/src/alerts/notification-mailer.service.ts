import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig } from '@ttm/config';
import type { ListingKind } from '@ttm/events';
import { DataSource } from 'typeorm';
import { APP_CONFIG } from '../index/listing-index.provider';
import { IdentityUsersClient } from '../services/identity-users.client';
import { MAIL_BATCH, MAIL_CLAIM_LEASE_MS, MAIL_MAX_ATTEMPTS, MAIL_MAX_BACKOFF_MS, MAIL_POLL_MS, MAIL_RETRY_BASE_MS } from './alert-rules';
import { MailTransport } from './mail-transport';
import { notificationEmail } from './notification-email';

interface UnmailedNotification {
  id: string;
  recipient_id: string;
  listing_id: string;
  listing_kind: ListingKind;
  title: string;
  message: string;
  email_attempts: number;
}

/** What one delivery round did. */
export interface MailRound {
  sent: number;
  failed: number;
}

/**
 * E-mails notifications (only when SMTP_URL is set), reading them from the notifications table, so a
 * crash loses nothing. Each round claims a batch of due notifications in a short transaction
 * (`FOR UPDATE SKIP LOCKED`, then a lease of MAIL_CLAIM_LEASE_MS in `email_retry_at`, so two replicas
 * never take the same one), then — outside any transaction, because the embedded PostgreSQL runs one
 * transaction at a time and the identity service reads its own tables to answer — looks the recipients'
 * addresses up in the identity service, sends, and records `emailed_at`. A failed send counts an attempt
 * and is retried later with a growing wait; after MAIL_MAX_ATTEMPTS it is given up (logged). A crash
 * between a send and its record sends it again once the lease is over: delivery is at least once.
 *
 * History is not e-mailed: the first round ever records when mail delivery started
 * (`search.mail_delivery_start`), and only notifications created since then are sent.
 */
@Injectable()
export class NotificationMailer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('NotificationMailer');
  private stopped = false;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<MailRound> | undefined;
  private startedAt: Date | undefined;
  private readonly publicUrl: string;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: IdentityUsersClient,
    private readonly transport: MailTransport,
  ) {
    this.publicUrl = config.publicUrl;
  }

  onApplicationBootstrap(): void {
    this.schedule(0, 0);
  }

  /** Lets a round in progress commit before the database closes: a round cut short would send its mails again. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** Sends every notification that is due; resolves when none is left (failed ones wait for their retry). */
  async deliverDue(): Promise<MailRound> {
    const total: MailRound = { sent: 0, failed: 0 };
    for (;;) {
      const round = await this.round();
      total.sent += round.sent;
      total.failed += round.failed;
      if (round.sent + round.failed < MAIL_BATCH) return total;
    }
  }

  /** One batch (never two at once in this process). */
  round(): Promise<MailRound> {
    const previous = this.running ?? Promise.resolve({ sent: 0, failed: 0 });
    const run = previous.catch(() => undefined).then(() => this.roundNow());
    this.running = run;
    return run;
  }

  private schedule(delayMs: number, failures: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.round().then(
        (round) => this.schedule(round.sent + round.failed === MAIL_BATCH ? 0 : MAIL_POLL_MS, 0),
        (error: unknown) => {
          this.logger.warn(`e-mailing notifications failed: ${error instanceof Error ? error.message : String(error)}`);
          this.schedule(Math.min(MAIL_MAX_BACKOFF_MS, MAIL_POLL_MS * 2 ** (failures + 1)), failures + 1);
        },
      );
    }, delayMs);
  }

  private async roundNow(): Promise<MailRound> {
    const due = await this.claimDue(await this.deliveryStart());
    if (due.length === 0) return { sent: 0, failed: 0 };
    const contacts = await this.users.contacts(due.map((notification) => notification.recipient_id)).catch(async (error: unknown) => {
      // Identity cannot answer: the round fails as a whole, counts no attempt and hands the batch back.
      await this.dataSource.query(`UPDATE search.notifications SET email_retry_at = NULL WHERE id = ANY($1)`, [due.map((notification) => notification.id)]);
      throw error;
    });
    const round: MailRound = { sent: 0, failed: 0 };
    for (const notification of due) {
      const recipient = contacts.get(notification.recipient_id.toLowerCase());
      if (!recipient) {
        await this.giveUp(notification, 'the identity service knows no such user');
        round.failed += 1;
        continue;
      }
      const { title, message, listing_id: listingId, listing_kind: listingKind } = notification;
      try {
        await this.transport.send(notificationEmail({ title, message, listingId, listingKind }, recipient, this.publicUrl));
      } catch (error) {
        await this.recordFailure(notification, error instanceof Error ? error.message : String(error));
        round.failed += 1;
        continue;
      }
      await this.dataSource.query(`UPDATE search.notifications SET emailed_at = now(), email_attempts = email_attempts + 1, email_retry_at = NULL WHERE id = $1`, [
        notification.id,
      ]);
      round.sent += 1;
    }
    if (round.sent > 0) this.logger.log(`e-mailed ${round.sent} notifications`);
    return round;
  }

  /** Takes a batch of due notifications for this round: locked while claimed, then leased until it is done. */
  private claimDue(startedAt: Date): Promise<UnmailedNotification[]> {
    return this.dataSource.transaction(async (manager) => {
      const due = await manager.query<UnmailedNotification[]>(
        `SELECT id, recipient_id, listing_id, listing_kind, title, message, email_attempts
           FROM search.notifications
          WHERE emailed_at IS NULL AND created_at >= $1 AND email_attempts < $2 AND (email_retry_at IS NULL OR email_retry_at <= now())
          ORDER BY created_at
          LIMIT $3
          FOR UPDATE SKIP LOCKED`,
        [startedAt, MAIL_MAX_ATTEMPTS, MAIL_BATCH],
      );
      if (due.length > 0) {
        await manager.query(`UPDATE search.notifications SET email_retry_at = now() + $2 * interval '1 millisecond' WHERE id = ANY($1)`, [
          due.map((notification) => notification.id),
          MAIL_CLAIM_LEASE_MS,
        ]);
      }
      return due;
    });
  }

  private async recordFailure(notification: UnmailedNotification, reason: string): Promise<void> {
    const attempts = notification.email_attempts + 1;
    if (attempts >= MAIL_MAX_ATTEMPTS) {
      await this.giveUp(notification, `${attempts} attempts failed, the last: ${reason}`);
      return;
    }
    const waitMs = MAIL_RETRY_BASE_MS * 2 ** (attempts - 1);
    await this.dataSource.query(`UPDATE search.notifications SET email_attempts = $2, email_retry_at = now() + $3 * interval '1 millisecond' WHERE id = $1`, [
      notification.id,
      attempts,
      waitMs,
    ]);
    this.logger.warn(`e-mail of notification ${notification.id} failed (attempt ${attempts} of ${MAIL_MAX_ATTEMPTS}, retried in ${waitMs / 1000} s): ${reason}`);
  }

  private async giveUp(notification: UnmailedNotification, reason: string): Promise<void> {
    await this.dataSource.query(`UPDATE search.notifications SET email_attempts = $2, email_retry_at = NULL WHERE id = $1`, [notification.id, MAIL_MAX_ATTEMPTS]);
    this.logger.error(`gave up e-mailing notification ${notification.id} to user ${notification.recipient_id}: ${reason}`);
  }

  /** When mail delivery first ran here (recorded once; later starts keep it). */
  private async deliveryStart(): Promise<Date> {
    if (!this.startedAt) {
      await this.dataSource.query(`INSERT INTO search.mail_delivery_start DEFAULT VALUES ON CONFLICT DO NOTHING`);
      const [row] = await this.dataSource.query<{ started_at: Date }[]>(`SELECT started_at FROM search.mail_delivery_start`);
      this.startedAt = row.started_at;
    }
    return this.startedAt;
  }
}
