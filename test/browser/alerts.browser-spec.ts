import { randomInt } from 'node:crypto';
import { DEMO_ADMIN_EMAIL } from '@ttm/demo';
import { Page } from 'playwright-core';
import { arriveAt, BrowserSession, launchBrowser, openPage, screenshot } from './support/browser';
import { DemoMarketplace, startDemoMarketplace } from './support/marketplace';
import { fillLogin, signIn, signOut } from './support/session';

const BROKER = 'broker.wang@demo.techbridge.cn';
const ENTERPRISE = 'hengjin.shen@demo.techbridge.cn';
// In no demo listing: only the need published below can answer the saved search.
const QUERY = '石墨烯导热膜';

const noHorizontalScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

/**
 * Alerts in the browser: a broker saves a search (a visitor is sent to sign in first) and follows and
 * unfollows an industry; an enterprise publishes a need the search finds and the administrator approves it;
 * the broker's bell then counts it, 站内通知 lists it, and opening it shows the need and clears the count.
 */
describe('notifications, saved searches and followed industries', () => {
  let demo: DemoMarketplace | undefined;
  let chromium: BrowserSession | undefined;

  beforeAll(async () => {
    chromium = await launchBrowser();
    demo = await startDemoMarketplace('web_alerts');
  });

  afterAll(async () => {
    await chromium?.close();
    await demo?.stop();
  });

  it('notifies a saved search of a newly published need, and the bell follows what is read', async () => {
    if (!demo || !chromium) throw new Error('not started');
    const { page, errors, context } = await openPage(chromium.browser, demo.baseUrl);
    const serial = randomInt(1000, 9999);
    const searchName = `石墨烯导热膜需求 ${serial}`;
    const title = `石墨烯导热膜卷材连续化制备 ${serial}`;

    // A visitor who wants to save a search signs in first and comes back to it.
    await page.goto(`/?q=${encodeURIComponent(QUERY)}&tab=NEED`);
    await page.getByTestId('search-summary').getByText(/共 \d+ 条结果/).waitFor();
    await page.getByRole('button', { name: '保存搜索' }).click();
    await arriveAt(page, '**/login?next=**');
    await fillLogin(page, BROKER);
    await arriveAt(page, /\/\?q=.+&tab=NEED$/);

    await page.getByRole('button', { name: '保存搜索' }).click();
    const dialog = page.getByRole('dialog', { name: '保存搜索' });
    expect(await dialog.getByLabel('名称').inputValue()).toBe(`${QUERY} · 需求大厅`);
    await dialog.getByLabel('名称').fill('');
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.getByText('请填写名称').waitFor();
    await dialog.getByLabel('名称').fill(searchName);
    await dialog.getByRole('button', { name: '保存' }).click();
    await page.getByText(/已保存搜索/).waitFor();
    await dialog.waitFor({ state: 'hidden' });

    // 我的订阅 lists it in Chinese; the broker follows an industry there, and unfollows it.
    await page.getByRole('link', { name: '我的订阅', exact: true }).click();
    const saved = page.getByRole('row', { name: new RegExp(searchName) });
    await saved.getByText(`关键词：${QUERY}`).waitFor();
    await saved.getByText('类别：技术需求').waitFor();
    const followed = page.getByTestId('followed-industries');
    await followed.getByText('还没有关注的行业').waitFor();
    await page.getByLabel('行业').fill('功能膜');
    await page.locator('.ant-select-tree-title', { hasText: /^高分子与功能膜材料$/ }).click();
    await page.getByRole('button', { name: '关注', exact: true }).click();
    await page.getByText('已关注「高分子与功能膜材料」').waitFor();
    await followed.getByText('新材料 / 高分子与功能膜材料').waitFor();
    await page.getByText('已关注「高分子与功能膜材料」').waitFor({ state: 'hidden' });
    await screenshot(page, 'saved-searches');
    await followed.getByRole('button', { name: '取消关注「高分子与功能膜材料」' }).click();
    await followed.getByText('还没有关注的行业').waitFor();

    // Opening a saved search shows the search page in its state.
    await saved.getByRole('link', { name: `打开「${searchName}」` }).click();
    await arriveAt(page, /tab=NEED/);
    expect(await page.getByRole('searchbox', { name: '搜索关键词' }).inputValue()).toBe(QUERY);
    expect(await page.getByRole('tab', { name: /需求大厅/, selected: true }).count()).toBe(1);
    await signOut(page);

    // An enterprise publishes a need the saved search finds; the administrator approves it.
    await signIn(page, ENTERPRISE);
    await page.getByRole('link', { name: '我的需求', exact: true }).click();
    await page.getByRole('button', { name: '发布需求' }).click();
    await arriveAt(page, '**/enterprise/needs/new');
    await page.getByLabel('需求标题').fill(title);
    await page
      .getByLabel('问题描述')
      .fill('我司电子产品散热需要高导热石墨烯导热膜，现有工艺为单片烧结，良率低、成本高。希望合作开发石墨烯导热膜卷材的连续化制备工艺，面内导热率不低于1500 W/(m·K)，厚度均匀可控。');
    await page.getByLabel('指标 1 名称').fill('面内导热率');
    await page.getByLabel('指标 1 目标值').fill('≥ 1500 W/(m·K)');
    await page.getByLabel('行业').fill('功能膜');
    await page.locator('.ant-select-tree-title', { hasText: /^高分子与功能膜材料$/ }).click();
    await page.getByLabel('关键词').fill(QUERY);
    await page.keyboard.press('Enter');
    await page.getByRole('checkbox', { name: '合作开发' }).check();
    await page.getByLabel('联系人').fill('沈工');
    await page.getByLabel('电话').fill('13857300002');
    await page.getByLabel('邮箱').fill(`shen${serial}@browser-test.cn`);
    await page.getByRole('button', { name: '提交审核' }).click();
    await arriveAt(page, '**/enterprise/needs');
    await page.getByRole('row', { name: new RegExp(title) }).getByText('待审核').waitFor();
    await signOut(page);

    await signIn(page, DEMO_ADMIN_EMAIL);
    await page.getByRole('link', { name: '审核队列', exact: true }).click();
    const item = page.getByTestId('review-item').filter({ hasText: title });
    await item.getByRole('button', { name: '通过' }).click();
    await page.getByText('已通过，已公开发布').waitFor();
    await signOut(page);

    // The broker's bell counts the notification once the search service has sent it (within seconds).
    await signIn(page, BROKER);
    const unread = page.getByTestId('unread-count');
    for (let attempt = 0; attempt < 30 && !(await unread.count()); attempt++) {
      await page.waitForTimeout(1000);
      await page.reload();
      await page.getByRole('button', { name: '账户菜单' }).waitFor();
    }
    expect(await unread.textContent()).toBe('1');
    await page.getByRole('link', { name: '通知（1 条未读）', exact: true }).click();
    await arriveAt(page, '**/notifications');
    const notification = page.getByTestId('notification').filter({ hasText: title });
    await notification.getByText('未读').waitFor();
    await notification.getByText('保存的搜索', { exact: true }).waitFor();
    await notification.getByText(`新发布的技术需求「${title}」符合您保存的搜索「${searchName}」`).waitFor();
    await screenshot(page, 'notifications');

    // Opening it shows the need and marks it read: the count goes.
    await notification.getByRole('link', { name: '保存的搜索有新结果', exact: true }).click();
    await page.getByRole('heading', { name: title }).waitFor();
    await page.getByRole('link', { name: '通知', exact: true }).waitFor();
    expect(await unread.count()).toBe(0);
    await page.getByRole('link', { name: '通知', exact: true }).click();
    await notification.waitFor();
    expect(await notification.getByText('未读').count()).toBe(0);
    expect(await page.getByRole('button', { name: '全部标为已读' }).isDisabled()).toBe(true);

    // Deleting a saved search asks first.
    await page.getByRole('link', { name: '我的订阅', exact: true }).click();
    await page.getByRole('button', { name: `删除「${searchName}」` }).click();
    await page.getByRole('button', { name: '删除', exact: true }).click();
    await page.getByText(`已删除「${searchName}」`).waitFor();
    await page.getByText('还没有保存的搜索').waitFor();

    expect(errors).toEqual([]);
    await context.close();
  });

  it('keeps the bell and the account menu in a 375-px-wide header, and the new pages fit', async () => {
    if (!demo || !chromium) throw new Error('not started');
    const { page, errors, context } = await openPage(chromium.browser, demo.baseUrl, { width: 375, height: 812 });
    await signIn(page, BROKER);
    await page.getByRole('link', { name: /^通知/ }).waitFor();
    expect(await page.getByRole('link', { name: /^通知/ }).isVisible()).toBe(true);
    expect(await noHorizontalScroll(page)).toBeLessThanOrEqual(375);
    await page.getByRole('link', { name: /^通知/ }).click();
    await page.getByTestId('notification').first().waitFor();
    expect(await noHorizontalScroll(page)).toBeLessThanOrEqual(375);
    await screenshot(page, 'notifications-mobile');
    await page.goto('/saved-searches');
    await page.getByTestId('followed-industries').waitFor();
    expect(await noHorizontalScroll(page)).toBeLessThanOrEqual(375);
    expect(errors).toEqual([]);
    await context.close();
  });
});
