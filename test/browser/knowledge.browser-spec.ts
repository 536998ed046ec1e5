import { readFile } from 'node:fs/promises';
import { arriveAt, BrowserSession, launchBrowser, openPage, screenshot } from './support/browser';
import { DemoMarketplace, startDemoMarketplace } from './support/marketplace';
import { signIn } from './support/session';

/** The 知识图谱 page: a broker finds a textile problem and curates its labels and bridges, and creates and links a concept. */
describe('knowledge graph page', () => {
  let demo: DemoMarketplace | undefined;
  let chromium: BrowserSession | undefined;

  beforeAll(async () => {
    chromium = await launchBrowser();
    demo = await startDemoMarketplace('web_knowledge');
  });

  afterAll(async () => {
    await chromium?.close();
    await demo?.stop();
  });

  it('lets a broker find a problem, add a hidden label that survives a reload, remove it, and add and remove a bridge', async () => {
    if (!demo || !chromium) throw new Error('not started');
    const { page, errors, context } = await openPage(chromium.browser, demo.baseUrl);
    await signIn(page, 'broker.wang@demo.techbridge.cn');

    await page.getByRole('link', { name: '知识图谱', exact: true }).click();
    await arriveAt(page, '**/knowledge');
    // Brokers curate but do not export: that is the administrators'.
    expect(await page.getByRole('button', { name: '导出 SKOS (Turtle)' }).count()).toBe(0);
    await page.getByLabel('搜索概念').fill('横条');
    await page.keyboard.press('Enter');
    await page.getByTestId('concept-results').getByRole('link', { name: '横条', exact: true }).click();
    await arriveAt(page, /\/knowledge\?.*concept=textile-barre/);
    const detail = page.getByTestId('concept-detail');
    await detail.getByRole('heading', { name: '横条' }).waitFor();
    await detail.getByRole('link', { name: /织物疵点/ }).first().waitFor();

    // A shop-floor word (口语与别称); the language follows the characters.
    const label = '布面一道道横印';
    const hidden = page.getByTestId('labels-HIDDEN');
    await page.getByLabel('标签类型').click();
    await page.locator('.ant-select-item-option[title="口语与别称"]').click();
    // A label another concept has is refused, and the refusal is said in Chinese.
    await page.getByLabel('新标签').fill('经编横条');
    await page.getByRole('button', { name: '添加标签' }).click();
    await page.locator('.ant-message-error').getByText(/知识图谱校验未通过.*「经编横条」已是另一个概念的标签/).waitFor();
    await page.getByLabel('新标签').fill(label);
    await page.getByRole('button', { name: '添加标签' }).click();
    await page.getByText(`已添加口语与别称「${label}」`).waitFor();
    await hidden.getByText(label).waitFor();
    await screenshot(page, 'knowledge-concept');

    await page.reload();
    await hidden.getByText(label).waitFor();
    await hidden.getByRole('button', { name: `删除标签「${label}」` }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: '删除' }).click();
    await page.getByText(`已删除「${label}」`).waitFor();
    await hidden.getByText(label).waitFor({ state: 'detached' });

    // A bridge: 横条 → 加弹张力在线监测, found by its Chinese name, then removed again.
    const bridges = page.getByTestId('concept-bridges');
    await page.getByLabel('搜索解决方法').fill('加弹张力');
    await page.locator('.ant-select-item-option').filter({ hasText: '加弹张力在线监测' }).click();
    await page.getByLabel('权重').fill('0.8');
    await page.getByRole('button', { name: '添加', exact: true }).click();
    await page.getByText('已添加解决方法「加弹张力在线监测」').waitFor();
    const bridge = bridges.locator('.ant-list-item').filter({ hasText: '加弹张力在线监测' });
    await bridge.getByText('权重 0.80').waitFor();
    await bridge.getByRole('button', { name: '删除关联「加弹张力在线监测」' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: '删除' }).click();
    await page.getByText('已删除关联「横条 → 加弹张力在线监测」').waitFor();
    await bridge.waitFor({ state: 'detached' });

    // A shared address opens the concept directly; an unknown one says so.
    await page.goto('/knowledge?concept=textile-barre');
    await detail.getByRole('heading', { name: '横条' }).waitFor();
    await page.goto('/knowledge?concept=no-such-concept');
    await page.getByText('概念不存在').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('lets a broker create a problem under 织物疵点, then add a related concept and remove it', async () => {
    if (!demo || !chromium) throw new Error('not started');
    const { page, errors, context } = await openPage(chromium.browser, demo.baseUrl);
    await signIn(page, 'broker.wang@demo.techbridge.cn');
    await page.getByRole('link', { name: '知识图谱', exact: true }).click();
    await arriveAt(page, '**/knowledge');

    // A unique Chinese name, no English one: the id is made from the kind (problem-…).
    const name = `测试断纱${Date.now()}`;
    await page.getByRole('button', { name: '新建概念', exact: true }).click();
    const dialog = page.locator('.ant-modal');
    await dialog.getByText('问题', { exact: true }).waitFor();
    // A name another concept has is refused, in Chinese, and the dialog stays open to fix it.
    await page.getByLabel('新概念中文名').fill('横条');
    await dialog.getByRole('button', { name: '创建概念', exact: true }).click();
    await page.locator('.ant-message-error').getByText(/「横条」已是另一个概念的标签/).waitFor();
    await page.getByLabel('新概念中文名').fill(name);
    await page.getByLabel('新概念行业').fill('时尚纺织');
    await page.locator('.ant-select-tree-title', { hasText: '时尚纺织' }).first().click();
    await page.getByLabel('新概念的上位概念').fill('织物疵点');
    await page.locator('.ant-select-item-option').filter({ has: page.getByText('织物疵点', { exact: true }) }).click();
    await dialog.getByRole('button', { name: '创建概念', exact: true }).click();
    await page.getByText(`已新建概念「${name}」`).waitFor();
    await arriveAt(page, /\/knowledge\?.*concept=problem-[a-z0-9]+/);
    const detail = page.getByTestId('concept-detail');
    await detail.getByRole('heading', { name }).waitFor();
    await detail.locator('.ant-tag', { hasText: '时尚纺织' }).waitFor();
    await page.getByTestId('relations-BROADER').getByRole('link', { name: /^织物疵点/ }).waitFor();

    // A related concept, picked by name, then removed after a confirmation.
    const related = page.getByTestId('relations-RELATED');
    await page.getByLabel('搜索相关概念').fill('横条');
    await page.locator('.ant-select-item-option').filter({ has: page.getByText('横条', { exact: true }) }).click();
    await page.getByRole('button', { name: '添加相关概念' }).click();
    await page.getByText('已添加相关概念「横条」').waitFor();
    await related.getByRole('link', { name: /^横条/ }).waitFor();
    await screenshot(page, 'knowledge-new-concept');
    await related.getByRole('button', { name: '删除相关概念「横条」' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: '删除' }).click();
    await page.getByText('已删除相关概念「横条」').waitFor();
    await related.getByRole('link', { name: /^横条/ }).waitFor({ state: 'detached' });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('lets an administrator download the graph as SKOS Turtle', async () => {
    if (!demo || !chromium) throw new Error('not started');
    const { page, errors, context } = await openPage(chromium.browser, demo.baseUrl);
    await signIn(page, 'admin@demo.techbridge.cn');
    await page.getByRole('link', { name: '知识图谱', exact: true }).click();
    await arriveAt(page, '**/knowledge');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 SKOS (Turtle)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^knowledge-graph-\d{4}-\d{2}-\d{2}\.ttl$/);
    const path = await download.path();
    const turtle = await readFile(path, 'utf8');
    expect(turtle).toContain('@prefix skos:');
    expect(turtle).toContain('"横条"@zh');
    await page.getByText('已导出知识图谱').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
});
