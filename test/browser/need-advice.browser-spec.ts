import { DEMO_NEEDS } from '@ttm/demo';
import type { Locator, Page } from 'playwright-core';
import { arriveAt, BrowserSession, launchBrowser, openPage, screenshot } from './support/browser';
import { DemoMarketplace, startEmbeddedDemoMarketplace } from './support/marketplace';
import { signIn } from './support/session';

/** A member of 海宁恒锦经编有限公司: an anonymous need must not name it. */
const ENTERPRISE = 'hengjin.shen@demo.techbridge.cn';

/**
 * 需求诊断 in the guided need form: as the enterprise types, the score and its four criteria, the suggested
 * keywords (graph terms, clickable), the possible duplicates, the match counts and the leak warnings
 * follow the text — on the embedded default with the demo data, as `npm start` runs it.
 */
describe('the need form advises while the enterprise types', () => {
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

  /** The total shown, once the panel shows one. */
  async function total(page: Page): Promise<number> {
    const text = await page.getByTestId('need-score').getByText(/^质量评分 \d+ 分$/).innerText();
    return Number(/\d+/.exec(text)?.[0]);
  }

  /** A criterion's score (x of 5). */
  async function criterion(panel: Locator, key: string): Promise<number> {
    const text = await panel.getByTestId(`criterion-${key}`).getByTestId('criterion-score').innerText();
    return Number(text.split('/')[0]);
  }

  /** Waits until `read` gives a value `accept` takes (the advice follows the text after a debounce and a request). */
  async function until<T>(read: () => Promise<T>, accept: (value: T) => boolean, what: string): Promise<T> {
    const deadline = Date.now() + 15_000;
    let value = await read();
    while (!accept(value)) {
      if (Date.now() > deadline) throw new Error(`${what}: still ${String(value)}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
      value = await read();
    }
    return value;
  }

  it('updates score, suggestions, duplicates and leak warnings as text is typed, with no console errors', async () => {
    if (!demo || !chromium) throw new Error('not started');
    const { page, errors, context } = await openPage(chromium.browser, demo.baseUrl);
    await signIn(page, ENTERPRISE);
    await page.goto('/enterprise/needs');
    await page.getByRole('button', { name: '发布需求' }).click();
    await arriveAt(page, '**/enterprise/needs/new');
    const panel = page.getByTestId('writing-advice');
    await panel.getByText('先写标题和问题描述').waitFor();

    // A first draft in shop-floor words: scored, with fix-it lines, graph terms and a possible duplicate.
    await page.getByLabel('需求标题').fill('经编机断纱在线检测与自动停机');
    const problem = '我们经编车间的经编机断纱靠挡车工巡回发现，发现慢，布面出横条和破洞，客户退货。想找能在机台上自动发现断纱并停机的办法。';
    await page.getByLabel('问题描述').fill(problem);
    await panel.getByTestId('possible-duplicates').getByRole('link', { name: DEMO_NEEDS[0].title }).waitFor();
    const first = await total(page);
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThan(20);
    expect(await criterion(panel, 'MEASURABLE_TARGETS')).toBe(0);
    await panel.getByTestId('criterion-MEASURABLE_TARGETS').getByText(/写明目标值，如「检出率 ≥ 99.5%」/).waitFor();
    await panel.getByTestId('match-counts').getByText(/现在发布可匹配：\d+ 项成果 · \d+ 位专家/).waitFor();
    await page.getByTestId('industry-suggestions').getByText('经编', { exact: true }).waitFor();
    await screenshot(page, 'need-advice-first-draft');

    // The graph's terms as clickable tags: the standard name of the problem written (经编机断纱 → 经编断纱) and
    // what addresses it (a yarn-break stop motion); a clicked tag becomes a keyword.
    const suggestions = page.getByTestId('keyword-suggestions');
    await suggestions.getByText('+ 经编断纱自停装置', { exact: true }).waitFor();
    await suggestions.getByText('+ 经编断纱', { exact: true }).click();
    await page.locator('.ant-select', { hasText: '经编断纱' }).waitFor();
    await suggestions.getByText('+ 经编断纱', { exact: true }).waitFor({ state: 'detached' });

    // A phone number in the public description: a leak warning says what and where; removing it clears it.
    await page.getByLabel('问题描述').fill(`${problem}有意请联系王工 13857300001。`);
    await panel.getByTestId('leak-warnings').getByText('问题描述中出现电话号码“13857300001”', { exact: false }).waitFor();
    // Anonymous: the account's organisation (海宁恒锦经编有限公司) named in the text is a leak too.
    await page.getByLabel('匿名发布（不公开单位名称）').click();
    await page.getByLabel('问题描述').fill(`恒锦经编${problem}`);
    await panel.getByTestId('leak-warnings').getByText('问题描述中出现单位名称“恒锦经编”', { exact: false }).waitFor();
    await screenshot(page, 'need-advice-leak-warning');
    await page.getByLabel('问题描述').fill(problem);
    await panel.getByTestId('leak-warnings').waitFor({ state: 'detached' });

    // Measurable targets: the criterion and the total rise.
    await page.getByLabel('问题描述').fill(`${problem}车速 2800 r/min，断纱后停机响应要 < 200 ms。`);
    await page.getByLabel('指标 1 名称').fill('断纱检出率');
    await page.getByLabel('指标 1 目标值').fill('≥ 99.5%');
    const measurable = await until(() => criterion(panel, 'MEASURABLE_TARGETS'), (score) => score >= 4, 'measurable targets');
    expect(measurable).toBeGreaterThanOrEqual(4);
    const second = await until(() => total(page), (score) => score > first, 'the total');
    expect(second).toBeGreaterThan(first);

    // Cooperation terms: the last criterion rises as well.
    await page.getByLabel('预算上限（万元）').fill('80');
    await page.getByRole('checkbox', { name: '合作开发' }).check();
    await until(() => criterion(panel, 'COOPERATION'), (score) => score >= 2, 'cooperation');
    expect(await total(page)).toBeGreaterThan(second);
    await screenshot(page, 'need-advice-improved');

    expect(errors).toEqual([]);
    await context.close();
  });
});
