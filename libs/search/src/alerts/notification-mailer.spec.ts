import { INestApplication } from '@nestjs/common';
import { parseConfig } from '@ttm/config';
import { DEMO_MATCH_HINTS } from '@ttm/demo';
import { ListingDocument, ListingEventType } from '@ttm/events';
import { bootstrapSubgraph } from '@ttm/graphql';
import { createTestDatabase, ReceivedMail, SmtpSink, startSmtpSink, TestDatabase } from '@ttm/testing';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { ListingIndex } from '../index/listing-index.provider';
import { demoListingDocuments } from '../matching/demo-listings';
import { searchServiceModule } from '../search-app.module';
import { InternalRoutesServer, startInternalRoutes } from '../testing/internal-routes-server';
import { AlertFollower } from './alert-follower.service';
import { MAIL_MAX_ATTEMPTS } from './alert-rules';
import { NotificationMailer } from './notification-mailer.service';

jest.setTimeout(180_000);

const JWT_SECRET = 'mail-test-secret-that-is-long-enough-0123456789';
const PUBLIC_URL = 'https://techbridge.example';

interface NotificationRow extends Record<string, unknown> {
  id: string;
  recipient_id: string;
  title: string;
  message: string;
  emailed_at: Date | null;
  email_attempts: number;
  email_retry_at: Date | null;
}

/**
 * E-mail delivery of notifications in the real search service (PostgreSQL, embedded engine) through a
 * real SMTP server process (test/support/smtp-sink.ts). The marketplace feed and the identity service's
 * `/internal/users` are served by a small HTTP server, as in alerts.spec.ts.
 */
describe('e-mailing notifications through SMTP', () => {
  let database: TestDatabase;
  let dataDir: string;
  let routes: InternalRoutesServer;
  let smtp: SmtpSink;
  let app: INestApplication;
  const HISTORY_HEAD = 10;
  const demo = demoListingDocuments();
  const byId = new Map(demo.map((doc) => [doc.id, doc]));
  const hint = DEMO_MATCH_HINTS[18]; // 钙钛矿/晶硅叠层电池中试开发 → its results and experts
  const addressOf = (userId: string) => `user-${userId}@example.cn`;

  async function startSearch(): Promise<INestApplication> {
    const config = parseConfig({
      DATABASE_URL: database.url,
      JWT_SECRET,
      NODE_ENV: 'test',
      DATA_DIR: dataDir,
      MARKETPLACE_URL: routes.serviceUrl,
      IDENTITY_URL: routes.serviceUrl,
      SMTP_URL: smtp.url,
      PUBLIC_URL,
    });
    return bootstrapSubgraph(searchServiceModule(config), 'search', 0);
  }

  beforeAll(async () => {
    database = await createTestDatabase('notification_mail');
    dataDir = await mkdtemp(join(tmpdir(), 'ttm-mail-'));
    routes = await startInternalRoutes({ snapshot: demo, historyHead: HISTORY_HEAD, jwtSecret: JWT_SECRET });
    for (const ownerId of new Set(demo.map((doc) => doc.ownerId))) {
      routes.users.set(ownerId, { id: ownerId, email: addressOf(ownerId), displayName: `用户${ownerId.slice(-4)}` });
    }
    smtp = await startSmtpSink();
    app = await startSearch();
    // Alerting starts at the feed head, and the mailer records when e-mail delivery started.
    await eventually(async () => expect(await sql(`SELECT seq FROM search.alert_checkpoints`)).toHaveLength(1));
    await eventually(async () => expect(await sql(`SELECT started_at FROM search.mail_delivery_start`)).toHaveLength(1));
  });

  afterAll(async () => {
    await app?.close();
    await smtp?.stop();
    await routes?.close();
    await database?.drop();
    await rm(dataDir, { recursive: true, force: true });
  });

  const sql = <T extends Record<string, unknown>>(text: string, values?: unknown[]) => database.query<T>(text, values);

  const notificationsAbout = (listingId: string) => sql<NotificationRow>(`SELECT * FROM search.notifications WHERE listing_id = $1 ORDER BY recipient_id`, [listingId]);
  const mailsTo = (address: string) => smtp.received.filter((mail) => mail.envelope.rcptTo.includes(address));
  const mailer = () => app.get(NotificationMailer);

  /** Appends the feed event of a new listing's publication and waits until its notifications are stored. */
  async function publish(template: string, ownerId: string = randomUUID()): Promise<ListingDocument> {
    const source = byId.get(template);
    if (!source) throw new Error(`no demo listing ${template}`);
    const now = new Date().toISOString();
    const document: ListingDocument = { ...source, id: randomUUID(), ownerId, version: 1, publishedAt: now, updatedAt: now };
    const seq = String(Number(routes.headSeq()) + 1);
    routes.events.push({ seq, type: ListingEventType.UPSERTED, aggregateId: document.id, aggregateVersion: 1, payload: { document } });
    await eventually(async () => expect((await app.get(ListingIndex).index.stats()).checkpoint).toBe(seq));
    await app.get(AlertFollower).catchUp();
    expect((await notificationsAbout(document.id)).length).toBeGreaterThan(0);
    return document;
  }

  it('e-mails a new notification to its recipient, in Chinese with a link — exactly once, also after a restart — and never the history', async () => {
    const resultOwner = byId.get(hint.resultIds[0])?.ownerId ?? '';
    // A notification from before e-mail delivery started: never e-mailed.
    await sql(
      `INSERT INTO search.notifications (recipient_id, kind, listing_id, listing_kind, title, message, created_at)
       VALUES ($1, 'SAVED_SEARCH', 'history-listing', 'NEED', '保存的搜索有新结果', '旧的通知', now() - interval '1 hour')`,
      [resultOwner],
    );

    const need = await publish(hint.needId);
    const notifications = await notificationsAbout(need.id);
    const match = notifications.find((row) => row.recipient_id === resultOwner);
    expect(match?.title).toBe('新技术需求与您的成果匹配');

    await eventually(async () => expect((await notificationsAbout(need.id)).every((row) => row.emailed_at !== null)).toBe(true));
    await eventually(async () => expect(smtp.received).toHaveLength(notifications.length));
    const [mail, ...more] = mailsTo(addressOf(resultOwner));
    expect(more).toEqual([]);
    expect(mail.envelope).toEqual({ mailFrom: 'noreply@localhost', rcptTo: [addressOf(resultOwner)] });
    expect(mail.from).toBe('技转通 <noreply@localhost>');
    expect(mail.to).toContain(`<${addressOf(resultOwner)}>`);
    expect(mail.subject).toBe('新技术需求与您的成果匹配');
    expect(mail.text).toContain(match?.message);
    expect(mail.text).toContain(`查看详情：${PUBLIC_URL}/needs/${need.id}`);
    expect(mail.html).toContain(`<a href="${PUBLIC_URL}/needs/${need.id}">查看详情</a>`);
    // Every recipient of this listing got exactly one e-mail.
    for (const row of notifications) expect(mailsTo(addressOf(row.recipient_id))).toHaveLength(1);

    // A restarted mailer finds nothing left to send.
    await app.close();
    app = await startSearch();
    expect(await mailer().deliverDue()).toEqual({ sent: 0, failed: 0 });
    expect(smtp.received).toHaveLength(notifications.length);
    const [history] = await sql<NotificationRow>(`SELECT * FROM search.notifications WHERE listing_id = 'history-listing'`);
    expect(history).toMatchObject({ emailed_at: null, email_attempts: 0 });
  });

  it('keeps a notification while the SMTP server is down and delivers it once the server is back', async () => {
    const needOwner = byId.get(hint.needId)?.ownerId ?? '';
    const before = smtp.received.length;
    await smtp.stop();
    const result = await publish(hint.resultIds[0]);
    await mailer().deliverDue();
    const [failed] = (await notificationsAbout(result.id)).filter((row) => row.recipient_id === needOwner);
    expect(failed).toMatchObject({ emailed_at: null, email_attempts: 1 });
    expect(failed.email_retry_at?.getTime()).toBeGreaterThan(Date.now());

    await smtp.start();
    // Not before its retry time.
    await mailer().deliverDue();
    expect(smtp.received).toHaveLength(before);
    // Its retry time comes.
    await sql(`UPDATE search.notifications SET email_retry_at = now() WHERE listing_id = $1`, [result.id]);
    await mailer().deliverDue();

    const [delivered] = (await notificationsAbout(result.id)).filter((row) => row.recipient_id === needOwner);
    expect(delivered.emailed_at).not.toBeNull();
    expect(delivered.email_attempts).toBe(2);
    const mailsAbout = () => mailsTo(addressOf(needOwner)).filter((mail: ReceivedMail) => mail.text.includes(`/results/${result.id}`));
    await eventually(async () => expect(mailsAbout()).toHaveLength(1));
    expect(mailsAbout()[0].subject).toBe('新科技成果与您的需求匹配');
    // One e-mail per notification delivered, none twice.
    const emailed = (await notificationsAbout(result.id)).filter((row) => row.emailed_at !== null);
    await eventually(async () => expect(smtp.received).toHaveLength(before + emailed.length));
  });

  it('skips notifications another replica has claimed, and gives up after the last attempt', async () => {
    const recipient = byId.get(hint.needId)?.ownerId ?? '';
    const insert = (listingId: string, attempts = 0) =>
      sql<{ id: string }>(
        `INSERT INTO search.notifications (recipient_id, kind, listing_id, listing_kind, title, message, email_attempts)
         VALUES ($1, 'FOLLOWED_INDUSTRY', $2, 'RESULT', '关注的行业有新科技成果', '测试', $3) RETURNING id`,
        [recipient, listingId, attempts],
      );
    const [claimed] = await insert(randomUUID());
    // Another replica is claiming it (its claim transaction holds the row lock, as the mailer's does).
    const other = new Client({ connectionString: database.url });
    await other.connect();
    try {
      await other.query('BEGIN');
      await other.query(`SELECT id FROM search.notifications WHERE id = $1 FOR UPDATE`, [claimed.id]);
      expect((await mailer().deliverDue()).sent).toBe(0);
      await other.query('COMMIT');
    } finally {
      await other.end();
    }
    await mailer().deliverDue();
    const stored = async (id: string) => (await sql<NotificationRow>(`SELECT * FROM search.notifications WHERE id = $1`, [id]))[0];
    expect((await stored(claimed.id)).emailed_at).not.toBeNull();
    await eventually(async () => expect(mailsTo(addressOf(recipient)).filter((mail) => mail.subject === '关注的行业有新科技成果')).toHaveLength(1));

    const before = smtp.received.length;
    await smtp.stop();
    const [last] = await insert(randomUUID(), MAIL_MAX_ATTEMPTS - 1);
    await mailer().deliverDue();
    expect(await stored(last.id)).toMatchObject({ emailed_at: null, email_attempts: MAIL_MAX_ATTEMPTS, email_retry_at: null });
    await smtp.start();
    await mailer().deliverDue();
    expect(await stored(last.id)).toMatchObject({ emailed_at: null, email_attempts: MAIL_MAX_ATTEMPTS });
    expect(smtp.received).toHaveLength(before);
  });

  it('gives up at once on a recipient the identity service does not know, without holding up the others', async () => {
    const known = byId.get(hint.needId)?.ownerId ?? '';
    const stranger = randomUUID();
    const before = smtp.received.length;
    const rows = await sql<{ id: string; recipient_id: string }>(
      `INSERT INTO search.notifications (recipient_id, kind, listing_id, listing_kind, title, message)
       SELECT recipient, 'FOLLOWED_INDUSTRY', gen_random_uuid()::text, 'NEED', '关注的行业有新技术需求', '测试' FROM unnest($1::text[]) AS recipient
       RETURNING id, recipient_id`,
      [[stranger, 'not-a-user-id', known]],
    );
    await mailer().deliverDue();
    const stored = await sql<NotificationRow>(`SELECT * FROM search.notifications WHERE id = ANY($1)`, [rows.map((row) => row.id)]);
    const outcome = new Map(stored.map((row) => [row.recipient_id, { emailed: row.emailed_at !== null, attempts: row.email_attempts }]));
    expect(outcome.get(known)).toEqual({ emailed: true, attempts: 1 });
    expect(outcome.get(stranger)).toEqual({ emailed: false, attempts: MAIL_MAX_ATTEMPTS });
    expect(outcome.get('not-a-user-id')).toEqual({ emailed: false, attempts: MAIL_MAX_ATTEMPTS });
    await eventually(async () => expect(smtp.received).toHaveLength(before + 1));
    expect(smtp.received.at(-1)?.envelope.rcptTo).toEqual([addressOf(known)]);
  });
});

async function eventually(check: () => Promise<void>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
