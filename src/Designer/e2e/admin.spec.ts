import { apiAs, expect, logIn, screenshot, test } from './support';

// 管理 (issue 18, part A): an administrator creates a user (the server's password rules shown on the field), finds
// them by name, locks them (their login then fails with the locked message), sees the last administrator protected,
// unlocks them, resets their password and deletes them;
// edits a compound's registered figures and reads the change log, adds a community to the tree; the pages fit a phone.

const suffix = () => Date.now().toString(36).slice(-5);

async function noSidewaysScroll(page: import('@playwright/test').Page): Promise<void> {
  const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
  expect(widths.scroll).toBeLessThanOrEqual(widths.inner);
}

test('an administrator creates a user and locks them; the locked user cannot log in', async ({ page, browser, playwright }) => {
  const id = suffix();
  const username = `e2e.clerk${id}`;
  const name = `测试社工${id}`;

  await logIn(page, 'admin');
  await page.locator('nav.app-nav a[data-route="/admin"]').click();
  await expect(page.getByTestId('admin-menu')).toBeVisible();
  await expect(page.getByTestId('admin-calendar')).toHaveAttribute('href', '#/calendar');
  await screenshot(page, '60-admin-menu');
  await page.getByTestId('admin-users').click();
  await expect(page.getByTestId('users-table')).toBeVisible();

  // A weak password: the server's rules come back on the password field; nothing is created.
  await page.getByTestId('user-new').click();
  const create = page.getByTestId('user-create');
  await create.locator('input[name="username"]').fill(username);
  await create.locator('input[name="displayName"]').fill(name);
  await create.locator('input[name="password"]').fill('abc');
  await create.getByLabel('社区居委会').check();
  await create.locator('select[name="jurisdictions"]').selectOption('jiangyin/chengjiang/huangshan');
  await create.getByTestId('user-create-confirm').click();
  await expect(create.locator('[data-field="password"] .field-error')).toBeVisible();
  await screenshot(page, '61-admin-user-create-errors');

  await create.locator('input[name="password"]').fill(`Qz7!vB${id}#m`);
  await create.getByTestId('user-create-confirm').click();
  await expect(create).toHaveCount(0);
  await expect(page.getByTestId('users-message')).toContainText(name);

  // Found by name; name first, user name second; role and jurisdiction in words.
  await page.locator('#users-text').fill(name);
  await page.getByTestId('users-filter').getByRole('button', { name: '查询' }).click();
  const row = page.locator(`tr[data-username="${username}"]`);
  await expect(row.locator('.user-name')).toHaveText(name);
  await expect(row.locator('.user-login').first()).toHaveText(username);
  await expect(row).toContainText('社区居委会');
  await expect(row).toContainText('黄山社区');
  await expect(row).toContainText('正常');

  // The new account works until it is locked.
  // (its own request context: the page's would take the new user's cookie.)
  const clerk = await apiAs(playwright, username, `Qz7!vB${id}#m`);
  expect((await clerk.get('/api/me')).status()).toBe(200);

  await row.getByRole('button', { name: '停用' }).click();
  await expect(page.getByTestId('user-lock')).toContainText(username);
  await page.getByTestId('user-lock-confirm').click();
  await expect(row).toContainText('已停用');
  await expect(row.getByRole('button', { name: '启用' })).toBeVisible();
  await screenshot(page, '62-admin-users');
  expect((await clerk.get('/api/me')).status()).toBe(401); // the lock ended the session it had
  await clerk.dispose();

  const other = await browser.newPage();
  await other.goto('/#/login');
  await other.getByLabel('用户名').fill(username);
  await other.getByLabel('密码').fill(`Qz7!vB${id}#m`);
  await other.getByRole('button', { name: '登录' }).click();
  await expect(other.locator('.banner-error')).toContainText('该账号已被管理员停用');
  await other.close();

  // The last administrator keeps the role: the server's message is shown in the dialog.
  await page.locator('#users-text').fill('admin');
  await page.getByTestId('users-filter').getByRole('button', { name: '查询' }).click();
  const adminRow = page.locator('tr[data-username="admin"]');
  await expect(adminRow.getByRole('button', { name: '停用' })).toBeDisabled();
  await adminRow.getByRole('button', { name: '编辑' }).click();
  const edit = page.getByTestId('user-edit');
  await edit.getByLabel('系统管理员').uncheck();
  await edit.getByTestId('user-edit-confirm').click();
  await expect(edit.locator('.banner-error')).toContainText('管理员');
  await edit.getByRole('button', { name: '取消' }).click();

  // The clerk unlocked, given a new password (the rules checked again), then deleted after a confirmation.
  await page.locator('#users-text').fill(name);
  await page.getByTestId('users-filter').getByRole('button', { name: '查询' }).click();
  await row.getByRole('button', { name: '启用' }).click();
  await expect(row).toContainText('正常');
  await row.getByRole('button', { name: '重置密码' }).click();
  const reset = page.getByTestId('user-password');
  await reset.locator('input[name="password"]').fill('short');
  await reset.getByTestId('user-password-confirm').click();
  await expect(reset.locator('[data-field="password"] .field-error')).toBeVisible();
  await reset.locator('input[name="password"]').fill(`Wx8@nP${id}!k`);
  await reset.getByTestId('user-password-confirm').click();
  await expect(reset).toHaveCount(0);
  const renewed = await apiAs(playwright, username, `Wx8@nP${id}!k`);
  expect((await renewed.get('/api/me')).status()).toBe(200);
  await renewed.dispose();
  await row.getByRole('button', { name: '删除' }).click();
  await expect(page.getByTestId('user-delete')).toContainText(username);
  await page.getByTestId('user-delete-confirm').click();
  await expect(page.getByTestId('users-message')).toContainText(`已删除 ${name}`);
  await expect(row).toHaveCount(0);
});

test('an administrator edits a compound\'s registered figures and reads its change log; adds a community', async ({ page, playwright }) => {
  const id = suffix();
  const admin = await apiAs(playwright, 'admin');
  const compound = `e2e-c${id}`;
  const created = await admin.post('/api/registry/compounds', {
    data: { community: 'huangshan', id: compound, name: `测试花园${id}`, floorArea: 12000, units: 120, propertyFirm: '江阴测试物业' },
    headers: { 'Idempotency-Key': `c-${id}` },
  });
  expect(created.status()).toBe(201);

  await logIn(page, 'admin');
  await page.goto('/#/admin/compounds');
  await page.locator('#compounds-text').fill(`测试花园${id}`);
  await page.locator('#compounds-text').press('Enter');
  const row = page.locator(`tr[data-compound="jiangyin/chengjiang/huangshan/${compound}"]`);
  await expect(row).toContainText('12,000.00 m²');
  await row.getByRole('button', { name: '修改' }).click();
  const dialog = page.getByTestId('compound-edit');
  await dialog.locator('input[name="floorArea"]').fill('12345.67');
  await dialog.locator('input[name="units"]').fill('-1');
  await dialog.getByTestId('compound-edit-confirm').click();
  await expect(dialog.locator('[data-field="units"] .field-error')).toBeVisible();
  await dialog.locator('input[name="units"]').fill('124');
  await screenshot(page, '63-admin-compound-edit');
  await dialog.getByTestId('compound-edit-confirm').click();
  await expect(dialog).toHaveCount(0);
  await expect(row).toContainText('12,345.67 m²');
  await expect(row).toContainText('124');

  await row.getByRole('button', { name: '变更记录' }).click();
  const log = page.getByTestId('compound-changes');
  await expect(log.locator('li').first()).toContainText('登记建筑面积：12000 → 12345.67');
  await expect(log.locator('li').first()).toContainText('登记套数：120 → 124');
  await expect(log.locator('li').first()).toContainText('admin');
  await screenshot(page, '64-admin-compound-log');
  await page.getByTestId('compound-log-confirm').click();

  // The tree: a community added under 澄江街道, shown in place.
  await page.goto('/#/admin/jurisdictions');
  const street = page.locator('li[data-path="jiangyin/chengjiang"] > .tree-row');
  await street.getByRole('button', { name: /新增/ }).click();
  const add = page.getByTestId('node-add');
  await add.locator('input[name="name"]').fill(`测试社区${id}`);
  await add.locator('input[name="id"]').fill(`e2e-s${id}`);
  await add.getByTestId('node-add-confirm').click();
  await expect(page.locator(`li[data-path="jiangyin/chengjiang/e2e-s${id}"]`)).toContainText(`测试社区${id}`);
  await expect(page.locator(`li[data-path="jiangyin/chengjiang/huangshan/${compound}"]`)).toContainText(`测试花园${id}`);
  await screenshot(page, '65-admin-jurisdictions');
  await admin.dispose();
});

test('the administrator\'s screens fit a phone', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await logIn(page, 'admin');
  for (const route of ['/admin', '/admin/users', '/admin/compounds', '/admin/jurisdictions']) {
    await page.goto(`/#${route}`);
    await expect(page.locator('.admin-page h1')).toBeVisible();
    await expect(page.locator('.outlet p.muted', { hasText: '正在加载' })).toHaveCount(0);
    await noSidewaysScroll(page);
  }
  await page.goto('/#/admin/users');
  await expect(page.getByTestId('users-table')).toBeVisible();
  await noSidewaysScroll(page);
  await screenshot(page, '66-admin-users-phone');
  const lock = page.getByTestId('users-table').getByRole('button', { name: '编辑' }).first();
  const box = await lock.boundingBox();
  expect(box?.height ?? 0).toBeGreaterThanOrEqual(40);
});
