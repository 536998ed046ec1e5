import { randomInt } from 'node:crypto';
import { DEMO_ACCOUNTS, DEMO_ADMIN_EMAIL, DEMO_CHALLENGES } from '@ttm/demo';
import { arriveAt, BrowserSession, launchBrowser, openPage, screenshot } from './support/browser';
import { DemoMarketplace, startDemoMarketplace } from './support/marketplace';
import { signIn, signOut } from './support/session';

const emailOf = (id: string): string => {
  const account = DEMO_ACCOUNTS.find((candidate) => candidate.id === id);
  if (!account) throw new Error(`no demo account ${id}`);
  return account.email;
};
const challengeIn = (stage: string) => {
  const challenge = DEMO_CHALLENGES.find((candidate) => candidate.stage === stage);
  if (!challenge) throw new Error(`no demo challenge in stage ${stage}`);
  return challenge;
};

/**
 * 揭榜挂帅 for the publisher: score and shortlist applications to an open challenge, accept a delivered
 * milestone of an awarded one, award a shortlisted team once the window has closed, turn a team down with
 * a reason; publish a new challenge through the form, which an administrator finds under 榜单管理 and
 * approves, and the publisher then withdraws (撤榜).
 */
describe('enterprise challenge pages', () => {
  let demo: DemoMarketplace | undefined;
  let chromium: BrowserSession | undefined;

  beforeAll(async () => {
    chromium = await launchBrowser();
    demo = await startDemoMarketplace('web_challenges');
  });

  afterAll(async () => {
    await chromium?.close();
    await demo?.stop();
  });

  it('reviews applications: scores against the indicators, shortlists, turns a team down, accepts a milestone and awards', async () => {
    if (!demo || !chromium) throw new Error('not started');
    const { page, errors, context } = await openPage(chromium.browser, demo.baseUrl);
    const open = challengeIn('OPEN');
    await signIn(page, emailOf(open.ownerId));

    await page.getByRole('link', { name: '我的榜单', exact: true }).click();
    const row = page.getByRole('row', { name: new RegExp(open.title) });
    await row.getByText('揭榜中').waitFor();
    await screenshot(page, 'enterprise-challenges');
    await row.getByRole('link', { name: '评审揭榜申请', exact: true }).click();

    const card = page.getByTestId('application').filter({ hasText: open.applications[0].teamName });
    for (const [index, indicator] of open.indicators.entries()) await card.getByLabel(`${indicator.name} 得分`).fill(String(8 - index));
    await card.getByPlaceholder('评语（可选）').fill('方案完整，试点计划可行');
    await card.getByRole('button', { name: /^(提交|更新)评分$/ }).click();
    await page.getByText('评分已保存').waitFor();
    const expectedTotal = open.indicators.reduce((sum, _, index) => sum + 8 - index, 0);
    await card.getByText(new RegExp(`合计 ${expectedTotal}`)).waitFor();
    await card.getByRole('button', { name: '入围' }).click();
    await page.getByText('已入围').waitFor();
    await card.locator('.ant-tag', { hasText: '入围' }).waitFor();
    // The window is still open: awarding waits for it to close.
    expect(await card.getByRole('button', { name: '授榜' }).isDisabled()).toBe(true);
    await page.getByText(/揭榜截止（.+）后才能授榜/).waitFor();
    await screenshot(page, 'challenge-review');

    // Another team is turned down with a reason it will see; its card then offers nothing more.
    const turnedDown = page.getByTestId('application').filter({ hasText: open.applications[1].teamName });
    await turnedDown.getByRole('button', { name: '不予入选' }).click();
    const dialog = page.getByRole('dialog').filter({ hasText: '未入选原因' });
    await dialog.getByLabel('未入选原因').fill('好');
    await dialog.getByRole('button', { name: '确认不予入选' }).click();
    await dialog.getByText('须为 2–500 个字').waitFor();
    await dialog.getByLabel('未入选原因').fill('技术路线缺少现场验证数据，暂不入选');
    await dialog.getByRole('button', { name: '确认不予入选' }).click();
    await page.getByText('已标记为未入选').waitFor();
    await turnedDown.locator('.ant-tag', { hasText: '未入选' }).waitFor();
    await turnedDown.getByText('技术路线缺少现场验证数据，暂不入选').waitFor();
    expect(await turnedDown.getByRole('button', { name: '不予入选' }).count()).toBe(0);
    await signOut(page);

    // The publisher of an awarded challenge accepts the milestone its team delivered.
    const awarded = challengeIn('AWARDED');
    await signIn(page, emailOf(awarded.ownerId));
    await page.getByRole('link', { name: '我的榜单', exact: true }).click();
    await page.getByRole('row', { name: new RegExp(awarded.title) }).getByRole('link', { name: '评审揭榜申请', exact: true }).click();
    const milestone = page.getByRole('row', { name: /待验收/ });
    await milestone.getByRole('button', { name: '验收通过' }).click();
    await page.getByText('已验收，款项已拨付').waitFor();
    await milestone.waitFor({ state: 'detached' });
    await signOut(page);

    // After the window has closed a shortlisted team is awarded (赛马制: another may follow).
    const reviewing = challengeIn('REVIEWING');
    const shortlisted = reviewing.applications.find((application) => application.status === 'SHORTLISTED');
    if (!shortlisted) throw new Error('no shortlisted application in the reviewing demo challenge');
    await signIn(page, DEMO_ADMIN_EMAIL);
    await page.goto(`/enterprise/challenges/${reviewing.id}`);
    const winner = page.getByTestId('application').filter({ hasText: shortlisted.teamName });
    await winner.getByRole('button', { name: '授榜' }).click();
    await page.getByText('已授榜，里程碑已生成').waitFor();
    await winner.locator('.ant-tag', { hasText: '中榜' }).waitFor();
    expect(await winner.getByRole('row', { name: /未开始/ }).count()).toBe(shortlisted.plan.length);
    await signOut(page);

    expect(errors).toEqual([]);
    await context.close();
  });

  it('publishes a challenge through the form; an administrator approves it from 榜单管理; the publisher withdraws it', async () => {
    if (!demo || !chromium) throw new Error('not started');
    const { page, errors, context } = await openPage(chromium.browser, demo.baseUrl);
    const serial = randomInt(1000, 9999);
    const title = `经编面料疵点在线识别技术攻关 ${serial}`;
    await signIn(page, emailOf(challengeIn('OPEN').ownerId));

    await page.getByRole('link', { name: '我的榜单', exact: true }).click();
    await page.getByRole('button', { name: '发布榜单' }).click();
    await arriveAt(page, '**/enterprise/challenges/new');
    await page.getByLabel('榜单名称').fill(title);
    await page.getByLabel('问题描述').fill('经编坯布疵点依靠人工验布，漏检率高、效率低，希望在验布机上实现疵点在线识别与标记，并与生产管理系统联动。');
    await page.getByLabel('行业').fill('经编');
    await page.locator('.ant-select-tree-title', { hasText: /^经编$/ }).first().click();
    await page.getByLabel('关键词').fill('疵点检测');
    await page.keyboard.press('Enter');
    await page.getByLabel('指标 1 名称').fill('疵点检出率');
    await page.getByLabel('指标 1 目标值').fill('≥ 95');
    await page.getByLabel('指标 1 单位').fill('%');
    await page.getByLabel('指标 1 验证方式').fill('第三方检测机构现场抽检');
    await page.getByRole('button', { name: '添加指标' }).click();
    await page.getByLabel('指标 2 名称').fill('验布速度');
    await page.getByLabel('指标 2 目标值').fill('≥ 60');
    await page.getByLabel('指标 2 单位').fill('m/min');
    await page.getByLabel('指标 2 验证方式').fill('企业试点一个月运行记录');
    await page.getByLabel('榜额（万元）').fill('80');
    await page.getByLabel('申报条件').fill('高校、科研院所或科技型企业牵头申报，可联合申报');
    const today = new Date();
    const day = (offset: number) => new Date(today.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
    await page.getByPlaceholder('开始日期').click();
    await page.getByPlaceholder('开始日期').fill(day(1));
    await page.keyboard.press('Enter');
    await page.getByPlaceholder('截止日期').fill(day(61));
    await page.keyboard.press('Enter');
    await page.getByRole('switch').click();
    await page.getByLabel('最多授榜团队数').fill('3');
    await page.getByLabel('联系人').fill('沈工');
    await page.getByLabel('电话').fill('13857300002');
    await page.getByLabel('邮箱').fill(`shen${serial}@browser-test.cn`);
    await screenshot(page, 'challenge-form');
    await page.getByRole('button', { name: '提交发榜' }).click();
    await arriveAt(page, '**/enterprise/challenges');
    await page.getByRole('row', { name: new RegExp(title) }).getByText('待审核').waitFor();
    await signOut(page);

    // The administrator finds it under 榜单管理 (challenges in review first) and approves it on its review page.
    await signIn(page, DEMO_ADMIN_EMAIL);
    await page.getByRole('link', { name: '榜单管理', exact: true }).click();
    const listed = page.getByTestId('admin-challenges').getByRole('row', { name: new RegExp(title) });
    await listed.getByText('待审核').waitFor();
    await screenshot(page, 'admin-challenges');
    await listed.getByRole('link', { name: title }).click();
    await page.getByRole('heading', { name: `评审：${title}` }).waitFor();
    await page.getByRole('button', { name: '通过', exact: true }).click();
    await page.getByText('已通过，已公开发布').waitFor();
    await page.getByText('即将开始').waitFor();
    // Back in the list, it is among the published challenges that have not opened yet.
    await page.getByRole('link', { name: '榜单管理', exact: true }).click();
    await page.getByLabel('按状态筛选').click();
    await page.locator('.ant-select-item-option', { hasText: '已发布' }).click();
    await page.getByTestId('admin-challenges').getByRole('row', { name: new RegExp(title) }).getByText('即将开始').waitFor();
    await signOut(page);

    await signIn(page, emailOf(challengeIn('OPEN').ownerId));
    await page.getByRole('link', { name: '我的榜单', exact: true }).click();
    const row = page.getByRole('row', { name: new RegExp(title) });
    await row.getByText('已发布').waitFor();
    await row.getByText('即将开始').waitFor();

    // The publisher withdraws it before anyone is awarded, after confirming.
    await row.getByRole('link', { name: '评审揭榜申请', exact: true }).click();
    await page.getByRole('button', { name: '撤榜', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: '确认撤榜' }).click();
    await page.getByText('已撤榜', { exact: true }).first().waitFor();
    await page.locator('.ant-tag', { hasText: '已关闭' }).waitFor();
    expect(await page.getByRole('button', { name: '撤榜', exact: true }).count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});
