import { DEMO_PASSWORD } from '@ttm/demo';
import { client } from '../support/graphql-client';
import { CREATE_NEED, LOGIN, needInput, SUBMIT_NEED } from '../support/operations';
import { arriveAt, BrowserSession, launchBrowser, openPage, screenshot } from './support/browser';
import { DemoMarketplace, startDemoMarketplace } from './support/marketplace';
import { signIn, signOut } from './support/session';

/** YYYY-MM-DD HH:mm of an instant in China (UTC+8), as the audit log shows its times. */
const chinaMinute = (ms: number): string => new Date(ms + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');

/** The administrator's and the broker's pages on the demo data, and the app in a 375-px-wide window. */
describe('administrator and broker pages, and a phone-sized window', () => {
  let demo: DemoMarketplace | undefined;
  let chromium: BrowserSession | undefined;

  beforeAll(async () => {
    chromium = await launchBrowser();
    demo = await startDemoMarketplace('web_roles');
  });

  afterAll(async () => {
    await chromium?.close();
    await demo?.stop();
  });

  /** A demo enterprise's new need, waiting in the review queue (arranged through the API). */
  async function needInReview(title: string): Promise<void> {
    if (!demo) throw new Error('not started');
    const { login } = await client(demo.marketplace.url).request<{ login: { accessToken: string } }>(LOGIN, {
      input: { email: 'hengjin.shen@demo.techbridge.cn', password: DEMO_PASSWORD },
    });
    const asEnterprise = client(demo.marketplace.url, login.accessToken);
    const { createNeed } = await asEnterprise.request<{ createNeed: { id: string } }>(CREATE_NEED, { input: needInput({ title }) });
    await asEnterprise.request(SUBMIT_NEED, { id: createNeed.id });
  }

  it('lets the administrator verify an organisation, edit synonyms, read the market statistics and find it all in the audit log', async () => {
    if (!demo || !chromium) throw new Error('not started');
    const title = '经编车间断纱在线检测（审计日志）';
    await needInReview(title);
    const { page, errors, context } = await openPage(chromium.browser, demo.baseUrl);
    await signIn(page, 'admin@demo.techbridge.cn');

    await page.getByRole('link', { name: '机构认证', exact: true }).click();
    const row = page.getByRole('row', { name: /海宁数织信息科技有限公司/ });
    await screenshot(page, 'admin-organizations');
    await row.getByRole('button', { name: '认证' }).click();
    await page.getByText('已认证', { exact: true }).first().waitFor();
    await row.waitFor({ state: 'detached' });

    await page.getByRole('link', { name: '同义词', exact: true }).click();
    await page.getByLabel('新同义词组').fill('断纱检测');
    await page.keyboard.press('Enter');
    await page.getByLabel('新同义词组').fill('断头检测');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: '添加' }).click();
    await page.getByText('已添加').waitFor();
    await page.getByLabel('查找同义词').fill('断头检测');
    await page.locator('.ant-list-item').filter({ hasText: '断头检测' }).waitFor();
    await screenshot(page, 'admin-synonyms');

    await page.getByRole('link', { name: '市场统计', exact: true }).click();
    await page.getByRole('img', { name: /漏斗/ }).locator('canvas').waitFor();
    await screenshot(page, 'admin-market-stats');

    await page.getByRole('link', { name: '审核队列', exact: true }).click();
    await page.getByTestId('review-item').filter({ hasText: title }).getByRole('button', { name: '通过' }).click();
    await page.getByText('已通过，已公开发布').waitFor();
    const approvedBy = Date.now();
    await page.getByRole('link', { name: '审计日志', exact: true }).click();
    const log = page.getByTestId('audit-log');
    const approval = log.getByRole('row', { name: new RegExp(title) });
    await approval.waitFor();
    expect(await approval.textContent()).toMatch(/审核通过.*待审核 → 已发布/);
    await log.getByRole('row', { name: /机构认证.*海宁数织信息科技有限公司.*未认证 → 已认证/ }).waitFor();
    await log.getByRole('row', { name: /新增同义词组.*断纱检测、断头检测/ }).waitFor();
    // Newest first: the approval tops the list, at its minute in China time (UTC+8), whatever the browser's zone.
    const newest = (await log.getByRole('row').nth(1).textContent()) ?? '';
    expect(newest).toContain(title);
    expect([chinaMinute(approvedBy - 60_000), chinaMinute(approvedBy)]).toContain(newest.slice(0, 16));
    await screenshot(page, 'admin-audit');
    await page.getByLabel('按操作筛选').click();
    await page.getByTitle('新增同义词组').click();
    await arriveAt(page, '**/admin/audit?action=SYNONYM_GROUP_CREATED');
    await approval.waitFor({ state: 'detached' });
    await log.getByRole('row', { name: /断纱检测、断头检测/ }).waitFor();
    await signOut(page);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('gives the broker a desk to propose matches, a deal board and the score behind the level', async () => {
    if (!demo || !chromium) throw new Error('not started');
    const { page, errors, context } = await openPage(chromium.browser, demo.baseUrl);
    await signIn(page, 'broker.wang@demo.techbridge.cn');

    await page.getByRole('link', { name: '撮合工作台', exact: true }).click();
    await page.getByLabel('搜索需求').fill('断纱');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: '选择' }).first().click();
    // Another broker may already hold a live match for a pair: the API refuses it and the desk shows
    // its message; the next candidate is tried.
    await page.getByRole('button', { name: '提议撮合' }).first().waitFor();
    const refusals: string[] = [];
    let proposed = false;
    for (let index = 0; index < 8 && !proposed; index++) {
      const buttons = page.getByRole('button', { name: '提议撮合' });
      if ((await buttons.count()) <= index) break;
      await buttons.nth(index).click();
      await page.getByLabel('撮合理由（双方可见）').fill('该成果的方案与贵司需求高度契合，建议对接。');
      await page.getByRole('dialog').getByRole('button', { name: '提议' }).click();
      const notice = page.locator('.ant-message-notice').last();
      await notice.waitFor();
      const text = (await notice.textContent()) ?? '';
      proposed = text.includes('已提议撮合，等待双方回应');
      if (!proposed) {
        refusals.push(text);
        await page.getByRole('dialog').getByRole('button', { name: '取消' }).click();
        await notice.waitFor({ state: 'detached' });
      }
    }
    expect(refusals.every((text) => text.length > 0)).toBe(true);
    expect(proposed).toBe(true);
    await page.getByText('已提议', { exact: true }).first().waitFor();
    await screenshot(page, 'broker-desk');

    await page.getByRole('link', { name: '交易看板', exact: true }).click();
    await page.getByTestId('deal-column-COMPLETED').getByTestId('deal-card').first().waitFor();
    await screenshot(page, 'broker-pipeline');
    // The broker's old board address leads to the one deals board; the menu has it once.
    await page.goto('/broker/deals');
    await arriveAt(page, '**/deals');
    await page.getByRole('heading', { name: '交易看板' }).waitFor();
    expect(await page.getByRole('menuitem', { name: /交易/ }).count()).toBe(1);

    await page.getByRole('link', { name: '我的评分', exact: true }).click();
    await page.getByText('评分构成').waitFor();
    await screenshot(page, 'broker-score');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('fits a 375-px-wide window without horizontal scrolling', async () => {
    if (!demo || !chromium) throw new Error('not started');
    const { page, errors, context } = await openPage(chromium.browser, demo.baseUrl, { width: 375, height: 812 });
    await page.goto('/?q=%E5%85%89%E4%BC%8F');
    await page.locator('[data-testid="search-hit"] em').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await screenshot(page, 'mobile-search');
    await page.getByRole('button', { name: '筛选' }).click();
    await page.getByRole('dialog').getByTestId('facet-INDUSTRY').waitFor();
    await screenshot(page, 'mobile-filters');
    await page.keyboard.press('Escape');
    await page.getByTestId('search-hit').first().getByRole('link').first().click();
    await page.getByRole('heading').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await screenshot(page, 'mobile-detail');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('fits the deals board, the broker desk and 榜单管理 into a 375-px-wide window', async () => {
    if (!demo || !chromium) throw new Error('not started');
    const { page, errors, context } = await openPage(chromium.browser, demo.baseUrl, { width: 375, height: 812 });
    const pageWidth = () => page.evaluate(() => document.documentElement.scrollWidth);
    await signIn(page, 'broker.wang@demo.techbridge.cn');
    await page.goto('/deals');
    await page.getByTestId('deal-column-COMPLETED').getByTestId('deal-card').first().getByRole('link').click();
    await page.getByTestId('deal-stage').waitFor();
    expect(await pageWidth()).toBeLessThanOrEqual(375);
    // Bounding boxes are sub-pixel (375.00001 happens); an overflow a person would see is whole pixels.
    expect(Math.round((await page.getByRole('dialog').boundingBox())?.width ?? Infinity)).toBeLessThanOrEqual(375);
    await screenshot(page, 'mobile-deal');
    await page.goto('/broker/desk');
    await page.getByTestId('proposed-matches').getByRole('row').nth(1).waitFor();
    expect(await pageWidth()).toBeLessThanOrEqual(375);
    await signOut(page);
    await signIn(page, 'admin@demo.techbridge.cn');
    await page.goto('/admin/challenges?status=PUBLISHED');
    await page.getByTestId('admin-challenges').getByRole('row').nth(1).waitFor();
    expect(await pageWidth()).toBeLessThanOrEqual(375);
    await screenshot(page, 'mobile-admin-challenges');
    expect(errors).toEqual([]);
    await context.close();
  });
});
