import { apiAs, expect, logIn, screenshot, test } from './support';

// 业主名册 (issue 18, part A; issue 17 item 1's screens): street staff see a compound's register with owners
// without accounts and the developer's unsold units, add a unit with an owner without an account, see the register
// disagree with the registry and confirm a tolerance with a reason; the community reads it; it fits a phone.
// The test builds its own compound under 黄山社区 (澄江街道) through the API.

const suffix = () => Date.now().toString(36).slice(-5);

test('street staff keep a compound\'s owners\' register and confirm a tolerance', async ({ page, playwright, browser }) => {
  const id = suffix();
  const compound = `e2e-r${id}`;
  const path = `jiangyin/chengjiang/huangshan/${compound}`;
  const admin = await apiAs(playwright, 'admin');
  const street = await apiAs(playwright, 'street.chengjiang');
  expect((await admin.post('/api/registry/compounds', { data: { community: 'huangshan', id: compound, name: `名册花园${id}`, floorArea: 520, units: 5 } })).status()).toBe(201);
  const units = [
    { number: '1-1-101', area: 100, ownerName: '张三', ownerIdTail: '1234', ownerPhone: '13800000001' },
    { number: '1-1-102', area: 80, ownerName: '张三', ownerIdTail: '1234' },
    { number: '1-2-201', area: 120, owner: 'owner.li' },
    { number: '3-1-101', area: 90, developer: true, ownerName: '江阴测试置业有限公司' },
  ];
  for (const unit of units) expect((await street.post(`/api/compounds/${compound}/units`, { data: unit })).status()).toBe(201);

  await logIn(page, 'street.chengjiang');
  await page.locator('nav.app-nav a[data-route="/register"]').click();
  await page.getByTestId('register-compounds').getByText(`名册花园${id}`).click();
  await expect(page.getByRole('heading', { name: `业主名册：名册花园${id}` })).toBeVisible();

  // Owners without an account by name, the developer's units as 建设单位（未售）, persons as the law counts them.
  const table = page.getByTestId('register-units-table');
  await expect(table.locator('tr[data-unit="1-1-101"]')).toContainText('张三');
  await expect(table.locator('tr[data-unit="1-1-101"]')).toContainText('无账号');
  await expect(table.locator('tr[data-unit="1-2-201"]')).toContainText('李');
  await expect(table.locator('tr[data-unit="3-1-101"]')).toContainText('建设单位（未售）');
  await expect(table.locator('tr[data-unit="3-1-101"]')).toContainText('江阴测试置业有限公司');
  await expect(page.getByTestId('register-persons')).toHaveText('3');
  await expect(page.getByTestId('register-area')).toHaveText('390.00 m²');
  await expect(page.getByTestId('register-agreement')).toContainText('不一致');
  await screenshot(page, '67-register-street');

  // A unit with an owner without an account, entered building / entrance / room.
  await page.getByTestId('unit-new').click();
  const add = page.getByTestId('unit-add');
  await add.locator('input[name="building"]').fill('2');
  await add.locator('input[name="entrance"]').fill('1');
  await add.locator('input[name="room"]').fill('301');
  await add.locator('input[name="area"]').fill('110');
  await add.locator('input[name="ownerName"]').fill('王五');
  await add.locator('input[name="ownerIdTail"]').fill('12');
  await add.getByTestId('unit-add-confirm').click();
  await expect(add.locator('[data-field="ownerIdTail"] .field-error')).toContainText('后四至六位');
  await add.locator('input[name="ownerIdTail"]').fill('4321');
  await add.getByTestId('unit-add-confirm').click();
  await expect(add).toHaveCount(0);
  await expect(table.locator('tr[data-unit="2-1-301"]')).toContainText('王五');
  await expect(page.getByTestId('register-units')).toHaveText('5');
  await expect(page.getByTestId('register-persons')).toHaveText('4');
  await expect(page.getByTestId('register-area')).toHaveText('500.00 m²');

  // 500 of 520 m²: 3.85 % apart, so no ballot could open; the street office confirms a tolerance with a reason.
  await expect(page.getByTestId('register-agreement')).toContainText('不一致');
  await page.getByTestId('tolerance-new').click();
  const confirm = page.getByTestId('tolerance-confirm');
  await expect(confirm).toContainText('3.85%');
  await expect(confirm.locator('input[name="tolerance"]')).toHaveValue('3.85');
  await confirm.locator('input[name="tolerance"]').fill('1');
  await confirm.locator('textarea[name="note"]').fill('3-1-102 产权登记尚未办结');
  await confirm.getByTestId('tolerance-confirm-confirm').click();
  await expect(confirm.locator('[data-field="tolerance"] .field-error')).toContainText(/3\.85\s?%/);
  await confirm.locator('input[name="tolerance"]').fill('3.85');
  await screenshot(page, '68-register-tolerance');
  await confirm.getByTestId('tolerance-confirm-confirm').click();
  await expect(confirm).toHaveCount(0);
  await expect(page.getByTestId('register-agreement')).toContainText('一致（可作表决基数）');
  await expect(page.getByTestId('register-confirmation')).toContainText('3-1-102 产权登记尚未办结');

  // Correcting a unit: the developer's unit sold to an owner without an account.
  await table.locator('tr[data-unit="3-1-101"]').getByRole('button', { name: '修改' }).click();
  const edit = page.getByTestId('unit-edit');
  await edit.getByLabel('无账号的业主').check();
  await edit.locator('[data-kind="person"] input[name="ownerName"]').fill('赵六');
  await edit.locator('input[name="ownerIdTail"]').fill('5678');
  await edit.getByTestId('unit-edit-confirm').click();
  await expect(edit).toHaveCount(0);
  await expect(table.locator('tr[data-unit="3-1-101"]')).toContainText('赵六');
  await expect(page.getByTestId('register-persons')).toHaveText('4');

  // The confirmation is recorded in the registry's change log.
  const changes = await (await admin.get('/api/registry/changes', { params: { entity: 'register-confirmation', key: path } })).json() as { items: { changedBy: string }[] };
  expect(changes.items[0]?.changedBy).toBe('street.chengjiang');

  // An administrator sees the register with its change log and the confirmation next to it.
  const adminContext = await browser.newContext();
  const adminPage = await adminContext.newPage();
  await logIn(adminPage, 'admin');
  await adminPage.goto(`/#/register?compound=${encodeURIComponent(path)}`);
  await expect(adminPage.getByTestId('unit-changes').locator('li').first()).toContainText('业主：江阴测试置业有限公司 → 赵六');
  await expect(adminPage.getByTestId('confirmation-changes')).toContainText('理由：— → 3-1-102 产权登记尚未办结');
  await expect(adminPage.getByTestId('confirmation-changes')).toContainText('允许误差：— → 3.85%');
  await adminContext.close();
  await admin.dispose();
  await street.dispose();
});

test('the community reads the register without keeping it, on a phone', async ({ page, playwright }) => {
  const id = suffix();
  const compound = `e2e-p${id}`;
  const admin = await apiAs(playwright, 'admin');
  expect((await admin.post('/api/registry/compounds', { data: { community: 'huangshan', id: compound, name: `手机花园${id}`, floorArea: 200, units: 2 } })).status()).toBe(201);
  expect((await admin.post(`/api/compounds/${compound}/units`, { data: { number: '1-1-101', area: 100, ownerName: '钱七', ownerIdTail: '8888', ownerPhone: '13900000002' } })).status()).toBe(201);
  expect((await admin.post(`/api/compounds/${compound}/units`, { data: { number: '1-1-102', area: 100, developer: true, ownerName: '江阴测试置业有限公司' } })).status()).toBe(201);

  await page.setViewportSize({ width: 390, height: 844 });
  await logIn(page, 'community.huangshan');
  await page.goto(`/#/register?compound=${encodeURIComponent(`jiangyin/chengjiang/huangshan/${compound}`)}`);
  await expect(page.getByTestId('register-units-table').locator('tr[data-unit="1-1-101"]')).toContainText('钱七');
  await expect(page.getByTestId('register-agreement')).toContainText('一致');
  await expect(page.getByTestId('unit-new')).toHaveCount(0);
  await expect(page.getByTestId('tolerance-new')).toHaveCount(0);
  const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
  expect(widths.scroll).toBeLessThanOrEqual(widths.inner);
  await screenshot(page, '69-register-phone');
  await admin.dispose();
});
