import type { APIRequestContext, Page } from '@playwright/test';
import { apiAs, ballotProcessXml, expect, logIn, logOutAnyWidth, screenshot, test } from './support';

// 业主表决 for staff and owners on a phone (issue 18, part R). The test builds its own compound 清风苑 in 黄山社区
// with a complete owners' register (an owner with an account, two without — 张三 holds two units — and the
// developer's unsold units), and opens a ballot there that elects a committee (item 3, with candidates and the
// draft rules attached) and decides a rebuilding (item 7, three quarters). The community enters a paper vote and a
// proxy vote with their scans; a second entry for an owner who has voted meanwhile is refused; the owner reads the
// candidates and drafts, votes last, and reads the result; staff read it too.

const huangshan = 'jiangyin/chengjiang/huangshan';
const suffix = Date.now().toString(36);
const compoundId = `qingfeng-${suffix}`;
const compound = `${huangshan}/${compoundId}`;
const ownerName = `owner.qf${suffix}`;
const ownerPassword = 'Qingfeng-Gate42';
const title = '清风苑业主大会：选举业主委员会、改建北门';

const questions = [
  { id: 'members', text: '选举候选人为业主委员会委员', item: 3, candidatesFrom: 'nominees' },
  { id: 'rebuild', text: '改建小区北门及门卫室', item: 7 },
];
const documents = [
  { title: '《业主大会议事规则》草案', from: 'rulesDraft' },
  { title: '《管理规约》草案', text: '第一条 为维护全体业主的合法权益，制定本规约。\n第二条 业主应当爱护共有部分。' },
];
const xml = ballotProcessXml({ id: 'e2e-staff-ballot', name: '业主大会表决（测试）', title, questions, documents });

const scan = { name: '书面表决票.png', mimeType: 'image/png', buffer: Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64') };
const phone = { width: 390, height: 844 };

async function created(response: Promise<import('@playwright/test').APIResponse>): Promise<Record<string, unknown>> {
  const r = await response;
  expect(r.status(), await r.text()).toBe(201);
  return (await r.json()) as Record<string, unknown>;
}

async function noSidewaysScroll(page: Page): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  expect(scrollWidth, 'the page does not scroll sideways').toBeLessThanOrEqual(innerWidth);
}

async function paperByApi(staff: APIRequestContext, ballotId: string, owner: string, answers: object): Promise<number> {
  const uploaded = await created(staff.post(`/api/ballots/${ballotId}/scans`, { multipart: { file: scan } }));
  const response = await staff.post(`/api/ballots/${ballotId}/paper-votes`, { data: { owner, channel: 'paper', scanId: uploaded.id, answers } });
  return response.status();
}

test('community staff enter paper and proxy votes on a phone, a second entry is refused, the owner reads the drafts and the result', async ({ page, playwright }) => {
  test.setTimeout(240_000);
  page.on('dialog', (dialog) => void dialog.accept());

  // The compound, its complete register (674 m², six units, four persons) and the ballot.
  const admin = await apiAs(playwright, 'admin');
  await created(admin.post('/api/registry/compounds', { data: { community: 'huangshan', id: compoundId, name: '清风苑', floorArea: 674, units: 6 } }));
  await created(admin.post('/api/users', { data: { username: ownerName, displayName: '业主 钟女士', password: ownerPassword, roles: ['owner'], jurisdictions: [compound] } }));
  const street = await apiAs(playwright, 'street.chengjiang');
  const units = [
    { number: '1-101', area: 95.5, owner: ownerName },
    { number: '2-101', area: 120, ownerName: '张三', ownerIdTail: '1234', ownerPhone: '13800000001' },
    { number: '2-102', area: 88.5, ownerName: '张三', ownerIdTail: '1234' },
    { number: '3-101', area: 110, ownerName: '李四', ownerIdTail: '567X' },
    { number: '4-101', area: 130, developer: true, ownerName: '江阴清风置业有限公司' },
    { number: '4-102', area: 130, developer: true, ownerName: '江阴清风置业有限公司' },
  ];
  const keys: Record<string, string> = {};
  for (const unit of units) {
    const row = await created(street.post(`/api/compounds/${compoundId}/units`, { data: unit }));
    keys[('ownerName' in unit ? unit.ownerName : undefined) ?? ownerName] = row.owner as string;
  }
  const deployed = await admin.post('/api/deployments', { data: xml, headers: { 'Content-Type': 'application/xml' } });
  expect([200, 201], await deployed.text()).toContain(deployed.status());
  const started = await created(admin.post('/api/definitions/e2e-staff-ballot/instances', {
    data: { jurisdiction: compound, variables: { nominees: '赵一、钱二、孙三', rulesDraft: '第一条 业主大会由本物业管理区域内全体业主组成。\n第二条 业主大会会议分为定期会议和临时会议。' } },
  }));
  const ballotId = (started.variables as Record<string, string>).ballotId!;
  expect(ballotId).toBeTruthy();

  // The community on a phone: its area's ballots, with turnout so far.
  await page.setViewportSize(phone);
  await logIn(page, 'community.huangshan');
  await page.goto('/#/ballots');
  const card = page.locator(`[data-ballot="${ballotId}"]`);
  await expect(card).toContainText('清风苑');
  await expect(card).toContainText(title);
  await expect(card.getByTestId('ballot-status')).toHaveText('进行中');
  await expect(card).toContainText('已投票 0 / 4 人，专有部分面积 0.00 m² / 674.00 m²');
  await noSidewaysScroll(page);
  await screenshot(page, '50-ballots-staff-phone');

  // The register: names, units and area, nobody has voted; 张三 counts once with his two units.
  await card.getByRole('link', { name: '查看表决' }).click();
  await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
  await expect(page.getByText('业主名册（4 位业主）')).toBeVisible();
  const zhang = page.locator('.elector[data-owner-name="张三"]');
  await expect(zhang).toContainText('房号 2-101、2-102');
  await expect(zhang).toContainText('208.50 m²');
  await expect(zhang).toContainText('未投票');
  await expect(page.locator('.elector', { hasText: '江阴清风置业有限公司' })).toContainText('开发建设单位未售房屋');

  // 书面表决 for 张三, with the scan.
  await zhang.getByTestId('enter-paper').click();
  const entry = page.getByTestId('paper-entry');
  await expect(entry.getByRole('heading', { name: '录入书面表决票：张三' })).toBeVisible();
  await entry.locator('[data-question=members]').getByLabel('同意').check();
  await entry.getByTestId('submit-paper').click();
  await expect(entry.locator('[data-question=rebuild] .field-error')).toHaveText('请选择同意、反对或弃权。');
  await expect(entry.getByText('请上传表决票的扫描件或照片。')).toBeVisible();
  await entry.locator('[data-question=rebuild]').getByLabel('反对').check();
  await entry.locator('#paper-scan').setInputFiles(scan);
  await expect(entry.locator('[data-question=rebuild]')).toContainText('重大事项 · 民法典第二百七十八条第（七）项');
  await noSidewaysScroll(page);
  await screenshot(page, '51-paper-entry-phone');
  await entry.getByTestId('submit-paper').click();
  await expect(page.getByTestId('entry-status')).toHaveText('已录入 张三 的书面表决，计入表决。');
  await expect(zhang.getByTestId('voted')).toHaveText('已投票 · 书面表决');
  await expect(zhang.getByTestId('enter-paper')).toHaveCount(0);

  // 委托投票 for the developer: the proxy's name is required.
  const developer = page.locator('.elector', { hasText: '江阴清风置业有限公司' });
  await developer.getByTestId('enter-paper').click();
  await entry.getByLabel('委托投票（业主书面委托他人代为投票）').check();
  await entry.locator('[data-question=members]').getByLabel('同意').check();
  await entry.locator('[data-question=rebuild]').getByLabel('同意').check();
  await entry.locator('#paper-scan').setInputFiles(scan);
  await entry.getByTestId('submit-paper').click();
  await expect(entry.getByText('委托投票须填写受托人姓名。')).toBeVisible();
  await entry.getByLabel('受托人姓名').fill('王律师');
  await entry.getByTestId('submit-paper').click();
  await expect(page.getByTestId('entry-status')).toContainText('的委托投票，计入表决。');
  await expect(developer.getByTestId('voted')).toHaveText('已投票 · 委托投票');
  await screenshot(page, '52-paper-recorded-phone');

  // A second entry for the same owner: 李四's paper was entered by the street office meanwhile.
  const li = page.locator('.elector[data-owner-name="李四"]');
  await li.getByTestId('enter-paper').click();
  await entry.locator('[data-question=members]').getByLabel('同意').check();
  await entry.locator('[data-question=rebuild]').getByLabel('同意').check();
  await entry.locator('#paper-scan').setInputFiles(scan);
  expect(await paperByApi(street, ballotId, keys['李四']!, { members: 'agree', rebuild: 'agree' })).toBe(201);
  await entry.getByTestId('submit-paper').click();
  await expect(entry.getByRole('alert').filter({ hasText: '该业主已经投过票' })).toBeVisible();
  await expect(li.getByTestId('voted')).toHaveText('已投票 · 书面表决');
  await noSidewaysScroll(page);
  await screenshot(page, '53-paper-entry-refused-phone');
  await logOutAnyWidth(page);

  // The owner on a phone reads what each question decides, the candidates and the drafts, and votes last.
  await page.goto('/#/login');
  await page.getByLabel('用户名').fill(ownerName);
  await page.getByLabel('密码').fill(ownerPassword);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByTestId('who')).toBeVisible();
  await page.goto(`/#/portal/ballots/${ballotId}`);
  const members = page.locator('[data-question=members]');
  await expect(members.getByTestId('matter')).toHaveText('一般事项 · 民法典第二百七十八条第（三）项：选举业主委员会或者更换业主委员会成员');
  await expect(members.getByTestId('majority')).toContainText('过半数');
  await expect(members.getByTestId('candidates').locator('li')).toHaveText(['赵一', '钱二', '孙三']);
  await expect(page.locator('[data-question=rebuild]').getByTestId('majority')).toContainText('四分之三以上');
  const drafts = page.getByTestId('documents');
  await drafts.getByText('《业主大会议事规则》草案').click();
  await expect(drafts).toContainText('第一条 业主大会由本物业管理区域内全体业主组成。');
  await expect(page.getByText(/已投票业主 3 \/ 4 人/)).toBeVisible();
  await noSidewaysScroll(page);
  await screenshot(page, '54-ballot-owner-drafts-phone');
  await members.getByLabel('同意').check();
  await page.locator('[data-question=rebuild]').getByLabel('同意').check();
  await page.getByTestId('cast-vote').click();
  await expect(page.getByText('投票成功，感谢您的参与。')).toBeVisible();

  // Everyone has voted, so the ballot closed: the owner reads the result on his phone. Rebuilding has three of
  // four owners (75 %) but 465.50 of 674.00 m² (69.07 %) agreeing: not three quarters of the area, not passed.
  await page.goto('/#/portal/ballots');
  await page.getByTestId('closed-ballots').locator('li', { hasText: title }).getByRole('link', { name: '查看表决结果' }).click();
  await expect(page.getByRole('heading', { name: `表决结果：${title}`, level: 1 })).toBeVisible();
  await expect(page.getByTestId('turnout')).toContainText('参与表决 4 人，占全体 4 人的 100.00%；所持专有部分面积 674.00 m²，占全体 674.00 m² 的 100.00%。达到三分之二，表决有效。');
  const memberResult = page.locator('.result-question[data-question=members]');
  await expect(memberResult.getByTestId('question-verdict')).toHaveText('通过');
  await expect(memberResult).toContainText('赵一、钱二、孙三');
  const rebuildResult = page.locator('.result-question[data-question=rebuild]');
  await expect(rebuildResult.getByTestId('question-verdict')).toHaveText('未通过：同意的面积或人数未达到四分之三');
  await expect(rebuildResult.locator('tbody tr').first()).toContainText('465.50 m²');
  await expect(rebuildResult.locator('tbody tr').first()).toContainText('69.07%');
  await expect(page.getByTestId('ballot-verdict')).toHaveText('表决未通过');
  await noSidewaysScroll(page);
  await screenshot(page, '55-ballot-result-owner-phone');
  await logOutAnyWidth(page);

  // Staff at a desk read the same result from their list.
  await page.setViewportSize({ width: 1440, height: 900 });
  await logIn(page, 'community.huangshan');
  await page.goto('/#/ballots');
  await expect(card.getByTestId('ballot-status')).toHaveText('已结束');
  await card.getByRole('link', { name: '表决结果' }).click();
  await expect(page.locator('.result-question[data-question=rebuild]').getByTestId('question-verdict')).toHaveText('未通过：同意的面积或人数未达到四分之三');
  await noSidewaysScroll(page);
  await screenshot(page, '56-ballot-result-staff');

  await admin.dispose();
  await street.dispose();
});
