import { expect, logIn, screenshot, test } from './support';

test('an administrator logs in, sees name, role and jurisdiction, switches to English and logs out', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: '登录' })).toBeVisible();
  await screenshot(page, '01-login');

  await logIn(page, 'admin');
  const who = page.getByTestId('who');
  await expect(who).toContainText('系统管理员');
  await expect(who).toContainText('江阴市');
  await screenshot(page, '02-home-admin');

  await page.getByTestId('language').selectOption('en');
  await expect(page.getByTestId('logout')).toHaveText('Log out');
  await page.getByTestId('language').selectOption('zh-CN');

  await page.getByTestId('logout').click();
  await expect(page.getByRole('heading', { name: '登录' })).toBeVisible();
  await page.goto('/#/');
  await expect(page.getByRole('heading', { name: '登录' })).toBeVisible();
});

test('a wrong password is refused with a Chinese message', async ({ page }) => {
  await page.goto('/#/login');
  await page.getByLabel('用户名').fill('admin');
  await page.getByLabel('密码').fill('wrong-password');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('alert')).toHaveText('用户名或密码错误。');
});

test('a reload without a valid session cookie shows the login page', async ({ page, context }) => {
  await logIn(page, 'community.huangshan');
  await expect(page.getByTestId('who')).toContainText('黄山社区');
  await context.clearCookies();
  await page.reload();
  await expect(page.getByRole('heading', { name: '登录' })).toBeVisible();
});
