import { Page } from 'playwright-core';
import { TEST_ADMIN } from '../support/marketplace-process';
import { arriveAt, BrowserSession, launchBrowser, openPage, screenshot } from './support/browser';
import { DemoMarketplace, startDemoMarketplace } from './support/marketplace';
import { signIn, signOut } from './support/session';

const PASSWORD = 'Demo@2026pass';
const ENTERPRISE = 'hengjin.shen@demo.techbridge.cn';
const RESEARCHER = 'lin.huimin@demo.techbridge.cn';

/** The administrator approves, or rejects with a reason, the listing with this title in the review queue. */
async function review(page: Page, title: string, decision: { approve: true } | { reason: string }): Promise<void> {
  await signIn(page, TEST_ADMIN.email, TEST_ADMIN.password);
  await page.getByRole('link', { name: '审核队列', exact: true }).click();
  const item = page.getByTestId('review-item').filter({ hasText: title });
  if ('approve' in decision) {
    await item.getByRole('button', { name: '通过' }).click();
    await page.getByText('已通过，已公开发布').waitFor();
  } else {
    await item.getByRole('button', { name: '驳回' }).click();
    const dialog = page.getByRole('dialog');
    // A one-character reason is refused in the dialog, as the API would refuse it.
    await dialog.getByLabel('驳回原因').fill('改');
    await dialog.getByRole('button', { name: '驳回' }).click();
    await dialog.getByText('须为 2–500 个字').waitFor();
    await dialog.getByLabel('驳回原因').fill(decision.reason);
    await dialog.getByRole('button', { name: '驳回' }).click();
    await page.getByText('已驳回', { exact: true }).waitFor();
  }
  await item.waitFor({ state: 'detached' });
  await signOut(page);
}

/**
 * Owners edit their listings: an enterprise's published need goes back to review when edited, the
 * administrator rejects it with a reason, the owner sees the reason beside 编辑, fixes the need and
 * resubmits, and once approved the edit is public; a researcher edits a result the same way.
 * Then a list longer than one page grows with 加载更多 until the button goes away.
 */
describe('owners edit their needs and results; lists load more', () => {
  let demo: DemoMarketplace | undefined;
  let chromium: BrowserSession | undefined;

  beforeAll(async () => {
    chromium = await launchBrowser();
    demo = await startDemoMarketplace('web_editing');
  });

  afterAll(async () => {
    await chromium?.close();
    await demo?.stop();
  });

  it('edits a need through rejection and approval, edits a result, and loads more organisations, with no console errors', async () => {
    if (!demo || !chromium) throw new Error('not started');
    const { page, errors, context } = await openPage(chromium.browser, demo.baseUrl);
    const original = '双针床经编间隔织物厚度均匀性提升';
    const firstEdit = '双针床经编间隔织物厚度均匀性与回弹提升';
    const finalTitle = '汽车座椅用经编间隔织物厚度均匀性与回弹提升';
    const reason = '请写明间隔丝的规格和目标厚度范围';
    const addition = '间隔丝为0.18 mm涤纶单丝，目标厚度15±0.3 mm。';

    // The enterprise edits its published need: the form is filled in from the need, saving sends it back to review.
    await signIn(page, ENTERPRISE, PASSWORD);
    await page.getByRole('link', { name: '我的需求', exact: true }).click();
    await page.getByRole('row', { name: new RegExp(original) }).getByRole('button', { name: '编辑' }).click();
    await arriveAt(page, /\/enterprise\/needs\/[^/]+\/edit$/);
    await page.getByRole('heading', { name: '编辑技术需求' }).waitFor();
    await page.getByText('已发布的内容修改后须重新审核').waitFor();
    expect(await page.getByLabel('需求标题').inputValue()).toBe(original);
    expect(await page.getByLabel('联系人').inputValue()).toBe('沈国平');
    await page.getByLabel('需求标题').fill(firstEdit);
    await page.getByRole('button', { name: '保存并重新提交审核' }).click();
    await arriveAt(page, '**/enterprise/needs');
    await page.getByRole('row', { name: new RegExp(firstEdit) }).getByText('待审核').waitFor();
    const needPath = await page.getByRole('row', { name: new RegExp(firstEdit) }).getByRole('link', { name: firstEdit }).getAttribute('href');
    await signOut(page);

    await review(page, firstEdit, { reason });

    // The owner sees why beside 编辑, fixes the need and submits it again.
    await signIn(page, ENTERPRISE, PASSWORD);
    await page.goto('/enterprise/needs');
    const rejected = page.getByRole('row', { name: new RegExp(firstEdit) });
    await rejected.getByText('已驳回').waitFor();
    await rejected.getByText(`驳回原因：${reason}`).waitFor();
    await rejected.getByRole('button', { name: '编辑' }).click();
    await page.getByRole('heading', { name: '编辑技术需求' }).waitFor();
    await page.getByText(`驳回原因：${reason}`).waitFor();
    await page.getByLabel('需求标题').fill(finalTitle);
    const description = page.getByLabel('问题描述');
    await description.fill(`${await description.inputValue()}${addition}`);
    await page.getByLabel('指标 1 名称').fill('厚度CV值');
    await page.getByLabel('指标 1 目标值').fill('≤ 3%');
    await page.getByLabel('预算上限（万元）').fill('70');
    await screenshot(page, 'need-edit');
    await page.getByRole('button', { name: '重新提交审核' }).click();
    await arriveAt(page, '**/enterprise/needs');
    await page.getByRole('row', { name: new RegExp(finalTitle) }).getByText('待审核').waitFor();
    await signOut(page);

    await review(page, finalTitle, { approve: true });

    // Anyone now reads the edited need.
    if (!needPath) throw new Error('the need has no link');
    await page.goto(needPath);
    await page.getByRole('heading', { name: finalTitle }).waitFor();
    await page.getByText(addition, { exact: false }).waitFor();
    await page.getByText('- 厚度CV值：≤ 3%', { exact: false }).waitFor();
    await page.getByText('30 万元 – 70 万元').waitFor();

    // The indicators come back as fields when the need is edited again.
    await signIn(page, ENTERPRISE, PASSWORD);
    await page.goto(needPath);
    await page.getByRole('button', { name: '编辑' }).click();
    await page.getByRole('heading', { name: '编辑技术需求' }).waitFor();
    expect(await page.getByLabel('指标 1 名称').inputValue()).toBe('厚度CV值');
    expect(await page.getByLabel('问题描述').inputValue()).not.toContain('技术指标');
    await signOut(page);

    // A researcher edits a published result the same way.
    const resultTitle = '经编提花鞋面一次成型技术';
    const editedResult = '经编提花鞋面一次成型技术（含配套CAD数据包）';
    await signIn(page, RESEARCHER, PASSWORD);
    await page.getByRole('link', { name: '我的成果', exact: true }).click();
    await page.getByRole('row', { name: new RegExp(resultTitle) }).getByRole('button', { name: '编辑' }).click();
    await page.getByRole('heading', { name: '编辑科技成果' }).waitFor();
    expect(await page.getByLabel('成果名称').inputValue()).toBe(resultTitle);
    await page.getByLabel('成果名称').fill(editedResult);
    await page.getByLabel('报价（万元，不填为面议）').fill('55');
    await screenshot(page, 'result-edit');
    await page.getByRole('button', { name: '保存并重新提交审核' }).click();
    await arriveAt(page, '**/researcher/results');
    const resultRow = page.getByRole('row', { name: new RegExp(editedResult) });
    await resultRow.getByText('待审核').waitFor();
    const resultPath = await resultRow.getByRole('link', { name: editedResult }).getAttribute('href');
    await signOut(page);

    await review(page, editedResult, { approve: true });
    if (!resultPath) throw new Error('the result has no link');
    await page.goto(resultPath);
    await page.getByRole('heading', { name: editedResult }).waitFor();
    await page.getByText('55 万元').waitFor();

    // 加载更多: the administrator's list of all organisations is longer than one page.
    await signIn(page, TEST_ADMIN.email, TEST_ADMIN.password);
    await page.goto('/admin/organizations');
    await page.getByText('全部', { exact: true }).click();
    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    const loadMore = page.getByRole('button', { name: '加载更多' });
    await loadMore.waitFor();
    const firstPage = await rows.count();
    const total = Number(/\/ (\d+) 条/.exec((await page.getByText(/已显示 \d+ \/ \d+ 条/).textContent()) ?? '')?.[1]);
    expect(total).toBeGreaterThan(firstPage);
    while (await loadMore.isVisible()) {
      const shown = await rows.count();
      await loadMore.click();
      await page.waitForFunction(([selector, before]) => document.querySelectorAll(selector as string).length > (before as number), ['.ant-table-tbody tr.ant-table-row', shown] as const);
    }
    expect(await rows.count()).toBe(total);
    await expect(loadMore.count()).resolves.toBe(0);

    expect(errors).toEqual([]);
    await context.close();
  });

  it('fits the list and the edit form into a 375-px-wide window', async () => {
    if (!demo || !chromium) throw new Error('not started');
    const { page, errors, context } = await openPage(chromium.browser, demo.baseUrl, { width: 375, height: 812 });
    await signIn(page, RESEARCHER, PASSWORD);
    await page.goto('/researcher/results');
    await page.getByRole('button', { name: '编辑' }).first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await page.getByRole('button', { name: '编辑' }).first().click();
    await page.getByRole('heading', { name: '编辑科技成果' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await screenshot(page, 'mobile-result-edit');
    expect(errors).toEqual([]);
    await context.close();
  });
});
