import { arriveAt, BrowserSession, launchBrowser, openPage, screenshot } from './support/browser';
import { DemoMarketplace, startEmbeddedDemoMarketplace } from './support/marketplace';

/**
 * The home page as a visitor sees it after `npm ci && npm start` (embedded PostgreSQL, demo data): Chinese,
 * one search box, highlighted hits, facet counts, URL state.
 */
describe('the search home page', () => {
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

  it('finds 光伏 listings with highlights and facet counts, and keeps the state in the URL', async () => {
    if (!demo || !chromium) throw new Error('not started');
    const { page, errors, context } = await openPage(chromium.browser, demo.baseUrl);

    await page.goto('/');
    await page.getByRole('tab', { name: /需求大厅/ }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    // The first search after start-up also warms the search service's segmenters.
    await page.getByText(/共 \d+ 条结果/).waitFor({ timeout: 60_000 });

    await page.getByRole('searchbox', { name: '搜索关键词' }).fill('光伏');
    await page.keyboard.press('Enter');
    await arriveAt(page, /q=%E5%85%89%E4%BC%8F/);
    await page.locator('[data-testid="search-hit"] em', { hasText: '光伏' }).first().waitFor();

    const hits = page.locator('[data-testid="search-hit"]');
    expect(await hits.count()).toBeGreaterThan(0);
    const summary = await page.getByTestId('search-summary').textContent();
    const total = Number(/共 (\d+) 条/.exec(summary ?? '')?.[1]);
    expect(total).toBeGreaterThan(0);

    // Facet counts: the industry facet lists 光伏 with a count no larger than the total.
    const industry = page.getByTestId('facet-INDUSTRY');
    const option = industry.getByRole('checkbox', { name: /光伏/ }).first();
    const label = await industry.locator('label', { hasText: '光伏' }).first().textContent();
    const count = Number(/\((\d+)\)/.exec(label ?? '')?.[1]);
    expect(count).toBeGreaterThan(0);
    expect(count).toBeLessThanOrEqual(total);
    await screenshot(page, 'search-guangfu');

    // Filtering by the facet narrows the hits to its count; the filter survives a reload.
    await option.click();
    await arriveAt(page, /industry=/);
    await page.getByText(`共 ${count} 条结果`).waitFor();
    await page.reload();
    await page.getByText(`共 ${count} 条结果`).waitFor();
    expect(await page.getByTestId('facet-INDUSTRY').getByRole('checkbox', { name: /光伏/ }).first().isChecked()).toBe(true);

    // An expert's page from the 专家库 tab.
    await page.getByRole('tab', { name: /专家库/ }).click();
    await arriveAt(page, /tab=EXPERT/);
    await page.getByTestId('search-hit').first().getByRole('link').first().click();
    await page.getByText('单位').first().waitFor();
    await screenshot(page, 'expert-detail');

    expect(errors).toEqual([]);
    await context.close();
  });

  it('expands a shop-floor query through technical concepts, and filters by 技术领域', async () => {
    if (!demo || !chromium) throw new Error('not started');
    const { page, errors, context } = await openPage(chromium.browser, demo.baseUrl);

    await page.goto('/?q=%E5%B8%83%E9%9D%A2%E8%80%81%E6%98%AF%E6%9C%89%E6%A8%AA%E6%9D%A1');
    const expansion = page.getByTestId('concept-expansion');
    await expansion.waitFor({ timeout: 60_000 });
    // The query's own concept and a method that addresses it, named as the page says them.
    await expansion.getByTestId('expansion-concepts').getByText('横条', { exact: true }).waitFor();
    await expansion.getByTestId('expansion-concepts').getByText(/^横条 → /).first().waitFor();
    const found = expansion.getByTestId('expansion-hit');
    expect(await found.count()).toBeGreaterThan(0);
    await found.first().getByText(/^通过「.+」找到$/).waitFor();
    await screenshot(page, 'search-concept-expansion');

    // The 技术领域 facet narrows the results to the listings naming a concept.
    const concept = page.getByTestId('facet-CONCEPT').getByRole('checkbox').first();
    const label = await page.getByTestId('facet-CONCEPT').locator('label').first().textContent();
    const count = Number(/\((\d+)\)/.exec(label ?? '')?.[1]);
    expect(count).toBeGreaterThan(0);
    await concept.click();
    await arriveAt(page, /concept=/);
    await page.getByText(`共 ${count} 条结果`).waitFor();

    expect(errors).toEqual([]);
    await context.close();
  });
});
