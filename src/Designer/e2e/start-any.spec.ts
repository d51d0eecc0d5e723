import type { Page } from '@playwright/test';
import { expect, logIn, screenshot, test } from './support';

// Every procedure startable by those allowed, from the generic start page built from its start form: an owner forms
// a committee and reports a violation on a phone; the street office starts committee supervision (requiredWhen).

const phone = { width: 390, height: 844 };

async function noSidewaysScroll(page: Page): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  expect(scrollWidth, 'the page scrolls sideways').toBeLessThanOrEqual(innerWidth);
}

test('an owner applies for an owners committee and reports a violation from the generic start page', async ({ page }) => {
  await page.setViewportSize(phone);
  await logIn(page, 'owner.li');
  await page.goto('/#/portal');
  // Offered only what the server lets an owner start: committee formation, not rectification or supervision.
  await expect(page.getByTestId('start-committee-formation')).toBeVisible();
  await expect(page.getByTestId('start-rectification')).toHaveCount(0);
  await expect(page.getByTestId('start-committee-supervision')).toHaveCount(0);
  await page.getByTestId('start-committee-formation').click();

  await expect(page).toHaveURL(/#\/start\/committee-formation$/);
  await page.getByTestId('start-submit').click();
  await expect(page.locator('[data-field=initiatedBy] .field-error')).toBeVisible();
  await page.getByLabel('业主联名申请').check();
  await page.getByLabel(/联名业主占比/).fill('0.3');
  await page.getByLabel(/申请说明/).fill('滨江花园已交付满两年，业主联名申请成立业主委员会。');
  await noSidewaysScroll(page);
  await screenshot(page, '95-start-committee-formation-phone');
  await page.getByTestId('start-submit').click();
  const number = page.getByTestId('case-number');
  await expect(number).toHaveText(/^YW-\d{4}-\d{6}$/);
  await noSidewaysScroll(page);
  await page.getByTestId('follow').click();
  await expect(page).toHaveURL(/#\/cases\/[0-9a-f-]+$/);

  await page.goto('/#/start/enforcement-referral');
  await page.locator('#start-category').selectOption({ label: '占用消防通道' });
  await page.getByLabel(/具体位置/).fill('5幢东侧消防通道');
  await page.getByLabel(/情况描述/).fill('私家车长期停放在消防通道，堵住了通道。');
  await page.getByLabel(/劝阻、制止措施/).fill('已告知物业并在车上留言，车主未挪车。');
  await expect(page.locator('[data-field=reporter]')).toHaveCount(0);
  await page.getByTestId('start-submit').click();
  await expect(page.getByTestId('case-number')).toHaveText(/^WF-\d{4}-\d{6}$/);
  await noSidewaysScroll(page);
  await screenshot(page, '96-start-violation-owner-phone');

  // A procedure the owner may not start is refused on its page too.
  await page.goto('/#/start/rectification');
  await expect(page.getByTestId('not-startable')).toBeVisible();
});

test('the street office starts committee supervision; the decision fields are required only for an unlawful decision', async ({ page }) => {
  await logIn(page, 'street.chengjiang');
  await page.goto('/#/portal');
  await page.getByTestId('start-committee-supervision').click();
  await expect(page).toHaveURL(/#\/start\/committee-supervision$/);
  await page.locator('#start-compound').selectOption('jiangyin/chengjiang/huangshan/binjiang-garden');
  await expect(page.locator('[data-field=decisionText] .required-when')).toHaveCount(0);
  await page.getByLabel(/业主大会、业主委员会作出违法决定/).check();
  await expect(page.locator('[data-field=decisionText] .required-when')).toHaveText(/\*/);
  await page.getByLabel(/情况说明/).fill('业委会决定将公共收益用于委员补贴，多名业主反映。');
  await page.getByTestId('start-submit').click();
  await expect(page.locator('[data-field=decisionBy] .field-error')).toHaveText('此项为必填项。');
  await expect(page.locator('[data-field=decisionText] .field-error')).toBeVisible();
  await screenshot(page, '97-start-supervision-required-when');

  await page.locator('[data-field=decisionBy]').getByLabel('业主委员会', { exact: true }).check();
  await page.getByLabel(/决定内容/).fill('将公共收益的 30% 作为委员补贴。');
  await page.getByTestId('start-submit').click();
  await expect(page.getByTestId('case-number')).toHaveText(/^JD-\d{4}-\d{6}$/);
  await screenshot(page, '98-start-supervision-started');
  await page.getByTestId('follow').click();
  await expect(page).toHaveURL(/#\/cases\/[0-9a-f-]+$/);
});
