import { MigrationInterface, QueryRunner } from 'typeorm';

export class NotificationMail1764201900000 implements MigrationInterface {
  name = 'NotificationMail1764201900000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`SET LOCAL search_path TO search`);
    await queryRunner.query(`
      ALTER TABLE notifications
        ADD COLUMN emailed_at timestamptz(3),
        ADD COLUMN email_attempts int NOT NULL DEFAULT 0,
        -- After a failed send: not tried again before this.
        ADD COLUMN email_retry_at timestamptz(3)
    `);
    // What the mailer scans: notifications not yet e-mailed, oldest first from its start.
    await queryRunner.query(`CREATE INDEX notifications_unmailed_idx ON notifications (created_at) WHERE emailed_at IS NULL`);
    await queryRunner.query(`
      CREATE TABLE mail_delivery_start (
        singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
        -- Set when the mailer first runs (SMTP_URL set): older notifications are never e-mailed.
        started_at timestamptz(3) NOT NULL DEFAULT now()
      )
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE search.mail_delivery_start`);
    await queryRunner.query(`DROP INDEX search.notifications_unmailed_idx`);
    await queryRunner.query(`ALTER TABLE search.notifications DROP COLUMN email_retry_at, DROP COLUMN email_attempts, DROP COLUMN emailed_at`);
  }
}
