import { DEMO_ADMIN_EMAIL, DEMO_PASSWORD } from '@ttm/demo';
import { Page } from 'playwright-core';
import { client, failure } from '../support/graphql-client';
import { LOGIN, ME } from '../support/operations';
import { arriveAt, BrowserSession, launchBrowser, openPage, screenshot } from './support/browser';
import { DemoMarketplace, startDemoMarketplace } from './support/marketplace';
import { signIn } from './support/session';

const ENTERPRISE = 'haoyu.zhou@demo.techbridge.cn';
const NEW_PASSWORD = 'Safer-2026-pass';
const SET_ROLES = /* GraphQL */ `mutation SetRoles($userId: ID!, $roles: [Role!]!) { setUserRoles(userId: $userId, roles: $roles) { id } }`;

interface StoredSession {
  accessToken: string;
  user: { id: string; roles: string[] };
}

const storedSession = (page: Page) =>
  page.evaluate(() => JSON.parse(localStorage.getItem('techbridge.session') ?? 'null') as StoredSession | null);

/** 账号安全 (修改密码, 退出所有设备), and a token revoked under the app's feet (a role change) being renewed once. */
describe('account security and revoked tokens in the web app', () => {
  let demo: DemoMarketplace | undefined;
  let chromium: BrowserSession | undefined;

  beforeAll(async () => {
    chromium = await launchBrowser();
    demo = await startDemoMarketplace('web_account_security');
  });

  afterAll(async () => {
    await chromium?.close();
    await demo?.stop();
  });

  it('goes on with the new roles after a role change, changes the password and signs out of every device', async () => {
    if (!demo || !chromium) throw new Error('not started');
    const api = demo.marketplace.url;
    const { page, errors, context } = await openPage(chromium.browser, demo.baseUrl);
    await signIn(page, ENTERPRISE);
    const before = await storedSession(page);
    if (!before) throw new Error('not signed in');

    // An administrator gives the user a second role: the token in the browser is refused from now on
    // (within a second in every service); the app's next request refreshes once and is sent again.
    const { login: admin } = await client(api).request<{ login: { accessToken: string } }>(LOGIN, { input: { email: DEMO_ADMIN_EMAIL, password: DEMO_PASSWORD } });
    await client(api, admin.accessToken).request(SET_ROLES, { userId: before.user.id, roles: ['ENTERPRISE', 'BROKER'] });
    await page.waitForTimeout(1000);
    expect((await failure(client(api, before.accessToken), `{ myApplications(first: 1) { totalCount } }`)).code).toBe('UNAUTHENTICATED');
    await page.getByRole('link', { name: '我的需求', exact: true }).click();
    await page.getByRole('link', { name: '撮合工作台', exact: true }).waitFor();
    await page.getByRole('button', { name: '发布需求' }).first().waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);
    const renewed = await storedSession(page);
    expect(renewed?.user.roles).toEqual(['ENTERPRISE', 'BROKER']);
    expect(renewed?.accessToken).not.toBe(before.accessToken);

    // 账号安全, from the account menu.
    const { login: elsewhere } = await client(api).request<{ login: { accessToken: string } }>(LOGIN, { input: { email: ENTERPRISE, password: DEMO_PASSWORD } });
    await page.getByRole('button', { name: '账户菜单' }).hover();
    await page.getByRole('link', { name: '账号安全', exact: true }).click();
    await page.getByRole('heading', { name: '账号安全' }).waitFor();

    await page.getByLabel('当前密码').fill('Wrong-pass-2026');
    await page.getByLabel('新密码', { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel('确认新密码').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: '修改密码' }).click();
    await page.getByRole('alert').filter({ hasText: 'not your current password' }).waitFor();

    await page.getByLabel('当前密码').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: '修改密码' }).click();
    await page.getByText('密码已修改，其他设备上的登录已全部退出').waitFor();
    await screenshot(page, 'account-security');
    await page.waitForTimeout(1000);
    expect((await failure(client(api, elsewhere.accessToken), ME)).code).toBe('UNAUTHENTICATED');
    // This device is still signed in.
    await page.getByRole('link', { name: '我的需求', exact: true }).click();
    await page.getByRole('button', { name: '发布需求' }).first().waitFor();

    // 退出所有设备: this device too.
    const current = await storedSession(page);
    await page.getByRole('button', { name: '账户菜单' }).hover();
    await page.getByRole('link', { name: '账号安全', exact: true }).click();
    await page.getByRole('button', { name: '退出所有设备' }).click();
    await page.getByRole('button', { name: '全部退出' }).click();
    await arriveAt(page, /\/login/);
    await page.getByRole('link', { name: '登录', exact: true }).waitFor();
    expect(await storedSession(page)).toBeNull();
    expect((await failure(client(api, current?.accessToken), ME)).code).toBe('UNAUTHENTICATED');
    const { login } = await client(api).request<{ login: { user: { id: string } } }>(LOGIN, { input: { email: ENTERPRISE, password: NEW_PASSWORD } });
    expect(login.user.id).toBe(before.user.id);

    expect(errors).toEqual([]);
    await context.close();
  });
});
