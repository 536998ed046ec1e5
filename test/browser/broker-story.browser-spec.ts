import { DEMO_ACCOUNTS, DEMO_BROKER_MATCHES, DEMO_MATCH_HINTS, DEMO_NEEDS, DEMO_RESULTS } from '@ttm/demo';
import { Page } from 'playwright-core';
import { TEST_ADMIN } from '../support/marketplace-process';
import { BrowserSession, launchBrowser, openPage, screenshot } from './support/browser';
import { DemoMarketplace, startDemoMarketplace } from './support/marketplace';
import { signIn, signOut } from './support/session';

const emailOf = (accountId: string): string => {
  const account = DEMO_ACCOUNTS.find((candidate) => candidate.id === accountId);
  if (!account) throw new Error(`no demo account ${accountId}`);
  return account.email;
};

// The first demo need.
const need = DEMO_NEEDS[0];
// A result the domain hints pair with the need (so it is among the desk's suggestions) that no broker proposed yet.
const result = DEMO_RESULTS.find(
  (candidate) =>
    DEMO_MATCH_HINTS.find((hint) => hint.needId === need.id)?.resultIds.includes(candidate.id) &&
    !DEMO_BROKER_MATCHES.some((match) => match.needId === need.id && match.counterpart.id === candidate.id),
);
if (!result) throw new Error('the demo data has no unmatched result for the first need');
const BROKER = DEMO_ACCOUNTS.find((account) => account.role === 'BROKER' && account.email.startsWith('broker.wang'));
if (!BROKER) throw new Error('no demo broker broker.wang');
const brokerName = BROKER.displayName;
// A demo match of this broker that neither side has answered: its need's publisher declines it.
const unanswered = DEMO_BROKER_MATCHES.find((match) => match.brokerId === BROKER.id && match.outcome === 'PROPOSED');
const declinedNeed = DEMO_NEEDS.find((candidate) => candidate.id === unanswered?.needId);
if (!unanswered || !declinedNeed) throw new Error('the demo broker has no unanswered match');
const DECLINE_TEXT = '报价超出本年度技改预算';

/** The broker's row on the public leaderboard: completed deals and number of ratings. */
async function brokerFigures(page: Page): Promise<{ completed: number; ratings: number }> {
  await page.getByRole('link', { name: '经纪人榜', exact: true }).click();
  const row = page.getByTestId('leaderboard').locator('tr.ant-table-row', { hasText: brokerName });
  await row.waitFor();
  const cells = await row.locator('td').allTextContents();
  return { completed: Number(cells[4]), ratings: Number(/（(\d+)）/.exec(cells[6] ?? '')?.[1] ?? 0) };
}

/**
 * The broker story by clicking: a broker proposes a demo need and a demo result, both parties accept
 * and see each other's contact; another party declines a match with a reason, which the broker reads on
 * the desk; the broker signs, registers the contract and completes the deal on the deals board, a party
 * rates the broker and the broker's score page shows it; the administrator sees the statistics.
 */
describe('a broker turns a match into a registered contract', () => {
  let demo: DemoMarketplace | undefined;
  let chromium: BrowserSession | undefined;

  beforeAll(async () => {
    chromium = await launchBrowser();
    demo = await startDemoMarketplace('web_broker');
  });

  afterAll(async () => {
    await chromium?.close();
    await demo?.stop();
  });

  it('works end to end in the browser with no console errors', async () => {
    if (!demo || !chromium) throw new Error('not started');
    const { page, errors, context } = await openPage(chromium.browser, demo.baseUrl);

    // The broker's figures before, then a proposal from the desk.
    await signIn(page, BROKER.email);
    const before = await brokerFigures(page);
    await page.getByRole('link', { name: '撮合工作台', exact: true }).click();
    await page.getByLabel('搜索需求').fill(need.title);
    await page.getByLabel('搜索需求').press('Enter');
    await page.getByRole('listitem').filter({ hasText: need.title }).getByRole('button', { name: '选择' }).first().click();
    const suggestion = page.getByRole('listitem').filter({ hasText: result.title });
    await suggestion.getByRole('button', { name: '提议撮合' }).click();
    await page.getByLabel('撮合理由（双方可见）').fill(`「${result.title}」的技术路线与贵司需求的检测指标吻合，成熟度可直接中试。`);
    await screenshot(page, 'broker-desk-propose');
    await page.locator('.ant-modal').getByRole('button', { name: '提议' }).click();
    await suggestion.getByText('已提议').waitFor();
    await signOut(page);

    // The enterprise accepts from its inbox.
    await signIn(page, emailOf(need.ownerId));
    await page.getByRole('link', { name: '撮合推荐', exact: true }).click();
    const needSide = page.getByTestId('inbox-match').filter({ hasText: result.title }).filter({ hasText: need.title });
    await needSide.getByRole('button', { name: '接受' }).waitFor();
    await screenshot(page, 'match-inbox');
    await needSide.getByRole('button', { name: '接受' }).click();
    await page.getByText('已接受，等待对方答复').waitFor();
    await signOut(page);

    // The researcher accepts: the match is accepted and the enterprise's contact appears.
    await signIn(page, emailOf(result.ownerId));
    await page.getByRole('link', { name: '撮合推荐', exact: true }).click();
    const resultSide = page.getByTestId('inbox-match').filter({ hasText: result.title }).filter({ hasText: need.title });
    await resultSide.getByRole('button', { name: '接受' }).click();
    await page.getByText('双方已接受，联系方式已公开，交易已开启').waitFor();
    await resultSide.getByTestId('contact-NEED').getByText(need.contact.phone).waitFor();
    await screenshot(page, 'match-inbox-accepted');
    await signOut(page);

    // The publisher of another need declines the broker's match to it, saying why.
    await signIn(page, emailOf(declinedNeed.ownerId));
    await page.getByRole('link', { name: '撮合推荐', exact: true }).click();
    await page.getByText('待我答复').click();
    const declined = page.getByTestId('inbox-match').filter({ hasText: declinedNeed.title });
    await declined.getByRole('button', { name: '拒绝' }).click();
    const declineDialog = page.getByRole('dialog').filter({ hasText: '拒绝撮合' });
    await declineDialog.getByLabel('拒绝原因').click();
    await page.locator('.ant-select-item-option', { hasText: '价格不合适' }).click();
    await declineDialog.getByLabel('说明').fill(DECLINE_TEXT);
    await declineDialog.getByRole('button', { name: '拒绝' }).click();
    await page.getByText('已拒绝，经纪人会看到原因').waitFor();
    await signOut(page);

    // The broker reads the reason on the desk: the code in Chinese and the words.
    await signIn(page, BROKER.email);
    await page.getByRole('link', { name: '撮合工作台', exact: true }).click();
    const proposals = page.getByTestId('proposed-matches');
    await proposals.locator('.ant-segmented-item', { hasText: '已拒绝' }).click();
    const feedback = proposals.getByRole('row').filter({ hasText: declinedNeed.title });
    await feedback.getByTestId('decline-reason').getByText(`价格不合适：${DECLINE_TEXT}`).waitFor();
    await screenshot(page, 'broker-desk-feedback');

    // The broker signs, registers the contract and completes the deal on the deals board.
    await page.getByRole('link', { name: '交易看板', exact: true }).click();
    await page.getByRole('heading', { name: '交易看板' }).waitFor();
    await page.getByTestId('deal-column-NEGOTIATING').getByTestId('deal-card').filter({ hasText: result.title }).getByRole('link', { name: need.title }).click();
    const drawer = page.locator('.ant-drawer');
    await drawer.getByTestId('contact-COUNTERPART').waitFor();
    await screenshot(page, 'deal-negotiating');
    await drawer.getByRole('button', { name: '推进到「已签约」' }).click();
    await drawer.getByTestId('deal-stage').getByText('已签约').waitFor();
    await drawer.getByLabel('合同金额（万元）').fill('45');
    await drawer.getByLabel('当事方 1 名称').fill('海宁恒锦经编有限公司');
    await drawer.getByLabel('当事方 2 名称').fill('浙江理工大学');
    await drawer.getByLabel('签订日期').fill(new Date().toISOString().slice(0, 10));
    await screenshot(page, 'deal-contract-form');
    // Enter takes the typed date and submits the form, as a keyboard user would.
    await drawer.getByLabel('签订日期').press('Enter');
    await drawer.getByTestId('deal-contract').getByText('45 万元').waitFor();
    await drawer.getByRole('button', { name: '推进到「已完成」' }).click();
    await drawer.getByTestId('deal-stage').getByText('已完成').waitFor();
    await screenshot(page, 'deal-completed');
    await page.locator('.ant-drawer-close').click();
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    await page.getByTestId('deal-column-COMPLETED').getByTestId('deal-card').filter({ hasText: need.title }).filter({ hasText: result.title }).getByText('合同金额 45 万元').waitFor();
    await screenshot(page, 'deals-board');
    await signOut(page);

    // The enterprise rates the broker.
    await signIn(page, emailOf(need.ownerId));
    await page.getByRole('link', { name: '我的交易', exact: true }).click();
    await page.getByRole('heading', { name: '我的交易' }).waitFor();
    const closedDeal = page.getByTestId('deal-column-COMPLETED').getByTestId('deal-card').filter({ hasText: need.title }).filter({ hasText: result.title });
    await page.getByTestId('deal-column-COMPLETED').waitFor();
    for (let attempt = 0; attempt < 10 && !(await closedDeal.count()); attempt++) {
      await page.waitForTimeout(1000);
      await page.reload();
      await page.getByTestId('deal-column-COMPLETED').waitFor();
    }
    await screenshot(page, 'deals-party');
    await closedDeal.getByRole('link', { name: need.title }).click();
    const rating = page.getByTestId('rate-broker');
    await rating.locator('.ant-rate-star').nth(4).click();
    await rating.getByLabel('评价').fill('响应及时，对接专业。');
    await screenshot(page, 'rate-broker');
    await rating.getByRole('button', { name: '提交评价' }).click();
    await page.getByText('感谢评价').waitFor();
    await rating.waitFor({ state: 'detached' });
    await page.locator('.ant-drawer-close').click();
    await signOut(page);

    // The broker's score page shows the completed deal and the rating.
    await signIn(page, BROKER.email);
    const after = await brokerFigures(page);
    expect(after.completed).toBe(before.completed + 1);
    expect(after.ratings).toBe(before.ratings + 1);
    await screenshot(page, 'broker-leaderboard');
    await signOut(page);

    // The administrator's market statistics, with charts drawn.
    await signIn(page, TEST_ADMIN.email, TEST_ADMIN.password);
    await page.getByRole('link', { name: '市场统计', exact: true }).click();
    const charts = page.locator('div[role="img"]');
    await charts.first().waitFor();
    expect(await charts.count()).toBe(3);
    for (const chart of await charts.all()) await chart.locator('canvas, svg').first().waitFor({ state: 'attached' });
    await screenshot(page, 'market-stats');

    expect(errors).toEqual([]);
    await context.close();
  });
});
