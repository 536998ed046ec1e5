import { randomInt } from 'node:crypto';
import { TEST_ADMIN } from '../support/marketplace-process';
import { arriveAt, BrowserSession, launchBrowser, openPage, screenshot } from './support/browser';
import { DemoMarketplace, startEmbeddedDemoMarketplace } from './support/marketplace';
import { signOut } from './support/session';

/**
 * The enterprise story by clicking only: register as an enterprise, post a need through the guided
 * form, the administrator approves it, a Chinese search with a facet finds it, its page shows matches.
 * On the embedded default, as a newcomer's `npm ci && npm start` runs it.
 */
describe('an enterprise posts a need that gets published, found and matched', () => {
  let demo: DemoMarketplace | undefined;
  let chromium: BrowserSession | undefined;

  beforeAll(async () => {
    chromium = await launchBrowser();
    demo = await startEmbeddedDemoMarketplace();
  });

  afterAll(async () => {
    await chromium?.close();
    await demo?.stop();
  });

  it('works end to end in the browser with no console errors', async () => {
    if (!demo || !chromium) throw new Error('not started');
    const { page, errors, context } = await openPage(chromium.browser, demo.baseUrl);
    const serial = randomInt(1000, 9999);
    const title = `光伏组件隐裂在线智能检测 ${serial}`;

    // Register as an enterprise.
    await page.goto('/register');
    await page.getByLabel('显示名称').fill('海宁测试光伏');
    await page.getByLabel('邮箱').fill(`pv${serial}@browser-test.cn`);
    await page.getByLabel('密码', { exact: true }).fill('Browser2026');
    await page.getByLabel('确认密码').fill('Browser2026');
    await screenshot(page, 'register');
    await page.getByRole('main').getByRole('button', { name: '注册' }).click();
    await arriveAt(page, '**/enterprise/needs');

    // Post a need through the guided form.
    await page.getByRole('button', { name: '发布需求' }).click();
    await arriveAt(page, '**/enterprise/needs/new');
    await page.getByLabel('需求标题').fill(title);
    await page.getByLabel('问题描述').fill('短描述');
    await page.getByTestId('writing-advice').getByText(/至少 20 个字/).waitFor();
    await page
      .getByLabel('问题描述')
      .fill('我司光伏组件产线在层压前后需要检测电池片隐裂和虚焊，目前依靠人工目检EL图像，漏检率高、效率低。希望引入基于深度学习的EL图像隐裂自动识别系统，与现有MES对接，实现在线分拣。');
    await page.getByLabel('指标 1 名称').fill('隐裂检出率');
    await page.getByLabel('指标 1 目标值').fill('≥ 99%');
    await page.getByTestId('keyword-suggestions').locator('.ant-tag').first().click();
    await page.getByTestId('industry-suggestions').getByText('光伏', { exact: true }).click();
    await page.getByLabel('预算下限（万元）').fill('30');
    await page.getByLabel('预算上限（万元）').fill('80');
    await page.getByRole('checkbox', { name: '合作开发' }).check();
    await page.getByLabel('联系人').fill('王工');
    await page.getByLabel('电话').fill('13857300001');
    await page.getByLabel('邮箱').fill(`wang${serial}@browser-test.cn`);
    await screenshot(page, 'need-form');
    await page.getByRole('button', { name: '提交审核' }).click();
    await arriveAt(page, '**/enterprise/needs');
    const row = page.getByRole('row', { name: new RegExp(title) });
    await row.getByText('待审核').waitFor();
    await screenshot(page, 'my-needs');
    await signOut(page);

    // The administrator approves it from the review queue.
    await page.goto('/login');
    await page.getByLabel('邮箱').fill(TEST_ADMIN.email);
    await page.getByLabel('密码').fill(TEST_ADMIN.password);
    await screenshot(page, 'login');
    await page.getByRole('main').getByRole('button', { name: '登录' }).click();
    await page.getByRole('button', { name: '账户菜单' }).waitFor();
    await page.getByRole('link', { name: '审核队列', exact: true }).click();
    const item = page.getByTestId('review-item').filter({ hasText: title });
    await item.waitFor();
    await screenshot(page, 'review-queue');
    await item.getByRole('button', { name: '通过' }).click();
    await page.getByText('已通过，已公开发布').waitFor();
    await item.waitFor({ state: 'detached' });
    await signOut(page);

    // A Chinese search narrowed by the 光伏 industry facet finds it (the index follows within seconds).
    const hit = page.getByTestId('search-hit').filter({ hasText: title });
    for (let attempt = 0; attempt < 30 && !(await hit.count()); attempt++) {
      await page.goto('/?q=%E9%9A%90%E8%A3%82&tab=NEED');
      await page.getByTestId('facet-INDUSTRY').getByRole('checkbox', { name: /^光伏 / }).first().click();
      await arriveAt(page, /industry=/);
      await page.getByTestId('search-summary').getByText(/共 \d+ 条结果/).waitFor();
      if (!(await hit.count())) await page.waitForTimeout(1000);
    }
    await hit.locator('em', { hasText: '隐裂' }).first().waitFor();
    await screenshot(page, 'search-need-facet');

    // Its page shows the need and the results that match it, with reasons.
    await hit.getByRole('link').first().click();
    await page.getByRole('heading', { name: title }).waitFor();
    const matches = page.getByTestId('matches').first();
    await matches.locator('li').first().waitFor();
    expect(await matches.locator('.ant-list-item').count()).toBeGreaterThan(0);
    await screenshot(page, 'need-detail-matches');

    expect(errors).toEqual([]);
    await context.close();
  });
});
