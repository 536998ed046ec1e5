import { createTestDatabase, SmtpSink, startSmtpSink, TestDatabase, waitForMail } from '@ttm/testing';
import { RunningMarketplace, startMarketplace, TEST_ADMIN } from '../support/marketplace-process';
import { LOGIN } from '../support/operations';
import { arriveAt, BrowserSession, launchBrowser, openPage, screenshot } from './support/browser';

/**
 * Sign-up with an e-mailed code (邮箱验证码) when the marketplace sends e-mail (SMTP_URL, a real SMTP
 * server here), and the login page's answer to too many failed attempts.
 */
describe('register with an e-mailed code, and a throttled sign-in', () => {
  let database: TestDatabase | undefined;
  let smtp: SmtpSink | undefined;
  let marketplace: RunningMarketplace | undefined;
  let chromium: BrowserSession | undefined;
  const baseUrl = () => (marketplace?.url ?? '').replace(/graphql$/, '');

  beforeAll(async () => {
    chromium = await launchBrowser();
    database = await createTestDatabase('web_registration');
    smtp = await startSmtpSink();
    marketplace = await startMarketplace({ databaseUrl: database.url, env: { SEED_DEMO: 'false', SMTP_URL: smtp.url } });
  });

  afterAll(async () => {
    await chromium?.close();
    await marketplace?.stop();
    await smtp?.stop();
    await database?.drop();
  });

  it('asks for the code with 获取验证码, counts down, and registers with the mailed code', async () => {
    if (!chromium || !smtp) throw new Error('not started');
    const { page, errors } = await openPage(chromium.browser, baseUrl());
    const email = `web.${Date.now().toString(36)}@example.cn`;
    await page.goto('/register');
    await page.getByLabel('显示名称').fill('网页注册');
    const send = page.getByRole('button', { name: '获取验证码' });
    // No address yet: the form asks for it instead of sending anything.
    await send.click();
    await page.getByText('请输入邮箱').waitFor();
    await page.getByLabel('邮箱', { exact: true }).fill(email);
    await send.click();
    await page.getByText('验证码已发送，请查收邮件').waitFor();
    const countdown = page.getByRole('button', { name: /^\d+ 秒后重新获取$/ });
    await countdown.waitFor();
    expect(await countdown.isDisabled()).toBe(true);
    expect(Number(/^(\d+)/.exec((await countdown.textContent()) ?? '')?.[1])).toBeGreaterThan(55);

    const mail = await waitForMail(smtp, (received) => received.envelope.rcptTo.includes(email));
    const code = /验证码是：(\d{6})/.exec(mail.text)?.[1] ?? '';
    await page.getByLabel('邮箱验证码').fill(code);
    await page.getByLabel('密码', { exact: true }).fill('Webcode2026');
    await page.getByLabel('确认密码').fill('Webcode2026');
    await screenshot(page, 'register-with-email-code');
    await page.getByRole('main').getByRole('button', { name: '注册' }).click();
    await arriveAt(page, '**/enterprise/needs');
    await page.getByRole('button', { name: '账户菜单' }).waitFor();
    expect(errors).toEqual([]);
  });

  it('says in Chinese how long to wait after too many failed sign-ins', async () => {
    if (!chromium || !marketplace) throw new Error('not started');
    // Ten wrong passwords from this machine (the browser signs in from the same address).
    for (let attempt = 1; attempt <= 10; attempt += 1) {
      await fetch(marketplace.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: LOGIN, variables: { input: { email: TEST_ADMIN.email, password: `Wrong-${attempt}-pass` } } }),
      });
    }
    const { page } = await openPage(chromium.browser, baseUrl());
    await page.goto('/login');
    await page.getByLabel('邮箱').fill(TEST_ADMIN.email);
    await page.getByLabel('密码').fill(TEST_ADMIN.password);
    await page.getByRole('main').getByRole('button', { name: '登录' }).click();
    // The pair is blocked for an hour (3600 s), a few seconds of which have passed.
    await page.getByRole('alert').getByText(/^登录失败次数过多，请 \d{4} 秒（约 (60 分钟|1 小时)）后再试$/).waitFor();
    await screenshot(page, 'login-too-many-attempts');
  });
});
