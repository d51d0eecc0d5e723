import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { test as base, expect, type APIRequestContext, type Page } from '@playwright/test';

/** The CI artefact folder for screenshots of each main screen (see README). */
export const screenshotDir = resolve(import.meta.dirname, '..', 'test-results', 'screenshots');
mkdirSync(screenshotDir, { recursive: true });

export const password = 'Anju@2026';

export const test = base.extend({
  baseURL: async ({}, use) => {
    await use(process.env.ANJU_E2E_BASE_URL);
  },
});
export { expect };

/** Logs in through the login page and waits for the signed-in header. */
export async function logIn(page: Page, username: string): Promise<void> {
  await page.goto('/#/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByTestId('who')).toBeVisible();
}

/** Logs out from the header, opening the menu first on a phone (where the logout button sits in the menu). */
export async function logOutAnyWidth(page: Page): Promise<void> {
  const menu = page.getByTestId('menu');
  if (await menu.isVisible()) await menu.click();
  await page.getByTestId('logout').click();
  await expect(page.getByRole('heading', { name: '登录' })).toBeVisible();
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: resolve(screenshotDir, `${name}.png`), fullPage: true });
}

/** An API client signed in as the user (bearer token), for setting up a case without clicking through it. */
export async function apiAs(playwright: { request: { newContext(options: object): Promise<APIRequestContext> } }, username: string, secret = password): Promise<APIRequestContext> {
  const anonymous = await playwright.request.newContext({ baseURL: process.env.ANJU_E2E_BASE_URL });
  const login = await anonymous.post('/api/auth/login', { data: { username, password: secret } });
  expect(login.ok(), `login as ${username}`).toBeTruthy();
  const { token } = (await login.json()) as { token: string };
  await anonymous.dispose();
  return playwright.request.newContext({ baseURL: process.env.ANJU_E2E_BASE_URL, extraHTTPHeaders: { Authorization: `Bearer ${token}` } });
}
