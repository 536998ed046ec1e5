import { randomInt } from 'node:crypto';
import { TEST_ADMIN } from '../support/marketplace-process';
import { arriveAt, BrowserSession, launchBrowser, openPage, screenshot } from './support/browser';
import { DemoMarketplace, startDemoMarketplace } from './support/marketplace';
import { signIn, signOut } from './support/session';

/**
 * The researcher's story by clicking: register, list a result (TRL, patent number with its check
 * digit, price, open licence), the administrator approves it, a search with the open-licence facet
 * finds it, its page shows matching needs; then apply to an open 揭榜挂帅 challenge.
 */
describe('a researcher lists a result and applies to a challenge', () => {
  let demo: DemoMarketplace | undefined;
  let chromium: BrowserSession | undefined;

  beforeAll(async () => {
    chromium = await launchBrowser();
    demo = await startDemoMarketplace('web_researcher');
  });

  afterAll(async () => {
    await chromium?.close();
    await demo?.stop();
  });

  it('works end to end in the browser with no console errors', async () => {
    if (!demo || !chromium) throw new Error('not started');
    const { page, errors, context } = await openPage(chromium.browser, demo.baseUrl);
    const serial = randomInt(1000, 9999);
    const title = `钙钛矿叠层组件湿热封装工艺 ${serial}`;
    const email = `li${serial}@browser-test.edu.cn`;

    await page.goto('/register');
    await page.locator('label', { hasText: '科研人员' }).click();
    await page.getByLabel('显示名称').fill('李老师');
    await page.getByLabel('邮箱').fill(email);
    await page.getByLabel('密码', { exact: true }).fill('Browser2026');
    await page.getByLabel('确认密码').fill('Browser2026');
    await page.getByRole('main').getByRole('button', { name: '注册' }).click();
    await arriveAt(page, '**/researcher/results');

    await page.getByRole('button', { name: '发布成果' }).click();
    await page.getByLabel('成果名称').fill(title);
    await page
      .getByLabel('成果简介')
      .fill('一种提高钙钛矿/晶硅叠层光伏组件湿热稳定性的封装工艺：采用原子层沉积阻隔层与改性POE胶膜，已完成中试，组件在85℃/85%RH湿热1000小时后效率衰减小于5%。');
    await page.getByTestId('industry-suggestions').getByText('光伏', { exact: true }).click();
    await page.getByLabel('技术成熟度（TRL）').click();
    await page.getByTitle('TRL 6 · 相关环境演示').click();
    // A wrong check digit is refused before anything is sent; the right one passes.
    await page.getByLabel('专利号').fill('ZL202310123456.7');
    await page.keyboard.press('Enter');
    await page.getByText(/专利号无效/).waitFor();
    await page.locator('.ant-select-selection-item-remove').first().click();
    await page.getByLabel('专利号').fill('ZL202310123456.6');
    await page.keyboard.press('Enter');
    await page.getByTestId('keyword-suggestions').locator('.ant-tag').first().click();
    await page.getByLabel('报价（万元，不填为面议）').fill('80');
    await page.getByRole('checkbox', { name: '许可' }).check();
    await page.getByRole('switch', { name: '开放许可' }).click();
    await page.getByLabel('开放许可条件').fill('普通许可，许可期限3年，许可费每年5万元，不得转许可。');
    await page.getByLabel('联系人').fill('李老师');
    await page.getByLabel('电话').fill('0571-87951234');
    await page.getByLabel('邮箱').fill(email);
    await screenshot(page, 'result-form');
    await page.getByRole('button', { name: '提交审核' }).click();
    await arriveAt(page, '**/researcher/results');
    await page.getByRole('row', { name: new RegExp(title) }).getByText('待审核').waitFor();
    await screenshot(page, 'my-results');
    await signOut(page);

    await signIn(page, TEST_ADMIN.email, TEST_ADMIN.password);
    await page.goto('/admin/review');
    const item = page.getByTestId('review-item').filter({ hasText: title });
    await item.getByRole('button', { name: '通过' }).click();
    await item.waitFor({ state: 'detached' });
    await signOut(page);

    // 成果大厅, 钙钛矿, only open-licence results.
    const hit = page.getByTestId('search-hit').filter({ hasText: title });
    for (let attempt = 0; attempt < 30 && !(await hit.count()); attempt++) {
      await page.goto('/?q=%E9%92%99%E9%92%9B%E7%9F%BF&tab=RESULT');
      await page.getByTestId('facet-OPEN_LICENSE').getByRole('checkbox', { name: /^开放许可 / }).click();
      await arriveAt(page, /open=true/);
      await page.getByTestId('search-summary').getByText(/共 \d+ 条结果/).waitFor();
      if (!(await hit.count())) await page.waitForTimeout(1000);
    }
    await screenshot(page, 'search-result-facet');
    await hit.getByRole('link').first().click();
    await page.getByRole('heading', { name: title }).waitFor();
    await page.getByText('ZL202310123456.6').waitFor();
    await page.getByTestId('matches').locator('.ant-list-item').first().waitFor();
    await screenshot(page, 'result-detail-matches');

    // Apply to the open challenge.
    await signIn(page, email, 'Browser2026');
    await page.goto('/?tab=CHALLENGE&q=%E6%96%AD%E7%BA%B1');
    await page.getByTestId('search-hit').filter({ hasText: '揭榜中' }).getByRole('link').first().click();
    await page.getByText('技术指标').waitFor();
    await screenshot(page, 'challenge-detail');
    await page.getByRole('button', { name: '我要揭榜' }).click();
    await page.getByLabel('团队名称').fill(`视觉检测团队 ${serial}`);
    await page.getByLabel('成员 1 姓名').fill('李老师');
    await page.getByLabel('单位').fill('浙江理工大学');
    await page.getByLabel('技术路线').fill('线阵相机 + 边缘计算的断纱检测，检测到断纱后经PLC联动停机。');
    await page.getByLabel(/报价（万元/).fill('120');
    await page.getByLabel('里程碑名称').fill('试点机台验收');
    await page.getByLabel('完成日期').fill(new Date(Date.now() + 150 * 86_400_000).toISOString().slice(0, 10));
    await page.keyboard.press('Enter');
    await page.getByLabel('交付物').fill('4台试点机台的检测系统与第三方检测报告');
    await screenshot(page, 'challenge-apply');
    await page.getByRole('button', { name: '提交揭榜申请' }).click();
    await arriveAt(page, '**/researcher/applications');
    await page.getByRole('row', { name: new RegExp(`视觉检测团队 ${serial}`) }).getByText('已提交').waitFor();
    await screenshot(page, 'my-applications');

    expect(errors).toEqual([]);
    await context.close();
  });
});
