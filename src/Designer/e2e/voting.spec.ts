import { apiAs, ballotProcessXml, expect, logIn, screenshot, test } from './support';

// 业主大会表决 in the browser with a ballot open: a process opens it for 滨江花园 (openBallot, as the committee
// formation does), an owner of that compound votes once, an owner of another compound does not see it.
// Runs after story.spec.ts (file order), whose owner finds no open ballot.

const binjiang = 'jiangyin/chengjiang/huangshan/binjiang-garden';
const questions = [
  { id: 'raise', text: '同意按每平方米 30 元续筹专项维修资金？', matter: 'major' },
  { id: 'gate', text: '同意更换小区北门门禁系统？', matter: 'ordinary' },
];
const xml = ballotProcessXml({ id: 'e2e-ballot', name: '业主表决（测试）', title: '续筹维修资金与更换门禁（测试）', questions });

test('an owner votes in an open ballot of his compound, once; an owner of another compound does not see it', async ({ page, playwright }) => {
  const admin = await apiAs(playwright, 'admin');
  const deployed = await admin.post('/api/deployments', { data: xml, headers: { 'Content-Type': 'application/xml' } });
  expect([200, 201], await deployed.text()).toContain(deployed.status());
  const started = await admin.post('/api/definitions/e2e-ballot/instances', { data: { jurisdiction: binjiang } });
  expect(started.status(), await started.text()).toBe(201);
  await admin.dispose();

  await logIn(page, 'owner.wang');
  await page.goto('/#/portal/ballots');
  const item = page.locator('.ballot-list li', { hasText: '续筹维修资金与更换门禁（测试）' });
  await expect(item).toContainText('滨江花园');
  await item.getByRole('link', { name: '去投票' }).click();
  await expect(page.getByRole('heading', { name: '续筹维修资金与更换门禁（测试）', level: 1 })).toBeVisible();
  await expect(page.locator('[data-question=raise] legend')).toContainText('重大事项');
  await expect(page.locator('[data-question=gate] legend')).toContainText('一般事项');

  // Every question must be answered before the paper is sent.
  await page.locator('[data-question=raise]').getByLabel('同意').check();
  await page.getByTestId('cast-vote').click();
  await expect(page.locator('[data-question=gate] .field-error')).toHaveText('请选择同意、反对或弃权。');
  await expect(page.locator('[data-question=raise] .field-error')).toBeHidden();
  await page.locator('[data-question=gate]').getByLabel('反对').check();
  await screenshot(page, '30-ballot-paper-owner');
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByTestId('cast-vote').click();
  await expect(page.getByText('投票成功，感谢您的参与。')).toBeVisible();

  // Once only: the paper is shown as cast, and the server refuses a second vote.
  await page.goto('/#/portal/ballots');
  await expect(item.locator('.badge')).toHaveText('已投票');
  await item.getByRole('link', { name: '查看' }).click();
  await expect(page.getByRole('alert').or(page.locator('.banner')).first()).toContainText('每位业主只能投一次');
  await expect(page.locator('[data-question=raise]').getByLabel('同意')).toBeChecked();
  await expect(page.locator('[data-question=raise]').getByLabel('同意')).toBeDisabled();
  await expect(page.getByTestId('cast-vote')).toBeDisabled();
  await expect(page.getByText(/已投票业主 1 \/ \d+ 人/)).toBeVisible();
  const ballotId = page.url().split('#/portal/ballots/')[1]!;
  const again = await page.request.post(`/api/ballots/${ballotId}/votes`, { data: { answers: { raise: 'disagree', gate: 'agree' } } });
  expect(again.status()).toBe(409);
  await screenshot(page, '31-ballot-cast-owner');
  await page.getByTestId('logout').click();

  // An owner of 幸福里 (another street) sees no ballot, and the paper's address is not found for him.
  await logIn(page, 'owner.sun');
  await page.goto('/#/portal/ballots');
  await expect(page.getByTestId('no-ballots')).toBeVisible();
  await page.goto(`/#/portal/ballots/${ballotId}`);
  await expect(page.getByText('该表决不存在或您无权参与。')).toBeVisible();
});
