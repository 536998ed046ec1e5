import { DEMO_PASSWORD } from '@ttm/demo';
import { Page } from 'playwright-core';

/** Fills the login form that is on the page (demo accounts share one password) and waits until signed in. */
export async function fillLogin(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.getByLabel('邮箱').fill(email);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('main').getByRole('button', { name: '登录' }).click();
  await page.getByRole('button', { name: '账户菜单' }).waitFor();
}

/** Signs in through the login page, as a person does. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await fillLogin(page, email, password);
}

/** Signs out through the account menu (opened by a click, as on a touch screen; a hover alone was flaky under load). */
export async function signOut(page: Page): Promise<void> {
  const logout = page.getByRole('menuitem', { name: '退出登录' });
  await page.getByRole('button', { name: '账户菜单' }).click();
  if (!(await logout.isVisible())) await logout.waitFor({ timeout: 5_000 }).catch(() => page.getByRole('button', { name: '账户菜单' }).click());
  await logout.click();
  await page.getByRole('link', { name: '登录', exact: true }).waitFor();
}
